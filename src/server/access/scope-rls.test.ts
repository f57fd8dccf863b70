import { type Kysely, sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../db/seed/demo.ts";
import type { Database } from "../db/types.ts";
import { actorOf, buildAccessWorld } from "../testing/access-world.ts";
import { testDatabaseKinds, useTestDatabase } from "../testing/databases.ts";
import type { Actor } from "./actor.ts";
import { accessibleCases, accessiblePersons } from "./scope.ts";
import { withActor } from "./transaction.ts";

/**
 * The rule "who may see a case / a person" is written twice: in scope.ts, which every list
 * and search applies, and in SQL (frid_can_see_case, frid_can_see_person, the policies),
 * which row-level security applies to every query. Here both are asked the same question
 * for every user of a generated organisation and of the demo data, and must answer alike.
 *
 * The application's side runs as the owner, so row-level security cannot hide what scope.ts
 * would let through; the database's side is a bare `select` under the actor's settings,
 * with no WHERE of the application's.
 */
const seed = Number(process.env.FRID_ACCESS_SEED ?? 20261204);

async function appScope(owner: Kysely<Database>, actor: Actor) {
  const cases = await owner
    .selectFrom("case as c")
    .select("c.id")
    .where(accessibleCases(actor))
    .execute();
  const persons = await owner
    .selectFrom("person as p")
    .select("p.id")
    .where(accessiblePersons(actor))
    .execute();
  return { cases: cases.map((c) => c.id).sort(), persons: persons.map((p) => p.id).sort() };
}

function rlsScope(db: Kysely<Database>, actor: Actor) {
  return withActor(db, actor, async (trx) => {
    const cases = await sql<{ id: string }>`select id from "case"`.execute(trx);
    const persons = await sql<{ id: string }>`select id from person`.execute(trx);
    return {
      cases: cases.rows.map((c) => c.id).sort(),
      persons: persons.rows.map((p) => p.id).sort(),
    };
  });
}

/** Compares both sides for every user; returns how many (user, row) pairs were visible. */
async function compareAll(db: Kysely<Database>, owner: Kysely<Database>, userIds: string[]) {
  let visible = 0;
  for (const userId of userIds) {
    const actor = await actorOf(owner, userId);
    const who = `${actor.username} (${actor.roles.map((r) => r.role).join(", ") || "no role"})`;
    const [app, rls] = await Promise.all([appScope(owner, actor), rlsScope(db, actor)]);
    expect(app.cases, `cases of ${who}: scope.ts vs row-level security`).toEqual(rls.cases);
    expect(app.persons, `persons of ${who}: scope.ts vs row-level security`).toEqual(rls.persons);
    visible += app.cases.length + app.persons.length;
  }
  return visible;
}

describe.each(testDatabaseKinds)("scope.ts and row-level security agree (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let world: { orgIds: string[]; userIds: string[] };

  beforeAll(async () => {
    world = await buildAccessWorld(database().owner, seed);
  });

  it(`gives every user of a generated organisation the same cases and persons (seed ${seed})`, async () => {
    const { db, owner } = database();
    const visible = await compareAll(db, owner, world.userIds);
    expect(visible).toBeGreaterThan(0);
  });

  /**
   * The generated world must hold the situations the rule is about, or agreement proves
   * little: each count is of (user, case) pairs where that part of the rule decides.
   */
  it("holds grants (live, expired, revoked), barriers, unassignments, relatives and closed cases that decide", async () => {
    const { rows } = await sql<Record<string, number>>`
      with pairs as (
        select u.id as user_id, c.id as case_id, c.status,
          exists (select 1 from case_assignment a where a.case_id = c.id and a.user_id = u.id
                   and a.unassigned_at is null) as assigned,
          exists (select 1 from case_assignment a where a.case_id = c.id and a.user_id = u.id
                   and a.unassigned_at is not null) as unassigned,
          exists (select 1 from role_assignment r where r.user_id = u.id and r.unit_id = c.unit_id
                   and r.role = 'unit_manager') as manages,
          exists (select 1 from access_grant g where g.case_id = c.id and g.user_id = u.id
                   and g.revoked_at is null and g.expires_at > now()) as live_grant,
          exists (select 1 from access_grant g where g.case_id = c.id and g.user_id = u.id
                   and (g.revoked_at is not null or g.expires_at <= now())) as dead_grant,
          frid_barred(c.id, u.id) as barred
        from app_user u join "case" c on c.org_id = u.org_id
        where u.org_id = ${world.orgIds[0]}::uuid)
      select
        count(*) filter (where live_grant and not assigned and not manages and not barred)::int as "grant only",
        count(*) filter (where dead_grant and not live_grant and not assigned and not manages)::int as "dead grant",
        count(*) filter (where barred and (assigned or manages or live_grant))::int as "barred though entitled",
        count(*) filter (where unassigned and not assigned and not manages)::int as "unassigned",
        count(*) filter (where status = 'closed' and (assigned or manages) and not barred)::int as "closed and seen",
        (select count(*) from relation rel join "case" c on c.id = rel.case_id
          where c.org_id = ${world.orgIds[0]}::uuid
            and not exists (select 1 from "case" o where o.person_id = rel.other_person_id))::int as "relative without a case",
        (select count(*) from person p where p.org_id = ${world.orgIds[0]}::uuid
            and p.protection_level <> 'none')::int as "protected persons"
      from pairs`.execute(database().owner);
    for (const [situation, n] of Object.entries(rows[0] ?? {}))
      expect(n, `the generated world has "${situation}"`).toBeGreaterThan(0);
  });

  it("gives every demo user the same cases and persons", async () => {
    const { db, owner } = database();
    await seedDemo(owner);
    const demoOrg = await owner
      .selectFrom("organisation")
      .select("id")
      .where("name", "=", "Demokommun")
      .executeTakeFirstOrThrow();
    const demoUsers = await owner
      .selectFrom("app_user")
      .select("id")
      .where("org_id", "=", demoOrg.id)
      .execute();
    expect(demoUsers.length).toBeGreaterThan(5);
    expect(
      await compareAll(
        db,
        owner,
        demoUsers.map((u) => u.id),
      ),
    ).toBeGreaterThan(0);
  });
});
