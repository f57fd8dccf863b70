import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { testDatabaseKinds, useTestDatabase } from "../testing/databases.ts";
import { buildCase, buildOrg, buildPerson, buildUnit, buildUser } from "../testing/factories.ts";
import { runOnLanes } from "./reporting-lanes.ts";
import { type Trx, withReporting } from "./transaction.ts";

/*
 * A report read over several connections (withReporting's lanes) must count what it would
 * read in turn: every lane on the main transaction's snapshot, whatever casework commits
 * meanwhile; as the reporting role, read only; and never more lanes than the pool can give.
 */
describe.each(testDatabaseKinds)("a report read in lanes (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let w: { orgId: string; unitId: string; analyst: string; worker: string; personId: string };
  const actor = () => ({ userId: w.analyst, orgId: w.orgId });
  const cases = async (trx: Trx) =>
    (await sql<{ n: number }>`select count(*)::int as n from "case"`.execute(trx)).rows[0]?.n;

  beforeAll(async () => {
    const { owner } = database();
    const orgId = (await buildOrg(owner)).id;
    const unitId = (await buildUnit(owner, orgId)).id;
    const analyst = (await buildUser(owner, orgId, [{ unitId: null, role: "analyst" }])).id;
    const worker = (await buildUser(owner, orgId, [{ unitId, role: "caseworker" }])).id;
    const personId = (await buildPerson(owner, orgId, worker)).id;
    w = { orgId, unitId, analyst, worker, personId };
    await buildCase(owner, { orgId, unitId, personId, openedBy: worker });
  });

  it("reads every lane on the main transaction's snapshot while cases are opened", async () => {
    const { owner, db } = database();
    if (kind !== "postgres") {
      // One connection: the report reads in turn.
      const lanes = await withReporting(db, actor(), async (_trx, more) => more.length, 2);
      expect(lanes).toBe(0);
      return;
    }
    // Casework commits all the while: a lane that took a snapshot of its own would see more.
    let writing = true;
    const writer = (async () => {
      while (writing)
        await buildCase(owner, {
          orgId: w.orgId,
          unitId: w.unitId,
          personId: w.personId,
          openedBy: w.worker,
        });
    })();
    try {
      for (let round = 0; round < 5; round++) {
        const seen = await withReporting(
          db,
          actor(),
          async (trx, lanes) => {
            const all = [trx, ...lanes];
            const snapshot = (t: Trx) =>
              sql<{ s: string }>`select pg_current_snapshot()::text as s`.execute(t);
            const one = await Promise.all(all.map(async (t) => (await snapshot(t)).rows[0]?.s));
            await new Promise((resolve) => setTimeout(resolve, 20));
            const counts = await Promise.all(all.map(cases));
            const mode = await sql<{ ro: string; iso: string }>`
              select current_setting('transaction_read_only') as ro,
                current_setting('transaction_isolation') as iso,
                current_user as role`.execute(lanes[1] as Trx);
            return {
              lanes: lanes.length,
              snapshots: new Set(one).size,
              counts,
              mode: mode.rows[0],
            };
          },
          2,
        );
        expect(seen.lanes).toBe(2);
        expect(seen.snapshots).toBe(1);
        expect(new Set(seen.counts).size).toBe(1);
        expect(seen.mode).toEqual({ ro: "on", iso: "repeatable read", role: "frid_report" });
      }
    } finally {
      writing = false;
      await writer;
    }
  });

  it("gives lanes to at most two reports at once; the others read in turn", async () => {
    const { db } = database();
    let arrived = 0;
    let all = () => {};
    const together = new Promise<void>((resolve) => {
      all = resolve;
    });
    const report = () =>
      withReporting(
        db,
        actor(),
        async (_trx, lanes) => {
          if (++arrived === 3) all();
          // PGlite's one connection runs the reports in turn: none can wait for another.
          if (kind === "postgres") await together;
          return lanes.length;
        },
        2,
      );
    const lanes = await Promise.all([report(), report(), report()]);
    const expected = kind === "postgres" ? [0, 2, 2] : [0, 0, 0];
    expect(lanes.sort()).toEqual(expected);
  });

  it("answers when every job has finished, and with the first failure", async () => {
    const { db } = database();
    const finished: string[] = [];
    const failure = withReporting(
      db,
      actor(),
      (trx, lanes) =>
        runOnLanes(
          [trx, ...lanes],
          [
            [
              "slow",
              async (t) => {
                await sql`select pg_sleep(0.2)`.execute(t);
                finished.push("slow");
              },
            ],
            [
              "fails",
              async (t) => {
                await sql`select 1 / 0`.execute(t);
              },
            ],
          ],
        ),
      2,
    );
    await expect(failure).rejects.toThrow(/division by zero/);
    // On one connection the failing job never starts before the slow one ends; on lanes the
    // report still waits for it.
    expect(finished).toEqual(["slow"]);
  });
});
