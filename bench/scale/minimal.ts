import { type Actor, roleIn, unitsWithRole } from "../../src/server/access/actor.ts";
import type { Cast } from "./discover.ts";
import { asOwner, type Named, named, type RunAs } from "./sql.ts";

/**
 * Building blocks of the minimal SQL: the access rule written out as the application states
 * it (access/scope.ts), and the audit insert (audit/record.ts) as a data-modifying CTE, so
 * a read and its audit event are one statement. Parameters are :named (sql.ts named()):
 * :user, :org, :managed (uuid[] of the units the actor manages), :role, :request.
 */

/** The actor's cases worked now and barred persons, each read once per statement (0034). */
export const currentCases = "(select frid_current_cases(:user::uuid))::uuid[]";
export const barredPersons = "(select frid_barred_persons(:user::uuid))::uuid[]";

/**
 * The actor may see case `c` (0034, access/scope.ts): its unit is one they manage, or they
 * work it now (assigned, or a live grant) — and its person is not one they are barred from.
 */
export function visibleCase(c: string): string {
  return `${c}.org_id = :org
    and (${c}.unit_id = any(:managed::uuid[]) or ${c}.id = any(${currentCases}))
    and ${c}.person_id <> all(${barredPersons})`;
}

/** The actor may see person `p`: not barred; registered them, sees one of their cases or a case naming them. */
export function visiblePerson(p: string): string {
  return `${p}.org_id = :org and ${p}.id <> all(${barredPersons})
    and (exists (select 1 from person_registration r where r.person_id = ${p}.id and r.user_id = :user)
         or exists (select 1 from "case" vc where vc.person_id = ${p}.id and ${visibleCase("vc")})
         or exists (select 1 from relation rel join "case" rc on rc.id = rel.case_id
                     where rel.other_person_id = ${p}.id and ${visibleCase("rc")}))`;
}

/** The columns of one audit event, as SQL expressions over the CTE it reads. */
export interface AuditColumns {
  action: string;
  resourceType: string;
  /** Expressions; null when the event leaves the column empty. */
  unitId?: string;
  resourceId?: string;
  personId?: string;
  personIds?: string;
  caseIds?: string;
  data: string;
  /** A FROM clause (e.g. "from shown"); without one the event is one row of constants. */
  from?: string;
}

/** `audit as (insert into audit_event … returning id)`: the event the request writes. */
export function auditCte(a: AuditColumns): string {
  return `audit as (
    insert into audit_event (org_id, actor_user_id, actor_role, unit_id, action, outcome,
      resource_type, resource_id, person_id, person_ids, case_ids, request_id, client_address, data)
    select :org::uuid, :user::uuid, :role, ${a.unitId ?? "null"}, '${a.action}', 'allowed',
      '${a.resourceType}', ${a.resourceId ?? "null"}, ${a.personId ?? "null"},
      ${a.personIds ?? "null"}, ${a.caseIds ?? "null"}, :request, '127.0.0.1', ${a.data}
    ${a.from ?? ""}
    returning id)`;
}

/** The unit a list names: its rows' one unit, or none when they span several. */
export const oneUnit = (rows: string, column = "unit_id") =>
  `(select case when count(distinct ${column}) = 1 then min(${column}::text)::uuid end from ${rows})`;

/** Every distinct id a list showed, as an array (empty when it showed none). */
export const idsOf = (rows: string, column: string) =>
  `coalesce((select array_agg(distinct ${column}) from ${rows}), '{}'::uuid[])`;

/** A request bench:scale measures (the list is in requests.ts). */
export interface ScaleRequest {
  name: string;
  /** Who sends it; null when the data has no such user (the request is skipped). */
  actor(cast: Cast): Actor | null;
  http(cast: Cast, actor: Actor): { method: "GET" | "POST"; path: string; body?: unknown };
  /** The minimal SQL: transactions, each begun as `as` (sql.ts beginAs). */
  minimal(
    cast: Cast,
    actor: Actor,
    requestId: string,
    session: MinimalSession,
  ): MinimalTransaction[];
}

/** The actor's live session (the case read checks it in its statement), as stored. */
export interface MinimalSession {
  idHash: string;
  idleMinutes: number;
}

export interface MinimalTransaction {
  as: RunAs;
  readOnly?: boolean;
  statements: Named[];
}

/** The parameters every minimal statement may use (minimal.ts). */
export function actorParams(actor: Actor, requestId: string, unitId?: string | null) {
  return {
    user: actor.userId,
    org: actor.orgId,
    managed: unitsWithRole(actor, ["unit_manager"]),
    role: roleIn(actor, unitId),
    request: requestId,
  };
}

/**
 * One transaction with one statement, as the tables' owner: the statement states the access
 * rule itself, once (as bench/lib/minimal-sql.ts's case read), so row-level security — which
 * Frid keeps underneath on purpose — is not paid a second time in the floor it is measured
 * against (e.g. case_assignment's policy asks frid_can_see_case per row).
 */
export function ownerStatement(text: string, params: Record<string, unknown>) {
  return [{ as: asOwner(), statements: [named(text, params)] }];
}
