import type { Language, PlainMessageKey } from "../i18n/messages";
import { ApiError } from "./client";

type PlainT = (key: PlainMessageKey) => string;

/** Catalogue texts for error codes, used when the server's own (Swedish) text is not. */
const codeMessages: Readonly<Record<string, PlainMessageKey>> = {
  network_error: "error.network",
  invalid_response: "error.unexpected",
  http_error: "error.unexpected",
  internal_error: "error.unexpected",
  unavailable: "error.unavailable",
  unauthenticated: "error.unauthenticated",
  forbidden: "error.forbidden",
  not_found: "error.notFound",
  validation_failed: "error.validation",
  bad_request: "error.unexpected",
  conflict: "error.conflict",
  names_to_confirm: "consultations.namesToConfirm",
  too_many_requests: "error.tooManyRequests",
  invalid_credentials: "error.invalidCredentials",
};

/**
 * The sentence to show a person for a failed request. The server writes its messages for
 * people, in Swedish, so a Swedish UI shows them as they are; another language gets the
 * catalogue's text for the code when there is one. Failures that never reached the server
 * (network, unreadable answer, a bug) always get a catalogue text.
 */
export function errorMessage(error: unknown, t: PlainT, lang: Language): string {
  if (!(error instanceof ApiError)) return t("error.unexpected");
  if (error.fromServer && lang === "sv" && error.message.trim() !== "") return error.message;
  const key = codeMessages[error.code];
  if (key) return t(key);
  return error.fromServer && error.message.trim() !== "" ? error.message : t("error.unexpected");
}

export interface FormErrors {
  /** For the role="alert" summary above the form. */
  message: string;
  /** Messages for the fields the form shows, by field name: shown next to each input. */
  fields: Record<string, string>;
  /** Messages about fields the form does not show (e.g. "body"): listed in the summary. */
  other: string[];
  /** Quote-able id of the failed request, when the failure is the server's own. */
  requestId: string | null;
}

/**
 * Splits an error into what a form shows: the summary message, per-field messages for the
 * given fields (keyed as the server keys them: the field's path in the body), and the rest.
 */
export function toFormErrors(
  error: unknown,
  fieldNames: readonly string[],
  t: PlainT,
  lang: Language,
): FormErrors {
  const fields: Record<string, string> = {};
  const other: string[] = [];
  if (error instanceof ApiError) {
    for (const [name, message] of Object.entries(error.fields)) {
      if (fieldNames.includes(name)) fields[name] = message;
      else other.push(message);
    }
  }
  const requestId =
    error instanceof ApiError && error.status >= 500 && error.requestId ? error.requestId : null;
  return { message: errorMessage(error, t, lang), fields, other, requestId };
}

/** True for the answer that means "does not exist, or you may not see it" (never told apart). */
export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}

/** True for an abort caused by our own AbortController (unmount, newer request). */
export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === "AbortError";
}
