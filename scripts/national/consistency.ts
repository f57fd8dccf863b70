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
  ["stay", "created_at", "created_by"],
  ["case_outcome", "recorded_at", "recorded_by"],
  ["place_enquiry", "asked_at", "asked_by"],
  ["place_enquiry", "answered_at", "answered_by"],
  ["risk_conference", "created_at", "referred_by"],
  ["risk_conference_agency", "updated_at", "recorded_by"],
  ["risk_conference_action", "created_at", "owner_user_id"],
  ["risk_conference_action", "done_on", null],
];

/** Risk conferences (0068): on a high risk assessed in the case, met after the referral. */
const conferenceRules: [string, string][] = [
  [
    "a risk conference only in an adult victim's case, about its person",
    `select count(*) from risk_conference r join "case" c on c.id = r.case_id
      where c.case_type <> 'adult_victim' or r.person_id <> c.person_id`,
  ],
  [
    "a referral on a completed assessment of its case that counts high, before it; its criteria met",
    `select count(*) from risk_conference r left join assessment a on a.id = r.assessment_id
      where a.id is null or a.case_id <> r.case_id or a.completed_at is null
         or a.assessed_on > r.referred_on
         or r.assessment_snapshot->>'countedLevel' not in ('high', 'very_high')
         or (r.criteria->>'met')::boolean is not true`,
  ],
  [
    "a conference meets after its referral; agencies and actions only once it met, agreed then",
    `select count(*) from risk_conference r
      where r.meeting_on < r.referred_on
         or (r.meeting_on is null and (exists (select 1 from risk_conference_agency g where g.conference_id = r.id)
              or exists (select 1 from risk_conference_action a where a.conference_id = r.id)))
         or exists (select 1 from risk_conference_action a where a.conference_id = r.id
              and ((a.created_at at time zone 'UTC')::date < r.meeting_on or a.done_on < r.meeting_on))`,
  ],
  [
    "no open conference action on a closed case",
    `select count(*) from risk_conference_action a join "case" c on c.id = a.case_id
      where c.status = 'closed' and a.done_on is null`,
  ],
];

/** Stays (0050, 0052): on her granted housing decision, at places of its kind, inside the case's life. */
const stayRules: [string, string][] = [
  [
    "a stay only on a granted housing decision of an adult victim's own case",
    `select count(*) from stay s join decision d on d.id = s.decision_id join "case" c on c.id = s.case_id
      where d.case_id <> s.case_id or c.case_type <> 'adult_victim' or d.outcome = 'denied'
         or d.intervention_kind not in ('emergency_flat', 'sheltered_housing', 'other_housing')`,
  ],
  [
    "a stay's places of its decision's kind, administered by the case's organisation",
    `select count(*) from stay_segment g join stay s on s.id = g.stay_id
      join decision d on d.id = s.decision_id join place p on p.id = g.place_id
      where p.kind <> d.intervention_kind or p.org_id <> s.org_id`,
  ],
  [
    "a stay arrives on its decision's first day and ends inside the case's life",
    `select count(*) from stay s join decision d on d.id = s.decision_id join "case" c on c.id = s.case_id
      where (s.arrived_on is not null and s.arrived_on <> d.period_from)
         or s.left_on > (coalesce(c.closed_at, now()) + interval '1 day')::date
         or (c.status = 'closed' and s.left_on is null and s.cancelled_at is null)`,
  ],
  [
    "a stay's segments lie inside it, one after another, none for a cancelled stay",
    `select count(*) from stay_segment g join stay s on s.id = g.stay_id
      where s.cancelled_at is not null or g.from_on < s.arrived_on
         or (s.left_on is not null and (g.to_on is null or g.to_on > s.left_on))
         or exists (select 1 from stay_segment o where o.stay_id = g.stay_id and o.id <> g.id
                     and o.from_on < coalesce(g.to_on, 'infinity') and g.from_on < coalesce(o.to_on, 'infinity'))`,
  ],
  [
    "one adult in each stay, the case's person; the children are persons of the organisation",
    `select count(*) from stay s join "case" c on c.id = s.case_id
      where (select count(*) from stay_member m where m.stay_id = s.id and m.role = 'adult'
               and m.person_id = c.person_id) <> 1
         or exists (select 1 from stay_member m join person p on p.id = m.person_id
                     where m.stay_id = s.id and (m.org_id <> s.org_id or p.org_id <> s.org_id))`,
  ],
  [
    "an enquiry that placed her, at the place she came to",
    `select count(*) from stay s where s.cancelled_at is null and not exists (
       select 1 from place_enquiry e join stay_segment g on g.place_id = e.place_id
        where e.case_id = s.case_id and e.outcome = 'placed' and g.stay_id = s.id)`,
  ],
];

/** Service contacts, consultations, agreements (0056, 0059, 0064): by the unit's staff, in order. */
const registerRules: [string, string][] = [
  [
    "service contacts by staff of the course's unit, inside the course's life",
    `select count(*) from service_contact s join service_course c on c.id = s.course_id
      where s.org_id <> c.org_id or s.occurred_at < c.created_at
         or s.occurred_at > coalesce(c.closed_at, now()) + interval '1 day'
         or not exists (select 1 from role_assignment r where r.user_id = s.worker_id and r.unit_id = c.unit_id)`,
  ],
  [
    "an identified course's person is the client of a case at its unit",
    `select count(*) from service_course c where c.subject_kind = 'identified' and not exists (
       select 1 from "case" k where k.person_id = c.person_id and k.unit_id = c.unit_id)`,
  ],
  [
    "consultations at a crisis centre, by its staff",
    `select count(*) from consultation x join unit u on u.id = x.unit_id
      where u.kind not in ('crisis_centre', 'resource_function')
         or not exists (select 1 from role_assignment r where r.user_id = x.worker_id and r.unit_id = x.unit_id)`,
  ],
  [
    "an agreement's last follow-up and next date are its newest follow-up's",
    `select count(*) from agreement a
      left join lateral (select f.followed_up_on, f.next_follow_up_on from agreement_follow_up f
                          where f.agreement_id = a.id order by f.followed_up_on desc limit 1) f on true
      where a.last_followed_up_on is distinct from f.followed_up_on
         or (f.next_follow_up_on is not null and a.next_follow_up_on <> f.next_follow_up_on)`,
  ],
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
  return out.concat(stayRules, registerRules, conferenceRules, [
    ["intake only on cases opened by one", kind("intake", "'adult_victim','child','perpetrator'")],
    [
      "an outcome only of a closed case of a kind that records one",
      `${kind("case_outcome", "'adult_victim','child','perpetrator'")} or c.status <> 'closed'`,
    ],
    [
      "every closed case of such a kind has its outcome, recorded when it closed",
      `select count(*) from "case" c left join case_outcome o on o.case_id = c.id
        where c.status = 'closed' and c.case_type <> 'partner_contact'
          and (o.case_id is null or o.recorded_at <> c.closed_at)`,
    ],
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
    "stays going on in open cases",
    `select count(*) from stay s join "case" c on c.id = s.case_id
      where c.status <> 'closed' and s.left_on is null and s.cancelled_at is null`,
  ],
  [
    "goals reached wholly or partly",
    "select count(*) from case_outcome where goal_reached in ('wholly', 'partly')",
  ],
  [
    "outcomes not assessed, with a reason",
    "select count(*) from case_outcome where not_assessed_reason is not null",
  ],
  ["stays with children", "select count(distinct stay_id) from stay_member where role = 'child'"],
  [
    "stays that moved",
    "select count(*) from (select stay_id from stay_segment group by stay_id having count(*) > 1) x",
  ],
  ["places that had no space", "select count(*) from place_enquiry where outcome = 'no_space'"],
  [
    "agreements whose follow-up is overdue",
    "select count(*) from agreement where ended_on is null and next_follow_up_on < now()::date",
  ],
  [
    "risk conferences referred, not yet met",
    "select count(*) from risk_conference where meeting_on is null",
  ],
  [
    "conference actions open in open cases",
    `select count(*) from risk_conference_action a join "case" c on c.id = a.case_id
      where c.status <> 'closed' and a.done_on is null`,
  ],
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
