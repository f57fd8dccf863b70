import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stockholmDate } from "../../../shared/calendar.ts";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import { as } from "../../testing/factories.ts";
import { race } from "../../testing/race.ts";
import { buildStayWorld, type StayWorld } from "../../testing/stays.ts";

/*
 * The last place under concurrent requests: stays for different cases racing for one place
 * lock the place row (frid_lock_place) before counting, so exactly as many win as there is
 * room for and the others get 409 with nothing written — on PostgreSQL, where they really run
 * side by side, as on PGlite.
 */
const n = 8;

describe.each(testDatabaseKinds)("stays racing for the last place (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let s: StayWorld;
  const today = stockholmDate(new Date());

  beforeAll(async () => {
    t = await buildTestApp(database());
    s = await buildStayWorld(t.app, database().owner);
  });
  afterAll(() => t?.close());

  async function contenders(placeKind: "sheltered_housing" | "emergency_flat") {
    return Promise.all(
      Array.from({ length: n }, async () => {
        const a = await s.adultCase();
        return { ...a, decisionId: await s.decision(a.caseId, { kind: placeKind }) };
      }),
    );
  }

  const stays = (placeId: string) =>
    database()
      .owner.selectFrom("stay_segment")
      .select("stay_id")
      .where("place_id", "=", placeId)
      .execute();

  for (const [placeKind, places, winners] of [
    ["sheltered_housing", 3, 3],
    ["emergency_flat", 4, 1],
  ] as const) {
    it(`${placeKind} with room for ${winners}: ${winners} of ${n} win, the rest get 409`, async () => {
      const placeId = await s.place({ kind: placeKind, places });
      const cases = await contenders(placeKind);
      const outcome = await race(n, (i) =>
        t.app.inject({
          method: "POST",
          url: `/api/cases/${cases[i]!.caseId}/stays`,
          headers: as(s.worker),
          payload: { decisionId: cases[i]!.decisionId, placeId, plannedFrom: today },
        }),
      );
      expect(outcome.counts).toEqual({ 201: winners, 409: n - winners });
      for (const r of outcome.responses.filter((x) => x.statusCode === 409))
        expect(r.json().error.message).toContain("Boendet har inte plats");
      expect(await stays(placeId)).toHaveLength(winners);
    });
  }
});
