import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import { as } from "../../testing/factories.ts";
import {
  buildChatWorld,
  type ChatWorld,
  events,
  send,
  setChat,
  staffSocket,
  startChat,
  youngSocket,
} from "./chat-world.ts";
import { closeCodes } from "./sockets.ts";
import { tokenHash, withChatToken } from "./young.ts";

/*
 * The young people's chat (issue 17, item 6), from the outside: a unit's settings, the public
 * page's calls, both WebSockets live, and what each side may never reach.
 */
describe.each(testDatabaseKinds)("the young people's chat (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let w: ChatWorld;

  beforeAll(async () => {
    t = await buildTestApp(database());
    await t.app.listen({ port: 0, host: "127.0.0.1" });
    w = await buildChatWorld(t.app, database().owner);
  });
  afterAll(() => t?.close());

  const publicUnits = async () =>
    (await t.app.inject({ method: "GET", url: "/api/chat/public/units" })).json() as {
      units: { unitId: string; openNow: boolean }[];
      exitUrl: string;
    };

  it("lets only the unit's managers set its chat, and lists the unit publicly once it is on", async () => {
    expect((await publicUnits()).units.some((u) => u.unitId === w.resource.id)).toBe(false);
    for (const who of ["consultant", "caseworker", "otherOrg"] as const) {
      const res = await t.app.inject({
        method: "PUT",
        url: `/api/chat/settings/${w.resource.id}`,
        headers: as(w.s[who]),
        payload: { enabled: true, hours: [] },
      });
      expect(res.statusCode, who).toBe(404);
    }
    const bad = await t.app.inject({
      method: "PUT",
      url: `/api/chat/settings/${w.resource.id}`,
      headers: as(w.s.manager),
      payload: {
        enabled: true,
        hours: [{ weekday: 1, from: "17:00", to: "09:00" }],
        retentionHours: 1000,
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("Stängningstiden måste vara efter öppningstiden.");
    expect(bad.body).toContain("högst 30 dygn");
    await setChat(t.app, w, { hours: [] });
    const listed = (await publicUnits()).units.find((u) => u.unitId === w.resource.id);
    expect(listed?.openNow).toBe(false);
    const mine = await t.app.inject({
      method: "GET",
      url: "/api/chat/settings",
      headers: as(w.s.manager),
    });
    expect(mine.json().units[0]).toMatchObject({
      unitId: w.resource.id,
      enabled: true,
      retentionHours: 24,
    });
  });

  it("refuses a conversation outside the opening hours, and one in a unit whose chat is off", async () => {
    await setChat(t.app, w, { hours: [] });
    const closed = await startChat(t.app, w.resource.id);
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.message).toContain("Chatten är stängd just nu");
    expect((await startChat(t.app, w.child.id)).statusCode).toBe(404);
    await setChat(t.app, w, {});
    expect((await publicUnits()).units.find((u) => u.unitId === w.resource.id)?.openNow).toBe(true);
  });

  it("carries her messages and staff's answers live, both ways, and closes on her quick exit", async () => {
    await setChat(t.app, w, {});
    const started = await startChat(t.app, w.resource.id);
    expect(started.statusCode).toBe(201);
    const { token } = started.json() as { token: string };

    const staff = await staffSocket(t.app, w.s.consultant);
    const staffSeen = events(staff);
    const young = await youngSocket(t.app);
    const youngSeen = events(young);
    send(young, { type: "hello", token });
    expect(await youngSeen.next((e) => e.type === "ready")).toMatchObject({
      status: "waiting",
      messages: [],
    });

    const queue = await t.app.inject({
      method: "GET",
      url: "/api/chat/queue",
      headers: as(w.s.consultant),
    });
    const conversation = (queue.json().conversations as { id: string; status: string }[]).at(-1)!;
    expect(conversation.status).toBe("waiting");
    send(staff, { type: "watch", conversationId: conversation.id });
    send(young, { type: "send", body: "Hej, jag får inte träffa mina vänner." });
    const arrived = await staffSeen.next((e) => e.type === "message");
    expect(arrived).toMatchObject({
      message: { sender: "young", body: "Hej, jag får inte träffa mina vänner." },
    });

    // Answering needs the conversation taken first.
    send(staff, { type: "send", conversationId: conversation.id, body: "Hej!" });
    expect(await staffSeen.next((e) => e.type === "error")).toMatchObject({ code: "conflict" });
    const taken = await t.app.inject({
      method: "POST",
      url: `/api/chat/conversations/${conversation.id}/take`,
      headers: as(w.s.consultant),
    });
    expect(taken.statusCode).toBe(200);
    expect(await youngSeen.next((e) => e.type === "status")).toMatchObject({ status: "active" });
    send(staff, { type: "send", conversationId: conversation.id, body: "Hej! Berätta gärna mer." });
    const answer = await youngSeen.next(
      (e) => e.type === "message" && e.message.sender === "staff",
    );
    // Her page never learns a staff member's name.
    expect(answer).toMatchObject({
      message: { body: "Hej! Berätta gärna mer.", authorName: null },
    });

    send(young, { type: "leave" });
    expect((await youngSeen.closed()).code).toBe(1000);
    expect(await staffSeen.next((e) => e.type === "status" && e.status === "closed")).toBeTruthy();
    const row = await database()
      .owner.selectFrom("chat_conversation")
      .select(["status", "closed_by", "closed_at", "purge_after"])
      .where("id", "=", conversation.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe("closed");
    expect(row.closed_by).toBe("young");
    expect(row.purge_after!.getTime() - row.closed_at!.getTime()).toBe(24 * 3_600_000);
    staff.terminate();
  });

  it("refuses a socket without a token, a token of no conversation, and a token of another's", async () => {
    await setChat(t.app, w, {});
    const young = await youngSocket(t.app);
    const seen = events(young);
    send(young, { type: "send", body: "utan token" });
    expect((await seen.closed()).code).toBe(closeCodes.unauthenticated);

    const guessing = await youngSocket(t.app);
    const guessed = events(guessing);
    send(guessing, { type: "hello", token: "x".repeat(43) });
    expect(await guessed.next((e) => e.type === "error")).toMatchObject({ code: "not_found" });
    expect((await guessed.closed()).code).toBe(closeCodes.notFound);

    // Row-level security: her token opens her conversation and nobody else's.
    const a = (await startChat(t.app, w.resource.id)).json().token as string;
    const b = (await startChat(t.app, w.resource.id)).json().token as string;
    const seenWithA = await withChatToken(database().db, w.orgId, tokenHash(a), (trx) =>
      trx.selectFrom("chat_conversation").select("token_hash").execute(),
    );
    expect(seenWithA.map((r) => r.token_hash)).toEqual([tokenHash(a)]);
    expect(seenWithA.map((r) => r.token_hash)).not.toContain(tokenHash(b));
  });

  it("refuses staff's socket without a session, from another site, and to those who answer no chat", async () => {
    await expect(staffSocket(t.app, null)).rejects.toThrow(/401/);
    await expect(
      staffSocket(t.app, w.s.consultant, { origin: "https://elak.example" }),
    ).rejects.toThrow(/403/);
    await expect(youngSocket(t.app, { origin: "https://elak.example" })).rejects.toThrow(/403/);
    for (const who of ["shelter", "administrator"] as const) {
      const ws = await staffSocket(t.app, w.s[who]);
      expect((await events(ws).closed()).code, who).toBe(closeCodes.forbidden);
      const queue = await t.app.inject({
        method: "GET",
        url: "/api/chat/queue",
        headers: as(w.s[who]),
      });
      expect(queue.statusCode, who).toBe(403);
    }
  });

  it("reads the session again on each message: a logged-out socket ends", async () => {
    const { login } = await import("../../testing/factories.ts");
    const session = await login(t.app, w.users.consultant.username);
    const ws = await staffSocket(t.app, session);
    const seen = events(ws);
    await t.app.inject({ method: "POST", url: "/api/auth/logout", headers: as(session) });
    send(ws, { type: "watch", conversationId: w.resource.id });
    expect((await seen.closed()).code).toBe(closeCodes.unauthenticated);
  });

  it("limits how many conversations one address starts", async () => {
    await setChat(t.app, w, {});
    const address = "10.9.9.9";
    for (let i = 0; i < 10; i++)
      expect((await startChat(t.app, w.resource.id, address)).statusCode).toBe(201);
    const refused = await startChat(t.app, w.resource.id, address);
    expect(refused.statusCode).toBe(429);
    expect((await startChat(t.app, w.resource.id, "10.9.9.10")).statusCode).toBe(201);
  });

  it("stores and logs no address: not in the tables, the audit trail or the log", async () => {
    const { rows } = await (await import("kysely")).sql<{ n: number }>`
      select count(*)::int as n from audit_event
       where action like 'chat.%' and client_address is not null`.execute(database().owner);
    expect(rows[0]?.n).toBe(0);
    const { rows: columns } = await (await import("kysely")).sql<{ column_name: string }>`
      select column_name from information_schema.columns
       where table_name in ('chat_conversation', 'chat_message', 'chat_setting')`.execute(
      database().owner,
    );
    expect(columns.map((c) => c.column_name).filter((c) => /addr|ip|agent/.test(c))).toEqual([]);
    // Every line but Fastify's own "listening at" (the server's address, not a client's).
    const log = t
      .logText()
      .split("\n")
      .filter((line) => !line.includes("Server listening"))
      .join("\n");
    expect(log).toContain("/api/chat/public/conversations");
    expect(log).toContain("/api/chat/socket");
    expect(log).not.toMatch(/remoteAddress|remotePort|"ip"/);
    for (const address of ["10.0.0.1", "10.9.9.9", "10.9.9.10", "127.0.0.1"])
      expect(log).not.toContain(address);
  });
});
