import {
  RecordCourtStepBody,
  RecordPlacementReviewBody,
  RevokeConsentBody,
} from "../../../shared/api/child-placement";
import { interventionKinds, RecordDecisionBody } from "../../../shared/api/decisions";
import { RecordFollowUpBody, SavePlanBody } from "../../../shared/api/plans";
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
import { type Checked, type FieldMessages, formIssues } from "../../ui/form-issues";

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
export const isDayPast = (day: string, today: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(day) && day < today;

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

/** The placement as the server takes it: only the rows typed in, only what the basis offers. */
function placementValue(p: PlacementDraft) {
  const rows = p.consents
    .slice(0, consentRowsFor(p.basis))
    .flatMap((c, row) => (isFilled(c) ? [{ row, consent: c }] : []));
  const consent = p.basis === "custodians_consent";
  return {
    rows: rows.map((r) => r.row),
    body: {
      basis: p.basis,
      consents: rows.map((r) => r.consent),
      soleCustody: consent && p.soleCustody,
      immediate: !consent && p.immediate,
      locationWithheld: p.locationWithheld,
    },
  };
}

const consentMessages = {
  custodianName: "placement.errorName",
  form: "placement.errorForm",
  givenOn: "placement.errorDate",
} as const;

const decisionMessages: FieldMessages<string> = {
  interventionKind: "decisions.chooseIntervention",
  outcome: "decisions.chooseOutcome",
  reasoning: "decisions.errorReasoning",
  // A half-typed period date is the server's to word; the form words the order of the two.
  periodTo: { periodEndBeforeStart: "decisions.errorPeriod" },
  "childPlacement.basis": "placement.chooseBasis",
  ...Object.fromEntries(
    [0, 1].flatMap((i) =>
      Object.entries(consentMessages).map(([f, key]) => [`childPlacement.consents.${i}.${f}`, key]),
    ),
  ),
};

/** A consent's field named by its row on the form (the body holds only the rows typed in). */
function byRow(fields: Partial<Record<string, PlainMessageKey>>, rows: readonly number[]) {
  return Object.fromEntries(
    Object.entries(fields).map(([name, key]) => {
      const m = /^childPlacement\.consents\.(\d+)\.(\w+)$/.exec(name);
      const row = m ? rows[Number(m[1])] : undefined;
      return [
        row !== undefined && m ? consentFieldName(row, m[2] as keyof ConsentDraft) : name,
        key,
      ];
    }),
  );
}

export function checkDecisionDraft(
  draft: DecisionDraft,
  caseType: CaseType = "adult_victim",
): Checked<RecordDecisionInput, DecisionField | (typeof placementFieldNames)[number]> {
  const placement = needsPlacement(caseType, draft)
    ? placementValue(draft.placement ?? emptyPlacementDraft)
    : null;
  const checked = formIssues(
    RecordDecisionBody,
    {
      interventionKind: draft.interventionKind,
      outcome: draft.outcome,
      periodFrom: draft.periodFrom || null,
      periodTo: draft.periodTo || null,
      reasoning: draft.reasoning,
      ...(placement ? { childPlacement: placement.body } : {}),
    },
    decisionMessages,
  );
  return checked.ok ? checked : { ok: false, fields: byRow(checked.fields, placement?.rows ?? []) };
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
  const checked = formIssues(
    RevokeConsentBody,
    { revokedOn: draft.revokedOn, reason: draft.reason },
    { revokedOn: "placement.errorDate", reason: "placement.errorRevokeReason" },
  );
  // Which consent is the form's own field: the server finds it by the address.
  const fields = draft.consentId === "" ? { consentId: "placement.chooseConsent" as const } : {};
  if (!checked.ok) return { ok: false, fields: { ...fields, ...checked.fields } };
  if (draft.consentId === "") return { ok: false, fields };
  return { ok: true, body: { consentId: draft.consentId, body: checked.body } };
}

export interface CourtRulingDraft {
  ruledOn: string;
  outcome: CourtOutcomeCode | "";
}

export const checkCourtSubmission = (
  submittedOn: string,
): Checked<RecordCourtStepInput, "submittedOn"> =>
  formIssues(RecordCourtStepBody, { submittedOn }, { submittedOn: "placement.errorDate" });

export const checkCourtRuling = (
  draft: CourtRulingDraft,
): Checked<RecordCourtStepInput, "ruledOn" | "outcome"> =>
  formIssues(RecordCourtStepBody, draft, {
    ruledOn: "placement.errorDate",
    outcome: "placement.chooseCourtOutcome",
  });

export interface PlacementReviewDraft {
  reviewedOn: string;
  continues: "yes" | "no" | "";
  notes: string;
}

export const checkPlacementReview = (
  draft: PlacementReviewDraft,
): Checked<RecordPlacementReviewInput, keyof PlacementReviewDraft> =>
  formIssues(
    RecordPlacementReviewBody,
    {
      reviewedOn: draft.reviewedOn,
      continues: draft.continues === "" ? undefined : draft.continues === "yes",
      notes: draft.notes,
    },
    {
      reviewedOn: "placement.errorDate",
      continues: "placement.chooseContinues",
      notes: "placement.errorNotes",
    },
  );

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

export const checkPlan = (draft: PlanDraft): Checked<SavePlanInput, PlanField> =>
  formIssues(
    SavePlanBody,
    // The web writes new plans only: a plan someone else wrote meanwhile is a 409.
    { ...draft, basedOnVersion: null },
    {
      goals: "plans.errorGoals",
      activities: "plans.errorActivities",
      startDate: "plans.errorDate",
      followUpDate: {
        default: "plans.errorDate",
        followUpBeforeStart: "plans.errorFollowUpBeforeStart",
      },
    },
  );

export interface FollowUpDraft {
  outcome: FollowUpOutcomeCode | "";
  notes: string;
  nextFollowUpDate: string;
}

export const emptyFollowUpDraft: FollowUpDraft = { outcome: "", notes: "", nextFollowUpDate: "" };

type FollowUpField = keyof FollowUpDraft;

export const checkFollowUp = (draft: FollowUpDraft): Checked<RecordFollowUpInput, FollowUpField> =>
  formIssues(
    RecordFollowUpBody,
    { ...draft, nextFollowUpDate: draft.nextFollowUpDate || null },
    {
      outcome: "plans.chooseOutcome",
      notes: "plans.errorNotes",
      nextFollowUpDate: "plans.errorDate",
    },
  );
