import type { Notification, NotificationCategory } from "../../../shared/api/notifications.ts";
import { notificationCategories } from "../../../shared/api/notifications.ts";
import { stockholmDate } from "../../../shared/calendar.ts";
import { daysLeft, dueVerySoonDays } from "../../../shared/deadlines.ts";
import type { DueLine } from "../worklist/service.ts";

/** A notification before its read state is known, with what its audit event names. */
export type Notice = Omit<Notification, "read"> & {
  personId: string | null;
  unitId: string | null;
};

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
  if (line.kind === "break_glass_review") return "break_glass";
  if (line.status === "overdue") return "overdue";
  return daysLeft(line.dueAt, now) <= dueVerySoonDays ? "due_soon" : "new";
}

/** The id that is the same at every recomputation of the same fact (shared/api/notifications.ts). */
export function noticeId(
  category: NotificationCategory,
  kind: string,
  caseOrSubjectId: string,
  date: string,
) {
  return `${category}:${kind}:${caseOrSubjectId}:${date}`;
}

/** The persons, cases and units a list of notices names, for its audit event (none: skipped). */
export function namedIn(notices: readonly Notice[]) {
  const present = (xs: (string | null)[]) => xs.flatMap((x) => (x === null ? [] : [x]));
  return {
    personIds: present(notices.map((n) => n.personId)),
    caseIds: present(notices.map((n) => n.caseId)),
    unitIds: present(notices.map((n) => n.unitId)),
  };
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
    // A line about no case is known by its subject (an agreement, an agency).
    const subject = line.subject ?? null;
    const id = noticeId(category, line.kind, line.caseId ?? subject?.id ?? "", date);
    notices.set(id, {
      id,
      category,
      kind: line.kind,
      caseId: line.caseId,
      reference: line.reference,
      subject,
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
      subject: null,
      date,
      personId: a.person_id,
      unitId: a.unit_id,
    });
  }
  return [...notices.values()].sort(
    (a, b) => rank(a.category) - rank(b.category) || a.date.localeCompare(b.date),
  );
}
