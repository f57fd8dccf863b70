import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { visibleCaseWithDetails } from "../modules/cases/queries.ts";
import { actorOf } from "../testing/access-world.ts";
import { testDatabaseKinds, useTestDatabase } from "../testing/databases.ts";
import { buildCase, buildOrg, buildPerson, buildUnit, buildUser } from "../testing/factories.ts";
import type { Actor } from "./actor.ts";
import { type Trx, withActor } from "./transaction.ts";

/**
 * Reading ONE case must cost the same whatever the reader's number of cases (issue 14,
 * ADR 0009 "one case by index"). Migration 0034 wrote the rule as the actor's whole sets,
 * read once per statement: right for a list, but a one-row read by a worker with 10,000
 * cases built all 10,000 several times over (bench:access: 74 reads/s). The rule asked of one
 * case or person must probe by index — the (case, user) assignment, the grant, the unit, the
 * barrier of that one case — so the pages PostgreSQL touches for it do not grow with the
 * reader's cases. Measured in buffer accesses (EXPLAIN ANALYZE BUFFERS), never in time; the
 * buffers include what the functions the plan calls read.
 */
const manyCases = 400;

describe.each(testDatabaseKinds)("reading one case probes by index (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let w: { orgId: string; few: string; many: string; caseId: string; personId: string };

  beforeAll(async () => {
    const { owner } = database();
    const org = await buildOrg(owner);
    const unit = await buildUnit(owner, org.id);
    const few = await buildUser(owner, org.id, [{ unitId: unit.id, role: "caseworker" }]);
    const many = await buildUser(owner, org.id, [{ unitId: unit.id, role: "caseworker" }]);
    const person = await buildPerson(owner, org.id);
    const shared = await buildCase(owner, {
      orgId: org.id,
      unitId: unit.id,
      personId: person.id,
      openedBy: few.id,
      assignees: [few.id, many.id],
    });
    // The many-case reader's other cases, made in one statement each (the factories would
    // take a round trip per row): a person, a case and a current assignment apiece.
    await sql`
      with p as (
        insert into person (org_id, identity_kind, given_name, family_name, created_by)
        select ${org.id}::uuid, 'unidentified', 'Många' || g, 'Fallsson', ${many.id}::uuid
          from generate_series(1, ${manyCases}) g
        returning id),
      c as (
        insert into "case" (id, org_id, unit_id, person_id, case_type, reference, opened_by)
        select gen_random_uuid(), ${org.id}::uuid, ${unit.id}::uuid, p.id, 'adult_victim',
               'M-' || p.id::text, ${many.id}::uuid
          from p
        returning id)
      insert into case_assignment (org_id, case_id, user_id, assigned_by)
      select ${org.id}::uuid, c.id, ${many.id}::uuid, ${many.id}::uuid from c`.execute(owner);
    await sql`analyze`.execute(owner);
    w = { orgId: org.id, few: few.id, many: many.id, caseId: shared.id, personId: person.id };
  });

  /**
   * Tuples the statement read from every table and index (the transaction's own statistics
   * counters: sequential and index tuples, also those read inside the functions it called),
   * its second time in the transaction.
   */
  async function tuplesReadBy(
    userId: string,
    statement: (trx: Trx, actor: Actor) => Promise<unknown[]>,
  ) {
    const { db, owner } = database();
    const actor = await actorOf(owner, userId);
    return withActor(db, actor, async (trx) => {
      const counted = async () =>
        Number(
          (
            await sql<{ n: string }>`
              select coalesce(sum(pg_stat_get_xact_tuples_returned(c.oid)), 0)::bigint as n
                from pg_class c
               where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'i')`.execute(
              trx,
            )
          ).rows[0]?.n ?? 0,
        );
      // Once first: the first run in a session also reads for planning, which is not the read.
      await statement(trx, actor);
      const before = await counted();
      const rows = await statement(trx, actor);
      expect(rows, "the reader sees the case").toHaveLength(1);
      return (await counted()) - before;
    });
  }

  const statements = {
    "the case page's read (cases/queries.ts visibleCaseWithDetails)": (trx: Trx, actor: Actor) =>
      visibleCaseWithDetails(trx, actor, w.caseId).execute(),
    "the case under row-level security alone": async (trx: Trx) =>
      (await sql`select * from "case" where id = ${w.caseId}`.execute(trx)).rows,
    // What every other table's policy asks of its rows' case (the page's assignees, grants …).
    frid_can_see_case: async (trx: Trx) =>
      (await sql`select 1 where frid_can_see_case(${w.caseId})`.execute(trx)).rows,
    "the person under row-level security alone": async (trx: Trx) =>
      (await sql`select * from person where id = ${w.personId}`.execute(trx)).rows,
  };

  for (const [name, statement] of Object.entries(statements)) {
    it(`${name}: a reader of ${manyCases} cases reads no more rows than a reader of one`, async () => {
      const few = await tuplesReadBy(w.few, statement);
      const many = await tuplesReadBy(w.many, statement);
      expect(few, "the read read rows").toBeGreaterThan(0);
      expect(
        many,
        `tuples read: reader of 1 case ${few}, of ${manyCases + 1} cases ${many}`,
      ).toBeLessThanOrEqual(few + 5);
      // And O(1) in itself: not a scan of the organisation's assignments either.
      expect(many, "tuples read for one case").toBeLessThan(manyCases / 4);
    });
  }
});
