import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "../db/types.ts";

/**
 * A service course of X's person at X's unit with one phone call by X's assigned worker,
 * made as the owner for the authorization suite (modules/service-contacts): its workers are
 * the assigned worker and the unit's manager; nobody else may see it.
 */
export async function addServiceCourse(made: {
  owner: Kysely<Database>;
  orgId: string;
  unitId: string;
  personId: string;
  workerId: string;
}) {
  const { owner, orgId, unitId, personId, workerId } = made;
  const courseId = randomUUID();
  const contactId = randomUUID();
  await owner
    .insertInto("service_course")
    .values({
      id: courseId,
      org_id: orgId,
      unit_id: unitId,
      subject_kind: "identified",
      person_id: personId,
      sex: "female",
      responsible_id: workerId,
      created_by: workerId,
    })
    .execute();
  await owner
    .insertInto("service_contact")
    .values({
      id: contactId,
      org_id: orgId,
      course_id: courseId,
      kind: "phone_advice",
      channel: "phone",
      occurred_at: new Date("2026-11-02T09:00:00Z"),
      duration_minutes: 20,
      worker_id: workerId,
      violence_kinds: ["psychological"],
      topic: "Råd om skyddsplanering",
      summary: "Berättar om hot från sin före detta partner.",
      outcome: "advice_given",
      created_by: workerId,
    })
    .execute();
  return { courseId, contactId };
}
