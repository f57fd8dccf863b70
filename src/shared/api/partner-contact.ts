import { z } from "zod";
import { fieldRule, isoDate, multiline } from "./fields.ts";

/**
 * The partner's own case (partner_contact), as her worker sees it: what he said about how to
 * reach her, the ways her safe-contact instructions leave open, each attempt to reach her
 * and how it went, and the offer of support of her own. Nothing about him beyond the
 * barrier's events.
 */
export const contactMethods = ["letter", "sms", "phone"] as const;
export const attemptOutcomes = [
  "sent",
  "accepted",
  "declined",
  "not_reachable",
  "later_accepted",
] as const;
export const supportKinds = ["in_house", "referral", "declined"] as const;

export const RecordAttemptBody = z
  .object({
    method: z.enum(contactMethods, { message: "Välj brev, sms eller telefon." }),
    attemptedOn: isoDate({ message: "Ange datumet för kontakten." }),
    outcome: z.enum(attemptOutcomes, { message: "Välj hur det gick." }),
  })
  .strict()
  .check(
    fieldRule("phoneNotSent", "outcome", (b) => !(b.method === "phone" && b.outcome === "sent")),
  )
  .meta({ id: "RecordAttemptBody" });

export const OfferSupportBody = z
  .object({
    kind: z.enum(supportKinds, { message: "Välj vilket stöd hon erbjöds." }),
    note: multiline(z.string().trim().max(1000)).default(""),
    offeredOn: isoDate({ message: "Ange datumet då stödet erbjöds." }),
  })
  .strict()
  .check(fieldRule("referralNeedsWhere", "note", (b) => !(b.kind === "referral" && !b.note)))
  .meta({ id: "OfferSupportBody" });

export const ContactOptionView = z.object({
  method: z.enum(contactMethods),
  allowed: z.boolean(),
  refusal: z
    .enum([
      "letters_not_allowed",
      "protected_identity",
      "no_address",
      "calls_not_allowed",
      "sms_not_allowed",
      "no_phone",
    ])
    .nullable(),
  notAsked: z.boolean(),
});

export const PartnerCaseView = z
  .object({
    relationship: z.enum(["current", "former"]),
    given: z.object({
      phone: z.string().nullable(),
      postalAddress: z.string().nullable(),
      email: z.string().nullable(),
    }),
    givenMasked: z.boolean().meta({
      description:
        "She is protected and the caller has not revealed her details on her page: what he gave is left out",
    }),
    contactOptions: z.array(ContactOptionView),
    /**
     * What may be printed or copied for a first contact now (GET …/partner-contact/letter
     * and …/sms refuse anything else): each within her instructions, and nothing once the
     * case is closed or his consent was withdrawn.
     */
    firstContact: z.object({
      letter: z.boolean(),
      sms: z.boolean(),
      revealNeeded: z.boolean().meta({
        description:
          "She is protected and the caller has no live reveal of her: the letter and the text answer 409 reveal_required until she is revealed with a reason",
      }),
      consentWithdrawn: z.boolean().meta({
        description: "He withdrew the consent the letter speaks of: no letter or text goes out",
      }),
    }),
    attempts: z.array(
      z.object({
        id: z.uuid(),
        method: z.enum(contactMethods),
        attemptedOn: z.string(),
        outcome: z.enum(attemptOutcomes),
        recordedBy: z.string(),
      }),
    ),
    /** Where the contact stands: from the latest attempt with an answer. */
    standing: z.enum(["not_contacted", "waiting", "accepted", "declined", "not_reachable"]),
    ownSupport: z
      .object({ kind: z.enum(supportKinds), note: z.string(), offeredOn: z.string() })
      .nullable(),
  })
  .meta({ id: "PartnerCase" });
export type PartnerCaseView = z.infer<typeof PartnerCaseView>;

export const PartnerSmsView = z
  .object({ to: z.string(), text: z.string() })
  .meta({ id: "PartnerSms", description: "Discreet: no word of violence or treatment" });
