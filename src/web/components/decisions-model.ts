import { interventionKinds } from "../../shared/api/decisions";
import type {
  DecisionOutcomeCode,
  DecisionView,
  FollowUpOutcomeCode,
  InterventionKindCode,
  PlanView,
  RecordDecisionInput,
  RecordFollowUpInput,
  SavePlanInput,
} from "../api/endpoints";
import type { PlainMessageKey } from "../i18n/messages";

/*
 * Pure rules for decisions on interventions, implementation plans and follow-ups: checking
 * the forms before they are sent, and which granted decisions still lack a plan. The server
 * checks everything again.
 */

type Checked<B, F extends string> =
  | { ok: true; body: B }
  | { ok: false; fields: Partial<Record<F, PlainMessageKey>> };

const isDay = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

export const isInterventionKind = (value: string): value is InterventionKindCode =>
  (interventionKinds as readonly string[]).includes(value);

export const decisionOutcomes: readonly DecisionOutcomeCode[] = [
  "granted",
  "partly_granted",
  "denied",
];
export const followUpOutcomes: readonly FollowUpOutcomeCode[] = [
  "goal_reached",
  "partly_reached",
  "not_reached",
];

/** A granted or partly granted intervention is carried out, so it needs a plan. */
export const needsPlan = (outcome: DecisionOutcomeCode) => outcome !== "denied";

/** Granted decisions without a plan yet, oldest first (the order they were decided in). */
export function decisionsNeedingPlan(
  decisions: readonly DecisionView[],
  plans: readonly PlanView[],
): DecisionView[] {
  const planned = new Set(plans.map((p) => p.decisionId));
  return decisions
    .filter((d) => needsPlan(d.outcome) && !planned.has(d.id))
    .sort((a, b) => a.decidedAt.localeCompare(b.decidedAt));
}

/** The list with a new decision in it, newest first as the server lists them. */
export function withDecision(list: readonly DecisionView[], decision: DecisionView) {
  return [decision, ...list.filter((d) => d.id !== decision.id)].sort((a, b) =>
    b.decidedAt.localeCompare(a.decidedAt),
  );
}

/**
 * A legal reference in the parts to keep on one line each: the law ("SoL (2025:400)") and
 * the place in it ("12 kap. 1 §"), so a narrow column never leaves "§" alone on a line.
 */
export function legalReferenceParts(reference: string): string[] {
  const parts = /^(.*?\)) (.+)$/.exec(reference.trim());
  return parts?.[1] && parts[2] ? [parts[1], parts[2]] : [reference];
}

/** True when a follow-up day (YYYY-MM-DD) is before `today` (YYYY-MM-DD, local). */
export const isDayPast = (day: string, today: string) => isDay(day) && day < today;

export interface DecisionDraft {
  interventionKind: InterventionKindCode | "";
  outcome: DecisionOutcomeCode | "";
  periodFrom: string;
  periodTo: string;
  reasoning: string;
}

export const emptyDecisionDraft: DecisionDraft = {
  interventionKind: "",
  outcome: "",
  periodFrom: "",
  periodTo: "",
  reasoning: "",
};

type DecisionField = "interventionKind" | "outcome" | "periodTo" | "reasoning";

export function checkDecisionDraft(
  draft: DecisionDraft,
): Checked<RecordDecisionInput, DecisionField> {
  const fields: Partial<Record<DecisionField, PlainMessageKey>> = {};
  if (draft.interventionKind === "") fields.interventionKind = "decisions.chooseIntervention";
  if (draft.outcome === "") fields.outcome = "decisions.chooseOutcome";
  if (draft.reasoning.trim() === "") fields.reasoning = "decisions.errorReasoning";
  if (draft.periodFrom && draft.periodTo && draft.periodTo < draft.periodFrom) {
    fields.periodTo = "decisions.errorPeriod";
  }
  if (draft.interventionKind === "" || draft.outcome === "" || Object.keys(fields).length > 0) {
    return { ok: false, fields };
  }
  return {
    ok: true,
    body: {
      interventionKind: draft.interventionKind,
      outcome: draft.outcome,
      periodFrom: draft.periodFrom || null,
      periodTo: draft.periodTo || null,
      reasoning: draft.reasoning.trim(),
    },
  };
}

export interface PlanDraft {
  goals: string;
  activities: string;
  startDate: string;
  followUpDate: string;
}

type PlanField = keyof PlanDraft;

export function checkPlan(draft: PlanDraft): Checked<SavePlanInput, PlanField> {
  const fields: Partial<Record<PlanField, PlainMessageKey>> = {};
  if (draft.goals.trim() === "") fields.goals = "plans.errorGoals";
  if (draft.activities.trim() === "") fields.activities = "plans.errorActivities";
  if (!isDay(draft.startDate)) fields.startDate = "plans.errorDate";
  if (!isDay(draft.followUpDate)) fields.followUpDate = "plans.errorDate";
  else if (isDay(draft.startDate) && draft.followUpDate < draft.startDate) {
    fields.followUpDate = "plans.errorFollowUpBeforeStart";
  }
  if (Object.keys(fields).length > 0) return { ok: false, fields };
  return {
    ok: true,
    body: {
      goals: draft.goals.trim(),
      activities: draft.activities.trim(),
      startDate: draft.startDate,
      followUpDate: draft.followUpDate,
    },
  };
}

export interface FollowUpDraft {
  outcome: FollowUpOutcomeCode | "";
  notes: string;
  nextFollowUpDate: string;
}

export const emptyFollowUpDraft: FollowUpDraft = { outcome: "", notes: "", nextFollowUpDate: "" };

type FollowUpField = keyof FollowUpDraft;

export function checkFollowUp(draft: FollowUpDraft): Checked<RecordFollowUpInput, FollowUpField> {
  const fields: Partial<Record<FollowUpField, PlainMessageKey>> = {};
  if (draft.outcome === "") fields.outcome = "plans.chooseOutcome";
  if (draft.notes.trim() === "") fields.notes = "plans.errorNotes";
  if (draft.nextFollowUpDate !== "" && !isDay(draft.nextFollowUpDate)) {
    fields.nextFollowUpDate = "plans.errorDate";
  }
  if (draft.outcome === "" || Object.keys(fields).length > 0) return { ok: false, fields };
  return {
    ok: true,
    body: {
      outcome: draft.outcome,
      notes: draft.notes.trim(),
      nextFollowUpDate: draft.nextFollowUpDate || null,
    },
  };
}
