import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Kysely, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditTrail } from "../../src/server/audit/verify.ts";
import { type DatabaseHandle, openPglite } from "../../src/server/db/connection.ts";
import type { Database } from "../../src/server/db/types.ts";
import { buildTestApp } from "../../src/server/testing/app.ts";
import {
  createEmptyDatabase,
  createTestDatabase,
  testDatabaseKinds,
} from "../../src/server/testing/databases.ts";
import { as, login } from "../../src/server/testing/factories.ts";
import { compareScopes } from "../../src/server/testing/scope-equivalence.ts";
import { parseIdentityNumber } from "../../src/shared/personal-identity-number.ts";
import { brokenRules, openWorkCounts } from "./consistency.ts";
import { schemaOf } from "./deferred.ts";
import { type CountryOptions, generateCountry } from "./load.ts";
import { generateOrg } from "./org.ts";
import { seededRandom } from "./random.ts";
import { RowBuffer } from "./row-buffer.ts";
import { planCountry } from "./shape.ts";
import { loadOrder } from "./tables.ts";
import { openPgliteTarget, openPostgresTarget, TargetNotEmpty } from "./target.ts";
import { sampleUsers, verifyAccess } from "./verify-access.ts";

/**
 * A small country (3 organisations, 2,000 cases) on each database: what it holds, that its
 * case work is consistent (consistency.ts), that its identity numbers are valid test numbers, that its audit trail verifies, that a seed gives
 * the same data again, and that scope.ts and row-level security agree on it.
 */
const small: CountryOptions = {
  cases: 2000,
  orgs: 3,
  seed: 7,
  today: "2026-12-01",
  password: "frid-demo",
};

type Generated = DatabaseHandle;

async function generatePglite(o: CountryOptions): Promise<Generated> {
  const dir = mkdtempSync(join(tmpdir(), "frid-national-"));
  const target = await openPgliteTarget(dir, false);
  await generateCountry(target, o);
  await target.close();
  const handle = await openPglite(dir);
  return {
    ...handle,
    async close() {
      await handle.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function generatePostgres(o: CountryOptions): Promise<Generated> {
  const database = await createEmptyDatabase("postgres");
  const target = await openPostgresTarget(database.url as string, false);
  await generateCountry(target, o);
  await target.close();
  return database;
}

const generate = (kind: string, o: CountryOptions) =>
  kind === "pglite" ? generatePglite(o) : generatePostgres(o);

/**
 * The text of a few tables, ordered, hashed by the database. Without the person's
 * search_name: the database derives it (frid_fold, migration 0035), and lower() of letters
 * outside Latin follows each database's locale, not the seed.
 */
async function checksum(owner: Kysely<Database>) {
  const { rows } = await sql<{ t: string; sum: string }>`
    select 'person' as t, md5(string_agg((to_jsonb(p) - 'search_name')::text, ',' order by p.id)) as sum
      from person p
    union all select 'case', md5(string_agg(c::text, ',' order by c.id)) from "case" c
    union all select 'journal_entry', md5(string_agg(j::text, ',' order by j.id)) from journal_entry j
    union all select 'intake', md5(string_agg(i::text, ',' order by i.id)) from intake i
    union all select 'case_task', md5(string_agg(t::text, ',' order by t.id)) from case_task t
    union all select 'follow_up', md5(string_agg(f::text, ',' order by f.id)) from follow_up f
    union all select 'stay', md5(string_agg(s::text, ',' order by s.id)) from stay s
    union all select 'service_contact', md5(string_agg(k::text, ',' order by k.id)) from service_contact k
    union all select 'case_outcome', md5(string_agg(o::text, ',' order by o.case_id)) from case_outcome o
    union all select 'risk_conference', md5(string_agg(r::text, ',' order by r.id)) from risk_conference r
    union all select 'risk_conference_action', md5(string_agg(a::text, ',' order by a.id)) from risk_conference_action a
    union all select 'barrier_event', md5(string_agg(e::text, ',' order by e.id)) from barrier_event e
    union all select 'audit_seal', md5(string_agg(s.hash, ',' order by s.event_id)) from audit_seal s`.execute(
    owner,
  );
  return rows;
}

const count = async (owner: Kysely<Database>, table: string) =>
  Number(
    (await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(owner)).rows[0]
      ?.n,
  );

/** Everything one generation writes, as COPY text, without a database. */
function rowsOf(o: CountryOptions): string {
  const buf = new RowBuffer();
  const root = seededRandom(o.seed);
  for (const plan of planCountry(root.fork("country"), o.orgs, o.cases))
    generateOrg({
      r: root.fork(`org ${plan.index}`),
      buf,
      plan,
      passwordHash: "x",
      today: new Date(`${o.today}T12:00:00Z`),
    });
  return loadOrder.map((t) => buf.take(t).join("")).join("");
}

describe("the same seed gives the same country", () => {
  it("draws identical rows, ids included, for the same seed and different ones for another", () => {
    const first = rowsOf(small);
    expect(rowsOf(small)).toBe(first);
    expect(rowsOf({ ...small, seed: 8 })).not.toBe(first);
  });
});

describe("the generator's target", () => {
  it("refuses a folder that is not empty, and leaves it as it was", async () => {
    const dir = mkdtempSync(join(tmpdir(), "frid-national-"));
    try {
      writeFileSync(join(dir, "notes.txt"), "someone's file");
      await expect(openPgliteTarget(dir, false)).rejects.toThrow(TargetNotEmpty);
      expect(readFileSync(join(dir, "notes.txt"), "utf8")).toBe("someone's file");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.each(testDatabaseKinds)("a small synthetic country (%s)", (kind) => {
  let country: Generated;
  // Migrating and loading a country takes about a minute on a loaded 2-core machine.
  beforeAll(async () => {
    country = await generate(kind, small);
  }, 600_000);
  // Dropping the database waits its turn on a loaded machine, as the load above does.
  afterAll(async () => {
    await country?.close();
  }, 600_000);

  it("holds the organisations and cases asked for, and every kind of row the issue lists", async () => {
    const { owner } = country;
    expect(await count(owner, "organisation")).toBe(3);
    expect(await count(owner, "case")).toBe(2000);
    expect(await count(owner, "person")).toBeGreaterThanOrEqual(2000);
    expect(await count(owner, "audit_event")).toBe(4000);
    expect(await count(owner, "audit_seal")).toBe(4000);
    for (const table of loadOrder) expect(await count(owner, table), table).toBeGreaterThan(0);
    const { rows } = await sql<Record<string, number>>`
      select
        (select count(distinct case_type) from "case")::int as "case kinds",
        (select count(distinct status) from "case")::int as "statuses",
        (select count(distinct role) from role_assignment)::int as "roles",
        (select count(*) from case_assignment where unassigned_at is not null)::int as "ended assignments",
        (select count(*) from access_grant where expires_at <= now() or revoked_at is not null)::int as "dead grants",
        (select count(*) from access_grant where expires_at > now() and revoked_at is null)::int as "live grants",
        (select count(*) from journal_entry where signed_at is null)::int as "drafts",
        (select count(*) from person where protection_level <> 'none')::int as "protected"`.execute(
      owner,
    );
    expect(rows[0]).toMatchObject({ "case kinds": 4, statuses: 6, roles: 5 });
    for (const [what, n] of Object.entries(rows[0] ?? {})) expect(n, what).toBeGreaterThan(0);
  });

  it("dates its case work inside the case's life, by the unit's staff, on cases of the right kind; closed cases' work done, open cases' work open", async () => {
    expect(await brokenRules(country.owner)).toEqual({});
    const open = await openWorkCounts(country.owner);
    for (const [what, n] of Object.entries(open)) expect(n, what).toBeGreaterThan(0);
  });

  it("gives her case the two tasks each end of his treatment brings (written with the seed's ids; the checksum below proves them the same on both databases)", async () => {
    const { rows } = await sql<{ ended: number; tasks: number }>`
      select (select count(*) from barrier_event
                where kind in ('treatment_completed', 'treatment_interrupted'))::int as ended,
             (select count(*) from case_task where kind like 'partner_%')::int as tasks`.execute(
      country.owner,
    );
    expect(rows[0]?.ended).toBeGreaterThan(0);
    expect(rows[0]?.tasks).toBe(2 * (rows[0]?.ended ?? 0));
  });

  // Migrating a fresh database beside the loaded one takes over a minute on a loaded machine.
  it("ends with the schema the migrations make: the indexes and foreign keys built after the load are the same, under the same names, all checked", async () => {
    const migrated = await createTestDatabase(kind);
    try {
      const expected = await schemaOf(migrated.owner);
      expect(expected.filter((l) => l.includes("FOREIGN KEY")).length).toBeGreaterThan(100);
      expect(await schemaOf(country.owner)).toEqual(expected);
    } finally {
      await migrated.close();
    }
  }, 600_000);

  it("gives every person a valid test identity number, unique in the organisation", async () => {
    const persons = await country.owner
      .selectFrom("person")
      .select(["org_id", "identity_kind", "identity_number"])
      .where("identity_kind", "in", ["personal_identity_number", "coordination_number"])
      .execute();
    expect(persons.length).toBeGreaterThan(1900);
    const seen = new Set<string>();
    for (const p of persons) {
      const parsed = parseIdentityNumber(p.identity_number as string);
      expect(parsed.ok && parsed.value.normalized, p.identity_number as string).toBe(
        p.identity_number,
      );
      expect(parsed.ok && parsed.value.kind).toBe(p.identity_kind);
      expect(
        (p.identity_number as string).slice(8, 10),
        "a birth number of the test range 98x",
      ).toBe("98");
      expect(seen.has(`${p.org_id} ${p.identity_number}`)).toBe(false);
      seen.add(`${p.org_id} ${p.identity_number}`);
    }
  });

  it("has an audit trail that verifies", async () => {
    const result = await verifyAuditTrail(country.owner);
    expect(result).toMatchObject({ ok: true, checked: 4000, unsealed: 0 });
  });

  it("agrees with scope.ts under row-level security for users of every role in every unit", async () => {
    // A user of each role in each kind of unit (and the organisation-wide roles): row-level
    // security evaluates its functions per row, so more users take minutes.
    const { rows } = await sql<{ user_id: string; role: string }>`
      select user_id, role from (
        select r.user_id, r.role,
          row_number() over (partition by r.role, un.name order by u.username) as n
        from role_assignment r join app_user u on u.id = r.user_id
        left join unit un on un.id = r.unit_id) x
      where n <= 1`.execute(country.owner);
    expect(new Set(rows.map((r) => r.role)).size).toBe(5);
    expect(rows.length).toBe(10);
    const visible = await compareScopes(
      country.db,
      country.owner,
      rows.map((r) => r.user_id),
    );
    expect(visible).toBeGreaterThan(0);
  }, 600_000);

  it("--verify-access samples every kind of user it names and finds scope.ts and row-level security agreeing", async () => {
    const users = await sampleUsers(country.owner, 2);
    expect(new Set(users.map((u) => u.kind)).size).toBe(13);
    const lines: string[] = [];
    expect(await verifyAccess(country, 2, (l) => lines.push(l))).toBe(0);
    expect(lines.filter((l) => l.startsWith("same"))).toHaveLength(users.length);
  }, 600_000);

  // One argon2 hash per login: seconds each when the machine is busy (here and below).
  it("lets a user of every role log in with the shared password", async () => {
    const { rows } = await sql<{ username: string }>`
      select distinct on (r.role) u.username from role_assignment r
      join app_user u on u.id = r.user_id order by r.role, u.username`.execute(country.owner);
    expect(rows.length).toBe(5);
    const t = await buildTestApp(country);
    try {
      for (const { username } of rows) {
        const res = await t.app.inject({
          method: "POST",
          url: "/api/auth/login",
          payload: { username, password: small.password },
        });
        expect(res.statusCode, username).toBe(200);
      }
      const wrong = await t.app.inject({
        method: "POST",
        url: "/api/auth/login",
        payload: { username: rows[0]?.username, password: "not-the-password" },
      });
      expect(wrong.statusCode).toBe(401);
    } finally {
      await t.close();
    }
  }, 600_000);

  it("gives the yearly report what it counts: the largest organisation's analyst reads the year's stays and service contacts as the records hold them (1–4 suppressed)", async () => {
    type Counts = Record<
      "emergency_flat" | "sheltered_housing" | "other_housing" | "children" | "contacts",
      number
    >;
    const { rows } = await sql<Counts>`
      with o as (select org_id from app_user where username = 'o001.admin'),
      d as (select d.intervention_kind as kind, count(distinct c.person_id)::int as n
              from decision d join "case" c on c.id = d.case_id
             where d.org_id = (select org_id from o) and d.outcome in ('granted', 'partly_granted')
               and extract(year from d.decided_at at time zone 'Europe/Stockholm') = 2026
             group by 1)
      select
        coalesce((select n from d where kind = 'emergency_flat'), 0) as emergency_flat,
        coalesce((select n from d where kind = 'sheltered_housing'), 0) as sheltered_housing,
        coalesce((select n from d where kind = 'other_housing'), 0) as other_housing,
        (select count(distinct m.person_id)::int from stay s join stay_member m on m.stay_id = s.id
          where s.org_id = (select org_id from o) and m.role = 'child' and s.cancelled_at is null
            and extract(year from coalesce(s.arrived_on, s.planned_from)) = 2026) as children,
        (select count(*)::int from service_contact k where k.org_id = (select org_id from o)
          and (k.occurred_at at time zone 'Europe/Stockholm')::date
              between '2026-01-01' and '2026-11-30') as contacts`.execute(country.owner);
    const n = rows[0] as Counts;
    expect(n.emergency_flat + n.sheltered_housing + n.other_housing).toBeGreaterThan(0);
    expect(n.children).toBeGreaterThan(0);
    expect(n.contacts).toBeGreaterThan(0);
    const shown = (v: number) => (v > 0 && v < 5 ? null : v);
    const t = await buildTestApp(country);
    try {
      const session = await login(t.app, "o001.analytiker.1", small.password);
      const get = async (url: string) => {
        const res = await t.app.inject({ method: "GET", url, headers: as(session) });
        expect(res.statusCode, url).toBe(200);
        return res.json();
      };
      const stays = await get("/api/statistics/stays?year=2026");
      expect(stays.personsGranted).toEqual({
        emergency_flat: shown(n.emergency_flat),
        sheltered_housing: shown(n.sheltered_housing),
        other_housing: shown(n.other_housing),
      });
      expect(stays.accompanyingChildren).toBe(shown(n.children));
      const service = await get("/api/statistics/service-contacts?from=2026-01-01&to=2026-11-30");
      expect(service.contacts).toBe(shown(n.contacts));
    } finally {
      await t.close();
    }
  }, 600_000);

  it("holds risk conferences as the seed draws them, and the vuxen manager's yearly report counts the unit's (exact, nothing hidden inside the unit)", async () => {
    const { rows } = await sql<Record<string, number>>`
      select
        (select count(*) from risk_conference)::int as conferences,
        (select count(*) from risk_conference where meeting_on is null)::int as "waiting for the meeting",
        (select count(*) from risk_conference_agency)::int as agencies,
        (select count(*) from risk_conference_action)::int as actions,
        (select count(*) from risk_conference_action where done_on is null)::int as "open actions",
        (select count(*) from assessment where instrument_id = 'danger_assessment')::int as "danger assessments"`.execute(
      country.owner,
    );
    expect(rows[0]).toEqual({
      conferences: 58,
      "waiting for the meeting": 2,
      agencies: 134,
      actions: 175,
      "open actions": 3,
      "danger assessments": 58,
    });
    const t = await buildTestApp(country);
    try {
      const session = await login(t.app, "o001.vuxen.enhetschef.1", small.password);
      const res = await t.app.inject({
        method: "GET",
        url: "/api/reports/yearly?year=2026",
        headers: as(session),
      });
      expect(res.statusCode).toBe(200);
      const table = res
        .json()
        .sections.find((s: { id: string }) => s.id === "collaboration")
        ?.tables.find((x: { id: string }) => x.id === "risk-conferences");
      const cells = Object.fromEntries(
        table.rows.map((r: { id: string; cells: { value: number | null }[] }) => [
          r.id,
          r.cells[0]?.value,
        ]),
      );
      expect(cells).toEqual({ held: 4, actions_agreed: 11, actions_done: 11 });
    } finally {
      await t.close();
    }
  }, 600_000);

  it("comes out the same from the same seed, in PGlite as here (checksums of person, case, journal, intake, tasks, follow-ups, barrier events, seals)", async () => {
    const again = await generatePglite(small);
    try {
      expect(await checksum(again.owner)).toEqual(await checksum(country.owner));
    } finally {
      await again.close();
    }
  }, 600_000);
});
