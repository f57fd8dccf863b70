import { interventionKinds } from "../../../shared/api/decisions";
import type {
  CaseType,
  ConsentFormCode,
  CourtOutcomeCode,
  DecisionOutcomeCode,
  DecisionView,
  FollowUpOutcomeCode,
  InterventionKindCode,
  PlacementBasisCode,
  PlacementView,
  PlanView,
  RecordCourtStepInput,
  RecordDecisionInput,
  RecordFollowUpInput,
  RecordPlacementReviewInput,
  RevokeConsentInput,
  SavePlanInput,
} from "../../api/endpoints";
import type { PlainMessageKey } from "../../i18n/messages";
import { type Checked, isDay } from "../../ui/form-checks";

/*
 * Pure rules for decisions on interventions, implementation plans and follow-ups: checking
 * the forms before they are sent, and which granted decisions still lack a plan. The server
 * checks everything again.
 */

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

/** One custodian's consent as typed: a row left empty is no consent. */
export interface ConsentDraft {
  custodianName: string;
  form: ConsentFormCode | "";
  givenOn: string;
}

/** A child's placement in sheltered housing: on both custodians' consent or lag (2024:79). */
export interface PlacementDraft {
  basis: PlacementBasisCode | "";
  /** Two rows: both custodians' consent; under lag (2024:79) only the first is offered. */
  consents: [ConsentDraft, ConsentDraft];
  soleCustody: boolean;
  immediate: boolean;
  locationWithheld: boolean;
}

const emptyConsent: ConsentDraft = { custodianName: "", form: "", givenOn: "" };

export const emptyPlacementDraft: PlacementDraft = {
  basis: "",
  consents: [emptyConsent, emptyConsent],
  soleCustody: false,
  immediate: false,
  locationWithheld: false,
};

export interface DecisionDraft {
  interventionKind: InterventionKindCode | "";
  outcome: DecisionOutcomeCode | "";
  periodFrom: string;
  periodTo: string;
  reasoning: string;
  /** Asked only for a child's sheltered housing (needsPlacement). */
  placement?: PlacementDraft;
}

export const emptyDecisionDraft: DecisionDraft = {
  interventionKind: "",
  outcome: "",
  periodFrom: "",
  periodTo: "",
  reasoning: "",
  placement: emptyPlacementDraft,
};

/**
 * A child in sheltered housing gets a decision of their own, on both custodians' consent or
 * on lag (2024:79) — unless it is denied (the server's rule, checkPlacement).
 */
export const needsPlacement = (
  caseType: CaseType,
  draft: Pick<DecisionDraft, "interventionKind" | "outcome">,
) =>
  caseType === "child" &&
  draft.interventionKind === "sheltered_housing" &&
  draft.outcome !== "denied";

/** The consent rows the basis offers: two for consent, one (optional) under lag (2024:79). */
export const consentRowsFor = (basis: PlacementBasisCode | "") =>
  basis === "court_2024_79" ? 1 : basis === "custodians_consent" ? 2 : 0;

const isFilled = (c: ConsentDraft) =>
  c.custodianName.trim() !== "" || c.form !== "" || c.givenOn !== "";

/** Field names as the server keys them (the path in the body). */
export const consentFieldName = (index: number, field: keyof ConsentDraft) =>
  `childPlacement.consents.${index}.${field}`;

export const placementFieldNames = [
  "childPlacement",
  "childPlacement.basis",
  "childPlacement.consents",
  "childPlacement.soleCustody",
  "childPlacement.immediate",
  "childPlacement.locationWithheld",
  ...[0, 1].flatMap((i) =>
    (["custodianName", "form", "givenOn"] as const).map((f) => consentFieldName(i, f)),
  ),
] as const;

type DecisionField = "interventionKind" | "outcome" | "periodTo" | "reasoning";

/** The placement as the server takes it; only the rows typed in, only what the basis offers. */
function checkPlacement(
  p: PlacementDraft,
  fields: Record<string, PlainMessageKey>,
): NonNullable<RecordDecisionInput["childPlacement"]> | null {
  if (p.basis === "") {
    fields["childPlacement.basis"] = "placement.chooseBasis";
    return null;
  }
  const consents: { custodianName: string; form: ConsentFormCode; givenOn: string }[] = [];
  p.consents.slice(0, consentRowsFor(p.basis)).forEach((c, i) => {
    if (!isFilled(c)) return;
    if (c.custodianName.trim() === "")
      fields[consentFieldName(i, "custodianName")] = "placement.errorName";
    if (c.form === "") fields[consentFieldName(i, "form")] = "placement.errorForm";
    if (!isDay(c.givenOn)) fields[consentFieldName(i, "givenOn")] = "placement.errorDate";
    if (c.custodianName.trim() !== "" && c.form !== "" && isDay(c.givenOn)) {
      consents.push({ custodianName: c.custodianName.trim(), form: c.form, givenOn: c.givenOn });
    }
  });
  const consent = p.basis === "custodians_consent";
  return {
    basis: p.basis,
    consents,
    soleCustody: consent && p.soleCustody,
    immediate: !consent && p.immediate,
    locationWithheld: p.locationWithheld,
  };
}

export function checkDecisionDraft(
  draft: DecisionDraft,
  caseType: CaseType = "adult_victim",
): Checked<RecordDecisionInput, DecisionField | (typeof placementFieldNames)[number]> {
  const fields: Record<string, PlainMessageKey> = {};
  if (draft.interventionKind === "") fields.interventionKind = "decisions.chooseIntervention";
  if (draft.outcome === "") fields.outcome = "decisions.chooseOutcome";
  if (draft.reasoning.trim() === "") fields.reasoning = "decisions.errorReasoning";
  if (draft.periodFrom && draft.periodTo && draft.periodTo < draft.periodFrom) {
    fields.periodTo = "decisions.errorPeriod";
  }
  const childPlacement = needsPlacement(caseType, draft)
    ? checkPlacement(draft.placement ?? emptyPlacementDraft, fields)
    : null;
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
      ...(childPlacement ? { childPlacement } : {}),
    },
  };
}

/** Which of a placement's small forms are open now; none once it has ended or the case is closed. */
export function placementForms(p: PlacementView, caseOpen: boolean) {
  const open = caseOpen && p.endedOn === null;
  const court = open && p.basis === "court_2024_79";
  return {
    submission: court && p.courtSubmittedOn === null,
    ruling: court && p.courtSubmittedOn !== null && p.courtRuledOn === null,
    review: open,
    revoke: open && p.basis === "custodians_consent" && p.consents.some((c) => !c.revokedOn),
  };
}

export interface RevokeConsentDraft {
  consentId: string;
  revokedOn: string;
  reason: string;
}

export function checkRevokeConsent(
  draft: RevokeConsentDraft,
): Checked<{ consentId: string; body: RevokeConsentInput }, keyof RevokeConsentDraft> {
  const fields: Partial<Record<keyof RevokeConsentDraft, PlainMessageKey>> = {};
  if (draft.consentId === "") fields.consentId = "placement.chooseConsent";
  if (!isDay(draft.revokedOn)) fields.revokedOn = "placement.errorDate";
  if (draft.reason.trim() === "") fields.reason = "placement.errorRevokeReason";
  if (Object.keys(fields).length > 0) return { ok: false, fields };
  return {
    ok: true,
    body: {
      consentId: draft.consentId,
      body: { revokedOn: draft.revokedOn, reason: draft.reason.trim() },
    },
  };
}

export interface CourtRulingDraft {
  ruledOn: string;
  outcome: CourtOutcomeCode | "";
}

export function checkCourtSubmission(
  submittedOn: string,
): Checked<RecordCourtStepInput, "submittedOn"> {
  if (!isDay(submittedOn)) return { ok: false, fields: { submittedOn: "placement.errorDate" } };
  return { ok: true, body: { submittedOn } };
}

export function checkCourtRuling(
  draft: CourtRulingDraft,
): Checked<RecordCourtStepInput, "ruledOn" | "outcome"> {
  const fields: Partial<Record<"ruledOn" | "outcome", PlainMessageKey>> = {};
  if (!isDay(draft.ruledOn)) fields.ruledOn = "placement.errorDate";
  if (draft.outcome === "") fields.outcome = "placement.chooseCourtOutcome";
  if (draft.outcome === "" || Object.keys(fields).length > 0) return { ok: false, fields };
  return { ok: true, body: { ruledOn: draft.ruledOn, outcome: draft.outcome } };
}

export interface PlacementReviewDraft {
  reviewedOn: string;
  continues: "yes" | "no" | "";
  notes: string;
}

export function checkPlacementReview(
  draft: PlacementReviewDraft,
): Checked<RecordPlacementReviewInput, keyof PlacementReviewDraft> {
  const fields: Partial<Record<keyof PlacementReviewDraft, PlainMessageKey>> = {};
  if (!isDay(draft.reviewedOn)) fields.reviewedOn = "placement.errorDate";
  if (draft.continues === "") fields.continues = "placement.chooseContinues";
  if (draft.notes.trim() === "") fields.notes = "placement.errorNotes";
  if (draft.continues === "" || Object.keys(fields).length > 0) return { ok: false, fields };
  return {
    ok: true,
    body: {
      reviewedOn: draft.reviewedOn,
      continues: draft.continues === "yes",
      notes: draft.notes.trim(),
    },
  };
}

/** The list with one decision's placement replaced by a fresher copy from the server. */
export function withPlacement(
  list: readonly DecisionView[],
  decisionId: string,
  placement: PlacementView,
): DecisionView[] {
  return list.map((d) => (d.id === decisionId ? { ...d, childPlacement: placement } : d));
}

/** True when a task's deadline (an instant) has passed and it is not done. */
export const isTaskOverdue = (task: { due: string; doneAt: string | null }, now: Date) =>
  task.doneAt === null && new Date(task.due).getTime() < now.getTime();

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
      // The web writes new plans only: a plan someone else wrote meanwhile is a 409.
      basedOnVersion: null,
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
