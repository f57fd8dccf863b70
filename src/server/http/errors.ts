import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import type { ErrorBody, ErrorCode } from "../../shared/api/error.ts";
import { stockholmDate } from "../../shared/calendar.ts";
import { invalidCursorMessage } from "../../shared/validation-messages.ts";
import { CryptoError } from "../crypto/envelope.ts";
import { applySecurityHeaders } from "./security-headers.ts";

/** An error a command or route throws on purpose: it becomes the uniform error body. */
export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    message: string,
    readonly fields: Record<string, string> = {},
    /** Response headers that belong to the error, e.g. Retry-After on a 429. */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "AppError";
  }
}

// One message per status for errors Fastify raises itself: its own texts are English and
// technical, and nothing of the request is echoed back.
const messages: Record<number, [ErrorCode, string]> = {
  400: ["bad_request", "Begäran är felaktig och kunde inte läsas."],
  401: ["unauthenticated", "Du behöver logga in."],
  403: ["forbidden", "Du har inte behörighet till det här."],
  404: ["not_found", "Det som efterfrågades finns inte."],
  405: ["method_not_allowed", "Metoden är inte tillåten här."],
  409: ["conflict", "Uppgiften har ändrats av någon annan. Ladda om och försök igen."],
  413: ["payload_too_large", "Innehållet är för stort."],
  414: ["uri_too_long", "Adressen är för lång. Kontrollera länken."],
  415: [
    "unsupported_media_type",
    "Innehållet måste skickas som JSON (application/json), eller som en PDF eller bild (PNG, JPEG) där en fil ska bifogas.",
  ],
  429: ["too_many_requests", "För många försök. Vänta en stund och försök igen."],
};

/** An answer lists at most this many field messages: 80,000 unknown keys are not 80,000 lines. */
export const maxFieldMessages = 50;

export const validationMessage = "Några uppgifter behöver rättas.";

/** A command's own rules refused its input: 400 naming every field to correct. */
export const invalid = (fields: Record<string, string>) =>
  new AppError(400, "validation_failed", validationMessage, fields);

/** A fact's day lies in the past (Stockholm's today at the latest): else the field's message. */
/**
 * A unique index refused a write whose check beforehand passed (two requests at once): the
 * loser gets the same 400 the check gives, not a 500. Any other error goes on as it was.
 */
export function invalidIfUnique(error: unknown, fields: Record<string, string>): never {
  if ((error as { code?: string }).code === "23505") throw invalid(fields);
  throw error;
}

export function notInFuture(fields: Record<string, string>, field: string, date: string) {
  if (date > stockholmDate(new Date())) fields[field] = "Datumet kan inte ligga i framtiden.";
}

/** A history page asked from a cursor this case's history never gave (shared/api/paging.ts). */
export const invalidCursor = () =>
  new AppError(400, "validation_failed", validationMessage, { before: invalidCursorMessage });
export const cryptoMessage =
  "Krypterade kontaktuppgifter kunde inte läsas. Inget har ändrats. Uppge felkoden till systemförvaltaren.";
export const internalMessage =
  "Ett oväntat fel inträffade. Uppge felkoden om du kontaktar support.";

export function errorBody(
  code: ErrorCode,
  message: string,
  requestId: string,
  fields: Record<string, string> = {},
): ErrorBody {
  return { error: { code, message, fields, requestId } };
}

function fieldPath(context: string | undefined, instancePath: string): string {
  const path = instancePath.replace(/^\//, "").replaceAll("/", ".");
  // Query and path parameters are named as they are; body fields by their path in the body.
  return path || (context === "body" ? "body" : (context ?? "request"));
}

function validationFields(error: FastifyError): Record<string, string> {
  const fields: Record<string, string> = {};
  if (!hasZodFastifySchemaValidationErrors(error)) return fields;
  for (const issue of error.validation) {
    const keys = (issue.params as { keys?: string[] }).keys;
    const base = fieldPath(error.validationContext, issue.instancePath);
    const names =
      issue.keyword === "unrecognized_keys" && keys
        ? keys.map((k) => (base === "body" ? k : `${base}.${k}`))
        : [base];
    // The first problem with a field is the one to fix first.
    for (const name of names) {
      if (Object.keys(fields).length >= maxFieldMessages) return fields;
      // Own keys only: a field named "toString" gets its message too.
      if (!Object.hasOwn(fields, name)) fields[name] = issue.message ?? validationMessage;
    }
  }
  return fields;
}

export function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const requestId = request.id;
  if (error instanceof AppError) {
    return reply
      .status(error.statusCode)
      .headers(error.headers)
      .send(errorBody(error.code, error.message, requestId, error.fields));
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    return reply
      .status(400)
      .send(errorBody("validation_failed", validationMessage, requestId, validationFields(error)));
  }
  if ((error as Error) instanceof CryptoError) {
    // A sealed value that does not open (changed, copied from another row, or under a key
    // this server lacks): the operator gets which key and why, never the value; the user
    // gets words, not a trace (ADR 0022).
    const crypto = error as unknown as CryptoError;
    request.log.error({ reason: crypto.reason, detail: crypto.message }, "sealed value refused");
    return reply.status(500).send(errorBody("internal_error", cryptoMessage, requestId));
  }
  const status = error.statusCode ?? 500;
  // A client error Fastify raises that has no words of its own here is still the client's.
  const known =
    status >= 400 && status < 500 ? (messages[status] ?? messages[400]) : messages[status];
  if (known) {
    request.log.info({ code: error.code, status }, "request rejected");
    // Every 429 says when to try again; a throttle that knows better sets it via AppError.
    if (status === 429) reply.header("retry-after", "60");
    return reply.status(status).send(errorBody(known[0], known[1], requestId));
  }
  // Anything else is our fault: log it whole (scrubbed), answer without a trace of it.
  request.log.error({ err: error }, "unexpected error");
  return reply.status(500).send(errorBody("internal_error", internalMessage, requestId));
}

/**
 * Errors Fastify meets before it has found a route (a path that is not valid UTF-8 after
 * decoding, a path parameter over 100 characters): no hook has run, so the request id and
 * the security headers every answer carries are set here before the one error handler.
 */
export function handleFrameworkError(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  reply.header("x-request-id", request.id);
  applySecurityHeaders(request, reply);
  return handleError(error, request, reply);
}
