import type { TaskKind } from "../../../shared/api/tasks.ts";
import type { WorklistItem } from "../../../shared/api/worklist.ts";
import { addMonths, endOfDay, stockholmDate } from "../../../shared/calendar.ts";
import {
  childInvestigationDue,
  childInvestigationLastDay,
  dueStatus,
  followUpDue,
  preliminaryAssessmentDue,
  preliminaryAssessmentLastDay,
  protectionAssessmentDue,
  safetyPlanReviewDue,
  unsignedDraftDue,
} from "../../../shared/deadlines.ts";
import { InstrumentDefinition } from "../../../shared/instruments/definition.ts";
import { mainLevel, reassessMonths } from "../../../shared/instruments/engine.ts";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import { accessibleCases } from "../../access/scope.ts";
import { type Trx, withActor } from "../../access/transaction.ts";
import { auditContext, listEntry, recordAudit } from "../../audit/record.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { taskDue } from "../tasks/service.ts";
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

/**
 * "Att göra": what is overdue or due within 7 days, computed from stored facts by the one
 * deadline module (shared/deadlines.ts). Mine: cases I am assigned to, and my unsigned
 * drafts. Unit: for a unit manager, the same for every case of the units they manage.
 */
function casesInScope(trx: Trx, actor: Actor, scope: "mine" | "unit") {
  const q = trx
    .selectFrom("case as c")
    .innerJoin("person as p", "p.id", "c.person_id")
    .select((eb) => [
      "c.id",
      "c.reference",
      "c.case_type",
      "c.status",
      "c.opened_at",
      "c.person_id",
      "c.unit_id",
      "p.given_name",
      "p.family_name",
      eb
        .selectFrom("intake as i")
        .select((e) => e.fn.min("i.received_at").as("first"))
        .whereRef("i.case_id", "=", "c.id")
        .where("i.kind", "=", "report_of_concern")
        .as("first_report_at"),
      eb
        .selectFrom("case_status_change as h")
        .select((e) => e.fn.max("h.changed_at").as("last"))
        .whereRef("h.case_id", "=", "c.id")
        .where("h.to_status", "=", "investigation")
        .as("investigation_opened_at"),
      eb
        .selectFrom("investigation_extension as x")
        .select((e) => e.fn.max("x.extended_until").as("until"))
        .whereRef("x.case_id", "=", "c.id")
        .as("extended_until"),
    ])
    .where(accessibleCases(actor))
    .where("c.case_type", "=", "child")
    .where("c.status", "in", ["preliminary_assessment", "investigation"]);
  return q.where(inScope(actor, scope)).execute();
}

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

/** Levels at which a case needs a current safety plan. */
const highRiskLevels = new Set(["high", "very_high"]);

/** The latest completed risk assessment of each open case in scope, with its definition. */
function latestAssessments(trx: Trx, actor: Actor, scope: "mine" | "unit") {
  return trx
    .selectFrom("assessment as a")
    .innerJoin("instrument_version as iv", (j) =>
      j
        .onRef("iv.org_id", "=", "a.org_id")
        .onRef("iv.instrument_id", "=", "a.instrument_id")
        .onRef("iv.version", "=", "a.instrument_version"),
    )
    .innerJoin("case as c", "c.id", "a.case_id")
    .innerJoin("person as p", "p.id", "c.person_id")
    .select((eb) => [
      "a.judgements",
      "a.assessed_on",
      "a.completed_at",
      "iv.definition",
      "c.case_type",
      ...caseColumns,
      eb
        .selectFrom("safety_plan_version as sp")
        .select((e) => e.fn.max("sp.saved_at").as("last"))
        .whereRef("sp.case_id", "=", "c.id")
        .as("plan_saved_at"),
    ])
    .where("a.completed_at", "is not", null)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom("assessment as b")
            .select("b.id")
            .whereRef("b.case_id", "=", "a.case_id")
            .whereRef("b.completed_at", ">", "a.completed_at"),
        ),
      ),
    )
    .where("c.status", "<>", "closed")
    .where(accessibleCases(actor))
    .where(inScope(actor, scope))
    .execute();
}

function draftsOf(trx: Trx, actor: Actor) {
  return trx
    .selectFrom("journal_entry as j")
    .innerJoin("case as c", "c.id", "j.case_id")
    .innerJoin("person as p", "p.id", "c.person_id")
    .select(["j.written_at", ...caseColumns])
    .where("j.author_id", "=", actor.userId)
    .where("j.signed_at", "is", null)
    .execute();
}

export async function worklist(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  scope: "mine" | "unit",
  now: Date = new Date(),
): Promise<WorklistItem[]> {
  return withActor(database.db, actor, async (trx) => {
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
    const candidates: Candidate[] = [];
    for (const c of cases) {
      const base = rowOf(c);
      if (c.status === "preliminary_assessment") {
        const received = c.first_report_at ? new Date(c.first_report_at) : c.opened_at;
        candidates.push({
          ...base,
          kind: "preliminary_assessment",
          dueAt: preliminaryAssessmentDue(received),
          lastDay: preliminaryAssessmentLastDay(received),
        });
      } else {
        const opened = c.investigation_opened_at
          ? new Date(c.investigation_opened_at)
          : c.opened_at;
        // A decided extension is the deadline now (the manager's decision, with reasons).
        const extended = c.extended_until ? [String(c.extended_until)] : [];
        candidates.push({
          ...base,
          kind: "child_investigation",
          dueAt: childInvestigationDue(opened, extended),
          lastDay: childInvestigationLastDay(opened, extended),
        });
      }
    }
    for (const r of reports) {
      candidates.push({
        kind: "protection_assessment",
        ...rowOf(r),
        dueAt: protectionAssessmentDue(r.received_at),
      });
    }
    for (const p of plans) {
      // The latest follow-up's next date, or the plan's first; none planned: nothing due.
      const next = p.followed_up ? p.last_next : p.follow_up_date;
      if (!next) continue;
      candidates.push({
        kind: "follow_up",
        ...rowOf(p),
        dueAt: followUpDue(String(next)),
      });
    }
    for (const t of tasks) {
      candidates.push({
        kind: taskItemKind[t.kind],
        ...rowOf(t),
        dueAt: taskDue(t.created_at, t.due_on),
      });
    }
    candidates.push(...partnerItems);
    candidates.push(...placements.flatMap(placementCandidates));
    for (const a of assessments) {
      const definition = InstrumentDefinition.parse(a.definition);
      const level = mainLevel(definition, a.judgements);
      if (!level) continue;
      const months = reassessMonths(definition, level);
      candidates.push({
        kind: "reassessment",
        ...rowOf(a),
        dueAt: endOfDay(addMonths(a.assessed_on, months)),
      });
      // High risk wants a safety plan reviewed within the last 30 days — for the person at
      // risk: a person in treatment's high risk is acted on through a risk alert to her side.
      if (highRiskLevels.has(level) && a.case_type !== "perpetrator") {
        const since = a.plan_saved_at ? new Date(a.plan_saved_at) : null;
        candidates.push({
          kind: "safety_plan",
          ...rowOf(a),
          dueAt: since
            ? safetyPlanReviewDue(since)
            : endOfDay(stockholmDate(a.completed_at as Date)),
        });
      }
    }
    for (const d of drafts) {
      candidates.push({
        kind: "unsigned_draft",
        ...rowOf(d),
        dueAt: unsignedDraftDue(d.written_at),
      });
    }
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
