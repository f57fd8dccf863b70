import type { MessagesOf } from "../../i18n/messages";
import type { notificationsSv } from "./messages.sv";

// English texts of features/notifications: exactly the keys and placeholders of messages.sv.ts.
export const notificationsEn: MessagesOf<typeof notificationsSv> = {
  "notifications.button": "Notifications",
  "notifications.buttonLabel": "Notifications {count} unread",
  "notifications.buttonLabelNone": "Notifications, none unread",
  "notifications.title": "Notifications",
  "notifications.markAll": "Mark all as read",
  "notifications.empty": "No notifications right now.",
  "notifications.unread": "Unread",
  "notifications.loadError": "The notifications could not be loaded. Try again later.",
  "notifications.close": "Close notifications",
  "notifications.allRead": "All notifications are marked as read.",
  "notifications.category.overdue": "Overdue",
  "notifications.category.due_soon": "Within 3 days",
  "notifications.category.new": "New in To do",
  "notifications.category.barrier_event": "To acknowledge",
  "notifications.category.break_glass": "Emergency access to review",
  "notifications.category.assigned": "Assigned to you",
  "notifications.deadline": "{what} – {reference}, last day {date}",
  "notifications.barrierEvent": "{what} – {reference}",
  "notifications.assigned": "Case {reference} was assigned to you ({date})",
  "notifications.digestTitle": "Daily summary by e-mail",
  "notifications.digestIntro":
    "Once a day: counts only – for example how many cases have a last day within 3 days – and a link to Frid. Never names, personal identity numbers, case numbers or addresses.",
  "notifications.digestEnabled": "Send me a daily summary",
  "notifications.digestEmail": "E-mail address",
  "notifications.digestEmailHint": "The summary is sent here, once a day from 06:00.",
  "notifications.digestSave": "Save",
  "notifications.digestNoMail":
    "Frid sends no e-mail here yet (no mail server is set up). You can choose the summary now; it is sent once e-mail is set up.",
  "notifications.digestSaved": "The setting is saved.",
};
