import type { Kysely } from "kysely";
import type { Database } from "../../db/types.ts";
import { buildCase, buildOrg, buildPerson, buildUnit, buildUser } from "../../testing/factories.ts";

/**
 * A seeded trail for the log review's tests (issue 19, item 7): three units, their workers
 * and persons, and a week of audit events in March 2026 (Swedish winter time, UTC+1) that
 * hold a known number of each kind of anomaly. Roles and assignments date from January, so
 * "at the time of the read" they were in force.
 */
export const trailDay = {
  first: "2026-03-03", // a Tuesday
  second: "2026-03-04",
  saturday: "2026-03-07",
} as const;

export type LogReviewWorld = Awaited<ReturnType<typeof seedLogReviewWorld>>;

export async function seedLogReviewWorld(owner: Kysely<Database>) {
  const org = await buildOrg(owner);
  const [unitA, unitB, unitC] = await Promise.all([
    buildUnit(owner, org.id),
    buildUnit(owner, org.id),
    buildUnit(owner, org.id),
  ]);
  const user = (unitId: string, role: "caseworker" | "unit_manager") =>
    buildUser(owner, org.id, [{ unitId, role }]);
  const managerA = await user(unitA.id, "unit_manager");
  const managerB = await user(unitB.id, "unit_manager");
  const managerC = await user(unitC.id, "unit_manager");
  const w1 = await user(unitA.id, "caseworker");
  const w2 = await user(unitA.id, "caseworker");
  const wB = await user(unitB.id, "caseworker");
  const sharedSurname = "Lindqvist";
  await owner
    .updateTable("app_user")
    .set({ display_name: `Eva ${sharedSurname}` })
    .where("id", "=", w1.id)
    .execute();

  const personIn = async (unitId: string, worker: string) => {
    const p = await buildPerson(owner, org.id);
    await buildCase(owner, { orgId: org.id, unitId, personId: p.id, openedBy: worker });
    return p;
  };
  const personA1 = await personIn(unitA.id, w1.id);
  const personA2 = await personIn(unitA.id, w2.id);
  const fictitious = await personIn(unitA.id, w1.id);
  const surnamePerson = await personIn(unitA.id, w2.id);
  const personB = await personIn(unitB.id, wB.id);
  // Registered by w2, no case yet: hers to read.
  const registered = await buildPerson(owner, org.id, w2.id);
  await owner
    .updateTable("person")
    .set({ protection_level: "fictitious_identity" })
    .where("id", "=", fictitious.id)
    .execute();
  await owner
    .updateTable("person")
    .set({ given_name: "Karin", family_name: sharedSurname })
    .where("id", "=", surnamePerson.id)
    .execute();
  const january = new Date("2026-01-01T08:00:00Z");
  await owner
    .updateTable("case_assignment")
    .set({ assigned_at: january })
    .where("org_id", "=", org.id)
    .execute();
  await owner
    .updateTable("role_assignment")
    .set({ created_at: january })
    .where("org_id", "=", org.id)
    .execute();

  const read = (
    userId: string,
    personId: string,
    at: string,
    outcome: "allowed" | "denied" = "allowed",
  ) => ({
    org_id: org.id,
    occurred_at: new Date(at),
    actor_user_id: userId,
    actor_role: "caseworker",
    action: "case.read",
    outcome,
    resource_type: "case",
    person_id: personId,
  });
  const d1 = trailDay.first;
  const d2 = trailDay.second;
  await owner
    .insertInto("audit_event")
    .values([
      read(w1.id, personA1.id, `${d1}T09:00:00Z`), // her own case, 10:00: nothing
      read(w1.id, personA1.id, `${d1}T09:10:00Z`),
      read(w1.id, fictitious.id, `${d1}T09:30:00Z`), // protected
      read(w1.id, personA2.id, `${d1}T10:00:00Z`), // outside own cases
      read(w1.id, surnamePerson.id, `${d1}T10:30:00Z`), // outside own cases + same surname
      read(w1.id, personB.id, `${d1}T11:00:00Z`), // outside the unit
      read(w1.id, personA1.id, `${d1}T19:00:00Z`), // 20:00 in Stockholm: after hours
      read(wB.id, personA1.id, `${d1}T09:00:00Z`), // unit B's worker, outside the unit
      read(w2.id, personA1.id, `${d1}T11:00:00Z`, "denied"), // refused, twice
      read(w2.id, personA1.id, `${d1}T11:01:00Z`, "denied"),
      // Three distinct persons in a day (the organisation's threshold is 3), all hers.
      read(w2.id, personA2.id, `${d2}T09:00:00Z`),
      read(w2.id, surnamePerson.id, `${d2}T09:05:00Z`),
      read(w2.id, surnamePerson.id, `${d2}T09:06:00Z`),
      read(w2.id, registered.id, `${d2}T09:10:00Z`),
      read(w2.id, personA2.id, `${trailDay.saturday}T09:00:00Z`), // a Saturday
      read(w2.id, personA2.id, "2026-02-20T22:00:00Z"), // after hours, but before the period
    ])
    .execute();
  await owner
    .insertInto("log_review_setting")
    .values({ org_id: org.id, many_persons_per_day: 3 })
    .execute();
  return {
    orgId: org.id,
    unitA,
    unitB,
    unitC,
    managerA,
    managerB,
    managerC,
    w1,
    w2,
    wB,
    personA1,
    personA2,
    fictitious,
    surnamePerson,
    personB,
    sharedSurname,
  };
}
