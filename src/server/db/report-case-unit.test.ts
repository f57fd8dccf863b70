import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { violenceScreening } from "../../shared/instruments/builtin/screening.ts";
import { withReporting } from "../access/transaction.ts";
import { ensureStored } from "../modules/assessments/registry.ts";
import { decisionsByIntervention } from "../modules/yearly-report/figures.ts";
import { testDatabaseKinds, useTestDatabase } from "../testing/databases.ts";
import { buildCase, buildOrg, buildPerson, buildUnit, buildUser } from "../testing/factories.ts";

/*
 * Migration 0097: each row the reports count says its case's unit (case_unit_id), and the
 * reporting role's policies compare it. The column must say what the case says, always: set on
 * every insert and update whatever the statement says, and following the case when it moves to
 * another unit — without a completed assessment or a kept outcome counting that as a change.
 */

describe.each(testDatabaseKinds)("the case's unit on the rows the reports count (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let orgId: string;
  let unitA: string;
  let unitB: string;
  let caseId: string;
  let stayId: string;
  let managerA: string;
  let managerB: string;

  const unitsOf = async () => {
    const owner = database().owner;
    const { rows } = await sql<{ t: string; unit: string | null }>`
      select 'decision' as t, case_unit_id as unit from decision where case_id = ${caseId}
      union all select 'stay', case_unit_id from stay where case_id = ${caseId}
      union all select 'stay_segment', case_unit_id from stay_segment where stay_id = ${stayId}
      union all select 'stay_member', case_unit_id from stay_member where stay_id = ${stayId}
      union all select 'case_outcome', case_unit_id from case_outcome where case_id = ${caseId}
      union all select 'assessment', case_unit_id from assessment where case_id = ${caseId}
      order by 1`.execute(owner);
    return rows;
  };
  const decisionsSeenBy = (userId: string) =>
    withReporting(database().db, { userId, orgId }, (trx) =>
      decisionsByIntervention(trx, { orgId, units: null, year: new Date().getFullYear() }),
    );

  beforeAll(async () => {
    const owner = database().owner;
    orgId = (await buildOrg(owner)).id;
    unitA = (await buildUnit(owner, orgId)).id;
    unitB = (await buildUnit(owner, orgId)).id;
    const worker = await buildUser(owner, orgId, [{ unitId: unitA, role: "caseworker" }]);
    managerA = (await buildUser(owner, orgId, [{ unitId: unitA, role: "unit_manager" }])).id;
    managerB = (await buildUser(owner, orgId, [{ unitId: unitB, role: "unit_manager" }])).id;
    const person = await buildPerson(owner, orgId);
    caseId = (
      await buildCase(owner, { orgId, unitId: unitA, personId: person.id, openedBy: worker.id })
    ).id;
    const decisionId = randomUUID();
    await owner
      .insertInto("decision")
      .values({
        id: decisionId,
        org_id: orgId,
        case_id: caseId,
        intervention_kind: "sheltered_housing",
        outcome: "granted",
        reasoning: "Behov av skyddat boende.",
        decided_by: worker.id,
      })
      .execute();
    const placeId = randomUUID();
    await owner
      .insertInto("place")
      .values({
        id: placeId,
        org_id: orgId,
        unit_id: unitA,
        name: "Skyddat boende Ek",
        kind: "sheltered_housing",
        operator_kind: "own",
        operator_name: "Kommunen",
        places: 4,
        price_adult_ore: 100_000,
        price_child_ore: 50_000,
        created_by: worker.id,
      })
      .execute();
    stayId = randomUUID();
    await owner
      .insertInto("stay")
      .values({
        id: stayId,
        org_id: orgId,
        case_id: caseId,
        decision_id: decisionId,
        planned_from: "2026-03-01",
        created_by: worker.id,
      })
      .execute();
    await owner
      .insertInto("stay_segment")
      .values({
        id: randomUUID(),
        org_id: orgId,
        stay_id: stayId,
        place_id: placeId,
        from_on: "2026-03-01",
        price_adult_ore: 100_000,
        price_child_ore: 50_000,
      })
      .execute();
    await owner
      .insertInto("stay_member")
      .values({ stay_id: stayId, person_id: person.id, org_id: orgId, role: "adult" })
      .execute();
    await owner
      .insertInto("case_outcome")
      .values({ case_id: caseId, org_id: orgId, goal_reached: "partly", recorded_by: worker.id })
      .execute();
    await ensureStored(owner, orgId, violenceScreening);
    await sql`insert into assessment (id, org_id, case_id, instrument_id, instrument_version,
        answers, assessed_on, completed_at, completed_by, result, judgements, created_by)
      select ${randomUUID()}, ${orgId}, ${caseId}, ${violenceScreening.id}, ${violenceScreening.version}, '{}'::jsonb,
        current_date, now(), ${worker.id}, '{}'::jsonb, '{}'::jsonb, ${worker.id}`.execute(owner);
  });

  it("is the case's unit on every row, set on insert", async () => {
    const rows = await unitsOf();
    expect(rows.map((r) => r.t)).toEqual([
      "assessment",
      "case_outcome",
      "decision",
      "stay",
      "stay_member",
      "stay_segment",
    ]);
    expect(rows.every((r) => r.unit === unitA)).toBe(true);
  });

  it("cannot be set to another unit than the case's", async () => {
    await sql`update decision set case_unit_id = ${unitB} where case_id = ${caseId}`.execute(
      database().owner,
    );
    await sql`update stay_segment set case_unit_id = ${unitB} where stay_id = ${stayId}`.execute(
      database().owner,
    );
    expect((await unitsOf()).every((r) => r.unit === unitA)).toBe(true);
  });

  it("follows the case to another unit, and the reports count it there", async () => {
    expect((await decisionsSeenBy(managerA)).length).toBe(1);
    expect(await decisionsSeenBy(managerB)).toEqual([]);
    await sql`update "case" set unit_id = ${unitB} where id = ${caseId}`.execute(database().owner);
    expect((await unitsOf()).every((r) => r.unit === unitB)).toBe(true);
    expect(await decisionsSeenBy(managerA)).toEqual([]);
    expect(await decisionsSeenBy(managerB)).toEqual([
      { kind: "sheltered_housing", outcome: "granted", n: 1 },
    ]);
  });

  it("is no change of a completed assessment nor of the outcome kept", async () => {
    const history = await sql<{ n: number }>`
      select count(*)::integer as n from case_outcome_history where case_id = ${caseId}`.execute(
      database().owner,
    );
    expect(history.rows[0]?.n).toBe(0);
    const changed = sql`update assessment set answers = '{"x": 1}'::jsonb
      where case_id = ${caseId}`.execute(database().owner);
    await expect(changed).rejects.toThrow(/never changes/);
  });
});
