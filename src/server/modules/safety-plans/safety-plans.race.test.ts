import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stockholmDate } from "../../../shared/calendar.ts";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import { as, buildUser, buildWorkedCase, login, type Session } from "../../testing/factories.ts";
import { race } from "../../testing/race.ts";
import { allowedEvents, losersSay } from "../../testing/race-counts.ts";

/*
 * The safety plan under concurrent requests (issue 12): the case's worker and the unit
 * manager save twenty times at once from the same version. One save makes the next version;
 * the others get 409 and no version, no audit event. The unique (case, version) key made
 * this hold before the case lock; the suite keeps it so.
 */
const n = 20;
const inAMonth = stockholmDate(new Date(Date.now() + 30 * 86_400_000));

describe.each(testDatabaseKinds)("safety plans under concurrent requests (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let caseId: string;
  let users: Session[];

  beforeAll(async () => {
    t = await buildTestApp(database());
    const worked = await buildWorkedCase(t.app, database().owner);
    caseId = worked.caseId;
    const manager = await buildUser(database().owner, worked.orgId, [
      { unitId: worked.unitId, role: "unit_manager" },
    ]);
    users = [worked.session, await login(t.app, manager.username)];
  });
  afterAll(() => t?.close());

  const save = (i: number, basedOnVersion: number | null) =>
    t.app.inject({
      method: "PUT",
      url: `/api/cases/${caseId}/safety-plan`,
      headers: as(users[i % 2] as Session),
      payload: {
        basedOnVersion,
        measures: [
          {
            kind: "code_word",
            description: `Kodord nummer ${i}.`,
            forWhom: "Klienten",
            responsible: "Handläggaren",
            status: "in_place",
            reviewOn: inAMonth,
          },
        ],
      },
    });
  const versions = () =>
    database()
      .owner.selectFrom("safety_plan_version")
      .select("version")
      .where("case_id", "=", caseId)
      .orderBy("version")
      .execute();

  for (const [basedOn, made] of [
    [null, 1],
    [1, 2],
  ] as const) {
    it(`makes version ${made} once from ${basedOn ?? "nothing"}`, async () => {
      const outcome = await race(n, (i) => save(i, basedOn));
      expect(outcome.counts).toEqual({ 200: 1, 409: n - 1 });
      expect(losersSay(outcome)).toEqual([
        "conflict: Någon annan har sparat planen under tiden. Ladda om och gör ändringen i den senaste versionen.",
      ]);
      expect((await versions()).map((v) => v.version)).toEqual(made === 1 ? [1] : [1, 2]);
      expect(await allowedEvents(database().owner, "safety_plan.save", caseId)).toBe(made);
    });
  }
});
