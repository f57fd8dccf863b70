import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "../db/types.ts";
import { buildAgency, buildSharingConsent } from "./collaboration.ts";
import { buildPerson } from "./factories.ts";

/**
 * Bodies and records of the consent registry and disclosures (issue 18, items 3–4) for tests:
 * a disclosure on a rule (no consent needed), an oral consent heard by the caller, a child of
 * the case, and the authorization suite's records in case X.
 */

export function disclosureBody(input: {
  personId: string;
  agencyId?: string | null;
  overrides?: Record<string, unknown>;
}) {
  return {
    personId: input.personId,
    information: "Senaste riskbedömningen visar hög risk för nytt våld.",
    recipientAgencyId: input.agencyId ?? null,
    recipientName: input.agencyId ? null : "Tingsrätten i Demostad",
    channel: "secure_email",
    ground: "secrecy_rule",
    secrecyRule: "serious_crime",
    review: {
      reviewedAt: "2026-11-10T08:00:00Z",
      conclusion: "Uppgifterna kan lämnas ut; de behövs för att förebygga brott.",
    },
    disclosedOn: "2026-11-10",
    ...input.overrides,
  };
}

export function oralConsentBody(input: {
  personId: string;
  agencyId: string;
  heardBy: string;
  overrides?: Record<string, unknown>;
}) {
  return {
    personId: input.personId,
    information: "Riskbedömning och pågående insatser",
    purpose: "Samordnad planering av stöd",
    recipientAgencyId: input.agencyId,
    givenOn: "2026-11-01",
    givers: [
      {
        kind: "self",
        name: "Personen själv",
        form: "oral",
        heardBy: input.heardBy,
        givenOn: "2026-11-01",
      },
    ],
    ...input.overrides,
  };
}

/** A child of the case's person, related in the case. */
export async function buildRelatedChild(
  owner: Kysely<Database>,
  input: { orgId: string; caseId: string; personId: string; recordedBy: string },
) {
  const child = await buildPerson(owner, input.orgId);
  await owner
    .insertInto("relation")
    .values({
      id: randomUUID(),
      org_id: input.orgId,
      case_id: input.caseId,
      person_id: input.personId,
      other_person_id: child.id,
      kind: "child",
      recorded_by: input.recordedBy,
    })
    .execute();
  return child.id;
}

/** Case X's records for the authorization suite: an agency, a consent to disclose on, one to revoke. */
export async function addDisclosureRecords(made: {
  owner: Kysely<Database>;
  orgId: string;
  caseId: string;
  personId: string;
  recordedBy: string;
}) {
  const agencyId = await buildAgency(made.owner, { orgId: made.orgId, ownerId: made.recordedBy });
  const base = { ...made, agencyId };
  return {
    agencyId,
    /** X's assigned worker: who heard her consents. */
    heardBy: made.recordedBy,
    consentId: await buildSharingConsent(made.owner, base),
    revocableConsentId: await buildSharingConsent(made.owner, base),
  };
}
