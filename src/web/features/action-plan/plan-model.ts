import type { ActivityStatus, AreaKind, GoalFollowUpStatus } from "../../../shared/api/action-plan";
import type { ActionPlanGoal } from "../../api/endpoints";

/** Catalogue keys for the plan's fixed areas and statuses (an own area carries its title). */
export const areaKey = (kind: Exclude<AreaKind, "own">) => `actionPlan.area.${kind}` as const;
export const activityStatusKey = (status: ActivityStatus) =>
  `actionPlan.activityStatus.${status}` as const;
export const followUpStatusKey = (status: GoalFollowUpStatus) =>
  `actionPlan.followUpStatus.${status}` as const;

/**
 * The year a follow-up form starts on: last year (the one a follow-up is due for after 31
 * January), kept inside the plan's period so a new plan starts on its first year.
 */
export function defaultFollowUpYear(
  today: Date,
  plan: { fromYear: number; toYear: number },
): number {
  const lastYear = today.getFullYear() - 1;
  return Math.min(Math.max(lastYear, plan.fromYear), plan.toYear);
}

/**
 * A number typed by a person ("12", "12,5", "12.5") or null when it is not one. Swedish
 * writes a decimal comma; an empty field is not a number.
 */
export function parseAmount(text: string): number | null {
  const trimmed = text.trim().replace(",", ".");
  if (trimmed === "" || !/^-?\d+(\.\d+)?$/.test(trimmed)) return null;
  return Number(trimmed);
}

/** The plan's years, first to last: the years a goal can be followed up for. */
export function planYears(plan: { fromYear: number; toYear: number }): number[] {
  return Array.from({ length: plan.toYear - plan.fromYear + 1 }, (_, i) => plan.fromYear + i);
}

/**
 * The follow-up form's fields for a year: the follow-up saved for that year, or empty ones, so
 * one year's text is never saved as another's. A computed value is Frid's, never typed.
 */
export function followUpDraft(goal: Pick<ActionPlanGoal, "followUps">, year: number) {
  const saved = goal.followUps.find((f) => f.year === year);
  return {
    year,
    status: (saved?.status ?? "") as GoalFollowUpStatus | "",
    done: saved?.done ?? "",
    value: saved && !saved.computed && saved.value !== null ? String(saved.value) : "",
  };
}

/**
 * A change form's fields carried onto the plan as it is now, when it changed under the open
 * form (another manager's change, read after a 409): what the person changed (`draft` differs
 * from what she `seen`) stays hers, every other field shows what is there `now` — so saving
 * again does not quietly write back what the other manager had changed.
 */
export function rebaseDraft<T extends Record<string, string>>(draft: T, seen: T, now: T): T {
  const next = { ...now };
  for (const key of Object.keys(draft) as (keyof T)[]) {
    if (draft[key] !== seen[key]) next[key] = draft[key];
  }
  return next;
}
