import { z } from "zod";

export const errorCodes = [
  "validation_failed",
  "bad_request",
  "unauthenticated",
  "invalid_credentials",
  "forbidden",
  "not_found",
  "method_not_allowed",
  "conflict",
  // 422: a text looks like it names a person; saved only when the sender confirms (issue 17)
  "names_to_confirm",
  // 409: a sharing relied on a consent that is revoked, expired, incomplete or does not cover it (issue 18)
  "consent_not_valid",
  // 409: lowering protection or disclosing about a protected person without the protection
  // officer's recorded consultation (issue 19, item 3)
  "consultation_required",
  // 409: a letter or text that would carry a protected person's address or number out of
  // Frid, made without the maker's live reveal of her with a reason (issue 19, item 2)
  "reveal_required",
  // 409: the change was made from a version someone else has replaced meanwhile (read again)
  "stale_version",
  // 409: the command needs a closed case and this one is open (reopened meanwhile)
  "case_not_closed",
  "gone",
  "payload_too_large",
  "uri_too_long",
  "unsupported_media_type",
  "too_many_requests",
  "internal_error",
  "unavailable",
] as const;
export type ErrorCode = (typeof errorCodes)[number];

/**
 * The one error body every API error has, whatever went wrong. Its code is one of
 * `errorCodes` (listed in the OpenAPI document), so a client tells two errors of the same
 * status apart by code — e.g. a 409 stale_version from a 409 case_not_closed.
 */
export const ErrorBody = z
  .object({
    error: z.object({
      code: z.enum(errorCodes).meta({
        description:
          "Stable machine-readable code: branch on it, never on the message (codes are added, never renamed)",
      }),
      message: z.string().meta({ description: "What went wrong, for a person (Swedish)" }),
      fields: z
        .record(z.string(), z.string())
        .meta({ description: "Per-field messages for invalid input, keyed by field path" }),
      requestId: z.string().meta({ description: "Quote this to support; it is in the server log" }),
    }),
  })
  .meta({ id: "ErrorBody" });
export type ErrorBody = z.infer<typeof ErrorBody>;
