import { sql } from "kysely";
import {
  type NewReviewPlan,
  type ReviewPlanView,
  type ReviewScope,
  reviewPlanDueOn,
} from "../../../shared/api/log-review.ts";
import { stockholmDate } from "../../../shared/calendar.ts";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import { hasRole, unitsWithRole } from "../../access/actor.ts";
import { type Trx, withActor } from "../../access/transaction.ts";
import { auditContext, recordAudit } from "../../audit/record.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { AppError } from "../../http/errors.ts";

/**
 * The review plan (issue 19, item 7): per unit, who reviews its log, what (anomaly kinds or
 * the full log) and how often. The unit's managers make and end plans; the reviewer — a
 * manager of the unit, since only they may read its log — records a review as done, and an
 * overdue one is on the reviewer's Att göra (worklist/subjects.ts reviewPlansDue).
 */
const notFound = () =>
  new AppError(404, "not_found", "Det finns inget att visa, eller så saknar du behörighet.");

function plans(trx: Trx) {
  return trx
    .selectFrom("review_plan as p")
    .innerJoin("unit as un", "un.id", "p.unit_id")
    .leftJoin("app_user as u", "u.id", "p.reviewer_id")
    .select([
      "p.id",
      "p.unit_id",
      "un.name as unit_name",
      "p.reviewer_id",
      "u.display_name",
      "p.scope",
      "p.every_days",
      "p.starts_on",
      "p.last_done_on",
    ])
    .where("p.ended_at", "is", null);
}
type PlanRow = Awaited<ReturnType<ReturnType<typeof plans>["execute"]>>[number];

function toView(r: PlanRow, today: string): ReviewPlanView {
  const p = {
    startsOn: String(r.starts_on),
    lastDoneOn: r.last_done_on ? String(r.last_done_on) : null,
    everyDays: r.every_days,
  };
  const nextDueOn = reviewPlanDueOn(p);
  return {
    id: r.id,
    unit: { id: r.unit_id, name: r.unit_name },
    reviewer: { id: r.reviewer_id, displayName: r.display_name ?? "–" },
    scope: r.scope as ReviewScope[],
    ...p,
    nextDueOn,
    overdue: nextDueOn < today,
  };
}

/** The plans of the units I manage and those I review, soonest due first. */
export async function listPlans(database: DatabaseHandle, actor: Actor, now = new Date()) {
  const managed = [
    ...unitsWithRole(actor, ["unit_manager"]),
    "00000000-0000-0000-0000-000000000000",
  ];
  const { rows, managers } = await withActor(database.db, actor, async (trx) => ({
    rows: await plans(trx)
      .where("p.org_id", "=", actor.orgId)
      .where((eb) =>
        eb.or([eb("p.unit_id", "in", managed), eb("p.reviewer_id", "=", actor.userId)]),
      )
      .orderBy("p.starts_on")
      .execute(),
    // Who may review each unit I manage: its active managers (only they read its log).
    managers: await trx
      .selectFrom("role_assignment as r")
      .innerJoin("app_user as u", "u.id", "r.user_id")
      .select(["r.unit_id", "u.id", "u.display_name"])
      .where("r.unit_id", "in", managed)
      .where("r.role", "=", "unit_manager")
      .where("u.active", "=", true)
      .orderBy("u.display_name")
      .execute(),
  }));
  const today = stockholmDate(now);
  const views = rows.map((r) => toView(r, today));
  const reviewers = unitsWithRole(actor, ["unit_manager"]).map((unitId) => ({
    unitId,
    users: managers
      .filter((m) => m.unit_id === unitId)
      .map((m) => ({ id: m.id, displayName: m.display_name })),
  }));
  return { plans: views.sort((a, b) => a.nextDueOn.localeCompare(b.nextDueOn)), reviewers };
}

/** A new plan for a unit I manage; the reviewer must manage it too. */
export async function createPlan(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  input: NewReviewPlan,
  now = new Date(),
): Promise<ReviewPlanView> {
  if (!hasRole(actor, "unit_manager", input.unitId)) {
    throw new AppError(400, "validation_failed", "Välj en enhet som du är chef för.", {
      unitId: "Välj en enhet som du är chef för.",
    });
  }
  return withActor(database.db, actor, async (trx) => {
    const reviewer = await trx
      .selectFrom("role_assignment")
      .select("id")
      .where("user_id", "=", input.reviewerId)
      .where("unit_id", "=", input.unitId)
      .where("role", "=", "unit_manager")
      .executeTakeFirst();
    if (!reviewer) {
      throw new AppError(
        400,
        "validation_failed",
        "Den som granskar måste vara chef för enheten.",
        {
          reviewerId: "Välj en chef för enheten: bara de får läsa enhetens logg.",
        },
      );
    }
    // Each scope once, in the list's order, "full" alone when chosen.
    const scope = input.scope.includes("full") ? ["full"] : [...new Set(input.scope)];
    const { id } = await trx
      .insertInto("review_plan")
      .values({
        org_id: actor.orgId,
        unit_id: input.unitId,
        reviewer_id: input.reviewerId,
        scope: sql<string[]>`${scope}::text[]`,
        every_days: input.everyDays,
        starts_on: input.startsOn,
        created_by: actor.userId,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await audit(trx, actor, meta, id, "created", input.unitId);
    const row = await plans(trx).where("p.id", "=", id).executeTakeFirstOrThrow();
    return toView(row, stockholmDate(now));
  });
}

/**
 * The reviewer records today's review as done (`done`), or a manager of the unit ends the
 * plan (`ended`). Anyone else, or a plan not in sight: 404, audited.
 */
export async function changePlan(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  planId: string,
  change: "done" | "ended",
  now = new Date(),
): Promise<ReviewPlanView> {
  const today = stockholmDate(now);
  const view = await withActor(database.db, actor, async (trx) => {
    const row = await plans(trx)
      .where("p.id", "=", planId)
      .where("p.org_id", "=", actor.orgId)
      .executeTakeFirst();
    if (!row) return null;
    if (change === "done" && row.reviewer_id !== actor.userId) return null;
    if (!hasRole(actor, "unit_manager", row.unit_id)) return null;
    await trx
      .updateTable("review_plan")
      .set(change === "done" ? { last_done_on: today } : { ended_at: now })
      .where("id", "=", planId)
      .execute();
    await audit(trx, actor, meta, planId, change, row.unit_id);
    return toView({ ...row, last_done_on: change === "done" ? today : row.last_done_on }, today);
  });
  if (view) return view;
  await withActor(database.db, actor, (trx) =>
    audit(trx, actor, meta, planId, change, null, "denied"),
  );
  throw notFound();
}

function audit(
  trx: Trx,
  actor: Actor,
  meta: RequestMeta,
  planId: string,
  change: "created" | "done" | "ended",
  unitId: string | null,
  outcome: "allowed" | "denied" = "allowed",
) {
  return recordAudit(trx, auditContext(actor, meta), [
    {
      action: "audit.review_plan",
      outcome,
      resourceType: "audit",
      resourceId: planId,
      unitId,
      data: { planId, change },
    },
  ]);
}
