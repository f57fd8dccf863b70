import { type RawBuilder, sql } from "kysely";
import { jsonArrayFrom } from "kysely/helpers/postgres";
import type { TaskKind } from "../../../shared/api/tasks.ts";
import type { WorklistItem, WorklistQuery } from "../../../shared/api/worklist.ts";
import { stockholmDate } from "../../../shared/calendar.ts";
import { dueStatus, protectionAssessmentDue, unsignedDraftDue } from "../../../shared/deadlines.ts";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import { type Trx, withActor } from "../../access/transaction.ts";
import { auditContext, listEntry, recordAudit } from "../../audit/record.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { taskDue } from "../tasks/service.ts";
import {
  planActivitiesDue,
  planActivityCandidate,
  planFollowUpCandidate,
  planFollowUpsDue,
} from "./action-plan.ts";
import {
  assessmentCandidates,
  definitionsOf,
  instrumentDefinitions,
  latestAssessments,
} from "./assessments.ts";
import { breakGlassCandidate, breakGlassDue } from "./break-glass.ts";
import { childCaseCandidate, childCases } from "./child-deadlines.ts";
import { chooseLines, responsibleFor } from "./choose.ts";
import { coordinatedPlanCandidates, coordinatedPlansInScope } from "./coordinated-plans.ts";
import { followUpCandidates, plansInScope } from "./follow-ups.ts";
import {
  managerCandidates,
  myNotices,
  noticeCandidates,
  unassignedPartnerCases,
  unitAlerts,
} from "./partner-contact.ts";
import { courtPlacements, placementCandidates } from "./placements.ts";
import {
  restrainingOrderCandidates,
  restrainingOrdersInScope,
  safetyAlarmCandidates,
  safetyAlarmsInScope,
} from "./police-collaboration.ts";
import { protectionChecklistCandidate, protectionChecklistsInScope } from "./protection.ts";
import { referralCandidate, unansweredReferrals } from "./referrals.ts";
import { conferenceActionCandidates, myConferenceActions } from "./risk-conferences.ts";
import { routineCandidate, routinesDue } from "./routines.ts";
import {
  type Candidate,
  caseColumns,
  named,
  personNames,
  rowOf,
  type Scoped,
  scopeCases,
  type WorklistScope,
  withDates,
} from "./rows.ts";
import { stayCandidates, staysInScope } from "./stays.ts";
import {
  agreementCandidate,
  agreementsDue,
  contactCandidate,
  contactsDue,
  reviewPlanCandidate,
  reviewPlansDue,
} from "./subjects.ts";

/** Which line on Att göra an open task makes. */
const taskItemKind = {
  assess_children_witnessed_violence: "children_to_assess",
  partner_closing_conversation: "partner_closing_conversation",
  partner_follow_up: "partner_follow_up",
  report_child_concern: "child_concern",
} as const satisfies Record<TaskKind, WorklistItem["kind"]>;

/** Reports of concern still without a protection assessment, on open cases in scope. */
function unassessedReports(db: Scoped) {
  return db
    .selectFrom("sc as c")
    .innerJoin("intake as i", "i.case_id", "c.id")
    .select(["i.received_at", ...caseColumns])
    .where("i.kind", "=", "report_of_concern")
    .where("c.status", "<>", "closed")
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom("protection_assessment as pa")
            .select("pa.id")
            .whereRef("pa.intake_id", "=", "i.id"),
        ),
      ),
    );
}

/** Open tasks on open cases in scope. */
function openTasks(db: Scoped) {
  return db
    .selectFrom("sc as c")
    .innerJoin("case_task as t", "t.case_id", "c.id")
    .select(["t.kind", "t.created_at", "t.due_on", ...caseColumns])
    .where("t.done_at", "is", null)
    .where("c.status", "<>", "closed");
}

/**
 * My unsigned drafts: the (org_id, author_id) index of drafts only (0036) finds them. Not
 * limited to the scope: a draft of mine on a case I no longer work is still mine to sign
 * (journal_entry_select and case_select decide whether I may still see it). In one case's
 * workspace: my drafts in that case.
 */
function draftsOf(db: Scoped, actor: Actor, caseId?: string) {
  const q = db
    .selectFrom("journal_entry as j")
    .innerJoin("case as c", "c.id", "j.case_id")
    .select(["j.written_at", ...caseColumns])
    .where("j.org_id", "=", actor.orgId)
    .where("j.author_id", "=", actor.userId)
    .where("j.signed_at", "is", null);
  return caseId ? q.where("j.case_id", "=", caseId) : q;
}

/** A kind of line the scope does not have: an empty array in the same row. */
function onlyIf<T>(wanted: boolean, lines: RawBuilder<T[]>): RawBuilder<T[]> {
  return wanted ? lines : sql<T[]>`'[]'::json`;
}

/**
 * Every kind of line, in ONE statement: the cases in scope once (`sc`, under the access
 * rule), each kind's lines joined to them, each as a JSON array of the one row returned.
 * One round trip, one evaluation of the rule and the scope, instead of a statement per kind
 * that each asked them of the whole organisation again.
 */
function readLines(trx: Trx, actor: Actor, scope: WorklistScope, now: Date) {
  const db = trx as unknown as Scoped;
  const oneCase = typeof scope === "object" ? scope.caseId : undefined;
  // A case's workspace shows what its worker's list would (drafts, notices), for that case.
  const mine = scope === "mine" || oneCase !== undefined;
  // Lines about no case (subjects.ts) are Att göra's only, never a case's workspace's.
  const list = typeof scope === "string" ? scope : undefined;
  return trx
    .with("sc", () => scopeCases(trx, actor, scope))
    .selectNoFrom(() => [
      jsonArrayFrom(childCases(db)).as("cases"),
      jsonArrayFrom(unassessedReports(db)).as("reports"),
      jsonArrayFrom(plansInScope(db)).as("plans"),
      jsonArrayFrom(openTasks(db)).as("tasks"),
      jsonArrayFrom(courtPlacements(db)).as("placements"),
      jsonArrayFrom(staysInScope(db)).as("stays"),
      jsonArrayFrom(restrainingOrdersInScope(db)).as("orders"),
      jsonArrayFrom(safetyAlarmsInScope(db)).as("alarms"),
      jsonArrayFrom(protectionChecklistsInScope(db)).as("checklists"),
      jsonArrayFrom(unansweredReferrals(db)).as("referrals"),
      jsonArrayFrom(coordinatedPlansInScope(db)).as("coordinatedPlans"),
      jsonArrayFrom(latestAssessments(db)).as("assessments"),
      jsonArrayFrom(instrumentDefinitions(db, actor.orgId)).as("definitions"),
      onlyIf(mine, jsonArrayFrom(draftsOf(db, actor, oneCase))).as("drafts"),
      onlyIf(mine, jsonArrayFrom(myNotices(db))).as("notices"),
      onlyIf(mine, jsonArrayFrom(myConferenceActions(db, actor, oneCase))).as("conferenceActions"),
      onlyIf(!mine, jsonArrayFrom(unitAlerts(db, actor))).as("alerts"),
      onlyIf(!mine, jsonArrayFrom(unassignedPartnerCases(db))).as("unassigned"),
      onlyIf(list !== undefined, jsonArrayFrom(agreementsDue(db, actor, list ?? "mine", now))).as(
        "agreements",
      ),
      onlyIf(list === "mine", jsonArrayFrom(contactsDue(db, actor, now))).as("contacts"),
      onlyIf(list !== undefined, jsonArrayFrom(breakGlassDue(db))).as("breakGlass"),
      onlyIf(list === "mine", jsonArrayFrom(reviewPlansDue(db, actor, now))).as("reviewPlans"),
      onlyIf(list !== undefined, jsonArrayFrom(routinesDue(db, actor, list ?? "mine", now))).as(
        "routines",
      ),
      onlyIf(list === "mine", jsonArrayFrom(planActivitiesDue(db, actor, now))).as(
        "planActivities",
      ),
      onlyIf(list !== undefined, jsonArrayFrom(planFollowUpsDue(db, actor, now))).as("planGoals"),
    ])
    .executeTakeFirstOrThrow();
}

/** Every kind's lines with their person's name (one read of the names for all of them). */
async function withNames(
  trx: Trx,
  lines: Omit<
    Awaited<ReturnType<typeof readLines>>,
    | "definitions"
    | "conferenceActions"
    | "agreements"
    | "contacts"
    | "breakGlass"
    | "reviewPlans"
    | "routines"
    | "planActivities"
    | "planGoals"
  >,
) {
  const names = await personNames(
    trx,
    Object.values(lines).flatMap((rows) => rows.map((r) => r.person_id)),
  );
  return {
    cases: named(lines.cases, names),
    reports: named(lines.reports, names),
    plans: named(lines.plans, names),
    tasks: named(lines.tasks, names),
    placements: named(lines.placements, names),
    stays: named(lines.stays, names),
    orders: named(lines.orders, names),
    alarms: named(lines.alarms, names),
    checklists: named(lines.checklists, names),
    referrals: named(lines.referrals, names),
    coordinatedPlans: named(lines.coordinatedPlans, names),
    assessments: named(lines.assessments, names),
    drafts: named(lines.drafts, names),
    notices: named(lines.notices, names),
    alerts: named(lines.alerts, names),
    unassigned: named(lines.unassigned, names),
  };
}

/** Every line Att göra may show, in the order ties keep after sorting by due time. */
export async function gatherCandidates(
  trx: Trx,
  actor: Actor,
  scope: WorklistScope,
  now: Date,
): Promise<Candidate[]> {
  const {
    definitions,
    conferenceActions,
    agreements,
    contacts,
    breakGlass,
    reviewPlans,
    routines,
    planActivities,
    planGoals,
    ...lines
  } = await readLines(trx, actor, scope, now);
  const l = await withNames(trx, lines);
  const definitionOf = definitionsOf(definitions);
  const partnerItems =
    scope !== "unit"
      ? noticeCandidates(withDates(l.notices, ["created_at"]))
      : managerCandidates(
          withDates(l.alerts, ["created_at"]),
          withDates(l.unassigned, ["opened_at"]),
          now,
        );
  return [
    ...withDates(l.cases, ["opened_at"]).map(childCaseCandidate),
    ...withDates(l.reports, ["received_at"]).map(
      (r): Candidate => ({
        kind: "protection_assessment",
        ...rowOf(r),
        dueAt: protectionAssessmentDue(r.received_at),
      }),
    ),
    ...l.plans.flatMap(followUpCandidates),
    ...withDates(l.tasks, ["created_at"]).map(
      (t): Candidate => ({
        kind: taskItemKind[t.kind],
        ...rowOf(t),
        dueAt: taskDue(t.created_at, t.due_on),
      }),
    ),
    ...partnerItems,
    ...withDates(l.placements, ["decided_at"]).flatMap(placementCandidates),
    ...l.stays.flatMap(stayCandidates),
    ...l.orders.flatMap(restrainingOrderCandidates),
    ...l.alarms.flatMap(safetyAlarmCandidates),
    ...withDates(l.checklists, ["opened_at"]).map(protectionChecklistCandidate),
    ...l.referrals.map(referralCandidate),
    ...l.coordinatedPlans.flatMap(coordinatedPlanCandidates),
    ...withDates(l.assessments, ["completed_at"]).flatMap((a) =>
      assessmentCandidates(a, definitionOf),
    ),
    ...withDates(l.drafts, ["written_at"]).map(
      (d): Candidate => ({
        kind: "unsigned_draft",
        ...rowOf(d),
        dueAt: unsignedDraftDue(d.written_at),
      }),
    ),
    ...(await conferenceActionCandidates(trx, actor, conferenceActions)),
    ...agreements.map(agreementCandidate),
    ...contacts.map((c) => contactCandidate(actor, c)),
    ...breakGlass.map((b) => breakGlassCandidate(actor, b)),
    ...reviewPlans.map((p) => reviewPlanCandidate(actor, p)),
    ...routines.map(routineCandidate),
    ...planActivities.map((a) => planActivityCandidate(actor, a)),
    ...planGoals.map((g) => planFollowUpCandidate(actor, g)),
  ];
}

/** A line Att göra shows: overdue or due within 7 days. */
export type DueLine = Candidate & { status: "overdue" | "due_soon" };

/**
 * The lines of Att göra, in its order (soonest due first), without the read's audit event:
 * the one computation that the list and the notifications (modules/notifications) share.
 */
export async function dueLines(
  trx: Trx,
  actor: Actor,
  scope: "mine" | "unit",
  now: Date,
): Promise<DueLine[]> {
  const candidates = await gatherCandidates(trx, actor, scope, now);
  return candidates
    .map((c) => ({ ...c, status: dueStatus(c.dueAt, now) }))
    .filter((c): c is DueLine => c.status !== "later")
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
}

/**
 * "Att göra": what is overdue or due within 7 days, computed from stored facts by the one
 * deadline module (shared/deadlines.ts). Mine: cases I am assigned to, and my unsigned
 * drafts. Unit: for a unit manager, the same for every case of the units they manage.
 * Then filtered and sorted as asked (choose.ts); each line says who works its case.
 */
export async function worklist(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  asked: WorklistQuery | WorklistQuery["scope"],
  now: Date = new Date(),
): Promise<WorklistItem[]> {
  // A scope alone: the whole list, soonest first (as before filters existed).
  const query: WorklistQuery =
    typeof asked === "string" ? { scope: asked, sort: "due", order: "asc" } : asked;
  return withActor(database.db, actor, async (trx) => {
    const due = await dueLines(trx, actor, query.scope, now);
    const responsible = await responsibleFor(
      trx,
      due.flatMap((c) => (c.caseId ? [c.caseId] : [])),
    );
    const items = chooseLines(
      due.map((c) => ({
        ...c,
        responsible: c.caseId ? responsible(c.caseId) : (c.responsible ?? []),
      })),
      query,
      now,
    );
    // The list shows names: one event naming every person and case shown (a line about no
    // case names none).
    await recordAudit(trx, auditContext(actor, meta), [
      listEntry("worklist.read", {
        resourceType: "case",
        personIds: items.flatMap((i) => (i.personId ? [i.personId] : [])),
        caseIds: items.flatMap((i) => (i.caseId ? [i.caseId] : [])),
        unitIds: items.flatMap((i) => (i.unitId ? [i.unitId] : [])),
      }),
    ]);
    return items.map(asItem);
  });
}

/** A line as the API gives it: the due time, its day in Swedish time, no internal ids. */
export function asItem<T extends Candidate & { status: string }>({
  dueAt,
  lastDay,
  personId: _p,
  unitId: _u,
  ...rest
}: T) {
  return {
    ...rest,
    subject: rest.subject ?? null,
    due: dueAt.toISOString(),
    dueDate: stockholmDate(dueAt),
    lastDay: lastDay ?? null,
  };
}
