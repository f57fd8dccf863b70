import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import { as, fictionalIdentityNumber } from "../../testing/factories.ts";
import {
  buildChatWorld,
  type ChatWorld,
  events,
  send,
  setChat,
  startChat,
  youngSocket,
} from "./chat-world.ts";
import { purgeChats } from "./purge-job.ts";

/*
 * From a conversation to social services, with her consent (issue 17, item 6): the consultant
 * records what she said, hands the conversation to child services, whose caseworker makes the
 * intake with the chosen messages as its text; then the purge deletes the conversation and its
 * messages, and the intake keeps the text.
 */
describe.each(testDatabaseKinds)("a chat conversation becomes an intake (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let w: ChatWorld;
  let conversationId: string;
  let messageIds: string[];
  const words = "Ja, ni får berätta för socialtjänsten.";

  beforeAll(async () => {
    t = await buildTestApp(database());
    await t.app.listen({ port: 0, host: "127.0.0.1" });
    w = await buildChatWorld(t.app, database().owner);
    await setChat(t.app, w, { retentionHours: 24 });
    const { token } = (await startChat(t.app, w.resource.id)).json() as { token: string };
    const young = await youngSocket(t.app);
    const seen = events(young);
    send(young, { type: "hello", token });
    await seen.next((e) => e.type === "ready");
    send(young, { type: "send", body: "Pappa säger att jag ska gifta mig i sommar." });
    await seen.next((e) => e.type === "message");
    send(young, { type: "send", body: "Ingen annan får veta." });
    await seen.next((e) => e.type === "message");
    young.close();
    const queue = await t.app.inject({
      method: "GET",
      url: "/api/chat/queue",
      headers: as(w.s.consultant),
    });
    conversationId = queue.json().conversations[0].id;
    const read = await t.app.inject({
      method: "GET",
      url: `/api/chat/conversations/${conversationId}`,
      headers: as(w.s.consultant),
    });
    messageIds = (read.json().messages as { id: string }[]).map((m) => m.id);
  });
  afterAll(() => t?.close());

  const post = (who: keyof ChatWorld["s"], path: string, payload?: object) =>
    t.app.inject({
      method: "POST",
      url: `/api/chat/conversations/${conversationId}/${path}`,
      headers: as(w.s[who]),
      ...(payload ? { payload } : {}),
    });

  it("hides the conversation from those outside its unit, and audits the refusal", async () => {
    for (const who of ["caseworker", "shelter", "otherOrg"] as const) {
      const res = await t.app.inject({
        method: "GET",
        url: `/api/chat/conversations/${conversationId}`,
        headers: as(w.s[who]),
      });
      expect(res.statusCode, who).toBe(404);
      expect(res.body).not.toContain("gifta");
    }
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from audit_event
       where action = 'chat.read' and outcome = 'denied' and resource_id = ${conversationId}`.execute(
      database().owner,
    );
    expect(rows[0]?.n).toBe(3);
  });

  it("needs her consent before a hand-over, then shows the conversation in the chosen unit's queue", async () => {
    expect((await post("consultant", "hand-over", { unitId: w.child.id })).statusCode).toBe(409);
    const consent = await post("consultant", "consent", { words });
    expect(consent.statusCode).toBe(200);
    expect(consent.json().consent).toMatchObject({
      words,
      askedBy: w.users.consultant.display_name,
    });
    // A consultant has no role in social services: she cannot make the intake herself.
    expect((await post("consultant", "intake", intakeBody())).statusCode).toBe(400);
    const handed = await post("consultant", "hand-over", { unitId: w.child.id });
    expect(handed.statusCode).toBe(200);
    const queue = await t.app.inject({
      method: "GET",
      url: "/api/chat/queue",
      headers: as(w.s.caseworker),
    });
    const row = (queue.json().conversations as { id: string; handedToMe: boolean }[]).find(
      (c) => c.id === conversationId,
    );
    expect(row?.handedToMe).toBe(true);
  });

  const intakeBody = () => ({
    unitId: w.child.id,
    kind: "report_of_concern",
    identityNumber: fictionalIdentityNumber(),
    givenName: "Nora",
    familyName: "Testsson",
    sex: "female",
    messageIds: messageIds.slice(0, 1),
  });

  it("makes the intake in child services with the chosen messages and her words as its text", async () => {
    const res = await post("caseworker", "intake", intakeBody());
    expect(res.statusCode, res.body).toBe(201);
    const intake = await database()
      .owner.selectFrom("intake")
      .select(["report_text", "channel", "source", "case_id"])
      .where("id", "=", res.json().intakeId)
      .executeTakeFirstOrThrow();
    expect(intake.report_text).toContain("Pappa säger att jag ska gifta mig i sommar.");
    expect(intake.report_text).not.toContain("Ingen annan får veta.");
    expect(intake.report_text).toContain(words);
    expect(intake).toMatchObject({ channel: "digital", source: "the_person" });
    expect(intake.case_id).toBe(res.json().caseId);
    expect((await post("caseworker", "intake", intakeBody())).statusCode).toBe(409);
  });

  it("deletes the conversation and its messages when the unit's rule says, and the intake stays", async () => {
    const closed = await post("consultant", "close");
    expect(closed.statusCode).toBe(200);
    const purgeAfter = new Date(closed.json().purgeAfter as string);
    expect(await purgeChats(database(), new Date(purgeAfter.getTime() - 60_000))).toBe(0);
    expect(
      await purgeChats(database(), new Date(purgeAfter.getTime() + 1000)),
    ).toBeGreaterThanOrEqual(1);
    const { owner } = database();
    const left = await owner
      .selectFrom("chat_conversation")
      .select("id")
      .where("id", "=", conversationId)
      .execute();
    const messages = await owner
      .selectFrom("chat_message")
      .select("id")
      .where("conversation_id", "=", conversationId)
      .execute();
    expect(left).toEqual([]);
    expect(messages).toEqual([]);
    // Nothing she wrote is in the audit trail; the intake keeps what was chosen.
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from audit_event
       where data::text like '%gifta%' or coalesce(reason, '') like '%gifta%'`.execute(owner);
    expect(rows[0]?.n).toBe(0);
    const intakes = await owner
      .selectFrom("intake")
      .select("id")
      .where("report_text", "like", "%gifta%")
      .execute();
    expect(intakes.length).toBe(1);
  });

  it("closes a conversation nobody touched for hours, and deletes it after its retention", async () => {
    const { token } = (await startChat(t.app, w.resource.id)).json() as { token: string };
    expect(token).toBeTruthy();
    const later = new Date(Date.now() + 7 * 3_600_000);
    await purgeChats(database(), later);
    const waiting = await database()
      .owner.selectFrom("chat_conversation")
      .select(["status", "closed_by"])
      .where("unit_id", "=", w.resource.id)
      .execute();
    expect(waiting.every((c) => c.status === "closed" && c.closed_by === "idle")).toBe(true);
    await purgeChats(database(), new Date(later.getTime() + 25 * 3_600_000));
    const left = await database()
      .owner.selectFrom("chat_conversation")
      .select("id")
      .where("unit_id", "=", w.resource.id)
      .execute();
    expect(left).toEqual([]);
  });
});
