import { randomUUID } from "node:crypto";
import type { Made } from "./authorization-records.ts";
import { buildAgency, buildSharingConsent } from "./collaboration.ts";

/**
 * A SIP in case X of the authorization suite (issue 18, item 6), made as the owner: the
 * region's health centre, her consent to share with it, and the plan shared with it.
 */
export async function addCoordinatedPlanRecords({ owner, orgId, caseId, id }: Made) {
  const { person_id: personId } = await owner
    .selectFrom("case")
    .select("person_id")
    .where("id", "=", caseId)
    .executeTakeFirstOrThrow();
  const agencyId = await buildAgency(owner, { orgId, ownerId: id("manager") });
  const consent = { orgId, caseId, personId, agencyId, recordedBy: id("assigned") };
  const consentId = await buildSharingConsent(owner, consent);
  const planId = randomUUID();
  await owner
    .insertInto("coordinated_plan")
    .values({
      id: planId,
      org_id: orgId,
      case_id: caseId,
      person_id: personId,
      opened_on: "2026-11-02",
      created_by: id("assigned"),
      updated_by: id("assigned"),
    })
    .execute();
  await owner
    .insertInto("coordinated_plan_agency")
    .values({
      id: randomUUID(),
      org_id: orgId,
      plan_id: planId,
      case_id: caseId,
      agency_id: agencyId,
      consent_id: consentId,
      joined_on: "2026-11-02",
      recorded_by: id("assigned"),
    })
    .execute();
  return { planId, agencyId, consentId };
}

/** The smallest whole save of a plan: her goal, nobody yet, from `version`. */
export const planSaveBody = (version: number) => ({
  version,
  goals: ["Jag vill orka arbeta igen."],
  participants: [],
  responsibilities: [],
  meetings: [],
  coordinatorKey: null,
  followUpOn: null,
  followedUpOn: null,
  followUpFindings: "",
  newAgencies: [],
});
