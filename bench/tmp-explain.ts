import { sql } from "kysely";
import { withActor } from "../src/server/access/transaction.ts";
import { migrate } from "../src/server/db/migrate.ts";
import { buildTestApp } from "../src/server/testing/app.ts";
import { buildWorkedCase } from "../src/server/testing/factories.ts";
import { histories } from "./lib/histories.ts";
import { createTarget, openTarget } from "./lib/target.ts";

const created = await createTarget(process.env.DATABASE_URL);
const database = await openTarget(created.target);
await migrate(database.owner);
const t = await buildTestApp(database, { LOG_LEVEL: "warn" });
await t.app.ready();
const w = await buildWorkedCase(t.app, database.owner);
await histories[0]!.seed(database.owner, w, 1600);
const actor = {
  userId: w.userId,
  orgId: w.orgId,
  username: "x",
  displayName: "x",
  roles: [{ id: "r", unitId: w.unitId, unitName: null, role: "caseworker" as const }],
};
const queries = {
  join: sql`select v.version, v.saved_at, u.display_name from safety_plan_version v join app_user u on u.id = v.saved_by where v.case_id = ${w.caseId} order by v.version desc limit 21`,
  sub: sql`select v.version, v.saved_at, u.display_name from (select * from safety_plan_version where case_id = ${w.caseId} order by version desc limit 21) v join app_user u on u.id = v.saved_by order by v.version desc`,
};
for (const analyze of [false, true]) {
  if (analyze) await sql`analyze`.execute(database.owner);
  for (const [name, q] of Object.entries(queries))
    await withActor(database.db, actor, async (trx) => {
      const r = await sql<{ "QUERY PLAN": string }>`explain analyze ${q}`.execute(trx);
      console.log(`--- ${name} analyzed=${analyze}`);
      for (const row of r.rows)
        if (/Scan|Execution|Sort |Limit/.test(row["QUERY PLAN"])) console.log(row["QUERY PLAN"]);
    });
}
await t.close();
await database.close();
await created.remove();
