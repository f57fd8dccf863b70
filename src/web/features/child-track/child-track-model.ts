import type { ExtensionInput, PreliminaryDecisionInput, WorklistItem } from "../../api/endpoints";
import type { PlainMessageKey } from "../../i18n/messages";
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

type Checked<B, F extends string> =
  | { ok: true; body: B }
  | { ok: false; fields: Partial<Record<F, PlainMessageKey>> };

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
  const fields: Partial<Record<"needsImmediateProtection" | "reasoning", PlainMessageKey>> = {};
  if (draft.needsImmediateProtection === "") fields.needsImmediateProtection = "child.errorYesNo";
  if (draft.reasoning.trim() === "") fields.reasoning = "child.errorAssessment";
  if (draft.needsImmediateProtection === "" || Object.keys(fields).length > 0) {
    return { ok: false, fields };
  }
  return {
    ok: true,
    body: {
      intakeId,
      needsImmediateProtection: draft.needsImmediateProtection === "yes",
      reasoning: draft.reasoning.trim(),
    },
  };
}

export type DecisionChoice = "open" | "not_open";

export interface DecisionDraft {
  decision: DecisionChoice | "";
  reasoning: string;
}

export function checkDecision(
  draft: DecisionDraft,
): Checked<PreliminaryDecisionInput, "openInvestigation" | "reasoning"> {
  const fields: Partial<Record<"openInvestigation" | "reasoning", PlainMessageKey>> = {};
  if (draft.decision === "") fields.openInvestigation = "child.errorDecision";
  if (draft.reasoning.trim() === "") fields.reasoning = "child.errorReasoning";
  if (draft.decision === "" || Object.keys(fields).length > 0) return { ok: false, fields };
  return {
    ok: true,
    body: { openInvestigation: draft.decision === "open", reasoning: draft.reasoning.trim() },
  };
}

/** The server's least: a reason of at least this many characters. */
export const minExtensionReason = 10;

export function checkExtension(
  draft: ExtensionInput,
): Checked<ExtensionInput, "extendedUntil" | "reason"> {
  const fields: Partial<Record<"extendedUntil" | "reason", PlainMessageKey>> = {};
  if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.extendedUntil)) fields.extendedUntil = "child.errorDate";
  if (draft.reason.trim().length < minExtensionReason) fields.reason = "child.errorExtendReason";
  if (Object.keys(fields).length > 0) return { ok: false, fields };
  return { ok: true, body: { extendedUntil: draft.extendedUntil, reason: draft.reason.trim() } };
}
