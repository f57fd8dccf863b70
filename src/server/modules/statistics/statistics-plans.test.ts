import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { withReporting } from "../../access/transaction.ts";
import { actorOf } from "../../testing/access-world.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import { buildOrg, buildUnit, buildUser } from "../../testing/factories.ts";
import { explainIn, statementsSent } from "../../testing/plans.ts";
import { partnerContactStatistics } from "./partner-contact.ts";

/**
 * Issue 14: a year's figures read that year's rows of the organisation asked about, not
 * every consent, attempt, refusal, partner and barrier event in the country (and
 * frid_reports_on_case on each), in one statement, with the reporting role's rule asked of
 * each row's own columns (0097: its organisation and its case's unit), not by a function. The country here is 40 organisations' rows by the
 * thousand, analysed as PostgreSQL's autovacuum would; the plans are the planner's own
 * choice on those statistics (no planner settings changed), of the very statements the
 * module sends, explained as frid_report with the actor's settings.
 */
const tables = [
  "consent",
  "partner_contact_attempt",
  "partner_contact_refusal",
  "partner",
  "barrier_event",
  "treatment",
];
const rows = 20_000;
type Owner = ReturnType<ReturnType<typeof useTestDatabase>>["owner"];

/**
 * A country: 40 other organisations and the one asked about, each with a share of the
 * cases and of every table's rows, over ten years; the one asked about has 3,000 cases more
 * (with none of those rows, as most cases have). Units, persons and users the rows name
 * need not exist: keys are the application's to keep, not this test's.
 */
async function seedCountry(owner: Owner, w: { orgId: string; unitId: string; userId: string }) {
  const asked = `'${w.orgId}'::uuid`;
  const org = `case when g % 41 = 40 then ${asked}
    else ('00000000-0000-4000-8000-' || lpad((g % 41)::text, 12, '0'))::uuid end`;
  const caseOf = `('10000000-0000-4000-8000-' || lpad(g::text, 12, '0'))::uuid`;
  const day = `(date '2017-01-01' + (g % 3650))`;
  await owner.transaction().execute(async (trx) => {
    await sql`set local session_replication_role = replica`.execute(trx);
    const run = (q: string) => sql.raw(q).execute(trx);
    await run(`insert into organisation (id, name, kind)
      select ('00000000-0000-4000-8000-' || lpad(g::text, 12, '0'))::uuid, 'Land ' || g,
        'municipality' from generate_series(0, 39) g`);
    // Every row's case in its organisation; 3,000 more cases in the one asked about.
    await run(`insert into "case" (id, org_id, unit_id, person_id, case_type, opened_by, reference)
      select ${caseOf}, ${org.replace("g % 41 = 40", `g % 41 = 40 or g > ${rows}`)},
        case when g % 41 = 40 or g > ${rows} then '${w.unitId}'::uuid else gen_random_uuid() end,
        gen_random_uuid(),
        case when g % 2 = 0 then 'perpetrator' else 'partner_contact' end, '${w.userId}',
        'S-' || g from generate_series(1, ${rows} + 3000) g`);
    // A third assessed, a third in treatment, a third ended; half of them told of partner contact.
    await run(`insert into treatment (case_id, org_id, referral_source, referred_on, phase,
        started_on, ended_on, end_kind, end_reason, ended_by, partner_info_given_on, recorded_by)
      select ${caseOf}, ${org}, 'self', ${day},
        (array['assessment', 'treatment', 'ended'])[g % 3 + 1],
        case when g % 3 > 0 then ${day} + 20 end, case when g % 3 = 2 then ${day} + 90 end,
        case when g % 3 = 2 then 'completed' end, case when g % 3 = 2 then 'Klar' end,
        case when g % 3 = 2 then gen_random_uuid() end, case when g % 2 = 0 then ${day} end,
        gen_random_uuid() from generate_series(1, ${rows}) g`);
    await run(`insert into consent (org_id, case_id, scope, given_by_name, form, given_on,
        revoked_on, revoked_reason, partner_id, recorded_by)
      select ${org}, ${caseOf}, 'partner_contact', 'X', 'written', ${day},
        case when g % 3 = 0 then ${day} + 30 end, case when g % 3 = 0 then 'Ångrat' end,
        gen_random_uuid(), gen_random_uuid() from generate_series(1, ${rows}) g`);
    await run(`insert into partner_contact_attempt (org_id, case_id, method, attempted_on, outcome,
        recorded_by)
      select ${org}, ${caseOf}, 'phone', ${day}, 'accepted', gen_random_uuid()
        from generate_series(1, ${rows}) g`);
    await run(`insert into partner_contact_refusal (case_id, org_id, refused_on, team_decided_on,
        continue_treatment, reasoning, recorded_by)
      select ${caseOf}, ${org}, ${day}, ${day}, g % 2 = 0, 'Skäl', gen_random_uuid()
        from generate_series(1, ${rows}) g`);
    await run(`insert into partner (id, org_id, case_id, relationship, exception_kind,
        exception_reason, partner_case_id, barrier_id, recorded_by, recorded_at)
      select gen_random_uuid(), ${org}, ${caseOf}, 'current',
        case when g % 2 = 0 then 'abroad' end, case when g % 2 = 0 then 'Utomlands' end,
        case when g % 2 = 1 then gen_random_uuid() end, case when g % 2 = 1 then gen_random_uuid() end,
        gen_random_uuid(), ${day}::timestamptz from generate_series(1, ${rows}) g`);
    await run(`insert into barrier_event (id, org_id, barrier_id, from_case_id, to_case_id, kind,
        event_on, level, created_by, created_at)
      select gen_random_uuid(), ${org}, gen_random_uuid(), ${caseOf}, gen_random_uuid(),
        case when g % 3 = 0 then 'risk_alert' else 'absence' end, ${day},
        case when g % 3 = 0 then 'high' end, gen_random_uuid(), ${day}::timestamptz
        from generate_series(1, ${rows}) g`);
    // Each row's case's unit, as 0097's triggers (off while seeding) would have set it.
    for (const t of tables) {
      const key = t === "barrier_event" ? "from_case_id" : "case_id";
      await run(`update ${t} x set case_unit_id = c.unit_id from "case" c where c.id = x.${key}`);
    }
  });
  await sql`analyze`.execute(owner);
}

describe.each(testDatabaseKinds)("a year's partner-contact figures by index (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let w: { orgId: string; unitId: string; analyst: string; manager: string };

  beforeAll(async () => {
    const { owner } = database();
    const org = await buildOrg(owner);
    const unit = await buildUnit(owner, org.id);
    const analyst = await buildUser(owner, org.id, [{ unitId: null, role: "analyst" }]);
    const manager = await buildUser(owner, org.id, [{ unitId: unit.id, role: "unit_manager" }]);
    w = { orgId: org.id, unitId: unit.id, analyst: analyst.id, manager: manager.id };
    await seedCountry(owner, { orgId: org.id, unitId: unit.id, userId: manager.id });
  });

  it.each(["analyst", "manager"] as const)(
    "reads no whole table of personal data for the %s",
    async (who) => {
      const handle = database();
      const actor = await actorOf(handle.owner, w[who]);
      // Every read the module sends, compiled as sent (the audit insert is not a read).
      const sent = await statementsSent(handle.db, (db) =>
        partnerContactStatistics(
          { ...handle, db },
          actor,
          { requestId: "plans", clientAddress: null },
          { from: "2026-01-01", to: "2026-12-31" },
        ),
      );
      const counted = sent.filter((q) => tables.some((t) => q.sql.includes(`"${t}"`)));
      // One statement for every figure (it was eleven), reading every table counted.
      expect(counted.length, "the statements of the figures").toBe(1);
      for (const t of tables) expect(counted[0]?.sql, t).toContain(`from "${t}"`);
      for (const q of counted) {
        const plan = await withReporting(handle.db, actor, (trx) => explainIn(trx, q));
        const scanned = tables.filter((t) => new RegExp(`Seq Scan on ${t}\\b`).test(plan));
        expect(scanned, `${q.sql}\n${plan}`).toEqual([]);
        // Reached by the organisation and the day: an index of the table led by org_id (0036,
        // 0039), not every case of the organisation first and each case's rows after.
        for (const t of tables.filter((t) => q.sql.includes(`from "${t}"`)))
          expect(ledByOrganisation(plan, t), `${t}: ${q.sql}\n${plan}`).toBe(true);
      }
    },
  );
});

/**
 * Whether the plan reads `table` through one of its org_id-led indexes with the
 * organisation in the index condition (an index read from end to end for the day alone,
 * across every organisation, is no better than the table).
 */
function ledByOrganisation(plan: string, table: string): boolean {
  const lines = plan.split("\n");
  const index = new RegExp(`Index (Only )?Scan (Backward )?(using|on) ${table}_org_\\w*idx`);
  return lines.some(
    (line, i) =>
      index.test(line) &&
      lines.slice(i + 1, i + 3).some((l) => /Index Cond: .*\borg_id = /.test(l)),
  );
}
