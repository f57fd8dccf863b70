import type { ErrorCode } from "../../../shared/api/error";
import { type GoalReached, goalReachedValues } from "../../../shared/api/outcomes";
import type { Checked as FormChecked } from "../../ui/form-issues";
import type { CaseOutcomeInput } from "./api";

/** What the close form holds of the outcome while it is filled in. */
export interface OutcomeDraft {
  goalReached: GoalReached | "";
  ownView: string;
  notAssessedReason: string;
}

export const emptyOutcome: OutcomeDraft = { goalReached: "", ownView: "", notAssessedReason: "" };

export const isGoalReached = (v: string): v is GoalReached =>
  (goalReachedValues as readonly string[]).includes(v);

type Checked =
  | { ok: true; body: CaseOutcomeInput }
  | { ok: false; fields: Record<string, "outcome.chooseGoal" | "outcome.reasonRequired"> };

/**
 * The outcome as the server takes it, or the fields to correct first (the server checks the
 * same and answers 400 anyway). A reason goes only with "not assessed"; an empty view is none.
 */
export function outcomeInput(draft: OutcomeDraft): Checked {
  if (draft.goalReached === "") return { ok: false, fields: { outcome: "outcome.chooseGoal" } };
  const reason = draft.notAssessedReason.trim();
  if (draft.goalReached === "not_assessed" && !reason)
    return { ok: false, fields: { "outcome.notAssessedReason": "outcome.reasonRequired" } };
  return {
    ok: true,
    body: {
      goalReached: draft.goalReached,
      ownView: draft.ownView.trim() || null,
      notAssessedReason: draft.goalReached === "not_assessed" ? reason : null,
    },
  };
}

/**
 * A form that closes a case (the treatment's end, the team's decision not to go on) checked
 * with the outcome it closes with: the body with the outcome, or every field to correct. The
 * outcome is null when the form does not close the case, and is then not asked.
 */
export function withOutcome<B, F extends string>(
  checked: FormChecked<B, F>,
  outcome: OutcomeDraft | null,
): FormChecked<
  B & { outcome: CaseOutcomeInput | null },
  F | "outcome" | "outcome.notAssessedReason"
> {
  const result = outcome ? outcomeInput(outcome) : null;
  if (checked.ok && (!result || result.ok))
    return { ok: true, body: { ...checked.body, outcome: result?.ok ? result.body : null } };
  return {
    ok: false,
    fields: {
      ...(checked.ok ? {} : checked.fields),
      ...(result && !result.ok ? result.fields : {}),
    },
  };
}

/** A series' points with the change since the measure before (null for the first). */
export function withChange<P extends { total: number }>(points: readonly P[]) {
  return points.map((p, i) => ({ ...p, change: i === 0 ? null : p.total - points[i - 1]!.total }));
}

/** The change form starts from the outcome recorded now, so a correction changes only what it must. */
export function draftOf(
  recorded: {
    goalReached: GoalReached;
    ownView: string | null;
    notAssessedReason: string | null;
  } | null,
): OutcomeDraft {
  if (!recorded) return emptyOutcome;
  return {
    goalReached: recorded.goalReached,
    ownView: recorded.ownView ?? "",
    notAssessedReason: recorded.notAssessedReason ?? "",
  };
}

/**
 * The field an error belongs to. The close form sends the outcome inside the status change
 * ("outcome.goalReached"), PUT /outcome sends it alone ("goalReached"): OutcomeFields asks by
 * the first name, so the second is looked up too.
 */
export function outcomeFieldError(
  fieldError: (name: string) => string | undefined,
  name: string,
): string | undefined {
  return fieldError(name) ?? fieldError(name.replace(/^outcome\./, ""));
}

const conflicts: Partial<Record<ErrorCode, "reopened" | "changedMeanwhile">> = {
  case_not_closed: "reopened",
  stale_version: "changedMeanwhile",
};

/**
 * Why the server refused a saved outcome, told by its error code (never by its message): the
 * case was reopened meanwhile, or someone changed the outcome from the same version; null for
 * any other error.
 */
export function outcomeConflict(error: {
  status: number;
  code: string;
}): "reopened" | "changedMeanwhile" | null {
  if (error.status !== 409) return null;
  return conflicts[error.code as ErrorCode] ?? null;
}
