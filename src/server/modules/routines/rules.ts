import type { RoutineStatus } from "../../../shared/api/routines.ts";
import { addDays } from "../../../shared/calendar.ts";
import { routineReviewNoticeDays } from "../../../shared/deadlines.ts";

/**
 * When a routine counts as current on a day, the rule Öppna jämförelser asks about: approved
 * by a body or role marked as management, approved on or before the day, its review date not
 * passed, and not superseded by a new version approved by then.
 */
export interface RoutineFacts {
  title: string;
  approved_on: string;
  review_on: string;
  management: boolean;
  /** A new version of it approved on or before the day. */
  superseded: boolean;
}

export function routineStatus(r: RoutineFacts, onDate: string): RoutineStatus {
  if (r.superseded) return "superseded";
  if (!r.management) return "not_approved_by_management";
  if (r.approved_on > onDate) return "not_yet_approved";
  if (r.review_on < onDate) return "stale";
  return "current";
}

/** Why a routine does not count as current on the day, in words; null when it does. */
export function routineProblem(r: RoutineFacts, onDate: string): string | null {
  const title = `Rutinen ”${r.title}”`;
  switch (routineStatus(r, onDate)) {
    case "current":
      return null;
    case "superseded":
      return `${title} har ersatts av en ny version.`;
    case "not_approved_by_management":
      return `${title} är inte fastställd av ledningen.`;
    case "not_yet_approved":
      return `${title} fastställs först ${r.approved_on}.`;
    case "stale":
      return `${title} skulle ha reviderats senast ${r.review_on}.`;
  }
}

/** The review date is within the warning window (or passed): time to revise. */
export const reviewSoon = (reviewOn: string, onDate: string) =>
  reviewOn <= addDays(onDate, routineReviewNoticeDays);
