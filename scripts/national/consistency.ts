import { type Kysely, sql } from "kysely";
import type { Database } from "../../src/server/db/types.ts";

/**
 * What must hold in a generated country beyond the schema's constraints, as queries that
 * count the rows breaking each rule (every count must be 0): work dated inside its case's
 * life, on cases of the right kind, by staff of the case's unit; closed cases with their
 * work done. And the work Att göra, the statistics and the plans read, counted (each must
 * be more than 0) — on open cases, open work.
 */

/** A dated row of case work: table, its time column and who wrote it. */
const dated: [table: string, at: string, by: string | null][] = [
  ["intake", "recorded_at", "recorded_by"],
  ["protection_assessment", "assessed_at", "assessed_by"],
  ["preliminary_decision", "decided_at", "decided_by"],
  ["investigation", "updated_at", "updated_by"],
  ["investigation_extension", "decided_at", "decided_by"],
  ["safety_plan_version", "saved_at", "saved_by"],
  ["implementation_plan", "updated_at", "updated_by"],
  ["follow_up", "recorded_at", "recorded_by"],
  ["placement_review", "recorded_at", "recorded_by"],
  ["case_task", "created_at", "created_by"],
  ["case_task", "done_at", "done_by"],
  ["treatment_session", "recorded_at", "recorded_by"],
  ["partner_contact_refusal", "recorded_at", "recorded_by"],
  ["consent", "recorded_at", "recorded_by"],
];

/** Rules as "name: SQL counting the rows that break it". */
function rules(): [string, string][] {
  const out: [string, string][] = [];
  for (const [table, at, by] of dated) {
    // A day's slack: dates stored as dates are written at noon of the day.
    out.push([
      `${table}.${at} inside the case's life`,
      `select count(*) from ${table} x join "case" c on c.id = x.case_id
        where x.${at} < c.opened_at - interval '1 day'
           or x.${at} > coalesce(c.closed_at, now()) + interval '1 day'`,
    ]);
    if (by)
      out.push([
        `${table}.${by} works in the case's unit`,
        `select count(*) from ${table} x join "case" c on c.id = x.case_id
          where x.${by} is not null and not exists (select 1 from role_assignment r
            where r.user_id = x.${by} and r.unit_id = c.unit_id)`,
      ]);
  }
  const kind = (table: string, types: string, extra = "true") =>
    `select count(*) from ${table} x join "case" c on c.id = x.case_id
      where ${extra} and c.case_type not in (${types})`;
  return out.concat([
    ["intake only on cases opened by one", kind("intake", "'adult_victim','child','perpetrator'")],
    ["protection assessment only of a child", kind("protection_assessment", "'child'")],
    ["preliminary decision only for a child", kind("preliminary_decision", "'child'")],
    ["extension only of a child's investigation", kind("investigation_extension", "'child'")],
    ["placement only of a child", kind("child_placement", "'child'")],
    ["safety plan only for an adult", kind("safety_plan_version", "'adult_victim'")],
    ["sessions only in treatment", kind("treatment_session", "'perpetrator'")],
    [
      "partner tasks only on partner cases",
      kind("case_task", "'partner_contact'", "x.kind like 'partner_%'"),
    ],
    [
      "no open task on a closed case",
      `select count(*) from case_task t join "case" c on c.id = t.case_id
        where c.status = 'closed' and t.done_at is null`,
    ],
    [
      "no report waiting on a closed case",
      `select count(*) from intake i join "case" c on c.id = i.case_id
        where i.kind = 'report_of_concern' and c.case_type = 'child' and c.status = 'closed'
          and not exists (select 1 from protection_assessment p where p.intake_id = i.id)`,
    ],
    [
      "a closed case's last follow-up plans none",
      `select count(*) from implementation_plan ip join "case" c on c.id = ip.case_id
        where c.status = 'closed' and (select f.next_follow_up_date from follow_up f
          where f.plan_id = ip.id order by f.recorded_at desc limit 1) is not null`,
    ],
    [
      "no placement open on a closed case",
      `select count(*) from child_placement p join "case" c on c.id = p.case_id
        where c.status = 'closed' and p.ended_on is null`,
    ],
  ]);
}

/** The work open cases show: each count must be above 0. */
const openWork: [string, string][] = [
  [
    "open tasks on open cases",
    `select count(*) from case_task t join "case" c on c.id = t.case_id
      where c.status <> 'closed' and t.done_at is null`,
  ],
  [
    "reports assessed late",
    `select count(*) from protection_assessment p join intake i on i.id = p.intake_id
      where p.assessed_at::date > i.received_at::date`,
  ],
  [
    "plans of open cases with a follow-up due",
    `select count(*) from implementation_plan ip join "case" c on c.id = ip.case_id
      where c.status <> 'closed'`,
  ],
  ["follow-ups", "select count(*) from follow_up"],
  ["reviews", "select count(*) from placement_review"],
  ["withdrawn consents", "select count(*) from consent where revoked_on is not null"],
  [
    "unacknowledged barrier events",
    "select count(*) from barrier_event where acknowledged_at is null",
  ],
];

async function counts(owner: Kysely<Database>, list: [string, string][]) {
  const out: Record<string, number> = {};
  for (const [name, text] of list)
    out[name] = Number(
      (await sql<{ count: number }>`${sql.raw(text)}`.execute(owner)).rows[0]?.count,
    );
  return out;
}

/** Rules broken, by name, with how many rows break them (an empty object: none). */
export async function brokenRules(owner: Kysely<Database>): Promise<Record<string, number>> {
  const all = await counts(owner, rules());
  return Object.fromEntries(Object.entries(all).filter(([, n]) => n > 0));
}

export const openWorkCounts = (owner: Kysely<Database>) => counts(owner, openWork);
