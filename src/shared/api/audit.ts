import { z } from "zod";
import { listPageFields, listQuery, sequenceCursor } from "./paging.ts";

export const AuditEventView = z
  .object({
    id: z.number().int(),
    occurredAt: z.string(),
    actor: z.object({ id: z.uuid(), username: z.string(), displayName: z.string() }).nullable(),
    role: z.string().nullable(),
    action: z.string(),
    outcome: z.enum(["allowed", "denied"]),
    resourceType: z.string(),
    resourceId: z.string().nullable(),
    /** The person the event is about; in a person's review, always that person. */
    person: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    /** A list event's persons shown (a user's review only; a person's review names her). */
    persons: z.array(z.object({ id: z.uuid(), name: z.string() })),
    reason: z.string().nullable(),
    clientAddress: z.string().nullable(),
  })
  .meta({ id: "AuditEvent" });
export type AuditEventView = z.infer<typeof AuditEventView>;

/** A page of a log review, newest first (shared/api/paging.ts: listQuery). */
export const AuditEventList = z
  .object({ events: z.array(AuditEventView), ...listPageFields })
  .meta({ id: "AuditEventList" });
export type AuditEventList = z.infer<typeof AuditEventList>;
export const AuditReviewQuery = listQuery(sequenceCursor);
export type AuditReviewQuery = z.infer<typeof AuditReviewQuery>;
