import { z } from "zod";
import { fieldRule } from "./fields.ts";
import { WorklistSubject, worklistKinds } from "./worklist.ts";

/**
 * What the notification centre tells (issue 15, "Be told"), most urgent first:
 * - overdue: a line of Att göra whose counted day has passed;
 * - due_soon: a line whose counted day is within 3 days;
 * - new: a line new on Att göra, due later than that (within its 7 days);
 * - break_glass: someone used break-glass on a case of a unit I manage (issue 19, item 6);
 * - barrier_event: an event across a partner-contact barrier to acknowledge;
 * - assigned: a case someone else assigned to me within the last 14 days.
 */
export const notificationCategories = [
  "overdue",
  "break_glass",
  "barrier_event",
  "due_soon",
  "assigned",
  "new",
] as const;
export type NotificationCategory = (typeof notificationCategories)[number];

/**
 * A notification's id: its category, the kind of line ("case" for an assignment), the case
 * and the day it is about (the counted day of a deadline, the day of an assignment). The same
 * fact gives the same id at every recomputation, so "read" survives; a new stage of the same
 * deadline (due soon, then overdue) is a new notification.
 */
export const notificationIdPattern =
  /^(overdue|break_glass|barrier_event|due_soon|assigned|new):([a-z_]{1,40}):([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}):(\d{4}-\d{2}-\d{2})$/;

export const Notification = z
  .object({
    id: z.string(),
    category: z.enum(notificationCategories),
    kind: z.enum(worklistKinds).nullable().meta({
      description: "The line of Att göra it is about; null for an assignment",
    }),
    caseId: z.uuid().nullable().meta({ description: "null: about no case (see subject)" }),
    reference: z.string().nullable(),
    subject: WorklistSubject.nullable(),
    date: z.string().meta({
      description: "The counted day of the deadline, or the day of the assignment (YYYY-MM-DD)",
    }),
    read: z.boolean(),
  })
  .meta({ id: "Notification" });
export type Notification = z.infer<typeof Notification>;

export const Notifications = z
  .object({ items: z.array(Notification), unread: z.number().int() })
  .meta({ id: "Notifications" });
export type Notifications = z.infer<typeof Notifications>;

export const NotificationIdParams = z.object({
  id: z
    .string()
    .max(200)
    .regex(notificationIdPattern, { message: "Notisen finns inte – ladda om listan." }),
});

export const NotificationSettings = z
  .object({
    digest: z.boolean(),
    email: z.string().nullable(),
    mailConfigured: z.boolean().meta({
      description:
        "Whether this Frid sends e-mail at all (FRID_SMTP_URL); if not, no digest goes out",
    }),
  })
  .meta({ id: "NotificationSettings" });
export type NotificationSettings = z.infer<typeof NotificationSettings>;

export const NotificationSettingsBody = z
  .object({
    digest: z.boolean(),
    email: z.email("Skriv en e-postadress som namn@exempel.se.").max(254).nullable(),
  })
  .check(fieldRule("digestNeedsEmail", "email", (b) => b.digest !== true || Boolean(b.email)));
export type NotificationSettingsBody = z.infer<typeof NotificationSettingsBody>;
