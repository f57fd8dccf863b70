import fastifyWebsocket from "@fastify/websocket";
import { IdParams } from "../../../shared/api/admin.ts";
import {
  ChatConsentBody,
  ChatConversationView,
  ChatHandOverBody,
  ChatIntakeBody,
  ChatIntakeResult,
  ChatQueue,
  ChatSettingsBody,
  ChatSettingsList,
  ChatSettingsView,
  PublicChatUnits,
  StartChatBody,
  StartChatResult,
  UnitParams,
} from "../../../shared/api/chat.ts";
import type { App, AppContext, RouteModule } from "../../http/context.ts";
import { rateLimited } from "../../http/rate-limit.ts";
import { requireActor } from "../../http/request-context.ts";
import { chatMeta } from "./guard.ts";
import { ChatHub } from "./hub.ts";
import { intakeFromChat } from "./intake.ts";
import { type ChatLimits, chatLimits } from "./limits.ts";
import { listChatSettings, saveChatSettings } from "./settings.ts";
import { registerChatSockets } from "./sockets.ts";
import {
  chatQueue,
  closeConversation,
  handOver,
  readConversation,
  recordConsent,
  takeConversation,
} from "./staff.ts";
import { publicChatUnits, startConversation } from "./young.ts";

const tags = ["chat"];

/**
 * The young people's chat (issue 17, item 6): public routes for her page (rate-limited, no
 * address stored or logged), staff's queue and commands, and the two WebSockets (sockets.ts).
 * Every event the chat writes names the conversation and carries no client address (chatMeta).
 */
export const chatRoutes: RouteModule = async (app, context) => {
  await app.register(fastifyWebsocket, { options: { maxPayload: 16 * 1024 } });
  // An upgrade refused before the plugin's own hooks ran (401 from auth/hook.ts, 403 from
  // the Origin check) is answered over a socket no HTTP server tracks: end it, or it stays.
  app.addHook("onResponse", async (request, reply) => {
    if (request.headers.upgrade?.toLowerCase() === "websocket" && reply.statusCode >= 400)
      request.raw.socket?.destroy();
  });
  const hub = new ChatHub();
  const limits = chatLimits();
  registerPublicRoutes(app, context, hub, limits);
  registerSettingsRoutes(app, context);
  registerStaffRoutes(app, context, hub);
  registerChatSockets(app, context, hub, limits);
};

function registerPublicRoutes(
  app: App,
  { config, database }: AppContext,
  hub: ChatHub,
  limits: ChatLimits,
) {
  app.get(
    "/api/chat/public/units",
    {
      config: { public: true },
      schema: {
        tags,
        summary:
          "The units whose chat for young people is on, whether each is open now, and the quick exit's address",
        response: { 200: PublicChatUnits },
      },
    },
    async () => ({
      units: await publicChatUnits(database.db, new Date()),
      exitUrl: config.chatExitUrl,
    }),
  );

  app.post(
    "/api/chat/public/conversations",
    {
      config: { public: true },
      // The address counts in memory only (limits.ts): never stored, never logged.
      onRequest: rateLimited(
        limits.starts,
        "Många samtal har startats härifrån. Vänta några minuter och försök igen.",
      ),
      schema: {
        tags,
        summary:
          "Start a conversation (no account): answers its token once; send it as the socket's first message",
        body: StartChatBody,
        response: { 201: StartChatResult },
      },
    },
    async (request, reply) => {
      const started = await startConversation(database.db, request.body.unitId, new Date());
      hub.queueChanged([started.unitId]);
      return reply.status(201).send({ token: started.token });
    },
  );
}

function registerSettingsRoutes(app: App, { database }: AppContext) {
  app.get(
    "/api/chat/settings",
    {
      schema: {
        tags,
        summary: "The chat settings of the units the caller manages",
        response: { 200: ChatSettingsList },
      },
    },
    async (request) => ({ units: await listChatSettings(database, requireActor(request)) }),
  );

  app.put(
    "/api/chat/settings/:unitId",
    {
      schema: {
        tags,
        summary:
          "Set a unit's chat: on/off, opening hours, days off, retention, welcome text (its managers)",
        params: UnitParams,
        body: ChatSettingsBody,
        response: { 200: ChatSettingsView },
      },
    },
    async (request) =>
      saveChatSettings(
        database,
        requireActor(request),
        chatMeta(request.id),
        request.params.unitId,
        request.body,
      ),
  );
}

function registerStaffRoutes(app: App, { database }: AppContext, hub: ChatHub) {
  app.get(
    "/api/chat/queue",
    {
      schema: {
        tags,
        summary: "The conversations of the caller's chat units and those handed over to them",
        response: { 200: ChatQueue },
      },
    },
    async (request) => chatQueue(database, requireActor(request), chatMeta(request.id)),
  );

  app.get(
    "/api/chat/conversations/:id",
    {
      schema: {
        tags,
        summary: "One conversation and its messages (audited)",
        params: IdParams,
        response: { 200: ChatConversationView },
      },
    },
    async (request) =>
      readConversation(database, requireActor(request), chatMeta(request.id), request.params.id),
  );

  const changed = changedIn(hub);
  const simple = [
    ["take", "Take a waiting conversation: it is the caller's to answer", takeConversation],
    ["close", "Close the conversation: the unit's retention starts", closeConversation],
  ] as const;
  for (const [path, summary, run] of simple) {
    app.post(
      `/api/chat/conversations/:id/${path}`,
      { schema: { tags, summary, params: IdParams, response: { 200: ChatConversationView } } },
      async (request) =>
        changed(
          await run(database, requireActor(request), chatMeta(request.id), request.params.id),
        ),
    );
  }
  registerConversationCommands(app, database, hub);
}

function registerConversationCommands(app: App, database: AppContext["database"], hub: ChatHub) {
  const changed = changedIn(hub);

  app.post(
    "/api/chat/conversations/:id/consent",
    {
      schema: {
        tags,
        summary: "Record the young person's consent to an intake or a hand-over: her words quoted",
        params: IdParams,
        body: ChatConsentBody,
        response: { 200: ChatConversationView },
      },
    },
    async (request) =>
      changed(
        await recordConsent(
          database,
          requireActor(request),
          chatMeta(request.id),
          request.params.id,
          request.body.words,
        ),
      ),
  );

  app.post(
    "/api/chat/conversations/:id/hand-over",
    {
      schema: {
        tags,
        summary: "Hand the conversation (consent recorded) to a child or adult services unit",
        params: IdParams,
        body: ChatHandOverBody,
        response: { 200: ChatConversationView },
      },
    },
    async (request) =>
      changed(
        await handOver(
          database,
          requireActor(request),
          chatMeta(request.id),
          request.params.id,
          request.body.unitId,
        ),
        request.body.unitId,
      ),
  );

  registerIntakeRoute(app, database);
}

function registerIntakeRoute(app: App, database: AppContext["database"]) {
  app.post(
    "/api/chat/conversations/:id/intake",
    {
      schema: {
        tags,
        summary:
          "Make an intake from the conversation (consent recorded): the person registered as told, the chosen messages as the report",
        params: IdParams,
        body: ChatIntakeBody,
        response: { 201: ChatIntakeResult },
      },
    },
    async (request, reply) => {
      const result = await intakeFromChat(
        database,
        requireActor(request),
        chatMeta(request.id),
        request.params.id,
        request.body,
      );
      return reply.status(201).send(result);
    },
  );
}

/** A command that changed a conversation tells its followers and the queues that show it. */
function changedIn(hub: ChatHub) {
  return (view: ChatConversationView, alsoUnit?: string) => {
    hub.publish(view.id, { type: "status", conversationId: view.id, status: view.status });
    hub.queueChanged(alsoUnit ? [view.unitId, alsoUnit] : [view.unitId]);
    return view;
  };
}
