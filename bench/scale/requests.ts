import { pageSize } from "../../src/shared/api/paging.ts";
import { minimalCaseReadSql } from "../lib/minimal-sql.ts";
import {
  actorParams,
  auditCte,
  barredPersons,
  currentCases,
  idsOf,
  oneUnit,
  ownerStatement,
  type ScaleRequest,
  visibleCase,
  visiblePerson,
} from "./minimal.ts";
import { statisticsRequests } from "./requests-statistics.ts";
import { auditReviewRequests, worklistRequests } from "./requests-work.ts";
import { yearlyRequests } from "./requests-yearly.ts";
import { asOwner, named } from "./sql.ts";

/**
 * What bench:scale measures: one small entry per request — who asks, the HTTP request, and
 * the minimal SQL that does the same work by hand (same access rule, rows, columns and
 * limit, the audit event included). When the API changes (paging, cursors), adjust the
 * entry here; the rest of the benchmark does not know any request.
 */

const personColumns = `p.id, p.identity_kind, p.identity_number, p.birth_date, p.given_name,
  p.family_name, p.sex, p.protection_level`;

/** A page as the server reads it: one row more than it shows, to know whether more follow. */
const page = pageSize.default;

/** The national numbers, as 0015's partial unique index (org_id, identity_number) states them. */
const nationalKinds = "p.identity_kind in ('personal_identity_number', 'coordination_number')";

/** The person with this national number (the unique index finds her), with the search's event. */
const personByNumberSql = `with shown as (
    select ${personColumns} from person p
     where p.org_id = :org and ${nationalKinds} and p.identity_number = :pnr
       and ${visiblePerson("p")}),
  ${auditCte({
    action: "person.search",
    resourceType: "person",
    personIds: idsOf("shown", "id"),
    data: "jsonb_build_object('queryKind', 'identity_number', 'resultCount', (select count(*) from shown))",
  })}
  select * from shown`;

/** A case of person `id` the actor sees through its unit or their work (0035's "as known"). */
const seesCaseOf = (id: string, c = "c") => `exists (select 1 from "case" ${c}
    where ${c}.person_id = ${id} and ${c}.org_id = :org
      and (${c}.unit_id = any(:managed::uuid[]) or ${c}.id = any(${currentCases})))`;

/** A name matches (0035): a word begins with the query, or pg_trgm word similarity ≥ 0.5. */
const nameMatches = (col: string) =>
  `(${col} like '% ' || frid_fold(:query) || '%' or frid_fold(:query) <% ${col})`;

/**
 * A page of name matches, as frid_person_search finds them (0035): by the organisation's
 * trigram index (person_search_name_idx) on names folded by frid_fold — as the organisation
 * knows them, or as the actor typed them when they only registered her — ranked (prefix
 * before similar, closer first), one more than the page read; then the page's persons and
 * the search's event. As the owner: under row-level security LIKE (not leakproof) could not
 * be an index condition, so the rule is stated here, as the function states it.
 */
const personByNameSql = `with hits as (
    select p.id, p.search_name as name, frid_fold(p.family_name) as family
      from person p
     where p.org_id = :org and ${nameMatches("p.search_name")}
       and p.id <> all(${barredPersons})
       and (${seesCaseOf("p.id")}
            or (not exists (select 1 from person_registration r
                             where r.person_id = p.id and r.user_id = :user)
                and exists (select 1 from relation rel join "case" c on c.id = rel.case_id
                             where rel.other_person_id = p.id and c.org_id = :org
                               and (c.unit_id = any(:managed::uuid[]) or c.id = any(${currentCases}))
                               and c.person_id <> all(${barredPersons}))))
    union all
    select r.person_id, r.search_name, frid_fold(r.family_name)
      from person_registration r
     where r.user_id = :user and r.org_id = :org and ${nameMatches("r.search_name")}
       and r.person_id <> all(${barredPersons}) and not ${seesCaseOf("r.person_id")}),
  ranked as (
    select id, not (name like '% ' || frid_fold(:query) || '%') as approximate,
           strict_word_similarity(frid_fold(:query), name) as score, family, name
      from hits order by approximate, score desc, family, name, id limit ${page + 1}),
  shown as (
    select ${personColumns}, k.approximate, k.score, k.family, k.name
      from (select * from ranked order by approximate, score desc, family, name, id limit ${page}) k
      join person p on p.id = k.id),
  ${auditCte({
    action: "person.search",
    resourceType: "person",
    personIds: idsOf("shown", "id"),
    data: "jsonb_build_object('queryKind', 'name', 'resultCount', (select count(*) from shown))",
  })}
  select * from shown order by approximate, score desc, family, name, id`;

const caseSummaryColumns = `c.id, c.reference, c.case_type, c.status, c.opened_at, c.closed_reason,
  c.unit_id, c.person_id, u.name as unit_name, p.given_name, p.family_name, p.identity_number,
  p.identity_kind, p.protection_level,
  exists (select 1 from case_assignment m where m.case_id = c.id and m.user_id = :user
            and m.unassigned_at is null) as assigned_to_me`;

/**
 * A page of the case list (20, newest opened first, one more read to know whether more
 * follow): mine drives from my assignments, all from the access rule (0036's
 * (org_id, opened_at, id) index serves the order).
 */
function caseListSql(scope: "mine" | "all") {
  const from =
    scope === "mine"
      ? `case_assignment a0 join "case" c on c.id = a0.case_id
         join unit u on u.id = c.unit_id join person p on p.id = c.person_id
         where a0.user_id = :user and a0.unassigned_at is null and c.org_id = :org
           and c.person_id <> all(${barredPersons})`
      : `"case" c join unit u on u.id = c.unit_id join person p on p.id = c.person_id
         where ${visibleCase("c")}`;
  return `with read as (
      select ${caseSummaryColumns} from ${from}
       order by c.opened_at desc, c.id desc limit ${page + 1}),
    shown as (select * from read order by opened_at desc, id desc limit ${page}),
    ${auditCte({
      action: "case.list",
      resourceType: "case",
      unitId: oneUnit("shown"),
      personIds: idsOf("shown", "person_id"),
      caseIds: idsOf("shown", "id"),
      data: `jsonb_build_object('scope', '${scope}')`,
    })}
    select * from read order by opened_at desc, id desc`;
}

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
      ownerStatement(personByNumberSql, { ...actorParams(a, id), pnr: c.person.identityNumber }),
  },
  {
    name: "person-search-name",
    actor: (c) => c.caseworker,
    http: (c) => ({ method: "POST", path: "/api/persons/search", body: { query: c.namePrefix } }),
    minimal: (c, a, id) => [
      {
        as: { ...asOwner(), settings: { "pg_trgm.word_similarity_threshold": "0.5" } },
        statements: [
          // The prefix is letters (discover.ts): nothing to escape for LIKE.
          named(personByNameSql, { ...actorParams(a, id), query: c.namePrefix }),
        ],
      },
    ],
  },
  {
    name: "cases-mine",
    actor: (c) => c.caseworker,
    http: () => ({ method: "GET", path: "/api/cases?scope=mine" }),
    minimal: (_c, a, id) => ownerStatement(caseListSql("mine"), actorParams(a, id)),
  },
  {
    name: "cases-all",
    actor: (c) => c.caseworker,
    http: () => ({ method: "GET", path: "/api/cases?scope=all" }),
    minimal: (_c, a, id) => ownerStatement(caseListSql("all"), actorParams(a, id)),
  },
  {
    name: "cases-all-manager",
    actor: (c) => c.manager,
    http: () => ({ method: "GET", path: "/api/cases?scope=all" }),
    minimal: (_c, a, id) => ownerStatement(caseListSql("all"), actorParams(a, id)),
  },
  {
    name: "case-read",
    actor: (c) => c.caseworker,
    http: (c) => ({ method: "GET", path: `/api/cases/${c.person.caseId}` }),
    // bench/lib/minimal-sql.ts: the session, the rule as joins, the page's row, the event.
    minimal: (c, _a, id, session) => [
      {
        as: asOwner(),
        statements: [
          {
            text: minimalCaseReadSql,
            values: [session.idHash, c.person.caseId, id, "127.0.0.1", session.idleMinutes],
          },
        ],
      },
    ],
  },
];

export const scaleRequests: ScaleRequest[] = [
  ...personAndCaseRequests,
  ...worklistRequests,
  ...statisticsRequests,
  ...auditReviewRequests,
  ...yearlyRequests,
];

/** Requests the issue asks for that the API does not have yet (printed, not measured). */
export const missingRequests = [
  { name: "journal-search", why: "the API has no journal-text search yet" },
];
