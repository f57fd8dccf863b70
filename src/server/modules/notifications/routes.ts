import {
  NotificationIdParams,
  NotificationSettings,
  NotificationSettingsBody,
  Notifications,
} from "../../../shared/api/notifications.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import type { App, RouteModule } from "../../http/context.ts";
import { requestMeta, requireActor } from "../../http/request-context.ts";
import {
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
  readNotificationSettings,
  saveNotificationSettings,
} from "./service.ts";

const tags = ["notifications"];

export const notificationRoutes: RouteModule = (app, { config, database }) => {
  registerListRoutes(app, database);
  registerSettingRoutes(app, database, config.mail !== null);
};

/** The notification centre: my notifications, one read, all read. */
function registerListRoutes(app: App, database: DatabaseHandle): void {
  app.get(
    "/api/notifications",
    {
      schema: {
        tags,
        summary:
          "My notifications (from Att göra's lines and recent assignments), with how many are unread",
        response: { 200: Notifications },
      },
    },
    async (request) => listNotifications(database, requireActor(request), requestMeta(request)),
  );
  app.post(
    "/api/notifications/:id/read",
    {
      schema: {
        tags,
        summary: "Mark one of my notifications read; answers the list as it is now",
        params: NotificationIdParams,
        response: { 200: Notifications },
      },
    },
    async (request) =>
      markNotificationRead(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.id,
      ),
  );
  app.post(
    "/api/notifications/read-all",
    {
      schema: {
        tags,
        summary: "Mark every notification I have now read",
        response: { 200: Notifications },
      },
    },
    async (request) =>
      markAllNotificationsRead(database, requireActor(request), requestMeta(request)),
  );
}

/** The daily e-mail digest: off by default, and where to send it. */
function registerSettingRoutes(app: App, database: DatabaseHandle, mailConfigured: boolean): void {
  app.get(
    "/api/notifications/settings",
    {
      schema: {
        tags,
        summary: "My daily e-mail digest setting",
        response: { 200: NotificationSettings },
      },
    },
    async (request) => readNotificationSettings(database, requireActor(request), mailConfigured),
  );
  app.put(
    "/api/notifications/settings",
    {
      schema: {
        tags,
        summary: "Turn my daily e-mail digest (counts only, never personal data) on or off",
        body: NotificationSettingsBody,
        response: { 200: NotificationSettings },
      },
    },
    async (request) =>
      saveNotificationSettings(
        database,
        requireActor(request),
        requestMeta(request),
        request.body,
        mailConfigured,
      ),
  );
}
