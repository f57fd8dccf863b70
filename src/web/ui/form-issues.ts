import type { z } from "zod";
import type { CrossFieldRule } from "../../shared/validation-messages";
import type { PlainMessageKey } from "../i18n/messages";

/*
 * A form is checked before sending by the same shared Zod schema the server validates its
 * body with; this maps the schema's issues to the catalogue's words, per field, so the
 * message is in the reader's language (the server's own messages are Swedish).
 */

/** Either the body to send, or a message key per field to correct. */
export type Checked<B, F extends string> =
  | { ok: true; body: B }
  | { ok: false; fields: Partial<Record<F, PlainMessageKey>> };

/**
 * The words for a field: one key for whatever is wrong with it, or a default beside one key
 * per rule between fields (`shared/validation-messages.ts`) that is put on this field.
 */
export type FieldMessage =
  | PlainMessageKey
  | Partial<Record<CrossFieldRule | "default", PlainMessageKey>>;

/** A form's words, by the field's path in the body ("consent.givenOn", "consents.0.form"). */
export type FieldMessages<F extends string> = Readonly<Record<F, FieldMessage>>;

/*
 * Issues the catalogue has no words for stay with the server: a text over its length is
 * sent, and the server's 400 names the field (the forms show it), as before the schemas were
 * shared. "Too big" is such an issue: a field's words say what to fill in, not how much.
 */
const leftToServer = new Set(["too_big"]);

/** The key for one issue; none when the field's words do not cover it (left to the server). */
function messageFor(issue: z.core.$ZodIssue, message: FieldMessage): PlainMessageKey | undefined {
  if (leftToServer.has(issue.code)) return undefined;
  if (typeof message === "string") return message;
  const rule = issue.code === "custom" ? (issue.params?.rule as CrossFieldRule | undefined) : null;
  return rule ? (message[rule] ?? message.default) : message.default;
}

/**
 * The parsed body (texts trimmed as the server stores them) with only the fields the form
 * gave: a default the form left out stays the server's to fill, as before.
 */
function asGiven(data: unknown, value: unknown): unknown {
  if (typeof data !== "object" || data === null || Array.isArray(data)) return data;
  if (typeof value !== "object" || value === null) return data;
  return Object.fromEntries(Object.entries(data).filter(([key]) => Object.hasOwn(value, key)));
}

/**
 * Checks `value` (the form's values shaped as the body; "" for a choice not made) with the shared `schema`: the parsed
 * body when it passes, or the catalogue key of each field's first issue. A value whose only
 * issues have no words here is sent as it is, for the server to answer.
 */
export function formIssues<S extends z.ZodType, F extends string>(
  schema: S,
  value: unknown,
  messages: FieldMessages<F>,
): Checked<z.input<S>, F> {
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, body: asGiven(result.data, value) as z.input<S> };
  const fields: Partial<Record<F, PlainMessageKey>> = {};
  for (const issue of result.error.issues) {
    const path = issue.path.map(String).join(".") as F;
    if (!Object.hasOwn(messages, path) || Object.hasOwn(fields, path)) continue;
    const key = messageFor(issue, messages[path]);
    if (key) fields[path] = key;
  }
  // Only issues the server words: send as typed (every choice and date has words here).
  if (Object.keys(fields).length === 0) return { ok: true, body: value as z.input<S> };
  return { ok: false, fields };
}
