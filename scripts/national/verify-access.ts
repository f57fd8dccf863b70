import { type Kysely, sql } from "kysely";
import type { DatabaseHandle } from "../../src/server/db/connection.ts";
import type { Database } from "../../src/server/db/types.ts";
import { actorOf } from "../../src/server/testing/access-world.ts";
import { appScope, rlsScope } from "../../src/server/testing/scope-equivalence.ts";

/**
 * `npm run demo:national -- --verify-access [--sample N]`: on a generated country, for a
 * sample of users of every kind, the cases and persons scope.ts lets them see must be
 * exactly those row-level security lets them see (scope-equivalence.ts, as the tests use it,
 * here on the big data). Only SELECTs: the application's side as the owner, the database's
 * as frid_app under the user's settings; the figures of rows written before and after show
 * it. Prints a line per user and returns how many disagreed.
 */
export interface Sampled {
  kind: string;
  userId: string;
}

/** Each kind of user the access rule treats differently: SQL choosing up to n of them. */
function kinds(n: number): [string, string][] {
  const largest = `(select org_id from "case" group by org_id order by count(*) desc limit 1)`;
  const roleIn = (role: string, where = "true") =>
    `select r.user_id from role_assignment r left join unit un on un.id = r.unit_id
      where r.role = '${role}' and ${where} order by md5(r.user_id::text) limit ${n}`;
  return [
    ["largest org: caseworker", roleIn("caseworker", `r.org_id = ${largest}`)],
    ["largest org: therapist", roleIn("therapist", `r.org_id = ${largest}`)],
    ["largest org: unit manager", roleIn("unit_manager", `r.org_id = ${largest}`)],
    ["largest org: analyst", roleIn("analyst", `r.org_id = ${largest}`)],
    ["largest org: administrator", roleIn("administrator", `r.org_id = ${largest}`)],
    [
      "live grant",
      `select distinct on (md5(user_id::text)) user_id from access_grant
        where revoked_at is null and expires_at > now() order by md5(user_id::text) limit ${n}`,
    ],
    [
      "expired or revoked grants only",
      `select g.user_id from access_grant g group by g.user_id
        having bool_and(g.revoked_at is not null or g.expires_at <= now())
        order by md5(g.user_id::text) limit ${n}`,
    ],
    [
      "behind a barrier (his therapist)",
      `select distinct on (md5(a.user_id::text)) a.user_id from barrier b
        join case_assignment a on a.case_id = b.case_a_id and a.unassigned_at is null
        order by md5(a.user_id::text) limit ${n}`,
    ],
    ["partner-contact worker", roleIn("caseworker", `un.name = 'Kriscentrum – partnerkontakt'`)],
    [
      "handed a case over",
      `select distinct on (md5(user_id::text)) user_id from case_assignment
        where unassigned_at is not null order by md5(user_id::text) limit ${n}`,
    ],
    ["unit manager", roleIn("unit_manager")],
    ["analyst", roleIn("analyst")],
    ["caseworker (children)", roleIn("caseworker", `un.name = 'Barn och unga'`)],
  ];
}

export async function sampleUsers(owner: Kysely<Database>, n: number): Promise<Sampled[]> {
  const out: Sampled[] = [];
  for (const [kind, query] of kinds(n)) {
    const { rows } = await sql<{ user_id: string }>`${sql.raw(query)}`.execute(owner);
    for (const r of rows) out.push({ kind, userId: r.user_id });
  }
  return out;
}

const differ = (a: string[], b: string[]) => {
  const inB = new Set(b);
  const inA = new Set(a);
  return { onlyApp: a.filter((x) => !inB.has(x)), onlyRls: b.filter((x) => !inA.has(x)) };
};

async function rowsWritten(owner: Kysely<Database>): Promise<number> {
  const { rows } = await sql<{ n: string }>`
    select coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0)::text as n
    from pg_stat_user_tables`.execute(owner);
  return Number(rows[0]?.n);
}

/** Compares every sampled user; `log` gets a line each. Returns the number that disagreed. */
export async function verifyAccess(
  database: DatabaseHandle,
  n: number,
  log: (line: string) => void,
): Promise<number> {
  const started = performance.now();
  const writtenBefore = await rowsWritten(database.owner);
  const users = await sampleUsers(database.owner, n);
  let failed = 0;
  let pairs = 0;
  for (const u of users) {
    const t = performance.now();
    const actor = await actorOf(database.owner, u.userId);
    const app = await appScope(database.owner, actor);
    const rls = await rlsScope(database.db, actor);
    const cases = differ(app.cases, rls.cases);
    const persons = differ(app.persons, rls.persons);
    const wrong = [cases.onlyApp, cases.onlyRls, persons.onlyApp, persons.onlyRls].some(
      (d) => d.length > 0,
    );
    if (wrong) failed++;
    pairs += app.cases.length + app.persons.length;
    const roles = actor.roles.map((r) => r.role).join(",");
    log(
      `${wrong ? "DIFFER" : "same  "} ${u.kind.padEnd(33)} ${actor.username.padEnd(34)} ${roles.padEnd(13)} cases ${String(app.cases.length).padStart(6)} persons ${String(app.persons.length).padStart(6)} ${((performance.now() - t) / 1000).toFixed(1).padStart(6)} s`,
    );
    if (wrong)
      log(
        `       only scope.ts: cases ${cases.onlyApp.slice(0, 3).join(" ")} persons ${persons.onlyApp.slice(0, 3).join(" ")}; only RLS: cases ${cases.onlyRls.slice(0, 3).join(" ")} persons ${persons.onlyRls.slice(0, 3).join(" ")}`,
      );
  }
  const written =
    database.kind === "postgres" ? (await rowsWritten(database.owner)) - writtenBefore : 0;
  log(
    `${users.length} users of ${new Set(users.map((u) => u.kind)).size} kinds, ${pairs.toLocaleString("en")} visible (user, row) pairs compared: ${failed === 0 ? "scope.ts and row-level security agree for every one" : `${failed} disagree`} (${((performance.now() - started) / 1000).toFixed(1)} s; rows written meanwhile by anyone: ${written})`,
  );
  return failed;
}
