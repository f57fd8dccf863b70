import { randomUUID } from "node:crypto";
import { addMonths, stockholmDate } from "../../shared/calendar.ts";
import type { Made } from "./authorization-records.ts";
import { buildAgency, buildAgencyContact } from "./collaboration.ts";

/**
 * The directory's and the agreements' records for the authorization suite (issue 18, items
 * 1–2): an agency owned by X's unit manager with a unit and three contacts (one per changing
 * route, each on version 1), a spare agency to archive, a women's shelter, an agreement of
 * X's unit with the police agency, and an assignment to the shelter.
 */
export async function addDirectoryRecords(made: Made) {
  const { owner, orgId, unitId, id } = made;
  const ownerId = id("manager");
  const agencyId = await buildAgency(owner, {
    orgId,
    ownerId,
    kind: "police",
    name: "Polisen Test",
  });
  const spareAgencyId = await buildAgency(owner, { orgId, ownerId, name: "Vårdcentralen Reserv" });
  const shelterId = await buildAgency(owner, {
    orgId,
    ownerId,
    kind: "voluntary_shelter",
    name: "Kvinnojouren Test",
  });
  const agencyUnitId = randomUUID();
  await owner
    .insertInto("agency_unit")
    .values({ id: agencyUnitId, org_id: orgId, agency_id: agencyId, name: "Brottsofferstöd" })
    .execute();
  const contact = () => buildAgencyContact(owner, { orgId, agencyId, confirmedBy: ownerId });
  const [contactId, confirmContactId, archiveContactId] = [
    await contact(),
    await contact(),
    await contact(),
  ];
  const today = stockholmDate(new Date());
  const agreementId = randomUUID();
  await owner
    .insertInto("agreement")
    .values({
      id: agreementId,
      org_id: orgId,
      unit_id: unitId,
      title: "Samverkan med polisen",
      areas: ["reports_of_concern"],
      goals: "Snabb kontakt.",
      signed_on: addMonths(today, -6),
      next_follow_up_on: addMonths(today, 6),
      created_by: ownerId,
    })
    .execute();
  await owner
    .insertInto("agreement_party")
    .values({ agreement_id: agreementId, agency_id: agencyId, org_id: orgId })
    .execute();
  const assignmentId = randomUUID();
  await owner
    .insertInto("voluntary_assignment")
    .values({
      id: assignmentId,
      org_id: orgId,
      unit_id: unitId,
      agency_id: shelterId,
      decided_on: "2026-02-20",
      decision_reference: "SN 2026/14",
      legal_basis: "IOP",
      scope: "Stödsamtal.",
      valid_from: "2026-03-01",
      created_by: ownerId,
    })
    .execute();
  return {
    agencyId,
    spareAgencyId,
    shelterId,
    agencyUnitId,
    contactId,
    confirmContactId,
    archiveContactId,
    agreementId,
    assignmentId,
  };
}

/** A body for a new agreement of X's unit with the suite's police agency. */
export function agreementBody(unitId: string, agencyId: string) {
  const today = stockholmDate(new Date());
  return {
    title: `Överenskommelse ${randomUUID().slice(0, 8)}`,
    unitId,
    partyIds: [agencyId],
    areas: ["out_of_hours"],
    goals: "Nåbarhet utanför kontorstid.",
    signedOn: today,
    nextFollowUpOn: addMonths(today, 12),
  };
}

/** A body for an assignment of X's unit to the suite's women's shelter. */
export function assignmentBody(unitId: string, shelterId: string) {
  return {
    unitId,
    agencyId: shelterId,
    decidedOn: "2026-02-20",
    decisionReference: "SN 2026/14",
    legalBasis: "IOP",
    scope: "Stödsamtal.",
    validFrom: "2026-03-01",
  };
}
