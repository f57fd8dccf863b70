import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { visibleCaseWithDetails } from "../modules/cases/queries.ts";
import { actorOf } from "../testing/access-world.ts";
import { testDatabaseKinds, useTestDatabase } from "../testing/databases.ts";
import { buildCase, buildOrg, buildPerson, buildUnit, buildUser } from "../testing/factories.ts";
import type { Actor } from "./actor.ts";
import { type Trx, withActor } from "./transaction.ts";

/**
 * Reading ONE case must not cost what the organisation holds, and only the rule's own keys
 * may grow with the reader (issue 14, ADR 0009). frid_can_see_case — asked by every other
 * table's policy of its rows' case — probes the (case, user) keys of that one case: the same
 * rows for a reader of 400 cases as for a reader of one. The case and person policies read
 * the reader's current cases as one set per place a statement meets them (0046: 0043's
 * per-row probes cost 30 ms to PLAN in every statement at a million cases), from 0045's
 * covering index: her own keys a fixed number of times per place, nothing per row, and never
 * the organisation's (a colleague here holds twice as many cases). Counted in tuples read, never
 * in time; the count includes what the functions the plan calls read.
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
    // A colleague with twice as many: a read that scanned the organisation's would show.
    const busy = await buildUser(owner, org.id, [{ unitId: unit.id, role: "caseworker" }]);
    const other = await buildPerson(owner, org.id);
    await sql`
      with c as (
        insert into "case" (id, org_id, unit_id, person_id, case_type, reference, opened_by)
        select gen_random_uuid(), ${org.id}::uuid, ${unit.id}::uuid, ${other.id}::uuid,
               'adult_victim', 'B-' || g, ${busy.id}::uuid
          from generate_series(1, ${2 * manyCases}) g
        returning id)
      insert into case_assignment (org_id, case_id, user_id, assigned_by)
      select ${org.id}::uuid, c.id, ${busy.id}::uuid, ${busy.id}::uuid from c`.execute(owner);
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

  // Each with the number of places it meets the case/person rule's sets.
  const statements = {
    "the case page's read (cases/queries.ts visibleCaseWithDetails)": {
      places: 2,
      run: (trx: Trx, actor: Actor) => visibleCaseWithDetails(trx, actor, w.caseId).execute(),
    },
    "the case under row-level security alone": {
      places: 1,
      run: async (trx: Trx) =>
        (await sql`select * from "case" where id = ${w.caseId}`.execute(trx)).rows,
    },
    // What every other table's policy asks of its rows' case (the page's assignees, grants …).
    frid_can_see_case: {
      places: 0,
      run: async (trx: Trx) =>
        (await sql`select 1 where frid_can_see_case(${w.caseId})`.execute(trx)).rows,
    },
    "the person under row-level security alone": {
      places: 1,
      run: async (trx: Trx) =>
        (await sql`select * from person where id = ${w.personId}`.execute(trx)).rows,
    },
  };

  for (const [name, { places, run }] of Object.entries(statements)) {
    it(`${name}: a reader of ${manyCases} cases reads her own keys a fixed number of times (${places} places), nothing per row`, async () => {
      const few = await tuplesReadBy(w.few, run);
      const many = await tuplesReadBy(w.many, run);
      expect(few, "the read read rows").toBeGreaterThan(0);
      expect(
        many,
        `tuples read: reader of 1 case ${few}, of ${manyCases + 1} cases ${many}`,
        // Per place: the current cases, and the cases ever worked for the barred persons
        // (their index entries and, for a bitmap, their rows): three reads of her own keys.
      ).toBeLessThanOrEqual(few + 3 * places * (manyCases + 1) + 5);
    });
  }
});
