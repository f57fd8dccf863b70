import { sql } from "kysely";
import type {
  BreakGlassConclusion,
  BreakGlassReviewDetail,
  BreakGlassReviewItem,
  BreakGlassReviewList,
} from "../../../shared/api/break-glass.ts";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import { type Trx, withActor } from "../../access/transaction.ts";
import { type AuditEntry, auditContext, listEntry, recordAudit } from "../../audit/record.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { AppError } from "../../http/errors.ts";

/**
 * The managers' review of break-glass accesses (issue 19, item 6): every access to a case of
 * a unit they manage, until concluded "justified" or "not justified" with a note. Read through
 * the view frid_break_glass_review_item (migration 0080), which shows a manager only their own
 * units' accesses — also on a case they are barred from: it names the case's reference and the
 * worker, never the person. Every read and the conclusion are audited.
 */

const notFound = () =>
  new AppError(404, "not_found", "Nödåtkomsten finns inte, eller så saknar du behörighet.");

const forbidden = () => new AppError(403, "forbidden", "Bara enhetschefer granskar nödåtkomst.");

type ItemRow = Awaited<ReturnType<ReturnType<typeof items>["executeTakeFirstOrThrow"]>>;

function items(trx: Trx) {
  return trx
    .selectFrom("frid_break_glass_review_item as b")
    .select([
      "b.grant_id",
      "b.org_id",
      "b.case_id",
      "b.reference",
      "b.unit_id",
      "b.person_id",
      "b.user_id",
      "b.user_name",
      "b.reason",
      "b.granted_at",
      "b.expires_at",
      "b.revoked_at",
      "b.conclusion",
      "b.note",
      "b.reviewer_name",
      "b.reviewed_at",
    ]);
}

const iso = (d: Date | string | null) =>
  (d instanceof Date ? d : new Date(String(d))).toISOString();

function toItem(r: ItemRow): BreakGlassReviewItem {
  return {
    grantId: String(r.grant_id),
    caseId: String(r.case_id),
    reference: String(r.reference),
    user: { id: String(r.user_id), displayName: String(r.user_name) },
    reason: String(r.reason),
    grantedAt: iso(r.granted_at),
    expiresAt: iso(r.revoked_at ?? r.expires_at),
    review: r.conclusion
      ? {
          conclusion: r.conclusion as BreakGlassConclusion,
          note: r.note,
          reviewedBy: String(r.reviewer_name),
          reviewedAt: iso(r.reviewed_at),
        }
      : null,
  };
}

/** The event a review read or conclusion writes: the case, its person and unit, and the access. */
function reviewEntry(r: ItemRow) {
  return {
    resourceType: "case" as const,
    resourceId: r.case_id,
    personId: r.person_id,
    unitId: r.unit_id,
  };
}

const isManager = (actor: Actor) => actor.roles.some((r) => r.role === "unit_manager");

export async function listReviews(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  state: "open" | "concluded" | "all",
): Promise<BreakGlassReviewList> {
  if (!isManager(actor)) {
    await refuse(database, actor, meta, null);
    throw forbidden();
  }
  return withActor(database.db, actor, async (trx) => {
    const rows = await items(trx)
      .$if(state === "open", (q) => q.where("b.conclusion", "is", null))
      .$if(state === "concluded", (q) => q.where("b.conclusion", "is not", null))
      .orderBy("b.granted_at", "desc")
      .limit(500)
      .execute();
    await recordAudit(trx, auditContext(actor, meta), [
      listEntry(
        "break_glass.read",
        {
          resourceType: "case",
          caseIds: rows.map((r) => String(r.case_id)),
          personIds: rows.map((r) => String(r.person_id)),
          unitIds: rows.map((r) => String(r.unit_id)),
        },
        { data: { grantId: null, shown: rows.length } },
      ),
    ]);
    return { items: rows.map(toItem) };
  });
}

/** What the worker did in the case during the access: their events naming the case or its person. */
function eventsInWindow(trx: Trx, r: ItemRow) {
  return trx
    .selectFrom("audit_event as e")
    .select(["e.action", "e.outcome", "e.occurred_at"])
    .where("e.org_id", "=", r.org_id as string)
    .where("e.actor_user_id", "=", String(r.user_id))
    .where("e.occurred_at", ">=", new Date(String(r.granted_at)))
    .where("e.occurred_at", "<=", new Date(iso(r.revoked_at ?? r.expires_at)))
    .where((eb) =>
      eb.or([
        eb("e.resource_id", "=", String(r.case_id)),
        eb("e.person_id", "=", String(r.person_id)),
        sql<boolean>`${String(r.case_id)}::uuid = any (e.case_ids)`,
        sql<boolean>`${String(r.person_id)}::uuid = any (e.person_ids)`,
      ]),
    )
    .orderBy("e.id")
    .limit(1000)
    .execute();
}

async function findItem(trx: Trx, grantId: string) {
  return items(trx).where("b.grant_id", "=", grantId).executeTakeFirst();
}

export async function readReview(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  grantId: string,
): Promise<BreakGlassReviewDetail> {
  const found = await withActor(database.db, actor, async (trx) => {
    const row = await findItem(trx, grantId);
    if (!row) return null;
    const detail = await detailOf(trx, row);
    await recordAudit(trx, auditContext(actor, meta), [
      {
        action: "break_glass.read",
        ...reviewEntry(row),
        data: { grantId, shown: detail.events.length },
      },
    ]);
    return detail;
  });
  if (found) return found;
  await refuse(database, actor, meta, grantId);
  throw notFound();
}

async function detailOf(trx: Trx, row: ItemRow) {
  const events = await eventsInWindow(trx, row);
  return {
    ...toItem(row),
    events: events.map((e) => ({
      action: e.action,
      outcome: e.outcome,
      occurredAt: iso(e.occurred_at),
    })),
  };
}

/**
 * Concludes one access. Once only: a second conclusion (two managers at once) answers 409 and
 * leaves the first; the conclusion is audited with the note as its reason.
 */
export async function concludeReview(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  grantId: string,
  body: { conclusion: BreakGlassConclusion; note: string | null },
): Promise<BreakGlassReviewDetail> {
  const outcome = await withActor(database.db, actor, async (trx) => {
    const row = await findItem(trx, grantId);
    if (!row) return "not_found" as const;
    const added = await trx
      .insertInto("break_glass_review")
      .values({
        grant_id: grantId,
        org_id: actor.orgId,
        conclusion: body.conclusion,
        note: body.note,
        reviewed_by: actor.userId,
      })
      .onConflict((oc) => oc.column("grant_id").doNothing())
      .returning("grant_id")
      .executeTakeFirst();
    if (!added) return "concluded" as const;
    const entry: AuditEntry<"break_glass.review"> = {
      action: "break_glass.review",
      ...reviewEntry(row),
      reason: body.note,
      data: { grantId, conclusion: body.conclusion },
    };
    await recordAudit(trx, auditContext(actor, meta), [entry]);
    return detailOf(trx, (await findItem(trx, grantId)) ?? row);
  });
  if (outcome === "not_found") {
    await refuse(database, actor, meta, grantId, body.conclusion);
    throw notFound();
  }
  if (outcome === "concluded")
    throw new AppError(409, "conflict", "Nödåtkomsten är redan granskad. Ladda om sidan.");
  return outcome;
}

/** A refused review read or conclusion, in its own transaction (nothing else was done). */
async function refuse(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  grantId: string | null,
  conclusion?: BreakGlassConclusion,
): Promise<void> {
  const denied = { outcome: "denied" as const, resourceType: "break_glass" as const };
  const entry: AuditEntry =
    conclusion && grantId
      ? {
          action: "break_glass.review",
          ...denied,
          resourceId: grantId,
          data: { grantId, conclusion },
        }
      : { action: "break_glass.read", ...denied, resourceId: grantId, data: { grantId, shown: 0 } };
  await withActor(database.db, actor, (trx) =>
    recordAudit(trx, auditContext(actor, meta), [entry]),
  );
}
