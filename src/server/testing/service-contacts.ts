import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "../db/types.ts";

/**
 * The one factory of service courses for tests (service contacts, children's work, their
 * figures), made as the owner: a course at a unit with one responsible worker. By default a
 * child's course by first name and birth year (no person record) — the children's crisis
 * centre's usual course; `isChild: false` for an adult's, `personId` for an identified one.
 */
export async function buildServiceCourse(
  owner: Kysely<Database>,
  input: {
    orgId: string;
    unitId: string;
    responsibleId: string;
    isChild?: boolean;
    /** Identified (a person record), or by first name and birth year (no record). */
    personId?: string;
    firstName?: string;
    sex?: "female" | "male" | "other";
  },
) {
  const id = randomUUID();
  const identified = input.personId !== undefined;
  await owner
    .insertInto("service_course")
    .values({
      id,
      org_id: input.orgId,
      unit_id: input.unitId,
      subject_kind: identified ? "identified" : "first_name",
      person_id: input.personId ?? null,
      first_name: identified ? null : (input.firstName ?? "Alva"),
      birth_year: identified ? null : 2016,
      sex: input.sex ?? null,
      is_child: input.isChild ?? true,
      responsible_id: input.responsibleId,
      created_by: input.responsibleId,
    })
    .execute();
  return id;
}

/** A phone call in a course by a worker, with advice given (the worker then sees the course). */
export async function addServiceContact(
  owner: Kysely<Database>,
  input: { orgId: string; courseId: string; workerId: string; occurredAt?: Date; topic?: string },
) {
  const id = randomUUID();
  await owner
    .insertInto("service_contact")
    .values({
      id,
      org_id: input.orgId,
      course_id: input.courseId,
      kind: "phone_advice",
      channel: "phone",
      occurred_at: input.occurredAt ?? new Date(),
      duration_minutes: 20,
      worker_id: input.workerId,
      violence_kinds: ["psychological"],
      topic: input.topic ?? "Råd om skyddsplanering",
      summary: "Berättar om hot från sin före detta partner.",
      outcome: "advice_given",
      created_by: input.workerId,
    })
    .execute();
  return id;
}

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
  const courseId = await buildServiceCourse(owner, {
    orgId,
    unitId,
    responsibleId: workerId,
    personId,
    sex: "female",
    isChild: false,
  });
  const contactId = await addServiceContact(owner, {
    orgId,
    courseId,
    workerId,
    occurredAt: new Date("2026-11-02T09:00:00Z"),
  });
  return { courseId, contactId };
}
