import type { TaskKind } from "../../../shared/api/tasks.ts";
import type { WorklistItem } from "../../../shared/api/worklist.ts";
import { stockholmDate } from "../../../shared/calendar.ts";
import {
  dueStatus,
  followUpDue,
  protectionAssessmentDue,
  unsignedDraftDue,
} from "../../../shared/deadlines.ts";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import { accessibleCases } from "../../access/scope.ts";
import { type Trx, withActor } from "../../access/transaction.ts";
import { auditContext, listEntry, recordAudit } from "../../audit/record.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { taskDue } from "../tasks/service.ts";
import { assessmentCandidates, latestAssessments } from "./assessments.ts";
import { casesInScope, childCaseCandidate } from "./child-deadlines.ts";
import { partnerContactItems } from "./partner-contact.ts";
import { courtPlacements, placementCandidates } from "./placements.ts";
import { type Candidate, caseColumns, inScope, rowOf } from "./rows.ts";

/** Which line on Att göra an open task makes. */
const taskItemKind = {
  assess_children_witnessed_violence: "children_to_assess",
  partner_closing_conversation: "partner_closing_conversation",
  partner_follow_up: "partner_follow_up",
  report_child_concern: "child_concern",
} as const satisfies Record<TaskKind, WorklistItem["kind"]>;

/** Implementation plans of open cases in scope, with their next follow-up date. */
function plansInScope(trx: Trx, actor: Actor, scope: "mine" | "unit") {
  return trx
    .selectFrom("implementation_plan as ip")
    .innerJoin("case as c", "c.id", "ip.case_id")
    .innerJoin("person as p", "p.id", "c.person_id")
    .select((eb) => [
      "ip.follow_up_date",
      ...caseColumns,
      eb
        .selectFrom("follow_up as f")
        .select("f.next_follow_up_date")
        .whereRef("f.plan_id", "=", "ip.id")
        .orderBy("f.recorded_at", "desc")
        .limit(1)
        .as("last_next"),
      eb
        .exists(eb.selectFrom("follow_up as g").select("g.id").whereRef("g.plan_id", "=", "ip.id"))
        .as("followed_up"),
    ])
    .where("c.status", "<>", "closed")
    .where(accessibleCases(actor))
    .where(inScope(actor, scope))
    .execute();
}

/** Reports of concern still without a protection assessment, on open cases in scope. */
function unassessedReports(trx: Trx, actor: Actor, scope: "mine" | "unit") {
  return trx
    .selectFrom("intake as i")
    .innerJoin("case as c", "c.id", "i.case_id")
    .innerJoin("person as p", "p.id", "c.person_id")
    .select(["i.received_at", ...caseColumns])
    .where("i.kind", "=", "report_of_concern")
    .where("c.status", "<>", "closed")
    .where(accessibleCases(actor))
    .where(inScope(actor, scope))
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom("protection_assessment as pa")
            .select("pa.id")
            .whereRef("pa.intake_id", "=", "i.id"),
        ),
      ),
    )
    .execute();
}

/** Open tasks on open cases in scope. */
function openTasks(trx: Trx, actor: Actor, scope: "mine" | "unit") {
  return trx
    .selectFrom("case_task as t")
    .innerJoin("case as c", "c.id", "t.case_id")
    .innerJoin("person as p", "p.id", "c.person_id")
    .select(["t.kind", "t.created_at", "t.due_on", ...caseColumns])
    .where("t.done_at", "is", null)
    .where("c.status", "<>", "closed")
    .where(accessibleCases(actor))
    .where(inScope(actor, scope))
    .execute();
}

/** My unsigned drafts: the (org_id, author_id) index of drafts only (0036) finds them. */
function draftsOf(trx: Trx, actor: Actor) {
  return trx
    .selectFrom("journal_entry as j")
    .innerJoin("case as c", "c.id", "j.case_id")
    .innerJoin("person as p", "p.id", "c.person_id")
    .select(["j.written_at", ...caseColumns])
    .where("j.org_id", "=", actor.orgId)
    .where("j.author_id", "=", actor.userId)
    .where("j.signed_at", "is", null)
    .execute();
}

/** The latest follow-up's next date, or the plan's first; none planned: nothing due. */
function followUpCandidates(p: Awaited<ReturnType<typeof plansInScope>>[number]): Candidate[] {
  const next = p.followed_up ? p.last_next : p.follow_up_date;
  if (!next) return [];
  return [{ kind: "follow_up", ...rowOf(p), dueAt: followUpDue(String(next)) }];
}

/** Every line Att göra may show, in the order ties keep after sorting by due time. */
async function gatherCandidates(
  trx: Trx,
  actor: Actor,
  scope: "mine" | "unit",
  now: Date,
): Promise<Candidate[]> {
  const partnerItems = await partnerContactItems(trx, actor, scope, now);
  const [cases, drafts, reports, plans, tasks, placements, assessments] = await Promise.all([
    casesInScope(trx, actor, scope),
    scope === "mine" ? draftsOf(trx, actor) : [],
    unassessedReports(trx, actor, scope),
    plansInScope(trx, actor, scope),
    openTasks(trx, actor, scope),
    courtPlacements(trx, actor, scope),
    latestAssessments(trx, actor, scope),
  ]);
  return [
    ...cases.map(childCaseCandidate),
    ...reports.map(
      (r): Candidate => ({
        kind: "protection_assessment",
        ...rowOf(r),
        dueAt: protectionAssessmentDue(r.received_at),
      }),
    ),
    ...plans.flatMap(followUpCandidates),
    ...tasks.map(
      (t): Candidate => ({
        kind: taskItemKind[t.kind],
        ...rowOf(t),
        dueAt: taskDue(t.created_at, t.due_on),
      }),
    ),
    ...partnerItems,
    ...placements.flatMap(placementCandidates),
    ...assessments.flatMap(assessmentCandidates),
    ...drafts.map(
      (d): Candidate => ({
        kind: "unsigned_draft",
        ...rowOf(d),
        dueAt: unsignedDraftDue(d.written_at),
      }),
    ),
  ];
}

/**
 * "Att göra": what is overdue or due within 7 days, computed from stored facts by the one
 * deadline module (shared/deadlines.ts). Mine: cases I am assigned to, and my unsigned
 * drafts. Unit: for a unit manager, the same for every case of the units they manage.
 */
export async function worklist(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  scope: "mine" | "unit",
  now: Date = new Date(),
): Promise<WorklistItem[]> {
  return withActor(database.db, actor, async (trx) => {
    const candidates = await gatherCandidates(trx, actor, scope, now);
    const items = candidates
      .map((c) => ({ ...c, status: dueStatus(c.dueAt, now) }))
      .filter((c): c is typeof c & { status: "overdue" | "due_soon" } => c.status !== "later")
      .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
    // The list shows names: one event naming every person and case shown.
    await recordAudit(trx, auditContext(actor, meta), [
      listEntry("worklist.read", {
        resourceType: "case",
        personIds: items.map((i) => i.personId),
        caseIds: items.map((i) => i.caseId),
        unitIds: items.map((i) => i.unitId),
      }),
    ]);
    return items.map(({ dueAt, lastDay, personId: _p, unitId: _u, ...rest }) => ({
      ...rest,
      due: dueAt.toISOString(),
      dueDate: stockholmDate(dueAt),
      lastDay: lastDay ?? null,
    }));
  });
}
