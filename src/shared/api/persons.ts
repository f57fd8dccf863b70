import { z } from "zod";

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
    protectionLevel: ProtectionLevel,
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

export const PersonDetail = PersonView.extend({ cases: z.array(PersonCaseSummary) }).meta({
  id: "PersonDetail",
});
export type PersonDetail = z.infer<typeof PersonDetail>;

export const PersonSearchBody = z
  .object({ query: z.string().trim().min(2, "Skriv minst två tecken.").max(100) })
  .strict()
  .meta({ id: "PersonSearchBody" });
export const PersonList = z.object({ persons: z.array(PersonView) }).meta({ id: "PersonList" });
