import type { z } from "zod";
import type { PoliceCollaborationView } from "../../../shared/api/police-collaboration.ts";
import { type ProtectionLevel, shownName } from "../../../shared/protection.ts";
import type { Trx } from "../../access/transaction.ts";

/**
 * Reads of a case's police collaboration, under row-level security (0063, 0069: whoever may
 * see the case). Persons are named as the case knows them: the case's person by her name,
 * a relative by the name the relation was recorded with (0026), never by identity number.
 */

type View = z.infer<typeof PoliceCollaborationView>;

/** The persons an order may protect (her and her children) and be against (other relatives). */
export async function personsOfCase(trx: Trx, c: { id: string; person_id: string }) {
  const her = await trx
    .selectFrom("person")
    .select(["id", "given_name", "family_name", "protection_level"])
    .where("id", "=", c.person_id)
    .executeTakeFirstOrThrow();
  const relatives = await trx
    .selectFrom("relation as r")
    .innerJoin("person as p", "p.id", "r.other_person_id")
    .select((eb) => [
      "r.id",
      "r.kind",
      "p.id as person_id",
      eb.fn.coalesce("r.given_name", "p.given_name").as("given_name"),
      eb.fn.coalesce("r.family_name", "p.family_name").as("family_name"),
      "p.protection_level",
    ])
    .where("r.case_id", "=", c.id)
    .orderBy("r.recorded_at")
    .execute();
  // The choices of a form are a list: a fictitious identity is not named (issue 19).
  const name = (r: {
    given_name: string;
    family_name: string;
    protection_level: ProtectionLevel;
  }) =>
    shownName(
      { name: `${r.given_name} ${r.family_name}`, protectionLevel: r.protection_level },
      "list",
    );
  return {
    protectable: [
      { id: her.id, name: name(her) },
      ...relatives
        .filter((r) => r.kind === "child")
        .map((r) => ({ id: r.person_id, name: name(r) })),
    ],
    relations: relatives
      .filter((r) => r.kind !== "child")
      .map((r) => ({ id: r.id, name: name(r), personId: r.person_id })),
  };
}

async function incidents(trx: Trx, caseId: string): Promise<View["incidents"]> {
  const rows = await trx
    .selectFrom("police_incident as i")
    .innerJoin("app_user as u", "u.id", "i.recorded_by")
    .selectAll("i")
    .select("u.display_name")
    .where("i.case_id", "=", caseId)
    .orderBy("i.occurred_on", "desc")
    .orderBy("i.recorded_at", "desc")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    occurredOn: r.occurred_on,
    reportedOn: r.reported_on,
    policeReference: r.police_reference,
    crimeCategory: r.crime_category,
    description: r.description,
    recordedBy: r.display_name,
  }));
}

async function orders(
  trx: Trx,
  caseId: string,
  nameOf: (personId: string) => string,
  relationName: (relationId: string) => string,
): Promise<View["restrainingOrders"]> {
  const rows = await trx
    .selectFrom("restraining_order")
    .selectAll()
    .where("case_id", "=", caseId)
    .orderBy("recorded_at", "desc")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    status: r.status,
    protectedPersonId: r.protected_person_id,
    protectedPersonName: nameOf(r.protected_person_id),
    againstRelationId: r.against_relation_id,
    againstName: r.against_relation_id
      ? relationName(r.against_relation_id)
      : (r.against_name ?? ""),
    appliedOn: r.applied_on,
    validFrom: r.valid_from,
    validUntil: r.valid_until,
    endedOn: r.ended_on,
    reference: r.reference,
    decidedBy: r.decided_by,
    policeAssessmentId: r.police_assessment_id,
    renewalConsideredOn: r.renewal_considered_on,
    note: r.note,
    version: r.version,
  }));
}

async function alarms(trx: Trx, caseId: string): Promise<View["safetyAlarms"]> {
  const rows = await trx
    .selectFrom("safety_alarm")
    .selectAll()
    .where("case_id", "=", caseId)
    .orderBy("valid_from", "desc")
    .orderBy("recorded_at", "desc")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    validFrom: r.valid_from,
    validUntil: r.valid_until,
    followUpOn: r.follow_up_on,
    followedUpOn: r.followed_up_on,
    suppliedBy: r.supplied_by,
    returnedOn: r.returned_on,
    policeAssessmentId: r.police_assessment_id,
    note: r.note,
    version: r.version,
  }));
}

/** The police's own risk assessments of the case, newest first (modules/police-assessments). */
export function policeAssessmentsOf(trx: Trx, caseId: string) {
  return trx
    .selectFrom("police_assessment")
    .select(["id", "assessed_on as assessedOn", "level"])
    .where("case_id", "=", caseId)
    .orderBy("assessed_on", "desc")
    .orderBy("recorded_at", "desc")
    .execute();
}

/** The whole panel, and the persons it shows (for the audit event). */
export async function readPoliceCollaboration(trx: Trx, c: { id: string; person_id: string }) {
  const persons = await personsOfCase(trx, c);
  const names = new Map(persons.protectable.map((p) => [p.id, p.name]));
  const relationNames = new Map(persons.relations.map((r) => [r.id, r.name]));
  const assessments = await policeAssessmentsOf(trx, c.id);
  const view: View = {
    incidents: await incidents(trx, c.id),
    restrainingOrders: await orders(
      trx,
      c.id,
      (id) => names.get(id) ?? "",
      (id) => relationNames.get(id) ?? "",
    ),
    safetyAlarms: await alarms(trx, c.id),
    latestPoliceAssessment: assessments[0] ?? null,
    policeAssessments: assessments,
    protectable: persons.protectable,
    relations: persons.relations.map(({ id, name }) => ({ id, name })),
  };
  const shownPersons = [
    ...persons.protectable.map((p) => p.id),
    ...persons.relations.map((r) => r.personId),
  ];
  return { view, shownPersons };
}
