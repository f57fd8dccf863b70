import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { atHour, stockholmDate } from "../../../shared/calendar.ts";
import { createLogger } from "../../log.ts";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import {
  as,
  buildChildUnitTeam,
  recordReportOfConcern,
  type Session,
} from "../../testing/factories.ts";
import { messageText, startSmtpServer } from "../../testing/smtp.ts";
import { digestRound } from "./digest-job.ts";
import { smtpMailer } from "./mailer.ts";

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();
const publicUrl = "https://frid.exempel.se/";
const today = stockholmDate(new Date());
const noon = atHour(today, 12);

/*
 * The daily e-mail digest (issue 15) against a real SMTP server (smtp-server). An e-mail
 * leaves Frid's protection, so the safety rule comes first: counts and a link, nothing about
 * anyone — no name, personnummer, case reference or address.
 */
describe.each(testDatabaseKinds)("the daily e-mail digest (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let team: Awaited<ReturnType<typeof buildChildUnitTeam>>;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  const logLines: string[] = [];
  const logger = createLogger(
    "info",
    new Writable({
      write(chunk, _e, done) {
        logLines.push(String(chunk));
        done();
      },
    }),
  );
  const round = (url: string, now = noon) =>
    digestRound(
      database(),
      {
        mailer: smtpMailer({ smtpUrl: url, from: "Frid <frid@exempel.se>", publicUrl }),
        publicUrl,
        logger,
      },
      now,
    );
  const digestOn = async (s: Session, email: string) => {
    const res = await t.app.inject({
      method: "PUT",
      url: "/api/notifications/settings",
      headers: as(s),
      payload: { digest: true, email },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ digest: true, email, mailConfigured: true });
  };
  const digestRows = () =>
    database()
      .owner.selectFrom("notification_digest")
      .select(["user_id", "day", "state"])
      .execute();

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await buildTestApp(database(), { FRID_SMTP_URL: smtp.url, FRID_PUBLIC_URL: publicUrl });
    team = await buildChildUnitTeam(t.app, database().owner);
    await recordReportOfConcern(t.app, database().owner, team, daysAgo(12));
    await recordReportOfConcern(t.app, database().owner, team, daysAgo(20));
    // Addresses on every person, so that "no address in the mail" can fail.
    await database()
      .owner.updateTable("person")
      .set({ postal_address: "Skolgatan 12, 123 45 Demostad" })
      .where("org_id", "=", team.orgId)
      .execute();
    await digestOn(team.worker, "handlaggare@exempel.se");
    await digestOn(team.manager, "chef@exempel.se");
  });
  afterAll(async () => {
    await smtp?.close();
    await t?.close();
  });

  it("sends nothing before 06:00 Swedish time", async () => {
    expect(await round(smtp.url, atHour(today, 5))).toEqual({
      sent: 0,
      nothing: 0,
      skipped: 0,
      failed: 0,
    });
    expect(smtp.received).toEqual([]);
  });

  it("sends counts and a link, and nothing about anyone", async () => {
    const outcome = await round(smtp.url);
    expect(outcome).toMatchObject({ sent: 1, nothing: 1, failed: 0 });
    expect(smtp.received.map((m) => m.to)).toEqual([["handlaggare@exempel.se"]]);
    const text = messageText(smtp.received[0]?.raw ?? "");
    expect(text).toContain("Du har 1 ärende med sista dag inom 3 dagar.");
    expect(text).toContain("2 ärenden har något som är försenat.");
    expect(text).toContain(publicUrl);

    const owner = database().owner;
    const persons = await owner
      .selectFrom("person")
      .select(["id", "given_name", "family_name", "identity_number"])
      .where("org_id", "=", team.orgId)
      .execute();
    const cases = await owner
      .selectFrom("case")
      .select(["id", "reference"])
      .where("org_id", "=", team.orgId)
      .execute();
    expect(persons.length).toBeGreaterThan(0);
    for (const m of smtp.received.map((r) => messageText(r.raw))) {
      for (const p of persons) {
        for (const word of [p.id, p.given_name, p.family_name]) expect(m).not.toContain(word);
        const number = p.identity_number ?? "";
        expect(m).not.toContain(number);
        expect(m).not.toContain(number.slice(2)); // ÅÅMMDDNNNN
        expect(m).not.toContain(`${number.slice(2, 8)}-${number.slice(8)}`);
      }
      for (const c of cases) {
        expect(m).not.toContain(c.reference);
        expect(m).not.toContain(c.id);
      }
      expect(m).not.toContain("Skolgatan");
      // The body: the headers hold a random Message-ID, which may look like a number.
      const body = m.slice(m.indexOf("\n\n") + 2);
      expect(body.length).toBeGreaterThan(50);
      expect(body).not.toMatch(/\d{6}-?\d{4}/);
    }
    // The manager has nothing of their own today: no mail, but the day is done.
    expect((await digestRows()).map((r) => r.state).sort()).toEqual(["nothing", "sent"]);
  });

  it("never sends the same day's digest twice", async () => {
    expect(await round(smtp.url)).toMatchObject({ sent: 0, failed: 0 });
    expect(smtp.received).toHaveLength(1);
  });

  it("survives a failing mail server: logged without the address, tried again next round", async () => {
    const me = await t.app.inject({ method: "GET", url: "/api/me", headers: as(team.colleague) });
    const colleagueId = me.json().user.id as string;
    const [c] = await database()
      .owner.selectFrom("case")
      .select("id")
      .where("org_id", "=", team.orgId)
      .execute();
    const assigned = await t.app.inject({
      method: "POST",
      url: `/api/cases/${c?.id}/assignments`,
      headers: as(team.manager),
      payload: { userId: colleagueId },
    });
    expect(assigned.statusCode).toBe(200);
    await digestOn(team.colleague, "kollega@exempel.se");

    const broken = await startSmtpServer({ refuse: true });
    try {
      expect(await round(broken.url)).toMatchObject({ sent: 0, failed: 1 });
    } finally {
      await broken.close();
    }
    const logged = logLines.join("");
    expect(logged).toContain("notification digest not sent");
    expect(logged).toContain(colleagueId);
    expect(logged).not.toContain("kollega@exempel.se");
    // Nothing recorded for the colleague: the claim was let go.
    expect((await digestRows()).some((r) => r.user_id === colleagueId)).toBe(false);
    // Frid goes on answering.
    const health = await t.app.inject({ method: "GET", url: "/api/health" });
    expect(health.statusCode).toBe(200);

    expect(await round(smtp.url)).toMatchObject({ sent: 1, failed: 0 });
    expect(smtp.received.map((m) => m.to)).toEqual([
      ["handlaggare@exempel.se"],
      ["kollega@exempel.se"],
    ]);
    expect(messageText(smtp.received[1]?.raw ?? "")).toContain("1 ärende har tilldelats dig.");
  });
});
