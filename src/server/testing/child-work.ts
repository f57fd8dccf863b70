import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "../db/types.ts";
import type { App } from "../http/context.ts";
import { buildCase, buildOrg, buildPerson, buildUnit, buildUser, login } from "./factories.ts";
import { buildServiceCourse } from "./service-contacts.ts";

/*
 * The children's crisis centre's tests (modules/child-work, statistics/crisis-centre). Their
 * service courses come from the one course factory (testing/service-contacts.ts).
 */

/** A child related to a case's person (relation kind child), recorded as its worker would. */
export async function addChildOf(
  owner: Kysely<Database>,
  input: { orgId: string; caseId: string; parentId: string; recordedBy: string },
) {
  const child = await buildPerson(owner, input.orgId, input.recordedBy);
  await owner
    .insertInto("relation")
    .values({
      org_id: input.orgId,
      case_id: input.caseId,
      person_id: input.parentId,
      other_person_id: child.id,
      kind: "child",
      recorded_by: input.recordedBy,
    })
    .execute();
  return child;
}

/**
 * A children's crisis centre beside social services: the mother's case at IFO, worked by a
 * caseworker there and by the crisis centre's therapist (assigned), with two children
 * related; a colleague therapist not on the case; the crisis centre's manager and the IFO
 * unit's manager; all logged in.
 */
export async function buildCrisisCentreWorld(app: App, owner: Kysely<Database>) {
  const org = await buildOrg(owner);
  const ifo = await buildUnit(owner, org.id);
  const crisis = await buildUnit(owner, org.id, "crisis_centre");
  const caseworker = await buildUser(owner, org.id, [{ unitId: ifo.id, role: "caseworker" }]);
  const therapist = await buildUser(owner, org.id, [{ unitId: crisis.id, role: "therapist" }]);
  const colleague = await buildUser(owner, org.id, [{ unitId: crisis.id, role: "therapist" }]);
  const crisisManager = await buildUser(owner, org.id, [
    { unitId: crisis.id, role: "unit_manager" },
  ]);
  const ifoManager = await buildUser(owner, org.id, [{ unitId: ifo.id, role: "unit_manager" }]);
  const mother = await buildPerson(owner, org.id, caseworker.id);
  const c = await buildCase(owner, {
    orgId: org.id,
    unitId: ifo.id,
    personId: mother.id,
    openedBy: caseworker.id,
    assignees: [caseworker.id, therapist.id],
  });
  const child = await addChildOf(owner, {
    orgId: org.id,
    caseId: c.id,
    parentId: mother.id,
    recordedBy: caseworker.id,
  });
  const sibling = await addChildOf(owner, {
    orgId: org.id,
    caseId: c.id,
    parentId: mother.id,
    recordedBy: caseworker.id,
  });
  return {
    orgId: org.id,
    ifoId: ifo.id,
    crisisId: crisis.id,
    caseId: c.id,
    motherId: mother.id,
    child,
    sibling,
    therapistId: therapist.id,
    colleagueId: colleague.id,
    caseworkerId: caseworker.id,
    caseworker: await login(app, caseworker.username),
    therapist: await login(app, therapist.username),
    colleague: await login(app, colleague.username),
    crisisManager: await login(app, crisisManager.username),
    ifoManager: await login(app, ifoManager.username),
  };
}

/**
 * The authorization suite's records of a child's work (authorization-world.ts): in case X a
 * related child with an open work and a series going, a second related child without one,
 * and a child's service course in X's unit with the assigned worker responsible. The course
 * names X's person, so a refused look at it shows in her log review as the suite requires.
 */
export async function addChildWorkRecords(made: {
  owner: Kysely<Database>;
  orgId: string;
  unitId: string;
  caseId: string;
  id: (a: "assigned" | "manager") => string;
}) {
  const { owner, orgId, unitId, caseId, id } = made;
  const { person_id: parentId } = await owner
    .selectFrom("case")
    .select("person_id")
    .where("id", "=", caseId)
    .executeTakeFirstOrThrow();
  const recordedBy = id("assigned");
  const child = await addChildOf(owner, { orgId, caseId, parentId, recordedBy });
  const spareChild = await addChildOf(owner, { orgId, caseId, parentId, recordedBy });
  const workId = randomUUID();
  const seriesId = randomUUID();
  const openedOn = "2026-01-05";
  await owner
    .insertInto("child_work")
    .values({
      id: workId,
      org_id: orgId,
      unit_id: unitId,
      case_id: caseId,
      person_id: child.id,
      opened_on: openedOn,
      created_by: recordedBy,
    })
    .execute();
  await owner
    .insertInto("crisis_talk_series")
    .values({
      id: seriesId,
      org_id: orgId,
      child_work_id: workId,
      model: "trappan",
      planned_talks: 3,
      worker_id: recordedBy,
      started_on: openedOn,
      created_by: recordedBy,
    })
    .execute();
  const courseId = await buildServiceCourse(owner, {
    orgId,
    unitId,
    responsibleId: recordedBy,
    personId: parentId,
  });
  return { workId, seriesId, spareChildId: spareChild.id, courseId };
}
