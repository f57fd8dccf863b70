import { CompiledQuery } from "kysely";
import { unitsWithRole } from "../../src/server/access/actor.ts";
import { withReporting } from "../../src/server/access/transaction.ts";
import { openPostgres } from "../../src/server/db/connection.ts";
import { readFigures } from "../../src/server/modules/statistics/figures.ts";
import { actorOf } from "../../src/server/testing/access-world.ts";
import { statisticsStatement } from "./requests-statistics.ts";

/**
 * Does the statistics' minimal SQL (requests-statistics.ts) give the server's figures? On a
 * generated country (DATABASE_URL, npm run demo:national), for the first organisation's
 * analyst and unit managers and the second's analyst, over three years: the server's
 * statement as frid_report (figures.ts) against the minimal statement as the owner, its
 * audit insert rolled back. Prints one line per actor and year; exits 1 on a difference.
 *   DATABASE_URL=… npx tsx bench/scale/statistics-check.ts
 */
const url = process.env.DATABASE_URL;
if (!url) throw new Error("DATABASE_URL: the database of generated data");
const db = await openPostgres(url);
const users = await db.owner
  .selectFrom("app_user")
  .select(["id", "username"])
  .where((eb) =>
    eb.or([
      eb("username", "like", "o001.%enhetschef.1"),
      eb("username", "in", ["o001.analytiker.1", "o002.analytiker.1"]),
    ]),
  )
  .orderBy("username")
  .execute();
let differences = 0;
for (const user of users) {
  const actor = await actorOf(db.owner, user.id);
  const whole = actor.roles.some((r) => r.role === "analyst");
  const units = whole ? null : unitsWithRole(actor, ["unit_manager"]);
  for (const year of ["2020", "2025", "2026"]) {
    const server = await withReporting(db.db, actor, (trx) =>
      readFigures(trx, { orgId: actor.orgId, units }, `${year}-01-01`, `${year}-12-31`),
    );
    const st = statisticsStatement({ year } as never, actor, "statistics-check", whole);
    const minimal = await db.owner.connection().execute(async (c) => {
      await c.executeQuery(CompiledQuery.raw("begin"));
      try {
        return (await c.executeQuery(CompiledQuery.raw(st.text, st.values))).rows[0] as Record<
          string,
          unknown
        >;
      } finally {
        await c.executeQuery(CompiledQuery.raw("rollback"));
      }
    });
    const differ = Object.entries(server).filter(([k, v]) => String(v) !== String(minimal[k]));
    differences += differ.length;
    process.stdout.write(
      `${user.username} ${year}: ${
        differ.length === 0
          ? `same (treatments referred ${Number(server.referred_self) + Number(server.referred_social_services) + Number(server.referred_police_probation)}, partners contacted ${server.contacted})`
          : differ.map(([k, v]) => `${k} ${v} ≠ ${minimal[k]}`).join(", ")
      }\n`,
    );
  }
}
await db.close();
process.exit(differences === 0 ? 0 : 1);
