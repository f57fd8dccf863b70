import { pageSize } from "../../src/shared/api/paging.ts";
import {
  actorParams,
  auditCte,
  barredPersons,
  idsOf,
  oneUnit,
  ownerStatement,
  type ScaleRequest,
  visibleCase,
  visiblePerson,
} from "./minimal.ts";

/**
 * The minimal SQL of Att göra and the log review (see requests.ts; the statistics'
 * are in requests-statistics.ts). Att göra
 * gathers every candidate line with its facts in one statement; the application then keeps
 * those due within 7 days (in JavaScript), so the minimal audit event names every candidate.
 */
const rowColumns = "s.id, s.reference, s.person_id, s.unit_id";

/**
 * The cases in scope, without their persons: a unit manager's are thousands (3,794 open in
 * the generated unit), of which a few hundred make a line; the name is read for the lines.
 */
function scopeCte(scope: "mine" | "unit") {
  const columns = "c.id, c.reference, c.person_id, c.unit_id, c.case_type, c.status, c.opened_at";
  return scope === "mine"
    ? `sc as (select ${columns} from case_assignment a0 join "case" c on c.id = a0.case_id
        where a0.user_id = :user and a0.unassigned_at is null and c.org_id = :org
          and c.status <> 'closed' and c.person_id <> all(${barredPersons}))`
    : `sc as (select ${columns} from "case" c
        where c.org_id = :org and c.unit_id = any(:managed::uuid[]) and c.status <> 'closed'
          and c.person_id <> all(${barredPersons}))`;
}

/** Candidate lines common to both scopes: child clocks, reports, plans, tasks, placements, assessments. */
const commonItems = `
  select 'child'::text as kind, ${rowColumns}, jsonb_build_object('status', s.status, 'opened', s.opened_at,
      'firstReport', (select min(i.received_at) from intake i where i.case_id = s.id and i.kind = 'report_of_concern'),
      'investigation', (select max(h.changed_at) from case_status_change h where h.case_id = s.id and h.to_status = 'investigation'),
      'extended', (select max(x.extended_until) from investigation_extension x where x.case_id = s.id)) as facts
    from sc s where s.case_type = 'child' and s.status in ('preliminary_assessment', 'investigation')
  union all
  select 'protection_assessment', ${rowColumns}, jsonb_build_object('received', i.received_at)
    from intake i join sc s on s.id = i.case_id
   where i.kind = 'report_of_concern'
     and not exists (select 1 from protection_assessment pa where pa.intake_id = i.id)
  union all
  select 'follow_up', ${rowColumns}, jsonb_build_object('first', ip.follow_up_date,
      'next', (select f.next_follow_up_date from follow_up f where f.plan_id = ip.id
                order by f.recorded_at desc limit 1))
    from implementation_plan ip join sc s on s.id = ip.case_id
  union all
  select 'task', ${rowColumns}, jsonb_build_object('kind', t.kind, 'created', t.created_at, 'due', t.due_on)
    from case_task t join sc s on s.id = t.case_id where t.done_at is null
  union all
  select 'placement', ${rowColumns}, jsonb_build_object('immediate', cp.immediate, 'basis', cp.basis,
      'submitted', cp.court_submitted_on, 'ruled', cp.court_ruled_on, 'outcome', cp.court_outcome,
      'decided', d.decided_at, 'from', d.period_from,
      'review', (select max(r.reviewed_on) from placement_review r where r.decision_id = cp.decision_id),
      'revoked', (select max(k.revoked_on) from consent k where k.decision_id = cp.decision_id))
    from child_placement cp join decision d on d.id = cp.decision_id join sc s on s.id = cp.case_id
   where cp.ended_on is null
  union all
  select 'assessment', ${rowColumns}, jsonb_build_object('judgements', a.judgements,
      'assessed', a.assessed_on, 'completed', a.completed_at, 'definition', iv.definition,
      'type', s.case_type,
      'planSaved', (select max(sp.saved_at) from safety_plan_version sp where sp.case_id = s.id))
    from sc s
    join lateral (select * from assessment a where a.case_id = s.id and a.completed_at is not null
                   order by a.completed_at desc limit 1) a on true
    join instrument_version iv on iv.org_id = a.org_id and iv.instrument_id = a.instrument_id
     and iv.version = a.instrument_version`;

const mineItems = `
  union all
  select 'barrier_notice', ${rowColumns}, jsonb_build_object('kind', e.kind, 'created', e.created_at)
    from barrier_event e join sc s on s.id = e.to_case_id where e.acknowledged_at is null
  union all
  select 'unsigned_draft', c.id, c.reference, c.person_id, c.unit_id,
      jsonb_build_object('written', j.written_at)
    from journal_entry j join "case" c on c.id = j.case_id
   where j.author_id = :user and j.signed_at is null and j.org_id = :org and ${visibleCase("c")}`;

const unitItems = `
  union all
  select 'risk_alert', ${rowColumns}, jsonb_build_object('created', e.created_at)
    from barrier_event e join sc s on s.id = e.to_case_id
   where e.acknowledged_at is null and e.kind = 'risk_alert'
  union all
  select 'partner_unassigned', ${rowColumns}, jsonb_build_object('opened', s.opened_at)
    from sc s where s.case_type = 'partner_contact'
     and not exists (select 1 from case_assignment a where a.case_id = s.id and a.unassigned_at is null)`;

function worklistSql(scope: "mine" | "unit") {
  return `with ${scopeCte(scope)},
    lines as (${commonItems} ${scope === "mine" ? mineItems : unitItems}),
    items as (select l.*, p.given_name, p.family_name from lines l join person p on p.id = l.person_id),
    ${auditCte({
      action: "worklist.read",
      resourceType: "case",
      unitId: oneUnit("items"),
      personIds: idsOf("items", "person_id"),
      caseIds: idsOf("items", "id"),
      data: "'{}'::jsonb",
    })}
    select * from items`;
}

export const worklistRequests: ScaleRequest[] = [
  {
    name: "worklist-mine",
    actor: (c) => c.caseworker,
    http: () => ({ method: "GET", path: "/api/worklist?scope=mine" }),
    minimal: (_c, a, id) => ownerStatement(worklistSql("mine"), actorParams(a, id)),
  },
  {
    name: "worklist-partner-worker",
    actor: (c) => c.partnerWorker,
    http: () => ({ method: "GET", path: "/api/worklist?scope=mine" }),
    minimal: (_c, a, id) => ownerStatement(worklistSql("mine"), actorParams(a, id)),
  },
  {
    name: "worklist-unit-manager",
    actor: (c) => c.manager,
    http: () => ({ method: "GET", path: "/api/worklist?scope=unit" }),
    minimal: (_c, a, id) => ownerStatement(worklistSql("unit"), actorParams(a, id)),
  },
];

const eventColumns = `e.id, e.occurred_at, e.actor_user_id, u.username, u.display_name, e.actor_role,
  e.action, e.outcome, e.resource_type, e.resource_id, e.person_id, e.person_ids, e.reason,
  e.client_address`;

const reviewPersonSql = `with ok as (select 1 from "case" where person_id = :person
      and unit_id = any(:managed::uuid[]) limit 1),
  ev as (select ${eventColumns} from audit_event e left join app_user u on u.id = e.actor_user_id
          where exists (select 1 from ok) and e.org_id = :org
            and (e.person_id = :person or e.person_ids @> array[:person::uuid])
          order by e.id desc limit ${pageSize.default + 1}),
  ${auditCte({
    action: "audit.review",
    resourceType: "audit",
    personId: ":person::uuid",
    data: "jsonb_build_object('subject', 'person', 'subjectId', :person::text)",
    from: "where exists (select 1 from ok)",
  })}
  select ev.*, (select p.given_name || ' ' || p.family_name from person p
                 where p.id = :person and ${visiblePerson("p")}) as name
    from ev`;

const reviewUserSql = `with ok as (select 1 from role_assignment where user_id = :subject
      and unit_id = any(:managed::uuid[]) limit 1),
  ev as (select ${eventColumns} from audit_event e left join app_user u on u.id = e.actor_user_id
          where exists (select 1 from ok) and e.org_id = :org and e.actor_user_id = :subject
          order by e.id desc limit ${pageSize.default + 1}),
  page as (select * from ev order by id desc limit ${pageSize.default}),
  shown as (select distinct x from page, unnest(coalesce(page.person_ids, '{}') || page.person_id) x
             where x is not null),
  ${auditCte({
    action: "audit.review",
    resourceType: "audit",
    resourceId: ":subject::text",
    personIds: "coalesce((select array_agg(x) from shown), '{}'::uuid[])",
    data: "jsonb_build_object('subject', 'user', 'subjectId', :subject::text)",
    from: "where exists (select 1 from ok)",
  })}
  select ev.*, (select json_object_agg(p.id, p.given_name || ' ' || p.family_name) from person p
                 where p.id in (select x from shown) and ${visiblePerson("p")}) as names
    from ev`;

export const auditReviewRequests: ScaleRequest[] = [
  {
    name: "audit-review-person",
    actor: (c) => (c.reviewedPersonId ? c.manager : null),
    http: (c) => ({ method: "GET", path: `/api/audit/persons/${c.reviewedPersonId}` }),
    minimal: (c, a, id) =>
      ownerStatement(reviewPersonSql, { ...actorParams(a, id), person: c.reviewedPersonId }),
  },
  {
    name: "audit-review-user",
    actor: (c) => (c.reviewedUserId ? c.manager : null),
    http: (c) => ({ method: "GET", path: `/api/audit/users/${c.reviewedUserId}` }),
    minimal: (c, a, id) =>
      ownerStatement(reviewUserSql, { ...actorParams(a, id), subject: c.reviewedUserId }),
  },
];
