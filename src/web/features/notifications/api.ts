import {
  NotificationSettings,
  type NotificationSettingsBody,
  Notifications,
} from "../../../shared/api/notifications";
import type { Transport } from "../../api/transport";

export type { Notification, Notifications } from "../../../shared/api/notifications";

/** The notification calls of the Api (api/endpoints.ts assembles every feature's). */
export function notificationsApi({ get, post, put, id }: Transport) {
  return {
    // The notification centre: my notifications and how many are unread (an audited read).
    notifications: (signal?: AbortSignal) => get("/api/notifications", Notifications, signal),
    markNotificationRead: (notificationId: string) =>
      post(`/api/notifications/${id(notificationId)}/read`, {}, Notifications),
    markAllNotificationsRead: () => post("/api/notifications/read-all", {}, Notifications),
    notificationSettings: (signal?: AbortSignal) =>
      get("/api/notifications/settings", NotificationSettings, signal),
    saveNotificationSettings: (body: NotificationSettingsBody) =>
      put("/api/notifications/settings", body, NotificationSettings),
  };
}
