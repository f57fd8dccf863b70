import type { Actor, RoleHeld } from "../../src/server/access/actor.ts";
import type { SqlSession } from "./sql.ts";

/**
 * The people and records bench:scale acts as and on, found by SQL in whatever data is there
 * (no naming contract with the generator): the largest organisation, and in it the busiest
 * caseworker, the manager of the largest unit, a partner-contact worker, an analyst, and a
 * person whose case the caseworker works.
 */
export interface Cast {
  orgId: string;
  orgName: string;
  orgCases: number;
  caseworker: Actor;
  caseworkerCases: number;
  manager: Actor | null;
  managerUnit: { id: string; name: string; cases: number } | null;
  partnerWorker: Actor | null;
  analyst: Actor | null;
  /** A person of one of the caseworker's cases, with a national number. */
  person: { id: string; identityNumber: string; caseId: string };
  /** Three letters that begin many family names in the organisation. */
  namePrefix: string;
  /** A person with a case in the manager's unit (the log review's subject). */
  reviewedPersonId: string | null;
  /** A user with a role in the manager's unit (the user log review's subject). */
  reviewedUserId: string | null;
  /** A year of partner-contact statistics: the last with treatments referred. */
  year: number;
}

type Q = SqlSession["query"];

async function one<R>(query: Q, text: string, values: unknown[] = []): Promise<R | null> {
  return (await query<R>(text, values))[0] ?? null;
}

/** The user with their roles, as the server's auth hook would make the actor. */
async function actorOf(query: Q, userId: string): Promise<Actor> {
  const rows = await query<{
    id: string;
    org_id: string;
    username: string;
    display_name: string;
    role_id: string;
    unit_id: string | null;
    unit_name: string | null;
    role: RoleHeld["role"];
  }>(
    `select u.id, u.org_id, u.username, u.display_name, r.id as role_id, r.unit_id,
            n.name as unit_name, r.role
       from app_user u join role_assignment r on r.user_id = u.id
       left join unit n on n.id = r.unit_id
      where u.id = $1 order by r.created_at, r.id`,
    [userId],
  );
  const first = rows[0];
  if (!first) throw new Error(`user ${userId} has no roles`);
  return {
    userId: first.id,
    orgId: first.org_id,
    username: first.username,
    displayName: first.display_name,
    roles: rows.map((r) => ({
      id: r.role_id,
      unitId: r.unit_id,
      unitName: r.unit_name,
      role: r.role,
    })),
  };
}

/** The active user of the organisation with one of these roles with the most current assignments. */
async function busiest(query: Q, orgId: string, roles: string[], caseType?: string) {
  return one<{ id: string; n: number }>(
    query,
    `select u.id, count(a.id)::int as n
       from app_user u
       left join case_assignment a on a.user_id = u.id and a.unassigned_at is null
       left join "case" c on c.id = a.case_id
      where u.org_id = $1 and u.active
        and exists (select 1 from role_assignment r where r.user_id = u.id and r.role = any($2::text[]))
        and ($3::text is null or c.case_type = $3)
      group by u.id order by n desc, u.id limit 1`,
    [orgId, roles, caseType ?? null],
  );
}

async function largestOrg(query: Q) {
  const org = await one<{ id: string; name: string; n: number }>(
    query,
    `select o.id, o.name, c.n from (select org_id, count(*)::int as n from "case"
       group by org_id order by n desc limit 1) c join organisation o on o.id = c.org_id`,
  );
  if (!org) throw new Error("the database has no cases: generate some (npm run demo:national)");
  return org;
}

async function managerOfLargestUnit(query: Q, orgId: string) {
  return one<{ unit_id: string; name: string; n: number; user_id: string }>(
    query,
    `select c.unit_id, n.name, c.n, m.user_id
       from (select unit_id, count(*)::int as n from "case" where org_id = $1
              group by unit_id) c
       join unit n on n.id = c.unit_id
       join lateral (select r.user_id from role_assignment r join app_user u on u.id = r.user_id
                      where r.unit_id = c.unit_id and r.role = 'unit_manager' and u.active
                      order by r.created_at limit 1) m on true
      order by c.n desc limit 1`,
    [orgId],
  );
}

async function personOfCaseworker(query: Q, userId: string) {
  const row = await one<{ id: string; identity_number: string; case_id: string }>(
    query,
    `select p.id, p.identity_number, c.id as case_id
       from case_assignment a join "case" c on c.id = a.case_id join person p on p.id = c.person_id
      where a.user_id = $1 and a.unassigned_at is null
        and p.identity_kind = 'personal_identity_number'
      order by c.opened_at desc limit 1`,
    [userId],
  );
  if (!row) throw new Error("the caseworker has no case of a person with a personnummer");
  return { id: row.id, identityNumber: row.identity_number, caseId: row.case_id };
}

async function namePrefix(query: Q, orgId: string) {
  const row = await one<{ prefix: string }>(
    query,
    `select left(family_name, 3) as prefix from person
      where org_id = $1 and length(family_name) >= 3
      group by 1 order by count(*) desc, 1 limit 1`,
    [orgId],
  );
  return row?.prefix ?? "Tes";
}

async function reviewSubjects(query: Q, unitId: string, preferPerson: string) {
  const person = await one<{ person_id: string }>(
    query,
    `select person_id from "case" where unit_id = $1
      order by person_id = $2 desc, opened_at desc limit 1`,
    [unitId, preferPerson],
  );
  const user = await one<{ user_id: string; n: number }>(
    query,
    `select r.user_id, (select count(*) from case_assignment a where a.user_id = r.user_id
                         and a.unassigned_at is null)::int as n
       from role_assignment r where r.unit_id = $1 and r.role <> 'unit_manager'
      order by n desc limit 1`,
    [unitId],
  );
  return { personId: person?.person_id ?? null, userId: user?.user_id ?? null };
}

async function statisticsYear(query: Q, orgId: string) {
  const row = await one<{ y: number | null }>(
    query,
    `select extract(year from max(x.referred_on))::int as y
       from treatment x join "case" c on c.id = x.case_id where c.org_id = $1`,
    [orgId],
  );
  return row?.y ?? new Date().getUTCFullYear() - 1;
}

/** Finds the cast as the owner (row-level security does not apply to discovery). */
export async function discover(query: Q): Promise<Cast> {
  const org = await largestOrg(query);
  const worker = await busiest(query, org.id, ["caseworker"]);
  if (!worker) throw new Error(`no active caseworker in ${org.name}`);
  const manager = await managerOfLargestUnit(query, org.id);
  const partner = await busiest(query, org.id, ["caseworker", "therapist"], "partner_contact");
  const analyst = await one<{ user_id: string }>(
    query,
    `select r.user_id from role_assignment r join app_user u on u.id = r.user_id
      where r.org_id = $1 and r.role = 'analyst' and u.active limit 1`,
    [org.id],
  );
  const person = await personOfCaseworker(query, worker.id);
  const subjects = manager
    ? await reviewSubjects(query, manager.unit_id, person.id)
    : { personId: null, userId: null };
  return {
    orgId: org.id,
    orgName: org.name,
    orgCases: org.n,
    caseworker: await actorOf(query, worker.id),
    caseworkerCases: worker.n,
    manager: manager ? await actorOf(query, manager.user_id) : null,
    managerUnit: manager ? { id: manager.unit_id, name: manager.name, cases: manager.n } : null,
    partnerWorker: partner && partner.n > 0 ? await actorOf(query, partner.id) : null,
    analyst: analyst ? await actorOf(query, analyst.user_id) : null,
    person,
    namePrefix: await namePrefix(query, org.id),
    reviewedPersonId: subjects.personId,
    reviewedUserId: subjects.userId,
    year: await statisticsYear(query, org.id),
  };
}

/** The cast in a few lines, for the report. */
export function describeCast(c: Cast): string[] {
  const who = (a: Actor | null) =>
    a ? `${a.username} (${a.roles.map((r) => r.role).join(", ")})` : "none found";
  return [
    `organisation: ${c.orgName} (${c.orgCases.toLocaleString("en-US")} cases, the largest)`,
    `caseworker: ${who(c.caseworker)}, ${c.caseworkerCases} current assignments`,
    `unit manager: ${who(c.manager)}${c.managerUnit ? ` of ${c.managerUnit.name} (${c.managerUnit.cases.toLocaleString("en-US")} cases)` : ""}`,
    `partner-contact worker: ${who(c.partnerWorker)}; analyst: ${who(c.analyst)}`,
    `name prefix: "${c.namePrefix}"; statistics year: ${c.year}`,
  ];
}
