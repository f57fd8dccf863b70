import { sql } from "kysely";
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { withReporting } from "../access/transaction.ts";
import { investigatedPersons } from "../modules/yearly-report/figures.ts";
import { testDatabaseKinds, useTestDatabase } from "../testing/databases.ts";
import { buildCase, buildOrg, buildPerson, buildUnit, buildUser } from "../testing/factories.ts";

/*
 * Migration 0098: what the yearly report asks of a report of concern, a finished
 * investigation and a case's time under investigation is kept on the rows by triggers. Each
 * must say what the records say after any change on either side — a decision made, undone, an
 * extension, a status change after the investigation ended, the case moved.
 */

describe.each(testDatabaseKinds)("the report's facts kept on the rows (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let w: { orgId: string; unitA: string; unitB: string; user: string; caseId: string };
  const owner = () => database().owner;
  const run = (q: ReturnType<typeof sql>) => q.execute(owner());

  const change = (from: string, to: string, at: string) =>
    run(sql`insert into case_status_change (org_id, case_id, from_status, to_status, changed_by,
        changed_at) values (${w.orgId}, ${w.caseId}, ${from}, ${to}, ${w.user}, ${at})`);
  const spans = async () =>
    (
      await sql<{ began: string; ended: string | null; unit: string; type: string }>`
        select to_char(began_at at time zone 'UTC', 'YYYY-MM-DD') as began,
          to_char(ended_at at time zone 'UTC', 'YYYY-MM-DD') as ended,
          case_unit_id as unit, case_type as type
        from investigation_span where case_id = ${w.caseId} order by began_at`.execute(owner())
    ).rows;
  const intakeFacts = async () =>
    (
      await sql<{ type: string | null; decided: string | null }>`
        select case_type as type,
          to_char(preliminary_decided_at at time zone 'UTC', 'YYYY-MM-DD') as decided
        from intake where case_id = ${w.caseId}`.execute(owner())
    ).rows;
  const investigationFacts = async () =>
    (
      await sql<{ began: string | null; extended: string | null }>`
        select to_char(began_at at time zone 'UTC', 'YYYY-MM-DD') as began,
          extended_until::text as extended
        from investigation where case_id = ${w.caseId}`.execute(owner())
    ).rows[0];

  beforeAll(async () => {
    const orgId = (await buildOrg(owner())).id;
    const unitA = (await buildUnit(owner(), orgId, "child_services")).id;
    const unitB = (await buildUnit(owner(), orgId, "child_services")).id;
    const user = (await buildUser(owner(), orgId, [{ unitId: unitA, role: "caseworker" }])).id;
    const person = await buildPerson(owner(), orgId);
    const caseId = (
      await buildCase(owner(), { orgId, unitId: unitA, personId: person.id, openedBy: user })
    ).id;
    await run(sql`update "case" set case_type = 'child' where id = ${caseId}`);
    w = { orgId, unitA, unitB, user, caseId };
    await run(sql`insert into intake (id, org_id, unit_id, person_id, case_id, source, channel,
        received_at, kind, recorded_by, reporter_organisation)
      values (gen_random_uuid(), ${orgId}, ${unitA}, ${person.id}, ${caseId}, 'school', 'phone',
        '2026-03-02T09:00:00Z', 'report_of_concern', ${user}, 'Skolan')`);
  });

  it("gives a report of concern its case's type and its first preliminary decision after it", async () => {
    expect(await intakeFacts()).toEqual([{ type: "child", decided: null }]);
    // A decision before the report is not its assessment; the first one after it is.
    const decide = (at: string) =>
      run(sql`insert into preliminary_decision (org_id, case_id, open_investigation, reasoning,
          decided_by, decided_at) values (${w.orgId}, ${w.caseId}, true, 'Skäl', ${w.user}, ${at})`);
    await decide("2026-03-01T09:00:00Z");
    expect(await intakeFacts()).toEqual([{ type: "child", decided: null }]);
    await decide("2026-03-20T09:00:00Z");
    await decide("2026-03-10T09:00:00Z");
    expect(await intakeFacts()).toEqual([{ type: "child", decided: "2026-03-10" }]);
    await run(sql`delete from preliminary_decision where case_id = ${w.caseId}
      and decided_at = '2026-03-10T09:00:00Z'`);
    expect(await intakeFacts()).toEqual([{ type: "child", decided: "2026-03-20" }]);
    // A statement cannot say otherwise.
    await run(sql`update intake set preliminary_decided_at = now(), case_type = 'perpetrator'
      where case_id = ${w.caseId}`);
    expect(await intakeFacts()).toEqual([{ type: "child", decided: "2026-03-20" }]);
  });

  it("keeps each time under investigation as a span, the last one open", async () => {
    await change("preliminary_assessment", "investigation", "2026-03-20T09:00:00Z");
    expect(await spans()).toEqual([
      { began: "2026-03-20", ended: null, unit: w.unitA, type: "child" },
    ]);
    await change("investigation", "decision", "2026-06-01T09:00:00Z");
    await change("decision", "investigation", "2026-08-01T09:00:00Z");
    expect(await spans()).toEqual([
      { began: "2026-03-20", ended: "2026-06-01", unit: w.unitA, type: "child" },
      { began: "2026-08-01", ended: null, unit: w.unitA, type: "child" },
    ]);
  });

  it("gives a finished investigation its start and its latest extension", async () => {
    await run(sql`insert into investigation (case_id, org_id, updated_by)
      values (${w.caseId}, ${w.orgId}, ${w.user})`);
    expect(await investigationFacts()).toEqual({ began: null, extended: null });
    await run(sql`insert into investigation_extension (org_id, case_id, extended_until, reason,
        decided_by) values (${w.orgId}, ${w.caseId}, '2026-12-31', 'Skäl', ${w.user})`);
    await run(sql`update investigation set completed_at = '2026-11-30T09:00:00Z'
      where case_id = ${w.caseId}`);
    // Began: the latest change into investigation before it was completed (1 August).
    expect(await investigationFacts()).toEqual({ began: "2026-08-01", extended: "2026-12-31" });
    await run(sql`insert into investigation_extension (org_id, case_id, extended_until, reason,
        decided_by) values (${w.orgId}, ${w.caseId}, '2027-01-31', 'Skäl', ${w.user})`);
    // A change after it was completed is not its start.
    await change("investigation", "decision", "2026-12-01T09:00:00Z");
    await change("decision", "investigation", "2026-12-10T09:00:00Z");
    expect(await investigationFacts()).toEqual({ began: "2026-08-01", extended: "2027-01-31" });
  });

  it("follows the case to another unit", async () => {
    await run(sql`update "case" set unit_id = ${w.unitB} where id = ${w.caseId}`);
    expect((await spans()).map((s) => s.unit)).toEqual([w.unitB, w.unitB, w.unitB]);
  });

  it("gives each span its case's latest intake's children, and the year's report the latest before its end", async () => {
    const children = async () =>
      (
        await sql<{ n: number | null; asOf: string | null }>`
          select children_in_household as n,
            to_char(children_as_of at time zone 'UTC', 'YYYY-MM-DD') as "asOf"
          from investigation_span where case_id = ${w.caseId}`.execute(owner())
      ).rows;
    const intake = (at: string, n: number) =>
      run(sql`insert into intake (id, org_id, unit_id, person_id, case_id, source, channel,
          received_at, kind, recorded_by, children_in_household)
        select gen_random_uuid(), org_id, unit_id, person_id, id, 'police', 'phone', ${at},
          'report_of_concern', ${w.user}, ${n} from "case" where id = ${w.caseId}`);
    expect(new Set((await children()).map((c) => c.asOf))).toEqual(new Set(["2026-03-02"]));
    await intake("2026-05-01T09:00:00Z", 3);
    expect(await children()).toEqual(Array(3).fill({ n: 3, asOf: "2026-05-01" }));
    await intake("2027-02-01T09:00:00Z", 1);
    expect(await children()).toEqual(Array(3).fill({ n: 1, asOf: "2027-02-01" }));
    // The report of 2026 counts what the latest intake before 2027 said: 3.
    await run(sql`update "case" set case_type = 'adult_victim' where id = ${w.caseId}`);
    const analyst = await buildUser(owner(), w.orgId, [{ unitId: null, role: "analyst" }]);
    const year = (y: number) =>
      withReporting(database().db, { userId: analyst.id, orgId: w.orgId }, (trx) =>
        investigatedPersons(trx, { orgId: w.orgId, units: null, year: y }),
      );
    expect(await year(2026)).toEqual({ persons: 1, children: 3 });
    expect(await year(2027)).toEqual({ persons: 1, children: 1 });
    // The later intake changed, then gone: the spans follow.
    await run(sql`update intake set children_in_household = 2
      where case_id = ${w.caseId} and received_at = '2027-02-01T09:00:00Z'`);
    expect(await children()).toEqual(Array(3).fill({ n: 2, asOf: "2027-02-01" }));
    await run(sql`delete from intake
      where case_id = ${w.caseId} and received_at = '2027-02-01T09:00:00Z'`);
    expect(await children()).toEqual(Array(3).fill({ n: 3, asOf: "2026-05-01" }));
    // A statement cannot say otherwise.
    await run(
      sql`update investigation_span set children_in_household = 9 where case_id = ${w.caseId}`,
    );
    expect(await children()).toEqual(Array(3).fill({ n: 3, asOf: "2026-05-01" }));
  });
});

/* Migration 0099: a case says whether an intervention was granted and its outcome's goal. */
describe.each(testDatabaseKinds)("the case's report facts (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let w: { orgId: string; user: string; caseId: string };
  const run = (q: ReturnType<typeof sql>) => q.execute(database().owner);
  const facts = async () =>
    (
      await sql<{ granted: boolean; goal: string | null }>`
        select granted_decision as granted, outcome_goal as goal from "case"
        where id = ${w.caseId}`.execute(database().owner)
    ).rows[0];
  const decide = (outcome: string) =>
    run(sql`insert into decision (id, org_id, case_id, intervention_kind, outcome, reasoning,
        decided_by, appeal_info) values (gen_random_uuid(), ${w.orgId}, ${w.caseId},
        'support_talks', ${outcome}, 'Skäl', ${w.user}, 'Så överklagar du')`);

  beforeAll(async () => {
    const owner = database().owner;
    const orgId = (await buildOrg(owner)).id;
    const unit = (await buildUnit(owner, orgId)).id;
    const user = (await buildUser(owner, orgId, [{ unitId: unit, role: "caseworker" }])).id;
    const person = await buildPerson(owner, orgId);
    const caseId = (
      await buildCase(owner, { orgId, unitId: unit, personId: person.id, openedBy: user })
    ).id;
    w = { orgId, user, caseId };
  });

  it("follows the case's decisions and outcome, whatever a statement says", async () => {
    expect(await facts()).toEqual({ granted: false, goal: null });
    await decide("denied");
    expect(await facts()).toEqual({ granted: false, goal: null });
    await decide("partly_granted");
    expect(await facts()).toEqual({ granted: true, goal: null });
    await run(sql`delete from decision where case_id = ${w.caseId} and outcome = 'partly_granted'`);
    expect(await facts()).toEqual({ granted: false, goal: null });
    await run(sql`insert into case_outcome (case_id, org_id, goal_reached, recorded_by)
      values (${w.caseId}, ${w.orgId}, 'partly', ${w.user})`);
    expect(await facts()).toEqual({ granted: false, goal: "partly" });
    await run(sql`update case_outcome set goal_reached = 'wholly' where case_id = ${w.caseId}`);
    expect(await facts()).toEqual({ granted: false, goal: "wholly" });
    await run(sql`update "case" set granted_decision = true, outcome_goal = 'not'
      where id = ${w.caseId}`);
    expect(await facts()).toEqual({ granted: false, goal: "wholly" });
  });
});

/* Migration 0100: a stay's segments and members carry what the nights and children ask. */
describe.each(testDatabaseKinds)("the stays' report facts (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let w: { orgId: string; user: string; caseId: string; personId: string; stayId: string };
  const run = (q: ReturnType<typeof sql>) => q.execute(database().owner);
  const segment = async () =>
    (
      await sql<{ left: string | null; cancelled: boolean; adults: number; children: number }>`
        select stay_left_on::text as left, stay_cancelled as cancelled, adults, children
        from stay_segment where stay_id = ${w.stayId}`.execute(database().owner)
    ).rows[0];
  const members = async () =>
    (
      await sql<{ began: string; cancelled: boolean }>`
        select stay_began_on::text as began, stay_cancelled as cancelled from stay_member
        where stay_id = ${w.stayId} order by role`.execute(database().owner)
    ).rows;
  const member = async (role: "adult" | "child") => {
    const child = await buildPerson(database().owner, w.orgId);
    await run(sql`insert into stay_member (stay_id, person_id, org_id, role)
      values (${w.stayId}, ${role === "adult" ? w.personId : child.id}, ${w.orgId}, ${role})`);
    return child.id;
  };

  beforeAll(async () => {
    const owner = database().owner;
    const orgId = (await buildOrg(owner)).id;
    const unit = (await buildUnit(owner, orgId)).id;
    const user = (await buildUser(owner, orgId, [{ unitId: unit, role: "caseworker" }])).id;
    const person = await buildPerson(owner, orgId);
    const caseId = (
      await buildCase(owner, { orgId, unitId: unit, personId: person.id, openedBy: user })
    ).id;
    const { rows } = await sql<{ id: string; person: string }>`
      insert into decision (id, org_id, case_id, intervention_kind, outcome, reasoning, decided_by)
      values (gen_random_uuid(), ${orgId}, ${caseId}, 'emergency_flat', 'granted', 'Skäl', ${user})
      returning id, case_person_id as person`.execute(owner);
    expect(rows[0]?.person).toBe(person.id);
    const place = await sql<{ id: string }>`insert into place (id, org_id, unit_id, name, kind,
        operator_kind, operator_name, places, price_adult_ore, price_child_ore, created_by)
      values (gen_random_uuid(), ${orgId}, ${unit}, 'Lägenhet Ask', 'emergency_flat', 'own',
        'Kommunen', 1, 50000, 20000, ${user}) returning id`.execute(owner);
    const stay = await sql<{ id: string }>`insert into stay (id, org_id, case_id, decision_id,
        planned_from, created_by) values (gen_random_uuid(), ${orgId}, ${caseId},
        ${rows[0]?.id}, '2026-04-01', ${user}) returning id`.execute(owner);
    w = { orgId, user, caseId, personId: person.id, stayId: stay.rows[0]?.id as string };
    await run(sql`insert into stay_segment (id, org_id, stay_id, place_id, from_on,
        price_adult_ore, price_child_ore) values (gen_random_uuid(), ${orgId}, ${w.stayId},
        ${place.rows[0]?.id}, '2026-04-03', 50000, 20000)`);
  });

  it("counts who stayed on each segment as members come and go", async () => {
    expect(await segment()).toEqual({ left: null, cancelled: false, adults: 0, children: 0 });
    await member("adult");
    const child = await member("child");
    await member("child");
    expect(await segment()).toMatchObject({ adults: 1, children: 2 });
    await run(sql`delete from stay_member where person_id = ${child}`);
    expect(await segment()).toMatchObject({ adults: 1, children: 1 });
  });

  it("follows the stay's beginning and leaving to its members and segments", async () => {
    expect(await members()).toEqual([
      { began: "2026-04-01", cancelled: false },
      { began: "2026-04-01", cancelled: false },
    ]);
    await run(sql`update stay set arrived_on = '2026-04-03' where id = ${w.stayId}`);
    expect((await members()).map((m) => m.began)).toEqual(["2026-04-03", "2026-04-03"]);
    await run(sql`update stay set left_on = '2026-05-10', end_reason = 'own_housing'
      where id = ${w.stayId}`);
    expect(await segment()).toMatchObject({ left: "2026-05-10", cancelled: false });
    // A statement cannot say otherwise.
    await run(
      sql`update stay_segment set adults = 9, stay_left_on = null where stay_id = ${w.stayId}`,
    );
    expect(await segment()).toEqual({
      left: "2026-05-10",
      cancelled: false,
      adults: 1,
      children: 1,
    });
  });
});

/*
 * Migration 0101: two transactions on one case at once. One deletes the case's granted
 * decision while the other adds a granted one; without a lock each computes the case's
 * granted_decision without the other's change, and the one committing last leaves "no
 * intervention granted" beside a granted decision. PostgreSQL only: PGlite has one connection.
 */
const concurrent = testDatabaseKinds.filter((k) => k === "postgres");
describe.each(concurrent)("the report's facts under two writers at once (%s)", (kind) => {
  const database = useTestDatabase(kind);

  it("leaves the case saying what its decisions say, whichever commits last", async () => {
    const owner = database().owner;
    const orgId = (await buildOrg(owner)).id;
    const unit = (await buildUnit(owner, orgId)).id;
    const user = (await buildUser(owner, orgId, [{ unitId: unit, role: "caseworker" }])).id;
    const person = await buildPerson(owner, orgId);
    const caseId = (
      await buildCase(owner, { orgId, unitId: unit, personId: person.id, openedBy: user })
    ).id;
    const decide = (id: string) => sql`insert into decision (id, org_id, case_id,
        intervention_kind, outcome, reasoning, decided_by)
      values (${id}, ${orgId}, ${caseId}, 'support_talks', 'granted', 'Skäl', ${user})`;
    const first = "00000000-0000-4000-8000-00000000d001";
    await decide(first).execute(owner);

    let deleted!: () => void;
    let release!: () => void;
    const didDelete = new Promise<void>((r) => (deleted = r));
    const hold = new Promise<void>((r) => (release = r));
    const remover = owner.transaction().execute(async (trx) => {
      await sql`delete from decision where id = ${first}`.execute(trx);
      deleted();
      await hold;
    });
    await didDelete;
    let added = false;
    const adder = owner
      .transaction()
      .execute((trx) => decide("00000000-0000-4000-8000-00000000d002").execute(trx))
      .then(() => {
        added = true;
      });
    // The adder either finished (no lock: the race is on) or waits for the remover's lock —
    // asked on a connection of its own (the two transactions may hold the pool's).
    const watcher = new pg.Client({ connectionString: database().url });
    await watcher.connect();
    try {
      for (let i = 0; i < 300 && !added; i++) {
        const { rows } = await watcher.query<{ n: number }>(
          `select count(*)::integer as n from pg_stat_activity
            where datname = current_database() and wait_event_type = 'Lock'`,
        );
        if ((rows[0]?.n ?? 0) > 0) break;
        await new Promise((r) => setTimeout(r, 100));
      }
    } finally {
      await watcher.end();
    }
    release();
    await Promise.all([remover, adder]);
    const { rows } = await sql<{ granted: boolean }>`
      select granted_decision as granted from "case" where id = ${caseId}`.execute(owner);
    expect(rows[0]?.granted).toBe(true);
  });
});
