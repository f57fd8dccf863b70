import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { AgencyKind, PoliceIncidentCategory } from "../../shared/api/collaboration.ts";
import type { Database } from "../db/types.ts";

/**
 * The one factory of collaboration's shared records for tests (issue 18), made as the owner
 * outside the API: an agency of the directory, a consent to share with its givers, a
 * disclosure, a police-reported incident. Each part's own tests build on these.
 */

export async function buildAgency(
  owner: Kysely<Database>,
  input: { orgId: string; ownerId: string; kind?: AgencyKind; name?: string },
) {
  const id = randomUUID();
  await owner
    .insertInto("agency")
    .values({
      id,
      org_id: input.orgId,
      kind: input.kind ?? "health_centre",
      name: input.name ?? `Vårdcentralen ${id.slice(0, 8)}`,
      owner_id: input.ownerId,
      created_by: input.ownerId,
    })
    .execute();
  return id;
}

export async function buildAgencyContact(
  owner: Kysely<Database>,
  input: {
    orgId: string;
    agencyId: string;
    confirmedBy: string;
    confirmedOn?: string;
    name?: string;
  },
) {
  const id = randomUUID();
  await owner
    .insertInto("agency_contact")
    .values({
      id,
      org_id: input.orgId,
      agency_id: input.agencyId,
      name: input.name ?? "Kim Kontakt",
      role: "Kurator",
      phone: "010-123 45 67",
      email: "kim.kontakt@example.org",
      confirmed_on: input.confirmedOn ?? "2026-11-01",
      confirmed_by: input.confirmedBy,
    })
    .execute();
  return id;
}

/**
 * A consent to share about the case's person with an agency, given orally by the person
 * herself (heard by `recordedBy`), or for a child by `custodians` custodians.
 */
export async function buildSharingConsent(
  owner: Kysely<Database>,
  input: {
    orgId: string;
    caseId: string;
    personId: string;
    agencyId: string;
    recordedBy: string;
    givenOn?: string;
    expiresOn?: string | null;
    revokedOn?: string | null;
    custodians?: 1 | 2;
  },
) {
  const id = randomUUID();
  const givenOn = input.givenOn ?? "2026-11-01";
  await owner
    .insertInto("consent")
    .values({
      id,
      org_id: input.orgId,
      case_id: input.caseId,
      scope: "sharing",
      person_id: input.personId,
      information: "Riskbedömning och pågående insatser",
      recipient_agency_id: input.agencyId,
      purpose: "Samordnad planering av stöd",
      given_on: givenOn,
      expires_on: input.expiresOn ?? null,
      revoked_on: input.revokedOn ?? null,
      revoked_reason: input.revokedOn ? "Återkallat muntligt" : null,
      custodians_required: input.custodians ?? null,
      recorded_by: input.recordedBy,
    })
    .execute();
  const givers = input.custodians
    ? Array.from({ length: input.custodians }, (_, i) => ({
        kind: "custodian" as const,
        name: `Vårdnadshavare ${i + 1}`,
      }))
    : [{ kind: "self" as const, name: "Personen själv" }];
  await owner
    .insertInto("consent_giver")
    .values(
      givers.map((g) => ({
        id: randomUUID(),
        org_id: input.orgId,
        consent_id: id,
        case_id: input.caseId,
        kind: g.kind,
        name: g.name,
        form: "oral" as const,
        heard_by: input.recordedBy,
        given_on: givenOn,
        recorded_by: input.recordedBy,
      })),
    )
    .execute();
  return id;
}

/** A disclosure already made, on a consent or (without one) on the serious-crime rule. */
export async function buildDisclosure(
  owner: Kysely<Database>,
  input: {
    orgId: string;
    caseId: string;
    personId: string;
    agencyId: string;
    recordedBy: string;
    consentId?: string;
    information?: string;
    disclosedOn?: string;
    context?: { kind: "referral" | "coordinated_plan" | "risk_conference"; id: string };
  },
) {
  const id = randomUUID();
  await owner
    .insertInto("disclosure")
    .values({
      id,
      org_id: input.orgId,
      case_id: input.caseId,
      person_id: input.personId,
      information: input.information ?? "Senaste riskbedömningen: hög risk",
      recipient_agency_id: input.agencyId,
      channel: "secure_email",
      ground: input.consentId ? "consent" : "secrecy_rule",
      consent_id: input.consentId ?? null,
      secrecy_rule: input.consentId ? null : "serious_crime",
      reviewed_by: input.recordedBy,
      reviewed_at: new Date(),
      review_conclusion: "Uppgifterna kan lämnas ut; adress och telefon maskeras.",
      disclosed_on: input.disclosedOn ?? "2026-11-02",
      context_kind: input.context?.kind ?? "direct",
      context_id: input.context?.id ?? null,
      recorded_by: input.recordedBy,
    })
    .execute();
  return id;
}

export async function buildPoliceIncident(
  owner: Kysely<Database>,
  input: {
    orgId: string;
    caseId: string;
    recordedBy: string;
    occurredOn: string;
    category?: PoliceIncidentCategory;
  },
) {
  const id = randomUUID();
  await owner
    .insertInto("police_incident")
    .values({
      id,
      org_id: input.orgId,
      case_id: input.caseId,
      occurred_on: input.occurredOn,
      reported_on: input.occurredOn,
      police_reference: `5000-K${id.slice(0, 6)}-26`,
      crime_category: input.category ?? "assault",
      recorded_by: input.recordedBy,
    })
    .execute();
  return id;
}
