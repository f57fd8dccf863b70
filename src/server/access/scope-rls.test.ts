import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../db/seed/demo.ts";
import { buildAccessWorld } from "../testing/access-world.ts";
import { testDatabaseKinds, useTestDatabase } from "../testing/databases.ts";
import { compareScopes } from "../testing/scope-equivalence.ts";

/**
 * scope.ts and row-level security (testing/scope-equivalence.ts) asked the same question for
 * every user of a generated organisation and of the demo data must answer alike.
 */
const seed = Number(process.env.FRID_ACCESS_SEED ?? 20261204);

describe.each(testDatabaseKinds)("scope.ts and row-level security agree (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let world: { orgIds: string[]; userIds: string[] };

  beforeAll(async () => {
    world = await buildAccessWorld(database().owner, seed);
  });

  it(`gives every user of a generated organisation the same cases and persons (seed ${seed})`, async () => {
    const { db, owner } = database();
    const visible = await compareScopes(db, owner, world.userIds);
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
      await compareScopes(
        db,
        owner,
        demoUsers.map((u) => u.id),
      ),
    ).toBeGreaterThan(0);
  });
});
