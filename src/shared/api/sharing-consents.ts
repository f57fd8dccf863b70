import { z } from "zod";
import { consentGiverKinds } from "./collaboration.ts";
import { isoDate, multiline } from "./fields.ts";
import { ProtectionLevel } from "./persons.ts";

/**
 * The consent registry (issue 18, item 3): a consent to share information is a record of its
 * own — whose information, what, with whom, for what purpose, from when until when — with one
 * giver per person who gave it (the person, or each custodian of a child), written (the signed
 * form, a document of the case) or oral (who heard it). Every sharing checks it
 * (server/modules/consents/validity.ts).
 */

export const consentStates = [
  "valid",
  "revoked",
  "expired",
  "not_yet_valid",
  "incomplete",
] as const;

const name = z.string().trim().min(1, "Skriv namnet på den som samtycker.").max(200);

export const ConsentGiverBody = z
  .object({
    kind: z.enum(consentGiverKinds, {
      message: "Välj om det är personen själv eller en vårdnadshavare.",
    }),
    name,
    form: z.enum(["written", "oral"], { message: "Välj skriftligt eller muntligt samtycke." }),
    documentId: z.uuid().nullable().default(null).meta({
      description: "Written: the signed form, uploaded first as a document of kind sharing_consent",
    }),
    heardBy: z.uuid().nullable().default(null).meta({
      description:
        "Oral: the user of the case who heard it (the caller or one assigned to the case)",
    }),
    givenOn: isoDate(),
  })
  .strict()
  .meta({ id: "ConsentGiverBody" });
export type ConsentGiverBody = z.infer<typeof ConsentGiverBody>;

export const RecordSharingConsentBody = z
  .object({
    personId: z.uuid().meta({
      description: "Whose information: the case's person, or a child related to her",
    }),
    information: multiline(
      z.string().trim().min(1, "Skriv vilka uppgifter samtycket gäller.").max(2000),
    ),
    purpose: multiline(
      z.string().trim().min(1, "Skriv vad uppgifterna ska användas till.").max(2000),
    ),
    recipientAgencyId: z.uuid().nullable().default(null),
    recipientName: z.string().trim().min(1).max(200).nullable().default(null),
    givenOn: isoDate(),
    expiresOn: isoDate().nullable().default(null),
    custodiansRequired: z
      .union([z.literal(1), z.literal(2)])
      .nullable()
      .default(null)
      .meta({ description: "For a child: 1 with sole custody, else 2; null for an adult" }),
    givers: z.array(ConsentGiverBody).min(1, "Ange vem som har gett samtycket.").max(2),
  })
  .strict()
  .meta({ id: "RecordSharingConsentBody" });
export type RecordSharingConsentBody = z.infer<typeof RecordSharingConsentBody>;

export const RevokeSharingConsentBody = z
  .object({
    revokedOn: isoDate(),
    reason: multiline(z.string().trim().min(1, "Skriv varför samtycket återkallas.").max(2000)),
  })
  .strict()
  .meta({ id: "RevokeSharingConsentBody" });

export const SharingConsentParams = z.object({ id: z.uuid(), consentId: z.uuid() });

export const SharingConsentView = z
  .object({
    id: z.uuid(),
    caseId: z.uuid(),
    personId: z.uuid(),
    personName: z.string().meta({
      description: 'As lists show her: "Skyddad identitet" for a fictitious identity (issue 19)',
    }),
    personProtection: ProtectionLevel.meta({ description: "Her protection level, for the badge" }),
    information: z.string(),
    purpose: z.string(),
    recipientAgencyId: z.uuid().nullable(),
    recipientAgencyName: z.string().nullable(),
    recipientName: z.string().nullable(),
    givenOn: z.string(),
    expiresOn: z.string().nullable(),
    revokedOn: z.string().nullable(),
    revokedReason: z.string().nullable(),
    custodiansRequired: z.number().int().nullable(),
    givers: z.array(
      z.object({
        id: z.uuid(),
        kind: z.enum(consentGiverKinds),
        name: z.string(),
        form: z.enum(["written", "oral"]),
        documentId: z.uuid().nullable(),
        heardBy: z.string().nullable(),
        givenOn: z.string(),
      }),
    ),
    state: z.enum(consentStates).meta({ description: "The consent's state today (Swedish time)" }),
    recordedBy: z.string(),
    recordedAt: z.string(),
  })
  .meta({ id: "SharingConsent" });
export type SharingConsentView = z.infer<typeof SharingConsentView>;

export const SharingConsentList = z
  .object({ consents: z.array(SharingConsentView) })
  .meta({ id: "SharingConsentList" });
