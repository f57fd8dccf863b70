import { z } from "zod";
import { disclosureChannels, disclosureContexts, disclosureGrounds } from "./collaboration.ts";
import { isoDate, isoDateTime, multiline } from "./fields.ts";
import { pageOf, pageQuery, timePlaceCursor } from "./paging.ts";
import { ProtectionLevel } from "./persons.ts";

/**
 * Disclosure with secrecy review (issue 18, item 4): every time information about a person
 * leaves social services — what, to whom, how, on which ground, the secrecy review — and the
 * document sent, made by Frid's one output place. A disclosure is never changed.
 */

export const DisclosureBody = z
  .object({
    personId: z
      .uuid()
      .meta({ description: "Whose information: the case's person or a child related to her" }),
    information: multiline(
      z.string().trim().min(1, "Skriv vilka uppgifter som lämnas ut.").max(4000),
    ),
    recipientAgencyId: z.uuid().nullable().default(null),
    recipientUnitId: z.uuid().nullable().default(null),
    recipientName: z.string().trim().min(1).max(200).nullable().default(null).meta({
      description: "A recipient outside the directory, e.g. a court",
    }),
    channel: z.enum(disclosureChannels, { message: "Välj hur uppgifterna lämnas ut." }),
    ground: z.enum(disclosureGrounds, { message: "Välj vilket stöd utlämnandet har." }),
    consentId: z.uuid().nullable().default(null),
    secrecyRule: z.string().trim().min(1).max(100).nullable().default(null),
    courtReference: z.string().trim().min(1).max(200).nullable().default(null),
    review: z
      .object({
        reviewedBy: z.uuid().nullable().default(null).meta({
          description: "Who assessed it: null for the caller, else a user assigned to the case",
        }),
        reviewedAt: isoDateTime(),
        conclusion: multiline(
          z.string().trim().min(1, "Skriv sekretessprövningens slutsats.").max(2000),
        ),
      })
      .strict()
      .meta({ description: "The secrecy review: no review, no disclosure" }),
    disclosedOn: isoDate(),
    includeIdentityNumber: z.boolean().default(false).meta({
      description:
        "The document names the personal identity number (only if the information needs it)",
    }),
    includeContactDetails: z.boolean().default(false).meta({
      description:
        "The document names her registered address, phone and e-mail; never for a protected person",
    }),
    protectionConsidered: z.boolean().default(false).meta({
      description:
        "The review weighed the person's protected personal data (required when she has any)",
    }),
    context: z
      .object({ kind: z.enum(disclosureContexts).exclude(["direct"]), id: z.uuid() })
      .strict()
      .nullable()
      .default(null),
  })
  .strict()
  .meta({ id: "DisclosureBody" });
export type DisclosureBody = z.infer<typeof DisclosureBody>;

export const SecrecyRuleView = z
  .object({ code: z.string(), name: z.string(), legalRef: z.string() })
  .meta({ id: "SecrecyRule" });

/** What the disclosure form chooses from: the rules that break secrecy and the directory's agencies. */
export const DisclosureCatalogue = z
  .object({
    secrecyRules: z.array(SecrecyRuleView),
    agencies: z.array(
      z.object({
        id: z.uuid(),
        name: z.string(),
        kind: z.string(),
        units: z.array(z.object({ id: z.uuid(), name: z.string() })),
      }),
    ),
  })
  .meta({ id: "DisclosureCatalogue" });

export const DisclosureView = z
  .object({
    id: z.uuid(),
    caseId: z.uuid(),
    caseReference: z.string(),
    personId: z.uuid(),
    personName: z.string(),
    information: z.string(),
    recipientAgencyName: z.string().nullable(),
    recipientUnitName: z.string().nullable(),
    recipientName: z.string().nullable(),
    channel: z.enum(disclosureChannels),
    ground: z.enum(disclosureGrounds),
    groundText: z.string().meta({ description: "The ground as the document's header words it" }),
    consentId: z.uuid().nullable(),
    secrecyRule: z.string().nullable(),
    courtReference: z.string().nullable(),
    reviewedBy: z.string(),
    reviewedAt: z.string(),
    reviewConclusion: z.string(),
    disclosedOn: z.string(),
    documentId: z.uuid().nullable(),
    contextKind: z.enum(disclosureContexts),
    contextId: z.uuid().nullable(),
    personProtection: ProtectionLevel,
    identityNumberIncluded: z.boolean(),
    contactDetailsIncluded: z.boolean(),
    recordedBy: z.string(),
    recordedAt: z.string(),
  })
  .meta({ id: "Disclosure" });
export type DisclosureView = z.infer<typeof DisclosureView>;

export const DisclosureList = z
  .object({ disclosures: z.array(DisclosureView) })
  .meta({ id: "DisclosureList" });

/** The answer to a disclosure: the record and what the worker must know (a protected person). */
export const DisclosureMade = z
  .object({ disclosure: DisclosureView, warnings: z.array(z.string()) })
  .meta({ id: "DisclosureMade" });

export const PersonDisclosuresQuery = pageQuery(timePlaceCursor);
export const PersonDisclosuresPage = pageOf(DisclosureView).meta({ id: "PersonDisclosuresPage" });
