import { type CompiledQuery, sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../access/actor.ts";
import { withActor } from "../../access/transaction.ts";
import { actorOf } from "../../testing/access-world.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import { buildOrg, buildUnit, buildUser } from "../../testing/factories.ts";
import { explainIn, statementsSent } from "../../testing/plans.ts";
import { worklist } from "./service.ts";

/**
 * Issue 14: Att göra reads the lines of the cases in scope by index, in every table it asks
 * — not a whole table of the country per request. The generated country leaves most of these
 * tables empty (where PostgreSQL rightly scans the empty table), so this test fills them: 40
 * organisations' rows by the thousand and the one asked about, analysed as autovacuum would.
 * The plans are the planner's own choice (no setting changed), of the very statement the
 * module sends, explained as frid_app with the actor's settings (row-level security included).
 */
const tables = [
  "case",
  "intake",
  "investigation_extension",
  "protection_assessment",
  "implementation_plan",
  "follow_up",
  "case_task",
  "child_placement",
  "placement_review",
  "consent",
  "safety_plan_version",
  "assessment",
  "decision",
  "case_status_change",
  "barrier_event",
  "case_assignment",
];
const rows = 20_000;
type Owner = ReturnType<ReturnType<typeof useTestDatabase>>["owner"];
type World = { orgId: string; unitId: string; worker: string; manager: string };

/** Every case g of the country, in its organisation (one in 41 the asked one's, in its unit). */
function country(w: World) {
  const asked = `'${w.orgId}'::uuid`;
  return {
    org: `case when g % 41 = 40 then ${asked}
      else ('00000000-0000-4000-8000-' || lpad((g % 41)::text, 12, '0'))::uuid end`,
    caseOf: `('10000000-0000-4000-8000-' || lpad(g::text, 12, '0'))::uuid`,
    decisionOf: `('20000000-0000-4000-8000-' || lpad(g::text, 12, '0'))::uuid`,
    rowOf: (n: number) => `('3000000${n}-0000-4000-8000-' || lpad(g::text, 12, '0'))::uuid`,
    day: `(date '2017-01-01' + (g % 3650))`,
    user: `'${w.worker}'::uuid`,
    series: `from generate_series(1, ${rows}) g`,
  };
}

/** The cases, and the decisions, intakes and plans the other rows hang on. */
async function seedCases(run: (q: string) => Promise<unknown>, w: World) {
  const c = country(w);
  await run(`insert into organisation (id, name, kind)
    select ('00000000-0000-4000-8000-' || lpad(g::text, 12, '0'))::uuid, 'Land ' || g,
      'municipality' from generate_series(0, 39) g`);
  await run(`insert into "case" (id, org_id, unit_id, person_id, case_type, status, closed_reason,
      opened_by, reference)
    select ${c.caseOf}, ${c.org},
      case when g % 41 = 40 then '${w.unitId}'::uuid else gen_random_uuid() end, gen_random_uuid(),
      (array['child', 'adult_victim', 'partner_contact'])[g % 3 + 1],
      (array['preliminary_assessment', 'investigation', 'implementation', 'closed'])[g % 4 + 1],
      case when g % 4 = 3 then 'other' end,
      ${c.user}, 'S-' || g ${c.series}`);
  // The worker works the asked organisation's cases (and has worked some before).
  await run(`insert into case_assignment (org_id, case_id, user_id, assigned_by, unassigned_at)
    select ${c.org}, ${c.caseOf}, ${c.user}, ${c.user},
      case when g % 5 = 0 then now() end ${c.series} where g % 41 = 40`);
  await run(`insert into case_assignment (org_id, case_id, user_id, assigned_by)
    select ${c.org}, ${c.caseOf}, gen_random_uuid(), ${c.user} ${c.series} where g % 41 <> 40`);
  await run(`insert into decision (id, org_id, case_id, intervention_kind, outcome, reasoning, decided_by)
    select ${c.decisionOf}, ${c.org}, ${c.caseOf}, 'placement', 'granted', 'Skäl', ${c.user} ${c.series}`);
  await run(`insert into intake (id, org_id, unit_id, person_id, case_id, source, channel, received_at,
      kind, asked_about_violence, recorded_by)
    select ${c.rowOf(1)}, ${c.org}, gen_random_uuid(), gen_random_uuid(), ${c.caseOf}, 'police',
      'phone', ${c.day}::timestamptz, 'report_of_concern', false, ${c.user} ${c.series}`);
  await run(`insert into implementation_plan (id, org_id, case_id, decision_id, goals, activities,
      start_date, follow_up_date, updated_by)
    select ${c.rowOf(2)}, ${c.org}, ${c.caseOf}, ${c.decisionOf}, 'Mål', 'Insats', ${c.day},
      ${c.day} + 90, ${c.user} ${c.series}`);
}

/** The rows of each kind of line, one or two per case. */
async function seedLines(run: (q: string) => Promise<unknown>, w: World) {
  const c = country(w);
  const byCase = (table: string, columns: string, values: string) =>
    run(`insert into ${table} (org_id, case_id, ${columns})
      select ${c.org}, ${c.caseOf}, ${values} ${c.series}`);
  await byCase(
    "protection_assessment",
    "intake_id, needs_immediate_protection, reasoning, assessed_by",
    `${c.rowOf(1)}, false, 'Skäl', ${c.user}`,
  );
  await byCase(
    "investigation_extension",
    "extended_until, reason, decided_by",
    `${c.day} + 200, 'Skäl', ${c.user}`,
  );
  await byCase(
    "follow_up",
    "plan_id, outcome, notes, recorded_by",
    `${c.rowOf(2)}, 'goal_reached', 'Bra', ${c.user}`,
  );
  await byCase(
    "case_task",
    "kind, concern, created_by",
    `'report_child_concern', 'Oro', ${c.user}`,
  );
  await byCase("child_placement", "decision_id, basis", `${c.decisionOf}, 'custodians_consent'`);
  await byCase(
    "placement_review",
    "decision_id, reviewed_on, continues, notes, recorded_by",
    `${c.decisionOf}, ${c.day}, true, 'Fortsätter', ${c.user}`,
  );
  await byCase(
    "consent",
    "scope, decision_id, given_by_name, form, given_on, recorded_by",
    `'child_sheltered_housing', ${c.decisionOf}, 'X', 'written', ${c.day}, ${c.user}`,
  );
  await byCase("safety_plan_version", "version, measures, saved_by", `1, '{}'::jsonb, ${c.user}`);
  await byCase(
    "assessment",
    "id, instrument_id, instrument_version, assessed_on, created_by",
    `${c.rowOf(3)}, 'x', 1, ${c.day}, ${c.user}`,
  );
  await byCase(
    "case_status_change",
    "from_status, to_status, changed_by",
    `'preliminary_assessment', 'investigation', ${c.user}`,
  );
  await run(`insert into barrier_event (id, org_id, barrier_id, from_case_id, to_case_id, kind,
      event_on, level, created_by)
    select gen_random_uuid(), ${c.org}, gen_random_uuid(), gen_random_uuid(), ${c.caseOf},
      case when g % 3 = 0 then 'risk_alert' else 'absence' end, ${c.day},
      case when g % 3 = 0 then 'high' end, ${c.user} ${c.series}`);
}

async function seedCountry(owner: Owner, w: World) {
  await owner.transaction().execute(async (trx) => {
    // Keys are the application's to keep, not this test's: units, persons, users need not exist.
    await sql`set local session_replication_role = replica`.execute(trx);
    const run = (q: string) => sql.raw(q).execute(trx);
    await seedCases(run, w);
    await seedLines(run, w);
  });
  await sql`analyze`.execute(owner);
}

describe.each(testDatabaseKinds)("Att göra by index at scale (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let w: World;

  beforeAll(async () => {
    const { owner } = database();
    const org = await buildOrg(owner);
    const unit = await buildUnit(owner, org.id, "child_services");
    const worker = await buildUser(owner, org.id, [{ unitId: unit.id, role: "caseworker" }]);
    const manager = await buildUser(owner, org.id, [{ unitId: unit.id, role: "unit_manager" }]);
    w = { orgId: org.id, unitId: unit.id, worker: worker.id, manager: manager.id };
    await seedCountry(owner, w);
  });

  /** The reads the work list sends (the audit insert is not a read), compiled as sent. */
  function sent(actor: Actor, scope: "mine" | "unit") {
    const handle = database();
    return statementsSent(handle.db, (db) =>
      worklist({ ...handle, db }, actor, { requestId: "plans", clientAddress: null }, scope),
    );
  }

  it.each([
    ["worker", "mine"],
    ["manager", "unit"],
  ] as const)(
    "reads no whole table for the %s's list (%s), its lines in one statement",
    async (who, scope) => {
      const handle = database();
      const actor = await actorOf(handle.owner, w[who]);
      const reads = await sent(actor, scope);
      // One statement reads every kind of line (the rule and the scope asked once); the only
      // other reads are the names of the persons the lines are about and who works the
      // cases that have lines (issue 15: the worker filter and column), each by id.
      const statements = reads.filter((q) => q.sql.startsWith("with"));
      expect(statements).toHaveLength(1);
      expect(reads.length).toBeLessThanOrEqual(3);
      const plan = await withActor(handle.db, actor, (trx) =>
        explainIn(trx, statements[0] as CompiledQuery),
      );
      const scanned = tables.filter((t) => new RegExp(`Seq Scan on "?${t}"?\\b`).test(plan));
      expect(scanned, plan).toEqual([]);
    },
  );
});
