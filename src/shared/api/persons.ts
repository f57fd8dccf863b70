import { z } from "zod";
import { int4, isoDate, multiline } from "./fields.ts";
import { idCursor, pageSize } from "./paging.ts";

export const IdentityKind = z.enum([
  "personal_identity_number",
  "coordination_number",
  "reserve_number",
  "unidentified",
]);
export const Sex = z.enum(["female", "male", "other", "unknown"]);
export const ProtectionLevel = z.enum([
  "none",
  "confidentiality_marking",
  "protected_registration",
  "fictitious_identity",
]);

export const RegisterPersonBody = z
  .object({
    identityNumber: z.string().trim().max(20).nullable().meta({
      description: "Personnummer or samordningsnummer; null when the person is unidentified",
    }),
    reserveNumber: z.string().trim().min(1).max(20).nullable().default(null).meta({
      description:
        "A reserve number (reservnummer, e.g. from health care) for someone without personnummer",
    }),
    birthDate: isoDate().nullable().default(null).meta({
      description: "Only without personnummer/samordningsnummer, which carry the birth date",
    }),
    givenName: z.string().trim().min(1).max(100),
    familyName: z.string().trim().min(1).max(100),
    sex: Sex.default("unknown"),
  })
  .strict()
  .meta({ id: "RegisterPersonBody" });

export const PersonView = z
  .object({
    id: z.uuid(),
    identityKind: IdentityKind,
    identityNumber: z.string().nullable().meta({ description: "YYYYMMDD-NNNN" }),
    givenName: z.string(),
    familyName: z.string(),
    birthDate: z.string().nullable(),
    sex: Sex,
    protectionLevel: ProtectionLevel.nullable().meta({
      description:
        "null for someone who only registered the person: until they have a case of the person they see only what they typed in",
    }),
  })
  .meta({ id: "Person" });
export type PersonView = z.infer<typeof PersonView>;

export const PersonCaseSummary = z.object({
  id: z.uuid(),
  reference: z.string(),
  unitName: z.string(),
  caseType: z.string(),
  status: z.string(),
});

export const SafeContact = z
  .object({
    mayCall: z.boolean().nullable().default(null),
    mayLeaveVoicemail: z.boolean().nullable().default(null),
    maySendLetters: z.boolean().nullable().default(null),
    maySendSms: z.boolean().nullable().default(null).meta({
      description: "Whether a text message is safe (whoever holds her phone may read it)",
    }),
    letterAddress: multiline(z.string().trim().max(300)).nullable().default(null).meta({
      description: "Where letters may go, if not the registered address",
    }),
    timesToAvoid: z.string().trim().max(300).nullable().default(null),
    codeWord: z.string().trim().max(100).nullable().default(null),
    notes: multiline(z.string().trim().max(1000)).nullable().default(null),
  })
  .strict()
  .meta({
    id: "SafeContact",
    description: "How and when it is safe to reach the person (null: not asked yet)",
  });
export type SafeContact = z.infer<typeof SafeContact>;

export const PersonDetails = z
  .object({
    languages: z.array(z.string().trim().min(1).max(50)).max(10),
    interpreterNeeded: z.boolean(),
    interpreterLanguage: z.string().trim().max(100).nullable(),
    safeContact: SafeContact,
    phone: z.string().trim().max(50).nullable(),
    email: z.email().max(200).nullable(),
    postalAddress: multiline(z.string().trim().max(300)).nullable(),
  })
  .meta({ id: "PersonDetails" });
export type PersonDetails = z.infer<typeof PersonDetails>;

export const UpdatePersonBody = PersonDetails.extend({
  protectionLevel: ProtectionLevel.meta({
    description: "As the population register shows it; masking follows in a later issue",
  }),
})
  .partial()
  .strict()
  .meta({ id: "UpdatePersonBody" });

export const PersonDetail = PersonView.extend({
  cases: z.array(PersonCaseSummary),
  details: PersonDetails.nullable().meta({
    description:
      "Only for those who work one of the person's cases; null for someone who only registered the person",
  }),
  contactMasked: z.boolean().meta({
    description:
      "Her address and contact details (and the code word, letter address and notes) are left out: she is protected and the caller has not revealed them with a reason",
  }),
  revealedUntil: z.string().nullable().meta({
    description: "The end of the caller's live reveal of her details; null: none",
  }),
  /** What the caller may do here; the page offers only that, the server checks anyway. */
  abilities: z.object({
    lowerProtection: z.boolean().meta({
      description:
        "May lower the protection level (unit managers and protection officers); others may only keep or raise it",
    }),
    reveal: z.boolean().meta({
      description:
        "May reveal her masked details with a reason now: she is masked and the caller works one of her cases other than through break-glass",
    }),
  }),
}).meta({ id: "PersonDetail" });
export type PersonDetail = z.infer<typeof PersonDetail>;

/**
 * A search by personnummer/samordningsnummer (any accepted form, exact) or by name: names
 * ranked, words that begin words of the name first, then names like the query; paged as
 * every list is (shared/api/paging.ts): `limit`, and `before` = the page's `nextCursor`.
 */
export const PersonSearchBody = z
  .object({
    query: z.string().trim().min(2, "Skriv minst två tecken.").max(100),
    limit: int4()
      .min(1)
      .max(pageSize.max)
      .default(pageSize.default)
      .meta({ description: `How many persons (1–${pageSize.max}, default ${pageSize.default})` }),
    before: idCursor.optional().meta({
      description: "The nextCursor of the page before; leave out for the best matches",
    }),
  })
  .strict()
  .meta({ id: "PersonSearchBody" });

export const PersonSearchHit = PersonView.extend({
  match: z.enum(["exact", "prefix", "similar"]).meta({
    description:
      "exact: the identity number; prefix: every word begins a word of the name; similar: the name is like the query (a spelling that differs), ranked after the others",
  }),
}).meta({ id: "PersonSearchHit" });
export type PersonSearchHit = z.infer<typeof PersonSearchHit>;

export const PersonList = z
  .object({
    persons: z.array(PersonSearchHit),
    nextCursor: z
      .string()
      .nullable()
      .meta({ description: "Send as `before` for the next page; null on the last page" }),
  })
  .meta({ id: "PersonList" });
export type PersonList = z.infer<typeof PersonList>;
