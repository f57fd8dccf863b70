import type { Notification, NotificationCategory } from "../../../shared/api/notifications";
import { subjectPath } from "../../../shared/api/worklist";
import { formatDay } from "../../i18n/dates";
import { worklistKindLabels } from "../../i18n/labels";
import type { Language, PlainMessageKey, Translate } from "../../i18n/messages";

export const categoryLabels: Readonly<Record<NotificationCategory, PlainMessageKey>> = {
  overdue: "notifications.category.overdue",
  due_soon: "notifications.category.due_soon",
  new: "notifications.category.new",
  barrier_event: "notifications.category.barrier_event",
  break_glass: "notifications.category.break_glass",
  assigned: "notifications.category.assigned",
};

/**
 * Where a notification leads: the case. (Its sections get addresses of their own with the
 * case workspace, /cases/:id/journal; a draft to sign could then lead to the journal.)
 */
export function notificationHref(n: Pick<Notification, "caseId" | "subject">): string {
  return n.subject ? subjectPath(n.subject) : `/cases/${n.caseId}`;
}

/** The button's accessible name: how many are unread, e.g. "Notiser, 3 olästa". */
export function buttonLabel(unread: number, t: Translate): string {
  return unread === 0
    ? t("notifications.buttonLabelNone")
    : t("notifications.buttonLabel", { count: unread });
}

/** The sentence a notification shows: what, which case, and its day. Never a person's name. */
export function notificationText(n: Notification, t: Translate, lang: Language): string {
  const date = formatDay(n.date, lang);
  // A notice about no case names its subject (an agreement's title) where a case's reference goes.
  const reference = n.reference ?? n.subject?.title ?? "";
  if (n.kind === null) return t("notifications.assigned", { reference, date });
  const what = t(worklistKindLabels[n.kind]);
  if (n.category === "barrier_event" || n.category === "break_glass")
    return t("notifications.barrierEvent", { what, reference });
  return t("notifications.deadline", { what, reference, date });
}
