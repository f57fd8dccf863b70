import type { Notification, NotificationCategory } from "../../../shared/api/notifications.ts";
import { notificationCategories } from "../../../shared/api/notifications.ts";
import { stockholmDate } from "../../../shared/calendar.ts";
import { daysLeft, dueVerySoonDays } from "../../../shared/deadlines.ts";
import type { DueLine } from "../worklist/service.ts";

/** A notification before its read state is known, with what its audit event names. */
export type Notice = Omit<Notification, "read"> & { personId: string; unitId: string };

/** A case assigned to me by someone else, recently (queries.ts recentAssignments). */
export interface Assignment {
  id: string;
  reference: string;
  person_id: string;
  unit_id: string;
  assigned_at: Date;
}

/** What a line of Att göra tells: a barrier event to acknowledge, overdue, near, or new. */
export function categoryOf(line: DueLine, now: Date): NotificationCategory {
  if (line.kind === "barrier_notice") return "barrier_event";
  if (line.status === "overdue") return "overdue";
  return daysLeft(line.dueAt, now) <= dueVerySoonDays ? "due_soon" : "new";
}

/** The id that is the same at every recomputation of the same fact (shared/api/notifications.ts). */
export function noticeId(
  category: NotificationCategory,
  kind: string,
  caseId: string,
  date: string,
) {
  return `${category}:${kind}:${caseId}:${date}`;
}

const rank = (c: NotificationCategory) => notificationCategories.indexOf(c);

/**
 * The notifications of Att göra's lines and of recent assignments: one per fact (two lines of
 * the same kind, case and day are one notice), most urgent category first, then by day.
 */
export function noticesOf(lines: DueLine[], assignments: Assignment[], now: Date): Notice[] {
  const notices = new Map<string, Notice>();
  for (const line of lines) {
    const category = categoryOf(line, now);
    const date = stockholmDate(line.dueAt);
    const id = noticeId(category, line.kind, line.caseId, date);
    notices.set(id, {
      id,
      category,
      kind: line.kind,
      caseId: line.caseId,
      reference: line.reference,
      date,
      personId: line.personId,
      unitId: line.unitId,
    });
  }
  for (const a of assignments) {
    const date = stockholmDate(a.assigned_at);
    const id = noticeId("assigned", "case", a.id, date);
    notices.set(id, {
      id,
      category: "assigned",
      kind: null,
      caseId: a.id,
      reference: a.reference,
      date,
      personId: a.person_id,
      unitId: a.unit_id,
    });
  }
  return [...notices.values()].sort(
    (a, b) => rank(a.category) - rank(b.category) || a.date.localeCompare(b.date),
  );
}
