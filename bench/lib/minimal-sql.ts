/**
 * The audited case read as a careful engineer would write it by hand (issue 14): one
 * statement, one round trip, a named prepared statement — the session checked by its hash
 * (live, within both limits, user active), the access rule written once as joins (assigned,
 * managing the unit, or a live grant; never across a barrier from a person the user has
 * worked on the other side), the case page's row with its details, and the `case.read`
 * event inserted from the row found. Run as the tables' owner: the rule is in the statement
 * itself, so there is no row-level security to pay for and no actor to set. This is the
 * floor Frid's read is measured against; Frid adds the rule a second time (RLS) on purpose.
 *
 * Parameters: $1 session id hash, $2 case id, $3 request id, $4 client address,
 * $5 idle limit in minutes.
 */
export const minimalCaseReadName = "bench_minimal_case_read";

export const minimalCaseReadSql = `
with s as (
  select u.id as user_id, u.org_id
  from session s join app_user u on u.id = s.user_id
  where s.id_hash = $1 and s.state = 'authenticated' and s.revoked_at is null
    and s.expires_at > now() and s.last_seen_at > now() - make_interval(mins => $5) and u.active
), c as (
  select c.id, c.reference, c.case_type, c.status, c.opened_at, c.closed_reason, c.unit_id,
         c.person_id, un.name as unit_name, p.given_name, p.family_name, p.identity_number,
         p.identity_kind, p.protection_level, s.user_id, s.org_id,
         exists (select 1 from case_assignment a where a.case_id = c.id and a.user_id = s.user_id
                 and a.unassigned_at is null) as assigned_to_me,
         (select r.role from role_assignment r where r.user_id = s.user_id
           order by r.unit_id is distinct from c.unit_id, r.id limit 1) as actor_role
  from s
  join "case" c on c.id = $2::uuid and c.org_id = s.org_id
  join unit un on un.id = c.unit_id
  join person p on p.id = c.person_id
  where (exists (select 1 from case_assignment a where a.case_id = c.id and a.user_id = s.user_id
                 and a.unassigned_at is null)
      or exists (select 1 from role_assignment r where r.user_id = s.user_id
                 and r.unit_id = c.unit_id and r.role = 'unit_manager')
      or exists (select 1 from access_grant g where g.case_id = c.id and g.user_id = s.user_id
                 and g.revoked_at is null and g.expires_at > now()))
    and not exists (
      select 1 from "case" mine
      join barrier b on b.case_a_id = mine.id or b.case_b_id = mine.id
      join "case" other on other.id = case when b.case_a_id = mine.id then b.case_b_id else b.case_a_id end
      where mine.person_id = c.person_id and other.person_id <> c.person_id
        and (exists (select 1 from case_assignment o where o.case_id = other.id and o.user_id = s.user_id)
          or exists (select 1 from access_grant g where g.case_id = other.id and g.user_id = s.user_id)))
), audited as (
  insert into audit_event (org_id, actor_user_id, actor_role, unit_id, action, outcome,
                           resource_type, resource_id, person_id, request_id, client_address, data)
  select c.org_id, c.user_id, c.actor_role, c.unit_id, 'case.read', 'allowed', 'case', c.id::text,
         c.person_id, $3, $4, '{}'
  from c
)
select c.*,
  (select coalesce(json_agg(x order by x."assignedAt"), '[]') from (
     select a.user_id as "userId", au.display_name as "displayName", a.assigned_at as "assignedAt"
     from case_assignment a join app_user au on au.id = a.user_id
     where a.case_id = c.id and a.unassigned_at is null) x) as assignees,
  (select coalesce(json_agg(x order by x."expiresAt"), '[]') from (
     select g.user_id as "userId", gu.display_name as "displayName", g.reason, g.expires_at as "expiresAt"
     from access_grant g join app_user gu on gu.id = g.user_id
     where g.case_id = c.id and g.revoked_at is null and g.expires_at > now()) x) as grants,
  (select coalesce(json_agg(x), '[]') from (
     select h.id, h.from_status as "from", h.to_status as "to", h.reason_code as reason,
            h.trigger_code as trigger, h.comment, h.changed_at as "changedAt",
            hu.display_name as "changedBy"
     from case_status_change h join app_user hu on hu.id = h.changed_by
     where h.case_id = c.id order by h.changed_at desc, h.id desc limit 21) x) as status_history,
  (select row_to_json(x) from (
     select ra.judgements, ra.assessed_on, iv.definition
     from assessment ra join instrument_version iv on iv.org_id = ra.org_id
       and iv.instrument_id = ra.instrument_id and iv.version = ra.instrument_version
     where ra.case_id = c.id and ra.completed_at is not null
     order by ra.completed_at desc limit 1) x) as latest_assessment
from c`;
