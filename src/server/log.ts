import pino, { type DestinationStream, type Logger, type LoggerOptions } from "pino";
import { replaceIdentityNumbers } from "../shared/personal-identity-number.ts";

/**
 * Logs never carry personal data. Two layers, both configuration:
 * 1. redaction by key: any field named like a personal identity number, a name, an address
 *    or a contact detail is replaced, at any depth up to four levels;
 * 2. scrubbing of text: a personal identity or coordination number (shape, date and check
 *    digit) in a message, an error (PostgreSQL puts key values in its messages) or a URL is
 *    replaced; other numbers (ids, ports, counts) are left as they are.
 * Request bodies are never logged.
 */
export const personalDataKeys = [
  "personalIdentityNumber",
  "identityNumber",
  "identity_number",
  "personnummer",
  "pin",
  "name",
  "givenName",
  "given_name",
  "familyName",
  "family_name",
  "firstName",
  "lastName",
  "fullName",
  "address",
  "streetAddress",
  "street_address",
  "postalAddress",
  "postal_address",
  "phone",
  "phoneNumber",
  "email",
  "codeWord",
  "password",
  "body",
] as const;

const REDACTED = "[REDACTED]";

function redactPaths(): string[] {
  const paths: string[] = [
    "req.headers.cookie",
    "req.headers.authorization",
    'req.headers["x-csrf-token"]',
    'res.headers["set-cookie"]',
  ];
  for (const key of personalDataKeys) {
    let prefix = "";
    for (let depth = 0; depth < 4; depth++) {
      paths.push(`${prefix}${key}`);
      prefix += "*.";
    }
  }
  return paths;
}

/** Identity and coordination numbers in text become [PIN] (the shared detector). */
export function scrubText(text: string): string {
  return replaceIdentityNumbers(text, () => "[PIN]");
}

/**
 * Paths whose last part is a secret a person was given (a survey's personal link, issue 17):
 * the part is replaced before the URL is logged, so a log reader cannot answer in their name.
 */
const secretPaths = /^(\/api\/survey-links\/|\/enkat\/)[^/?#]+/;

export function scrubUrl(url: string): string {
  return scrubText(url.replace(secretPaths, "$1[TOKEN]"));
}

function scrubError(err: unknown) {
  const serialized = pino.stdSerializers.err(err as Error) as unknown as Record<string, unknown>;
  for (const key of ["message", "stack", "detail", "where", "hint"]) {
    const value = serialized[key];
    if (typeof value === "string") serialized[key] = scrubText(value);
  }
  // node-postgres/PGlite errors may carry the failing parameters or row: never log those.
  for (const key of ["parameters", "params", "query", "values", "row"]) delete serialized[key];
  return serialized;
}

export function loggerOptions(level: LoggerOptions["level"]): LoggerOptions {
  return {
    level,
    redact: { paths: redactPaths(), censor: REDACTED },
    serializers: {
      err: scrubError,
      error: scrubError,
      req: (req: { method: string; url: string; id: string; ip?: string }) => ({
        id: req.id,
        method: req.method,
        url: scrubUrl(req.url),
      }),
    },
    hooks: {
      logMethod(args, method) {
        const scrubbed = args.map((a) => (typeof a === "string" ? scrubText(a) : a));
        return method.apply(this, scrubbed as Parameters<typeof method>);
      },
    },
  };
}

export function createLogger(
  level: LoggerOptions["level"],
  destination?: DestinationStream,
): Logger {
  return destination ? pino(loggerOptions(level), destination) : pino(loggerOptions(level));
}
