import { describe, expect, it } from "vitest";
import { buildTestApp } from "../../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import { buildChildUnitTeam, recordReportOfConcern } from "../../testing/factories.ts";
import { statementsSent } from "../../testing/plans.ts";
import { actorOf } from "./queries.ts";
import { listNotifications } from "./service.ts";

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();

/*
 * At national scale the header's read must cost what Att göra's does: a fixed number of
 * statements whatever the number of cases (no statement per notification or per case).
 */
describe.each(testDatabaseKinds)("the notifications' reads (%s)", (kind) => {
  const database = useTestDatabase(kind);

  it("sends the same statements for one case as for eight", async () => {
    const t = await buildTestApp(database());
    try {
      const team = await buildChildUnitTeam(t.app, database().owner);
      const actor = await actorOf(database().db, team.workerId);
      if (!actor) throw new Error("no actor");
      const sent = () => {
        const handle = database();
        return statementsSent(handle.db, (db) =>
          listNotifications({ ...handle, db }, actor, { requestId: "plans", clientAddress: null }),
        );
      };
      await recordReportOfConcern(t.app, database().owner, team, daysAgo(12));
      const one = await sent();
      for (const days of [1, 2, 5, 9, 10, 13, 20]) {
        await recordReportOfConcern(t.app, database().owner, team, daysAgo(days));
      }
      const eight = await sent();
      // The same statements; only the lengths of their lists of ids grow.
      const shape = (qs: { sql: string }[]) =>
        qs.map((q) => q.sql.replace(/\$\d+(, \$\d+)*/g, "$n"));
      expect(shape(eight)).toEqual(shape(one));
      // Att göra's one statement, the names, the recent assignments, what I have read.
      expect(one).toHaveLength(4);
    } finally {
      await t.close();
    }
  });
});
