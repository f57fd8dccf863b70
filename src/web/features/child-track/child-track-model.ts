import {
  ExtensionBody,
  PreliminaryDecisionBody,
  ProtectionAssessmentBody,
} from "../../../shared/api/child-track";
import type { ExtensionInput, PreliminaryDecisionInput, WorklistItem } from "../../api/endpoints";
import { type Checked, formIssues } from "../../ui/form-issues";
import type { YesNo } from "../cases/casework-model";

/*
 * Pure rules for Att göra and the children's track (barnspåret): grouping deadlines and
 * checking the forms before they are sent. The server checks everything again.
 */

export interface WorklistGroups {
  overdue: WorklistItem[];
  dueSoon: WorklistItem[];
}

/** Splits Att göra into "Försenat" and "Inom 7 dagar", each in the order given (by due). */
export function groupWorklist(items: readonly WorklistItem[]): WorklistGroups {
  return {
    overdue: items.filter((item) => item.status === "overdue"),
    dueSoon: items.filter((item) => item.status === "due_soon"),
  };
}

/** True when the deadline (an ISO instant) has passed at `now`. */
export function isPast(dueIso: string, now: Date): boolean {
  const due = new Date(dueIso).getTime();
  return !Number.isNaN(due) && due < now.getTime();
}

export interface AssessmentDraft {
  needsImmediateProtection: YesNo | "";
  reasoning: string;
}

export function checkAssessment(
  intakeId: string,
  draft: AssessmentDraft,
): Checked<
  { intakeId: string; needsImmediateProtection: boolean; reasoning: string },
  "needsImmediateProtection" | "reasoning"
> {
  const answer = draft.needsImmediateProtection;
  return formIssues(
    ProtectionAssessmentBody,
    {
      intakeId,
      needsImmediateProtection: answer === "" ? undefined : answer === "yes",
      reasoning: draft.reasoning,
    },
    { needsImmediateProtection: "child.errorYesNo", reasoning: "child.errorAssessment" },
  );
}

export type DecisionChoice = "open" | "not_open";

export interface DecisionDraft {
  decision: DecisionChoice | "";
  reasoning: string;
}

export const checkDecision = (
  draft: DecisionDraft,
): Checked<PreliminaryDecisionInput, "openInvestigation" | "reasoning"> =>
  formIssues(
    PreliminaryDecisionBody,
    {
      openInvestigation: draft.decision === "" ? undefined : draft.decision === "open",
      reasoning: draft.reasoning,
    },
    { openInvestigation: "child.errorDecision", reasoning: "child.errorReasoning" },
  );

/** The server's least: a reason of at least this many characters. */
export const minExtensionReason = 10;

export const checkExtension = (
  draft: ExtensionInput,
): Checked<ExtensionInput, "extendedUntil" | "reason"> =>
  formIssues(ExtensionBody, draft, {
    extendedUntil: "child.errorDate",
    reason: "child.errorExtendReason",
  });
