import { type ExpressionBuilder, sql } from "kysely";
import { jsonArrayFrom, jsonObjectFrom } from "kysely/helpers/postgres";
import type { CaseSummary, CaseView, StatusChange } from "../../../shared/api/cases.ts";
import { type Page, pageFrom, pageSize } from "../../../shared/api/paging.ts";
import { outcomeMeasureIds } from "../../../shared/instruments/builtin/outcome-measures.ts";
import { displayIdentityNumber } from "../../../shared/personal-identity-number.ts";
import { type Showing, showPersonRow } from "../../../shared/protection.ts";
import type { Actor } from "../../access/actor.ts";
import { accessibleCases, isAssigned, type RuleForm } from "../../access/scope.ts";
import type { Trx } from "../../access/transaction.ts";
import type { Database } from "../../db/types.ts";

/** What a case summary shows of the case itself (a list page reads these from "case" alone). */
export const summaryCaseColumns = [
  "c.id",
  "c.reference",
  "c.case_type",
  "c.status",
  "c.opened_at",
  "c.closed_reason",
  "c.unit_id",
  "c.person_id",
] as const;

/** …and of its unit and person, joined as `u` and `p`. */
export const summaryPersonColumns = [
  "u.name as unit_name",
  "p.given_name",
  "p.family_name",
  "p.identity_number",
  "p.identity_kind",
  "p.protection_level",
] as const;

/** `form`: "probe" where the query finds one case by id, "set" for lists (scope.ts). */
function summaryQuery(trx: Trx, actor: Actor, form: RuleForm) {
  return trx
    .selectFrom("case as c")
    .innerJoin("unit as u", "u.id", "c.unit_id")
    .innerJoin("person as p", "p.id", "c.person_id")
    .select((eb) => [
      ...summaryCaseColumns,
      ...summaryPersonColumns,
      isAssigned(eb, actor.userId, form).as("assigned_to_me"),
    ])
    .where(accessibleCases(actor, form));
}

export type CaseRow = Awaited<
  ReturnType<ReturnType<typeof summaryQuery>["executeTakeFirstOrThrow"]>
>;

/**
 * `where`: "workspace" for the case page itself, "list" for every list of cases — her name
 * and number pass the one rule (shared/protection.ts).
 */
export function toSummary(row: CaseRow, where: Showing): CaseSummary {
  return {
    id: row.id,
    reference: row.reference,
    caseType: row.case_type,
    status: row.status,
    openedAt: row.opened_at.toISOString(),
    unit: { id: row.unit_id, name: row.unit_name },
    person: {
      id: row.person_id,
      ...showPersonRow(
        {
          name: `${row.given_name} ${row.family_name}`,
          identityNumber: displayIdentityNumber(row.identity_kind, row.identity_number),
          protectionLevel: row.protection_level,
        },
        where,
      ),
    },
    assignedToMe: Boolean(row.assigned_to_me),
  };
}

export function findVisibleCase(trx: Trx, actor: Actor, id: string) {
  return summaryQuery(trx, actor, "probe").where("c.id", "=", id).executeTakeFirst();
}

/**
 * A case with its assignees and live grants, in one statement (one round trip: the case
 * page is the most read thing in Frid). Timestamps inside JSON arrive as text.
 */
export function findVisibleCaseWithDetails(trx: Trx, actor: Actor, id: string) {
  return visibleCaseWithDetails(trx, actor, id).executeTakeFirst();
}

/** The case page's one statement, unexecuted (cases/read.ts makes it write its audit event). */
export function visibleCaseWithDetails(trx: Trx, actor: Actor, id: string) {
  return summaryQuery(trx, actor, "probe")
    .select((eb) => [
      jsonArrayFrom(assigneesOf(eb)).as("assignees"),
      jsonArrayFrom(liveGrantsOf(eb)).as("grants"),
      jsonArrayFrom(statusHistoryOf(eb)).as("status_history"),
      // The latest completed risk assessment, with the definition it was made with.
      jsonObjectFrom(latestAssessmentOf(eb)).as("latest_assessment"),
    ])
    .where("c.id", "=", id);
}

/** The subqueries of the case page's one statement, each about the case `c`. */
type OfCase = ExpressionBuilder<Database & { c: Database["case"] }, "c">;

function assigneesOf(eb: OfCase) {
  return eb
    .selectFrom("case_assignment as a")
    .innerJoin("app_user as au", "au.id", "a.user_id")
    .select([
      "a.user_id as userId",
      "au.display_name as displayName",
      "a.assigned_at as assignedAt",
    ])
    .whereRef("a.case_id", "=", "c.id")
    .where("a.unassigned_at", "is", null)
    .orderBy("a.assigned_at");
}

function liveGrantsOf(eb: OfCase) {
  return eb
    .selectFrom("access_grant as g")
    .innerJoin("app_user as gu", "gu.id", "g.user_id")
    .select([
      "g.user_id as userId",
      "gu.display_name as displayName",
      "g.reason",
      "g.expires_at as expiresAt",
      "g.kind",
    ])
    .whereRef("g.case_id", "=", "c.id")
    .where("g.revoked_at", "is", null)
    .where("g.expires_at", ">", sql<Date>`now()`)
    .orderBy("g.expires_at");
}

function statusHistoryOf(eb: OfCase) {
  return (
    eb
      .selectFrom("case_status_change as h")
      .innerJoin("app_user as hu", "hu.id", "h.changed_by")
      .select([
        "h.id",
        "h.from_status as from",
        "h.to_status as to",
        "h.reason_code as reason",
        "h.trigger_code as trigger",
        "h.comment",
        "h.changed_at as changedAt",
        "hu.display_name as changedBy",
      ])
      .whereRef("h.case_id", "=", "c.id")
      // The newest page and one more (is there an older page?): shared/api/paging.ts.
      .orderBy("h.changed_at", "desc")
      .orderBy("h.id", "desc")
      .limit(pageSize.default + 1)
  );
}

function latestAssessmentOf(eb: OfCase) {
  return (
    eb
      .selectFrom("assessment as ra")
      .innerJoin("instrument_version as iv", (j) =>
        j
          .onRef("iv.org_id", "=", "ra.org_id")
          .onRef("iv.instrument_id", "=", "ra.instrument_id")
          .onRef("iv.version", "=", "ra.instrument_version"),
      )
      .select(["ra.judgements", "ra.assessed_on", "iv.definition"])
      .whereRef("ra.case_id", "=", "c.id")
      .where("ra.completed_at", "is not", null)
      // An outcome measure follows change; it says nothing of the risk.
      .where("ra.instrument_id", "not in", outcomeMeasureIds)
      .orderBy("ra.completed_at", "desc")
      .limit(1)
  );
}

export type CaseDetailRow = NonNullable<Awaited<ReturnType<typeof findVisibleCaseWithDetails>>>;

/** Next reference for the organisation this year, e.g. 2026-0042 (one row lock per org and year). */
export async function nextReference(trx: Trx, orgId: string): Promise<string> {
  const year = new Date().getFullYear();
  const { last } = await trx
    .insertInto("case_reference_counter")
    .values({ org_id: orgId, year, last: 1 })
    .onConflict((oc) =>
      oc
        .columns(["org_id", "year"])
        .doUpdateSet((eb) => ({ last: eb("case_reference_counter.last", "+", 1) })),
    )
    .returning("last")
    .executeTakeFirstOrThrow();
  return `${year}-${String(last).padStart(4, "0")}`;
}

/** Users who may be assigned to cases in a unit: active, with a casework role there. */
export function assignableStaff(trx: Trx, orgId: string, unitId: string) {
  return trx
    .selectFrom("role_assignment as r")
    .innerJoin("app_user as u", "u.id", "r.user_id")
    .select(["u.id", "u.display_name", "r.role"])
    .where("r.unit_id", "=", unitId)
    .where("u.org_id", "=", orgId)
    .where("u.active", "=", true)
    .where("r.role", "in", ["caseworker", "therapist", "protection_officer"])
    .orderBy("u.display_name")
    .execute();
}

/** Whether the user has ever worked a case on the other side of a barrier from this one. */
export async function barredFrom(trx: Trx, caseId: string, userId: string): Promise<boolean> {
  const { rows } = await sql<{
    barred: boolean;
  }>`select frid_barred(${caseId}::uuid, ${userId}::uuid) as barred`.execute(trx);
  return rows[0]?.barred ?? false;
}

interface StatusChangeRow {
  id: string;
  from: string;
  to: string;
  reason: string | null;
  trigger: string | null;
  comment: string | null;
  /** A Date from a column, text when read back from JSON. */
  changedAt: Date | string;
  changedBy: string;
}

export function toStatusChange(h: StatusChangeRow): StatusChange {
  return {
    id: h.id,
    from: h.from as StatusChange["from"],
    to: h.to as StatusChange["to"],
    reason: h.reason as CaseView["closedReason"],
    trigger: h.trigger as StatusChange["trigger"],
    comment: h.comment,
    changedAt: new Date(h.changedAt).toISOString(),
    changedBy: h.changedBy,
  };
}

/**
 * Where a page of the status history starts: the change `id` names, if it is one of this
 * case's (else the cursor is not one we gave).
 */
export function statusChangeAt(trx: Trx, caseId: string, id: string) {
  return trx
    .selectFrom("case_status_change")
    .select(["changed_at", "id"])
    .where("id", "=", id)
    .where("case_id", "=", caseId)
    .executeTakeFirst();
}

/**
 * A page of the case's status history, newest first, keyset (changed_at, id) below `after`
 * (the (case_id, changed_at) index serves the order; the id only breaks ties).
 */
export async function statusHistoryPage(
  trx: Trx,
  caseId: string,
  limit: number,
  after?: { changed_at: Date; id: string },
): Promise<Page<StatusChange>> {
  const newest = trx
    .selectFrom("case_status_change")
    .selectAll()
    .where("case_id", "=", caseId)
    .$if(after !== undefined, (q) =>
      q.where(sql<boolean>`(changed_at, id) < (${after?.changed_at}, ${after?.id}::uuid)`),
    )
    .orderBy("changed_at", "desc")
    .orderBy("id", "desc")
    .limit(limit + 1);
  const rows = await trx
    .selectFrom(newest.as("h"))
    .innerJoin("app_user as u", "u.id", "h.changed_by")
    .select([
      "h.id",
      "h.from_status as from",
      "h.to_status as to",
      "h.reason_code as reason",
      "h.trigger_code as trigger",
      "h.comment",
      "h.changed_at as changedAt",
      "u.display_name as changedBy",
    ])
    .orderBy("h.changed_at", "desc")
    .orderBy("h.id", "desc")
    .execute();
  return pageFrom(rows, limit, (h) => h.id, toStatusChange);
}
