import { foldForSearch } from "../../src/shared/search-text.ts";
import {
  actorParams,
  appStatement,
  auditCte,
  idsOf,
  oneUnit,
  type ScaleRequest,
  visibleCase,
  visiblePerson,
} from "./minimal.ts";
import { auditReviewRequests, statisticsRequests, worklistRequests } from "./requests-work.ts";

/**
 * What bench:scale measures: one small entry per request — who asks, the HTTP request, and
 * the minimal SQL that does the same work by hand (same access rule, rows, columns and
 * limit, the audit event included). When the API changes (paging, cursors), adjust the
 * entry here; the rest of the benchmark does not know any request.
 */

const personColumns = `p.id, p.identity_kind, p.identity_number, p.birth_date, p.given_name,
  p.family_name, p.sex, p.protection_level`;

/** Persons matching `where`, as the search shows them (50, by name), with the search's event. */
function personSearchSql(where: string, kind: "identity_number" | "name") {
  return `with shown as (
      select ${personColumns} from person p
       where ${where} and ${visiblePerson("p")}
       order by p.family_name, p.given_name limit 50),
    ${auditCte({
      action: "person.search",
      resourceType: "person",
      personIds: idsOf("shown", "id"),
      data: `jsonb_build_object('queryKind', '${kind}', 'resultCount', (select count(*) from shown))`,
    })}
    select * from shown`;
}

const caseSummaryColumns = `c.id, c.reference, c.case_type, c.status, c.opened_at, c.closed_reason,
  c.unit_id, c.person_id, u.name as unit_name, p.given_name, p.family_name, p.identity_number,
  p.identity_kind, p.protection_level,
  exists (select 1 from case_assignment m where m.case_id = c.id and m.user_id = :user
            and m.unassigned_at is null) as assigned_to_me`;

/** The case list: mine drives from my assignments, all from the access rule; 200 newest. */
function caseListSql(scope: "mine" | "all") {
  const from =
    scope === "mine"
      ? `case_assignment a0 join "case" c on c.id = a0.case_id
         join unit u on u.id = c.unit_id join person p on p.id = c.person_id
         where a0.user_id = :user and a0.unassigned_at is null and c.org_id = :org
           and not frid_barred(c.id, :user)`
      : `"case" c join unit u on u.id = c.unit_id join person p on p.id = c.person_id
         where ${visibleCase("c")}`;
  return `with shown as (
      select ${caseSummaryColumns} from ${from}
       order by c.opened_at desc limit 200),
    ${auditCte({
      action: "case.list",
      resourceType: "case",
      unitId: oneUnit("shown"),
      personIds: idsOf("shown", "person_id"),
      caseIds: idsOf("shown", "id"),
      data: `jsonb_build_object('scope', '${scope}')`,
    })}
    select * from shown order by opened_at desc`;
}

/** The case page: the case, its assignees, live grants, newest status changes, latest assessment. */
const caseReadSql = `with shown as (
    select ${caseSummaryColumns},
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
      from "case" c join unit u on u.id = c.unit_id join person p on p.id = c.person_id
     where c.id = :case and ${visibleCase("c")}),
  ${auditCte({
    action: "case.read",
    resourceType: "case",
    resourceId: "(select id::text from shown)",
    personId: "(select person_id from shown)",
    unitId: "(select unit_id from shown)",
    data: "'{}'::jsonb",
    from: "where exists (select 1 from shown)",
  })}
  select * from shown`;

const personAndCaseRequests: ScaleRequest[] = [
  {
    name: "person-search-pnr",
    actor: (c) => c.caseworker,
    http: (c) => ({
      method: "POST",
      path: "/api/persons/search",
      body: { query: c.person.identityNumber },
    }),
    minimal: (c, a, id) =>
      appStatement(a, personSearchSql("p.identity_number = :pnr", "identity_number"), {
        ...actorParams(a, id),
        pnr: c.person.identityNumber,
      }),
  },
  {
    name: "person-search-name",
    actor: (c) => c.caseworker,
    http: (c) => ({ method: "POST", path: "/api/persons/search", body: { query: c.namePrefix } }),
    minimal: (c, a, id) =>
      appStatement(a, personSearchSql("p.search_name like :pattern", "name"), {
        ...actorParams(a, id),
        pattern: `% ${foldForSearch(c.namePrefix).replace(/[\\%_]/g, "\\$&")}%`,
      }),
  },
  {
    name: "cases-mine",
    actor: (c) => c.caseworker,
    http: () => ({ method: "GET", path: "/api/cases?scope=mine" }),
    minimal: (_c, a, id) => appStatement(a, caseListSql("mine"), actorParams(a, id)),
  },
  {
    name: "cases-all",
    actor: (c) => c.caseworker,
    http: () => ({ method: "GET", path: "/api/cases?scope=all" }),
    minimal: (_c, a, id) => appStatement(a, caseListSql("all"), actorParams(a, id)),
  },
  {
    name: "cases-all-manager",
    actor: (c) => c.manager,
    http: () => ({ method: "GET", path: "/api/cases?scope=all" }),
    minimal: (_c, a, id) => appStatement(a, caseListSql("all"), actorParams(a, id)),
  },
  {
    name: "case-read",
    actor: (c) => c.caseworker,
    http: (c) => ({ method: "GET", path: `/api/cases/${c.person.caseId}` }),
    minimal: (c, a, id) =>
      appStatement(a, caseReadSql, { ...actorParams(a, id), case: c.person.caseId }),
  },
];

export const scaleRequests: ScaleRequest[] = [
  ...personAndCaseRequests,
  ...worklistRequests,
  ...statisticsRequests,
  ...auditReviewRequests,
];

/** Requests the issue asks for that the API does not have yet (printed, not measured). */
export const missingRequests = [
  { name: "journal-search", why: "the API has no journal-text search yet" },
];
