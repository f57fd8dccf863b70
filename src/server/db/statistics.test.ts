import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { withActor } from "../access/transaction.ts";
import { useTestDatabase } from "../testing/databases.ts";
import { buildCase, buildOrg, buildPerson, buildUnit, buildUser } from "../testing/factories.ts";
import { explainIn } from "../testing/plans.ts";
import { startStatistics } from "./statistics.ts";

/*
 * PGlite has no autovacuum: without a job of Frid's own the planner never learns how many
 * rows a table has, and reads a case's whole history — checking row-level security on every
 * row — to show its newest 21 (bench:histories: 1,600 safety-plan versions, 313 ms paged).
 */
describe("planner statistics on PGlite", () => {
  const database = useTestDatabase("pglite");

  it("are gathered at start, so a history page walks its index and stops", async () => {
    const { owner } = database();
    const org = await buildOrg(owner);
    const unit = await buildUnit(owner, org.id);
    const user = await buildUser(owner, org.id, [{ unitId: unit.id, role: "caseworker" }]);
    const person = await buildPerson(owner, org.id, user.id);
    const c = await buildCase(owner, {
      orgId: org.id,
      unitId: unit.id,
      personId: person.id,
      openedBy: user.id,
    });
    await owner
      .insertInto("safety_plan_version")
      .values(
        Array.from({ length: 400 }, (_, i) => ({
          org_id: org.id,
          case_id: c.id,
          version: i + 1,
          measures: "[]",
          saved_by: user.id,
        })),
      )
      .execute();
    const actor = {
      userId: user.id,
      orgId: org.id,
      username: user.username,
      displayName: "x",
      roles: [{ id: "r", unitId: unit.id, unitName: null, role: "caseworker" as const }],
    };
    const plan = () =>
      withActor(database().db, actor, (trx) =>
        explainIn(
          trx,
          sql`select version from safety_plan_version where case_id = ${c.id}
              order by version desc limit 21`.compile(trx),
        ),
      );
    const stop = startStatistics(database(), { error: () => {} }, 60_000);
    await stop();
    // Down the (case, version) key, newest first, stopping after the page: no sort of all.
    expect(await plan()).toMatch(/Limit[^\n]*\n\s*->\s+Index (Only )?Scan Backward/);
  });
});
