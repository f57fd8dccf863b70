import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "../db/types.ts";
import type { App } from "../http/context.ts";
import { buildAgency, buildAgencyContact } from "./collaboration.ts";
import { buildUser, buildWorkedCase, login } from "./factories.ts";

/**
 * Referrals' test records (issue 18, item 5), on collaboration's factory: an agency of the
 * directory with one unit and contact, and a referral out of a case made as the owner.
 */

export async function buildAgencyWithUnit(
  owner: Kysely<Database>,
  input: { orgId: string; ownerId: string; kind?: Parameters<typeof buildAgency>[1]["kind"] },
) {
  const agencyId = await buildAgency(owner, input);
  const unitId = randomUUID();
  await owner
    .insertInto("agency_unit")
    .values({ id: unitId, org_id: input.orgId, agency_id: agencyId, name: "Mottagningen" })
    .execute();
  const contactId = await buildAgencyContact(owner, {
    orgId: input.orgId,
    agencyId,
    confirmedBy: input.ownerId,
  });
  return { agencyId, agencyUnitId: unitId, contactId };
}

/** A referral out of the case, as a draft, or sent on `sentOn`. */
export async function buildReferralOut(
  owner: Kysely<Database>,
  input: {
    orgId: string;
    caseId: string;
    agencyId: string;
    agencyUnitId: string;
    createdBy: string;
    sentOn?: string;
    sharesInformation?: boolean;
  },
) {
  const id = randomUUID();
  await owner
    .insertInto("referral")
    .values({
      id,
      org_id: input.orgId,
      case_id: input.caseId,
      direction: "out",
      agency_id: input.agencyId,
      agency_unit_id: input.agencyUnitId,
      reason: "Bedömning av psykisk ohälsa efter våld",
      shares_information: input.sharesInformation ?? false,
      channel: input.sentOn ? "secure_email" : null,
      sent_on: input.sentOn ?? null,
      created_by: input.createdBy,
    })
    .execute();
  return id;
}

/** A worked case, its unit's manager, and an agency with a unit and a contact. */
export async function buildReferralWorld(app: App, owner: Kysely<Database>) {
  const w = await buildWorkedCase(app, owner);
  const manager = await buildUser(owner, w.orgId, [{ unitId: w.unitId, role: "unit_manager" }]);
  const agency = await buildAgencyWithUnit(owner, {
    orgId: w.orgId,
    ownerId: manager.id,
    kind: "psychiatry",
  });
  return {
    ...w,
    ...agency,
    managerId: manager.id,
    managerSession: await login(app, manager.username),
  };
}

/**
 * The authorization suite's referral records in case X (authorization-world.ts): an agency
 * with a unit, a draft referral out sharing nothing (the send route's), and a sent one (the
 * answer route's).
 */
export async function addReferralRecords(made: {
  owner: Kysely<Database>;
  orgId: string;
  caseId: string;
  id: (a: "assigned" | "manager") => string;
}) {
  const agency = await buildAgencyWithUnit(made.owner, {
    orgId: made.orgId,
    ownerId: made.id("manager"),
  });
  const base = { orgId: made.orgId, caseId: made.caseId, createdBy: made.id("assigned") };
  return {
    ...agency,
    draftId: await buildReferralOut(made.owner, { ...base, ...agency }),
    sentId: await buildReferralOut(made.owner, { ...base, ...agency, sentOn: "2026-11-02" }),
  };
}
