import { type RawBuilder, sql } from "kysely";
import type { Actor, RequestMeta } from "../access/actor.ts";
import { roleIn } from "../access/actor.ts";
import type { Trx } from "../access/transaction.ts";
import {
  type AuditAction,
  type AuditData,
  type AuditResourceType,
  auditEventData,
} from "./events.ts";

export interface AuditEntry<A extends AuditAction = AuditAction> {
  action: A;
  outcome?: "allowed" | "denied";
  resourceType: AuditResourceType;
  resourceId?: string | null;
  personId?: string | null;
  unitId?: string | null;
  reason?: string | null;
  data?: AuditData<A>;
  /** Every person a list or search showed (see listEntry). */
  personIds?: readonly string[] | null;
  /** Every case a list showed. */
  caseIds?: readonly string[] | null;
}

export interface AuditContext {
  /** null for events without a logged-in user (a failed login). */
  actor: Actor | null;
  /** The user an event is about when nobody is logged in yet (a login attempt). */
  userId?: string | null;
  orgId: string | null;
  meta: RequestMeta;
}

export function auditContext(actor: Actor, meta: RequestMeta): AuditContext {
  return { actor, orgId: actor.orgId, meta };
}

/** A case as an audit event names it: the case, its person and its unit. */
export interface AuditedCase {
  id: string;
  person_id: string;
  unit_id: string;
}

/** An event about a case, findable from the case, the person and the unit's log review. */
export function caseEntry<A extends AuditAction>(
  c: AuditedCase,
  action: A,
  extra: { data?: AuditData<A>; reason?: string | null } = {},
): AuditEntry<A> {
  return {
    action,
    resourceType: "case",
    resourceId: c.id,
    personId: c.person_id,
    unitId: c.unit_id,
    ...extra,
  };
}

/** What a list or search request showed, row by row (repeats are named once). */
export interface ListShown {
  resourceType: AuditResourceType;
  /** Given for lists of persons: the event then names every person, even none. */
  personIds?: Iterable<string>;
  /** Given for lists of cases: the event then names every case, even none. */
  caseIds?: Iterable<string>;
  /** The units of the rows: the event names the unit when all rows are of one. */
  unitIds?: Iterable<string>;
}

/**
 * The one event of a list or search request (issue 12): it names every person (and case)
 * shown, so the trail grows by one row per look however long the list, and each person's
 * log review still finds the look (person_ids, GIN-indexed). A list that showed nobody is
 * still one event: the look happened. `extra.personId` is for a list inside one person's
 * record (a case's relatives: the case's person).
 */
export function listEntry<A extends AuditAction>(
  action: A,
  shown: ListShown,
  extra: { data?: AuditData<A>; personId?: string; resourceId?: string } = {},
): AuditEntry<A> {
  const units = [...new Set(shown.unitIds ?? [])];
  return {
    action,
    resourceType: shown.resourceType,
    resourceId: extra.resourceId ?? null,
    personId: extra.personId ?? null,
    unitId: units.length === 1 ? units[0] : null,
    personIds: shown.personIds ? [...new Set(shown.personIds)] : null,
    caseIds: shown.caseIds ? [...new Set(shown.caseIds)] : null,
    ...(extra.data ? { data: extra.data } : {}),
  };
}

/** Records one event about a case in the caller's transaction. */
export function auditCase<A extends AuditAction>(
  trx: Trx,
  actor: Actor,
  meta: RequestMeta,
  c: AuditedCase,
  action: A,
  data?: AuditData<A>,
) {
  return recordAudit(trx, auditContext(actor, meta), [caseEntry(c, action, { data })]);
}

/**
 * Appends audit events in the caller's transaction: if they cannot be written, the whole
 * request fails and nothing it did is kept. The data is checked against its kind's schema.
 */
export async function recordAudit(
  trx: Trx,
  ctx: AuditContext,
  entries: AuditEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  const rows = entries.map((e) => {
    // A refused attempt may stop before all its details are known: its data may be partial.
    const schema =
      e.outcome === "denied" ? auditEventData[e.action].partial() : auditEventData[e.action];
    const data = schema.parse(e.data ?? {});
    return {
      org_id: ctx.orgId,
      actor_user_id: ctx.actor?.userId ?? ctx.userId ?? null,
      actor_role: ctx.actor ? roleIn(ctx.actor, e.unitId) : null,
      unit_id: e.unitId ?? null,
      action: e.action,
      outcome: e.outcome ?? "allowed",
      resource_type: e.resourceType,
      resource_id: e.resourceId ?? null,
      person_id: e.personId ?? null,
      person_ids: e.personIds ? [...e.personIds] : null,
      case_ids: e.caseIds ? [...e.caseIds] : null,
      reason: e.reason ?? null,
      request_id: ctx.meta.requestId,
      client_address: ctx.meta.clientAddress,
      data: JSON.stringify(data),
    };
  });
  await trx.insertInto("audit_event").values(rows).execute();
}

/** roleIn() in SQL, for a unit a statement finds: the role held in it, else the first held. */
function roleInSql(actor: Actor, unitId: RawBuilder<unknown>): RawBuilder<string | null> {
  const first = roleIn(actor, null);
  const inUnits = new Map<string, string>();
  for (const r of actor.roles)
    if (r.unitId && !inUnits.has(r.unitId)) inUnits.set(r.unitId, r.role);
  if (inUnits.size === 0) return sql<string | null>`${first}::text`;
  const whens = [...inUnits].map(([unit, role]) => sql`when ${unit}::uuid then ${role}::text`);
  return sql<string | null>`case ${unitId} ${sql.join(whens, sql` `)} else ${first}::text end`;
}

/**
 * The event of a case read, written by the read's own statement (issue 14): an insert of one
 * event per row of the common table `from` (a case row: id, person_id, unit_id), the same
 * columns recordAudit writes for caseEntry(row, action). Used as a data-modifying CTE, so
 * the case and its event are one statement: no row, no event — and the event cannot be
 * missing from a read that returned the case.
 */
export function auditCaseRowsOf<A extends AuditAction>(
  from: string,
  ctx: AuditContext & { actor: Actor },
  action: A,
): RawBuilder<unknown> {
  const data = JSON.stringify(auditEventData[action].parse({}));
  const c = (column: string) => sql.ref(`${from}.${column}`);
  return sql`insert into audit_event (org_id, actor_user_id, actor_role, unit_id, action, outcome,
      resource_type, resource_id, person_id, request_id, client_address, data)
    select ${ctx.orgId}::uuid, ${ctx.actor.userId}::uuid, ${roleInSql(ctx.actor, c("unit_id"))},
           ${c("unit_id")}, ${action}, 'allowed', 'case', ${c("id")}::text, ${c("person_id")},
           ${ctx.meta.requestId}, ${ctx.meta.clientAddress}, ${data}::jsonb
    from ${sql.table(from)}`;
}
