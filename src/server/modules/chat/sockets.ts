import type { FastifyRequest } from "fastify";
import type { WebSocket } from "ws";
import {
  type ChatServerEvent,
  StaffSocketMessage,
  YoungSocketMessage,
} from "../../../shared/api/chat.ts";
import type { Actor } from "../../access/actor.ts";
import { actorOf } from "../../auth/hook.ts";
import { cookieValue, loadSession, sessionCookie, touchSession } from "../../auth/sessions.ts";
import type { App, AppContext } from "../../http/context.ts";
import { AppError } from "../../http/errors.ts";
import { chatMeta, runChatCommand } from "./guard.ts";
import type { ChatHub } from "./hub.ts";
import type { ChatLimits } from "./limits.ts";
import { chatUnitsOf } from "./policy.ts";
import { staffSend } from "./staff.ts";
import { openByToken, type YoungSession, youngLeave, youngSend } from "./young.ts";

/**
 * The chat's two WebSockets. The young person's is public and learns her conversation from
 * the token sent as the first message (a URL gets logged; a message does not). Staff's is
 * opened with the session cookie, so the Origin must be Frid's own (cross-site WebSocket
 * hijacking: a browser sends the cookie to a socket any site opens), and the session and its
 * roles are read again for each message. Neither ever logs or stores the client's address:
 * the limits keep it in memory only (limits.ts).
 */

/** Close codes the pages tell apart (4000–4999 are the application's own). */
export const closeCodes = { unauthenticated: 4401, forbidden: 4403, notFound: 4404 } as const;

/** The Origin must be this server's own: `scheme://host` as the request reached it. */
export async function sameOrigin(request: FastifyRequest) {
  const origin = request.headers.origin;
  // (A socket injected by a test has no TLS state to tell the scheme by: plain http.)
  const scheme = request.protocol ?? "http";
  if (!origin || origin !== `${scheme}://${request.host}`) {
    throw new AppError(403, "forbidden", "Anslutningen kom från en annan webbplats och avvisades.");
  }
}

function sender(socket: WebSocket) {
  return (event: ChatServerEvent) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(event));
  };
}

function errorEvent(error: unknown): ChatServerEvent {
  if (error instanceof AppError) return { type: "error", code: error.code, message: error.message };
  return { type: "error", code: "internal", message: "Något gick fel. Försök igen." };
}

function parse(raw: unknown): unknown {
  try {
    return JSON.parse(String(raw));
  } catch {
    return null;
  }
}

/** Handles a socket's messages one at a time, in order; a failure is told to the page. */
function inOrder(
  socket: WebSocket,
  request: FastifyRequest,
  handle: (data: unknown) => Promise<void>,
) {
  let chain = Promise.resolve();
  const send = sender(socket);
  socket.on("message", (raw) => {
    chain = chain.then(() =>
      handle(parse(raw)).catch((error: unknown) => {
        if (!(error instanceof AppError)) request.log.error({ err: error }, "chat socket failed");
        send(errorEvent(error));
      }),
    );
  });
}

const invalid = (message: string) => new AppError(400, "validation_failed", message);
const tooMany = () =>
  new AppError(429, "too_many_requests", "Du skickar för snabbt. Vänta en liten stund.");

export function registerChatSockets(
  app: App,
  context: AppContext,
  hub: ChatHub,
  limits: ChatLimits,
) {
  app.get(
    "/api/chat/socket",
    {
      websocket: true,
      config: { public: true },
      schema: { hide: true },
      preValidation: sameOrigin,
    },
    (socket, request) => youngConnection(socket, request, context, hub, limits),
  );
  app.get(
    "/api/chat/staff-socket",
    { websocket: true, schema: { hide: true }, preValidation: sameOrigin },
    (socket, request) => staffConnection(socket, request, context, hub, limits),
  );
}

/** Her socket: silent until the token comes (10 seconds at most), then her conversation. */
function youngConnection(
  socket: WebSocket,
  request: FastifyRequest,
  { database }: AppContext,
  hub: ChatHub,
  limits: ChatLimits,
) {
  const send = sender(socket);
  const address = request.ip;
  const connection = limits.newConnection();
  let session: YoungSession | null = null;
  let unfollow = () => {};
  const waiting = setTimeout(() => {
    if (!session) socket.close(closeCodes.unauthenticated, "token missing");
  }, 10_000);
  socket.on("close", () => {
    clearTimeout(waiting);
    unfollow();
  });
  const hello = async (token: string) => {
    if (limits.hello.hit(address) > 0) throw tooMany();
    const opened = await openByToken(database.db, token);
    if (!opened) {
      send({ type: "error", code: "not_found", message: "Samtalet finns inte längre." });
      socket.close(closeCodes.notFound, "no such conversation");
      return;
    }
    session = opened;
    // Her page is told who wrote as "you" or "the staff", never a staff member's name.
    unfollow = hub.follow(opened.conversationId, (event) =>
      send(
        event.type === "message"
          ? { ...event, message: { ...event.message, authorName: null } }
          : event,
      ),
    );
    send({ type: "ready", status: opened.status, messages: opened.messages });
  };
  inOrder(socket, request, async (data) => {
    const parsed = YoungSocketMessage.safeParse(data);
    if (!parsed.success) throw invalid(parsed.error.issues[0]?.message ?? "Ogiltigt meddelande.");
    const message = parsed.data;
    if (message.type === "hello") return session ? undefined : hello(message.token);
    if (!session) return socket.close(closeCodes.unauthenticated, "token missing");
    if (message.type === "send" && (connection.hit("c") > 0 || limits.messages.hit(address) > 0))
      throw tooMany();
    await youngCommand(database, hub, session, message);
    if (message.type === "leave") socket.close(1000, "left");
  });
}

/** Her message, or her leaving: told to everyone following the conversation and its queue. */
async function youngCommand(
  database: AppContext["database"],
  hub: ChatHub,
  session: YoungSession,
  message: Exclude<YoungSocketMessage, { type: "hello" }>,
) {
  const conversationId = session.conversationId;
  if (message.type === "send") {
    const sent = await youngSend(database.db, session, message.body);
    hub.publish(conversationId, { type: "message", conversationId, message: sent });
  } else if (await youngLeave(database.db, session)) {
    hub.publish(conversationId, { type: "status", conversationId, status: "closed" });
  }
  hub.queueChanged([session.unitId]);
}

/** Staff's socket: the session's actor at connect, read again for every message. */
function staffConnection(
  socket: WebSocket,
  request: FastifyRequest,
  { config, database }: AppContext,
  hub: ChatHub,
  limits: ChatLimits,
) {
  const send = sender(socket);
  const sessionId = cookieValue(request.headers.cookie, sessionCookie);
  let units = request.actor ? chatUnitsOf(request.actor) : [];
  if (units.length === 0 || !sessionId) return socket.close(closeCodes.forbidden, "no chat");
  const connection = limits.newConnection();
  const unfollows = new Map<string, () => void>();
  const removeStaff = hub.addStaff({ units: () => units, send });
  socket.on("close", () => {
    removeStaff();
    for (const unfollow of unfollows.values()) unfollow();
  });
  inOrder(socket, request, async (data) => {
    // The session and its roles as the tables say now: ended or changed, the socket ends.
    const session = await loadSession(database.db, config, sessionId);
    const actor: Actor | null = session ? actorOf(session) : null;
    units = actor ? chatUnitsOf(actor) : [];
    if (!session || !actor || units.length === 0) {
      return socket.close(actor ? closeCodes.forbidden : closeCodes.unauthenticated, "session");
    }
    await touchSession(database.db, config, session);
    const parsed = StaffSocketMessage.safeParse(data);
    if (!parsed.success) throw invalid(parsed.error.issues[0]?.message ?? "Ogiltigt meddelande.");
    if (connection.hit("c") > 0) throw tooMany();
    const message = parsed.data;
    const meta = chatMeta(request.id);
    const id = message.conversationId;
    if (message.type === "send") {
      const sent = await staffSend(database, actor, meta, id, message.body);
      return hub.publish(id, { type: "message", conversationId: id, message: sent });
    }
    // Following a conversation shows its messages as they come: a read, audited.
    await runChatCommand(database, actor, meta, {
      conversationId: id,
      action: "chat.read",
      run: async () => null,
    });
    if (!unfollows.has(id)) unfollows.set(id, hub.follow(id, send));
  });
}
