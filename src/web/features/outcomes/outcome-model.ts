import { type GoalReached, goalReachedValues } from "../../../shared/api/outcomes";
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

/** A series' points with the change since the measure before (null for the first). */
export function withChange<P extends { total: number }>(points: readonly P[]) {
  return points.map((p, i) => ({ ...p, change: i === 0 ? null : p.total - points[i - 1]!.total }));
}
