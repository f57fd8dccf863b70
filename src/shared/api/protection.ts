import { z } from "zod";
import { multiline } from "./fields.ts";
import { PersonDetails, ProtectionLevel } from "./persons.ts";

/**
 * Reveal with a reason, and the protection officer (issue 19, items 2 and 3). A protected
 * person's address and contact details are masked on her page; a worker of one of her cases
 * states why they need them, sees them for a few minutes, and her protection officer
 * (skyddshandläggare) sees every reveal. The officer is consulted, on the record, before her
 * protection is lowered or anything about her is disclosed.
 */

/** The minutes a reveal lasts: long enough to write an address on an envelope or make a call. */
export const revealMinutes = 5;

/** The reasons a worker may choose; "other" needs the reason in words. */
export const revealReasonCodes = [
  "send_decision_via_skatteverket",
  "safety_contact",
  "payment",
  "other",
] as const;
export const RevealReasonCode = z.enum(revealReasonCodes, {
  error: "Välj ett skäl ur listan.",
});
export type RevealReasonCode = z.infer<typeof RevealReasonCode>;

const reasonTextMessage = "Skriv varför du behöver se uppgifterna.";

/** Why the worker needs her details now: a reason from the list, or one in their own words. */
export const ContactRevealBody = z
  .object({
    reasonCode: RevealReasonCode.optional(),
    reasonText: z.string().trim().max(500).nullable().optional().meta({
      description: "The reason in words: required for reasonCode other or without a reasonCode",
    }),
  })
  .strict()
  .superRefine((b, ctx) => {
    const text = b.reasonText?.trim() ?? "";
    if ((b.reasonCode === undefined || b.reasonCode === "other") && text.length === 0)
      ctx.addIssue({ code: "custom", path: ["reasonText"], message: reasonTextMessage });
  })
  .meta({ id: "ContactRevealBody" });
export type ContactRevealBody = z.infer<typeof ContactRevealBody>;

export const ContactReveal = z
  .object({
    details: PersonDetails,
    expiresAt: z.string().meta({ description: "When the page hides the details again" }),
  })
  .meta({ id: "ContactReveal" });
export type ContactReveal = z.infer<typeof ContactReveal>;

export const consultationKinds = ["lower_protection", "disclosure"] as const;
export const ConsultationKind = z.enum(consultationKinds, { error: "Välj vad samrådet gäller." });
export type ConsultationKind = z.infer<typeof ConsultationKind>;
export const consultationOutcomes = ["agreed", "advised_against"] as const;
export const ConsultationOutcome = z.enum(consultationOutcomes, {
  error: "Välj skyddshandläggarens bedömning.",
});
export type ConsultationOutcome = z.infer<typeof ConsultationOutcome>;

/** How long a consultation counts: a later step needs the officer asked again. */
export const consultationValidDays = 30;

export const ProtectionConsultationBody = z
  .object({
    caseId: z.uuid({ error: "Välj ärendet samrådet gäller." }),
    kind: ConsultationKind,
    outcome: ConsultationOutcome,
    note: multiline(z.string().trim().min(1, "Skriv vad samrådet kom fram till.").max(2000)),
  })
  .strict()
  .meta({ id: "ProtectionConsultationBody" });
export type ProtectionConsultationBody = z.infer<typeof ProtectionConsultationBody>;

export const ProtectionConsultation = z
  .object({
    id: z.uuid(),
    personId: z.uuid(),
    caseId: z.uuid(),
    kind: ConsultationKind,
    outcome: ConsultationOutcome,
    note: z.string(),
    officer: z.string(),
    consultedAt: z.string(),
  })
  .meta({ id: "ProtectionConsultation" });
export type ProtectionConsultation = z.infer<typeof ProtectionConsultation>;

/**
 * The routine for mail and payments on each case of a protected person (Trollhättan's routine,
 * seed 001): the items a worker ticks off.
 */
export const checklistItems = [
  "mail_via_skatteverket",
  "payments_without_address",
  "records_marked",
  "files_locked",
  "contacts_informed",
] as const;
export const ChecklistItem = z.enum(checklistItems);
export type ChecklistItem = z.infer<typeof ChecklistItem>;

export const ProtectionChecklist = z
  .object({
    applies: z.boolean().meta({
      description: "false: the case's person has no protection; the page shows no checklist",
    }),
    items: z.array(
      z.object({
        item: ChecklistItem,
        doneAt: z.string().nullable(),
        doneBy: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: "ProtectionChecklist" });
export type ProtectionChecklist = z.infer<typeof ProtectionChecklist>;

export const ChecklistItemParams = z.object({ id: z.uuid(), item: ChecklistItem }).strict();
export const ChecklistChangeBody = z
  .object({ done: z.boolean() })
  .strict()
  .meta({ id: "ChecklistChangeBody" });

/** A protected person of the officer's units, as a list shows her (showPerson "list"). */
export const ProtectedPerson = z
  .object({
    personId: z.uuid(),
    name: z.string().meta({ description: "Skyddad identitet for fingerade personuppgifter" }),
    identityNumber: z.string().nullable(),
    protectionLevel: ProtectionLevel,
    cases: z.array(
      z.object({ id: z.uuid(), reference: z.string().nullable(), status: z.string() }),
    ),
  })
  .meta({ id: "ProtectedPerson" });

export const ProtectedPersonList = z
  .object({ persons: z.array(ProtectedPerson) })
  .meta({ id: "ProtectedPersonList" });
export type ProtectedPersonList = z.infer<typeof ProtectedPersonList>;

export const PersonRevealView = z
  .object({
    id: z.uuid(),
    personId: z.uuid(),
    userName: z.string(),
    reasonCode: RevealReasonCode,
    reasonText: z.string().nullable(),
    revealedAt: z.string(),
    expiresAt: z.string(),
  })
  .meta({ id: "PersonReveal" });

export const PersonRevealList = z
  .object({
    reveals: z.array(PersonRevealView),
    consultations: z.array(ProtectionConsultation),
  })
  .meta({ id: "PersonRevealList" });
export type PersonRevealList = z.infer<typeof PersonRevealList>;
