import { z } from "zod";
import { anomalyKinds, conclusions } from "../../../shared/api/log-review.ts";
import {
  checklistItems,
  consultationKinds,
  consultationOutcomes,
  revealReasonCodes,
} from "../../../shared/api/protection.ts";
import { none } from "./none.ts";

/** A changed setting's old and new value (retention rules). */
const ruleChange = <T extends z.ZodType>(v: T) => z.object({ from: v, to: v }).strict();

/**
 * The audit events of protection and review (issue 19): reveals, the protection officer,
 * the log review, break-glass and gallring. Part of auditEventData (audit/events.ts).
 */
export const protectionEvents = {
  // Reveal with a reason and the protection officer (issue 19, items 2 and 3). The reveal's
  // reason, chosen or written, is the event's reason.
  "person.reveal": z
    .object({ reasonCode: z.enum(revealReasonCodes), expiresAt: z.string() })
    .strict(),
  "protection.consult": z
    .object({
      consultationId: z.uuid(),
      kind: z.enum(consultationKinds),
      outcome: z.enum(consultationOutcomes),
    })
    .strict(),
  "protection.persons_read": z.object({ shown: z.number().int() }).strict(),
  "protection.reveals_read": z.object({ reveals: z.number().int() }).strict(),
  "protection.checklist_read": none,
  "protection.checklist": z.object({ item: z.enum(checklistItems), done: z.boolean() }).strict(),

  "audit.review": z.object({ subject: z.enum(["person", "user"]), subjectId: z.uuid() }).strict(),
  // Break-glass (issue 19, item 6): why a request was refused is for the trail, not the worker.
  "break_glass.open": z.object({ grantId: z.uuid(), expiresAt: z.string() }).strict(),
  "break_glass.denied": z.object({ why: z.enum(["no_role", "not_found", "barred"]) }).strict(),
  "break_glass.read": z.object({ grantId: z.uuid().nullable(), shown: z.number().int() }).strict(),
  "break_glass.review": z
    .object({ grantId: z.uuid(), conclusion: z.enum(["justified", "not_justified"]) })
    .strict(),
  // Systematic log review (issue 19, item 7): the anomaly list read (the persons it named in
  // person_ids), a conclusion about one anomaly, a review plan made, changed or done.
  "audit.anomalies": z
    .object({ from: z.string(), to: z.string(), shown: z.number().int() })
    .strict(),
  "audit.conclusion": z
    .object({
      kind: z.enum(anomalyKinds),
      key: z.string(),
      conclusion: z.enum(conclusions),
    })
    .strict(),
  "audit.review_plan": z
    .object({ planId: z.uuid(), change: z.enum(["created", "ended", "done"]) })
    .strict(),
  // The threshold of "many persons in a day": a refused look at it, and every change with the
  // value before and after (a threshold raised to hide someone's browsing is in the trail).
  "audit.settings_read": none,
  "audit.settings": z
    .object({
      manyPersonsPerDay: z.object({ from: z.number().int(), to: z.number().int() }).strict(),
    })
    .strict(),

  // Gallring (issue 19, item 8): counts and ids only; a removal names the record it removed.
  // A rule's change: each changed field from and to (its period and source are not personal
  // data), and whether the change cleared the record of who verified the source.
  "retention.rule_update": z
    .object({
      ruleCode: z.string(),
      changes: z
        .object({
          years: ruleChange(z.number().int()),
          active: ruleChange(z.boolean()),
          legalSource: ruleChange(z.string()),
          verifiedOn: ruleChange(z.string().nullable()),
        })
        .partial()
        .strict(),
      verificationCleared: z.boolean(),
    })
    .strict(),
  "retention.dry_run": z
    .object({ runId: z.uuid(), remove: z.number().int(), kept: z.number().int() })
    .strict(),
  "retention.read": z.object({ runId: z.uuid() }).strict(),
  "retention.remove": z
    .object({
      runId: z.uuid(),
      recordType: z.enum(["person", "case", "document", "journal_narrative"]),
      recordId: z.uuid(),
      ruleCode: z.string(),
    })
    .strict(),
} as const;
