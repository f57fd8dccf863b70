import { z } from "zod";
import { invalidCursorMessage } from "../validation-messages.ts";
import { auditActions } from "./audit-actions.ts";
import { dayNotBefore, isoDate } from "./fields.ts";
import { listPageFields, listQuery, sequencePlaceCursor, sortOrders } from "./paging.ts";

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
/**
 * A review's query: the page, and what narrows it (issue 15): allowed or refused, one kind
 * of action, one user (a person's review: who looked at her), a period of days in Swedish
 * time; newest first unless asked (order=asc).
 */
export const AuditReviewQuery = listQuery(sequencePlaceCursor)
  .extend({
    outcome: z
      .enum(["allowed", "denied"], { error: "Välj tillåtna eller nekade händelser." })
      .optional()
      .meta({ description: "Only allowed, or only refused, events" }),
    action: z
      .enum(auditActions, { error: "Välj en av händelsetyperna i listan." })
      .optional()
      .meta({ description: "Only events of this kind" }),
    user: z
      .uuid({ error: "Välj en användare i listan." })
      .optional()
      .meta({ description: "Only events done by this user (a person's review)" }),
    from: isoDate().optional().meta({ description: "Only events on or after this day" }),
    to: isoDate().optional().meta({ description: "Only events on or before this day" }),
    order: z
      .enum(sortOrders, { error: "Välj stigande eller fallande ordning." })
      .default("desc")
      .meta({ description: "desc: newest first; asc: oldest first" }),
  })
  .check(dayNotBefore("to", "from", "periodEndBeforeStart"))
  .superRefine((q, ctx) => {
    if (q.before && q.before.order !== q.order) {
      ctx.addIssue({ code: "custom", path: ["before"], message: invalidCursorMessage });
    }
  });
export type AuditReviewQuery = z.infer<typeof AuditReviewQuery>;
