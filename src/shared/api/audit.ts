import { z } from "zod";

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
    person: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    reason: z.string().nullable(),
    clientAddress: z.string().nullable(),
  })
  .meta({ id: "AuditEvent" });
export type AuditEventView = z.infer<typeof AuditEventView>;

export const AuditEventList = z
  .object({ events: z.array(AuditEventView) })
  .meta({ id: "AuditEventList" });
