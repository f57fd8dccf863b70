import type { AddressInfo } from "node:net";
import type { Kysely } from "kysely";
import { WebSocket } from "ws";
import type { ChatServerEvent } from "../../../shared/api/chat.ts";
import type { Database } from "../../db/types.ts";
import type { App } from "../../http/context.ts";
import {
  as,
  buildOrg,
  buildUnit,
  buildUser,
  login,
  type Session,
} from "../../testing/factories.ts";

/**
 * The chat tests' world: a resource function whose chat its manager turns on (open every
 * hour of every day, days off too, so no test depends on the clock), a consultant answering
 * it, a child services unit with a caseworker, a shelter worker and an administrator who
 * answer no chat, and another organisation's manager.
 */
export const alwaysOpen = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
  weekday,
  from: "00:00",
  to: "24:00",
}));

export async function buildChatWorld(app: App, owner: Kysely<Database>) {
  const org = await buildOrg(owner);
  const resource = await owner
    .insertInto("unit")
    .values({
      org_id: org.id,
      name: `Resursfunktion ${org.id.slice(0, 6)}`,
      kind: "resource_function",
    })
    .returning(["id", "name"])
    .executeTakeFirstOrThrow();
  const child = await buildUnit(owner, org.id, "child_services");
  const shelterUnit = await owner
    .insertInto("unit")
    .values({ org_id: org.id, name: `Boende ${org.id.slice(0, 6)}`, kind: "shelter" })
    .returning("id")
    .executeTakeFirstOrThrow();
  const other = await buildOrg(owner);
  const otherUnit = await buildUnit(owner, other.id);
  const users = {
    manager: await buildUser(owner, org.id, [{ unitId: resource.id, role: "unit_manager" }]),
    consultant: await buildUser(owner, org.id, [{ unitId: resource.id, role: "consultant" }]),
    caseworker: await buildUser(owner, org.id, [{ unitId: child.id, role: "caseworker" }]),
    shelter: await buildUser(owner, org.id, [{ unitId: shelterUnit.id, role: "shelter_staff" }]),
    administrator: await buildUser(owner, org.id, [{ unitId: null, role: "administrator" }]),
    otherOrg: await buildUser(owner, other.id, [{ unitId: otherUnit.id, role: "unit_manager" }]),
  };
  const s = {} as Record<keyof typeof users, Session>;
  for (const [key, user] of Object.entries(users)) {
    s[key as keyof typeof users] = await login(app, user.username);
  }
  return { orgId: org.id, resource, child, users, s };
}
export type ChatWorld = Awaited<ReturnType<typeof buildChatWorld>>;

export async function setChat(
  app: App,
  w: ChatWorld,
  body: Partial<{
    enabled: boolean;
    hours: unknown;
    openOnDaysOff: boolean;
    retentionHours: number;
  }>,
) {
  const res = await app.inject({
    method: "PUT",
    url: `/api/chat/settings/${w.resource.id}`,
    headers: as(w.s.manager),
    payload: { enabled: true, hours: alwaysOpen, openOnDaysOff: true, retentionHours: 24, ...body },
  });
  if (res.statusCode !== 200) throw new Error(`chat settings: ${res.statusCode} ${res.body}`);
}

export async function startChat(app: App, unitId: string, address = "10.0.0.1") {
  return app.inject({
    method: "POST",
    url: "/api/chat/public/conversations",
    payload: { unitId },
    remoteAddress: address,
  });
}

/**
 * A socket's events as they come, and a way to wait for the next one that fits: each wait
 * looks after the event the previous wait found, so an event that came early is not missed.
 */
export function events(ws: WebSocket) {
  const seen: ChatServerEvent[] = [];
  let consumed = 0;
  let waiter: {
    fits: (e: ChatServerEvent) => boolean;
    resolve: (e: ChatServerEvent) => void;
  } | null = null;
  let closed: { code: number } | null = null;
  const closeWaiters: ((c: { code: number }) => void)[] = [];
  const take = (fits: (e: ChatServerEvent) => boolean) => {
    const index = seen.findIndex((e, i) => i >= consumed && fits(e));
    if (index < 0) return null;
    consumed = index + 1;
    return seen[index] as ChatServerEvent;
  };
  ws.on("message", (raw) => {
    seen.push(JSON.parse(String(raw)) as ChatServerEvent);
    const found = waiter ? take(waiter.fits) : null;
    if (waiter && found) {
      const { resolve } = waiter;
      waiter = null;
      resolve(found);
    }
  });
  ws.on("close", (code) => {
    closed = { code };
    for (const c of closeWaiters) c(closed);
  });
  return {
    seen,
    next(fits: (e: ChatServerEvent) => boolean): Promise<ChatServerEvent> {
      const found = take(fits);
      if (found) return Promise.resolve(found);
      return new Promise((resolve) => {
        waiter = { fits, resolve };
      });
    },
    closed(): Promise<{ code: number }> {
      return closed
        ? Promise.resolve(closed)
        : new Promise((resolve) => closeWaiters.push(resolve));
    },
  };
}

export const send = (ws: WebSocket, message: unknown) => ws.send(JSON.stringify(message));

/** Opens a socket to the listening app, as a browser would; refused: rejects with the status. */
export function connect(
  app: App,
  path: string,
  headers: Record<string, string>,
): Promise<WebSocket> {
  const { port } = app.server.address() as AddressInfo;
  const ws = new WebSocket(`ws://127.0.0.1:${port}${path}`, {
    headers: { origin: ownOrigin(app), ...headers },
  });
  return new Promise((resolve, reject) => {
    ws.once("open", () => resolve(ws));
    ws.once("unexpected-response", (request, response) => {
      request.destroy();
      reject(new Error(`Unexpected server response: ${response.statusCode}`));
    });
    ws.once("error", reject);
  });
}

/** The listening app's own origin, as its pages have it. */
export function ownOrigin(app: App) {
  const { port } = app.server.address() as AddressInfo;
  return `http://127.0.0.1:${port}`;
}

export function youngSocket(app: App, headers: Record<string, string> = {}) {
  return connect(app, "/api/chat/socket", headers);
}

export function staffSocket(
  app: App,
  session: Session | null,
  headers: Record<string, string> = {},
) {
  return connect(
    app,
    "/api/chat/staff-socket",
    session ? { cookie: session.cookie, ...headers } : headers,
  );
}
