import { z } from "zod";
import { containsIdentityNumber } from "../personal-identity-number.ts";
import {
  type CrossFieldRule,
  crossFieldMessages,
  dateRangeMessage,
} from "../validation-messages.ts";

/**
 * What every string and number the API accepts must be, whatever its schema says besides:
 * the rule the server's validator applies to every body, query string and path parameter
 * (`server/http/validation.ts`), so that nothing reaches PostgreSQL that it refuses (a NUL
 * byte, half of a surrogate pair) or that a person cannot see (control characters).
 */

/**
 * Control characters (C0, DEL, C1: Unicode's Cc) except tab and newline, and half of a
 * surrogate pair (Cs: what is left of an emoji cut in two; PostgreSQL refuses it in jsonb).
 */
const neverAllowed = /(?![\t\n])\p{Cc}|\p{Cs}/u;
/** Tab and newline: allowed only in a field whose text has lines. */
const lineCharacters = /[\t\n]/;

export type TextProblem = "control_character" | "line_break";

/** What is wrong with a text for a field, or null when it may be stored. */
export function textProblem(text: string, allowsLines: boolean): TextProblem | null {
  if (neverAllowed.test(text)) return "control_character";
  if (!allowsLines && lineCharacters.test(text)) return "line_break";
  return null;
}

const multilineFields = new WeakSet<z.core.$ZodType>();

/** A text field whose value may have lines and tabs (what the UI shows as a text area). */
export function multiline<T extends z.ZodString>(schema: T): T {
  multilineFields.add(schema);
  return schema;
}

/**
 * A text that must never point anyone out (a log, an anonymous contact, a survey answer): one
 * with a personal identity or coordination number in it is refused, with the form's own words.
 */
export function withoutIdentityNumber<T extends z.ZodType<string>>(schema: T, message: string) {
  return schema.refine((text) => !containsIdentityNumber(text), { message });
}

interface Def {
  type: string;
  shape?: Record<string, z.core.$ZodType>;
  element?: z.core.$ZodType;
  valueType?: z.core.$ZodType;
  innerType?: z.core.$ZodType;
  in?: z.core.$ZodType;
  options?: z.core.$ZodType[];
  left?: z.core.$ZodType;
  right?: z.core.$ZodType;
  items?: z.core.$ZodType[];
  rest?: z.core.$ZodType | null;
  getter?: () => z.core.$ZodType;
}

const def = (schema: z.core.$ZodType) => schema._zod.def as unknown as Def;

/** The schemas a value at `key` inside a value of `schema` is checked against. */
function children(schema: z.core.$ZodType, key: string | number): z.core.$ZodType[] {
  const d = def(schema);
  switch (d.type) {
    case "object":
      // Own keys only: "constructor" is not a field because every object has one.
      return d.shape && Object.hasOwn(d.shape, key) ? [d.shape[key] as z.core.$ZodType] : [];
    case "array":
      return d.element ? [d.element] : [];
    case "record":
      return d.valueType ? [d.valueType] : [];
    case "tuple": {
      const item = typeof key === "number" ? d.items?.[key] : undefined;
      return item ? [item] : d.rest ? [d.rest] : [];
    }
    default:
      return [];
  }
}

/** The schemas a wrapper stands for: an optional text is still a text. */
function unwrap(schema: z.core.$ZodType): z.core.$ZodType[] {
  const d = def(schema);
  if (d.innerType) return unwrap(d.innerType);
  if (d.type === "pipe" && d.in) return unwrap(d.in);
  if (d.type === "lazy" && d.getter) return unwrap(d.getter());
  if (d.options) return d.options.flatMap(unwrap);
  if (d.left && d.right) return [...unwrap(d.left), ...unwrap(d.right)];
  return [schema];
}

/** Whether the field at `path` of a value checked by `schema` was declared multi-line. */
export function allowsLines(schema: z.core.$ZodType, path: readonly (string | number)[]): boolean {
  let current = unwrap(schema);
  for (const key of path) current = current.flatMap((s) => children(s, key)).flatMap(unwrap);
  return current.some((s) => multilineFields.has(s));
}

/** The largest value of PostgreSQL's `integer`, where every whole number of the API ends. */
export const int4Max = 2_147_483_647;
const int4Min = -2_147_483_648;

/** A whole number that fits the `integer` column (or jsonb figure) it is stored in. */
export const int4 = () => z.number().int().min(int4Min).max(int4Max);

/** A number (possibly with decimals) bounded like an `integer`, so sums stay finite. */
export const boundedNumber = () => z.number().min(int4Min).max(int4Max);

/** A whole number in a path or query string (text there), bounded like `int4`. */
export const int4Param = () => z.coerce.number().int().min(int4Min).max(int4Max);

/**
 * The years a date in Frid may have: birth dates of the oldest clients to deadlines far
 * ahead. PostgreSQL has no year 0, and the calendar's arithmetic (a deadline a year on) must
 * stay within four-digit years.
 */
export const firstYear = 1900;
export const lastYear = 2999;

function inYears(text: string): boolean {
  // Only a text that looks like a date: the format check words the others.
  if (!/^\d{4}-/.test(text)) return true;
  const year = Number(text.slice(0, 4));
  return year >= firstYear && year <= lastYear;
}

/** A calendar day (YYYY-MM-DD) within `firstYear`–`lastYear`. */
export const isoDate = (params?: Parameters<typeof z.iso.date>[0]) =>
  z.iso.date(params).refine(inYears, { message: dateRangeMessage });

/** A moment (ISO 8601 with offset) within `firstYear`–`lastYear`. */
export const isoDateTime = (params?: Parameters<typeof z.iso.datetime>[0]) =>
  z.iso.datetime(params).refine(inYears, { message: dateRangeMessage });

const isDay = (value: unknown): value is string =>
  typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value);

/**
 * A rule between fields of one body (`holds` on the whole body), its issue put on `field`
 * with the rule's message and name. It runs even when another field is wrong, so a form
 * shows every problem at once; `holds` answers true when a field it reads is missing or
 * malformed, since that is the field's own problem.
 */
export function fieldRule(
  rule: CrossFieldRule,
  field: string,
  holds: (body: Record<string, unknown>) => boolean,
) {
  return z.refine<Record<string, unknown>>((body) => holds(body), {
    path: [field],
    message: crossFieldMessages[rule],
    params: { rule },
    when: (payload) => typeof payload.value === "object" && payload.value !== null,
  });
}

/** The day at `later` may not lie before the day at `earlier`; the issue is on `later`. */
export const dayNotBefore = (later: string, earlier: string, rule: CrossFieldRule) =>
  fieldRule(rule, later, (body) => {
    const [to, from] = [body[later], body[earlier]];
    return !(isDay(to) && isDay(from) && to < from);
  });
