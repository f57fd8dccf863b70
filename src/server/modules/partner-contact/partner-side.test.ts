import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addMonths, stockholmDate } from "../../../shared/calendar.ts";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import { as, buildTreatmentTeam, type Session } from "../../testing/factories.ts";

/*
 * Her side of partner contact: her worker reaches her only in ways her safe-contact
 * instructions leave open, records how it went and offers support of her own; his
 * treatment's end puts a closing conversation and a follow-up on her case, unsigned by
 * anyone from his side; Att göra shows what waits on either side.
 */

const today = stockholmDate(new Date());

describe.each(testDatabaseKinds)("her side of partner contact (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let team: Awaited<ReturnType<typeof buildTreatmentTeam>>;
  let hersId: string;
  let herPersonId: string;

  const call = (
    session: Session | null,
    method: "GET" | "POST" | "PUT" | "PATCH",
    url: string,
    payload?: object,
  ) =>
    t.app.inject({
      method,
      url,
      headers: session ? as(session) : {},
      ...(payload ? { payload } : {}),
    });
  const items = async (session: Session, scope: "mine" | "unit") =>
    (await call(session, "GET", `/api/worklist?scope=${scope}`)).json().items as {
      kind: string;
      caseId: string;
    }[];
  const his = (p = "") => `/api/cases/${team.caseId}${p}`;
  const hers = (p = "") => `/api/cases/${hersId}${p}`;

  beforeAll(async () => {
    t = await buildTestApp(database());
    team = await buildTreatmentTeam(t.app, database().owner);
    await call(team.therapist, "POST", his("/treatment"), {
      referralSource: "self",
      referredOn: "2026-09-01",
    });
    await call(team.therapist, "POST", his("/partner-contact/information"), {
      informedOn: "2026-09-01",
    });
    const added = await call(team.therapist, "POST", his("/partner-contact/partners"), {
      relationship: "current",
      consent: { form: "written", givenOn: "2026-09-01" },
      partner: {
        givenName: "Mira",
        familyName: "Hemlig",
        phone: "070-222 22 22",
        postalAddress: "Gatan 2",
      },
    });
    if (added.statusCode !== 201) throw new Error(added.body);
    const row = await database()
      .owner.selectFrom("partner as pa")
      .innerJoin("case as c", "c.id", "pa.partner_case_id")
      .select(["c.id", "c.person_id"])
      .where("pa.case_id", "=", team.caseId)
      .executeTakeFirstOrThrow();
    hersId = row.id;
    herPersonId = row.person_id;
  });
  afterAll(() => t?.close());

  it("the manager's list shows her case waiting for a worker, then her worker has it", async () => {
    const before = await items(team.manager, "unit");
    expect(before.filter((i) => i.caseId === hersId).map((i) => i.kind)).toEqual([
      "partner_unassigned",
    ]);
    const assigned = await call(team.manager, "POST", hers("/assignments"), {
      userId: team.partnerWorkerId,
    });
    expect(assigned.statusCode).toBe(200);
    const after = await items(team.manager, "unit");
    expect(after.some((i) => i.caseId === hersId)).toBe(false);
  });

  it("answers nobody else, and only for a partner case", async () => {
    expect((await call(null, "GET", hers("/partner-contact"))).statusCode).toBe(401);
    expect((await call(team.therapist, "GET", hers("/partner-contact"))).statusCode).toBe(404);
    const onHis = await call(team.therapist, "GET", his("/partner-contact"));
    expect(onHis.statusCode).toBe(400);
    expect(onHis.json().error.fields.caseId).toBe(
      "Det här gäller bara ett ärende om partnerkontakt.",
    );
  });

  it("shows what he said about reaching her, and every way as not yet asked", async () => {
    const res = await call(team.partnerWorker, "GET", hers("/partner-contact"));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      relationship: "current",
      given: { phone: "070-222 22 22", postalAddress: "Gatan 2", email: null },
      attempts: [],
      standing: "not_contacted",
      ownSupport: null,
    });
    expect(res.json().contactOptions).toEqual([
      { method: "letter", allowed: true, refusal: null, notAsked: true },
      { method: "sms", allowed: true, refusal: null, notAsked: true },
      { method: "phone", allowed: true, refusal: null, notAsked: true },
    ]);
  });

  it("masks what he gave once she is protected, until her worker reveals it with a reason", async () => {
    const setLevel = (level: "none" | "protected_registration") =>
      database()
        .owner.updateTable("person")
        .set({ protection_level: level })
        .where("id", "=", herPersonId)
        .execute();
    await setLevel("protected_registration");
    try {
      const masked = (await call(team.partnerWorker, "GET", hers("/partner-contact"))).json();
      expect(masked).toMatchObject({
        givenMasked: true,
        given: { phone: null, postalAddress: null, email: null },
      });
      const revealed = await call(
        team.partnerWorker,
        "POST",
        `/api/persons/${herPersonId}/contact-reveal`,
        { reasonCode: "safety_contact" },
      );
      expect(revealed.statusCode, revealed.body).toBe(200);
      const shown = (await call(team.partnerWorker, "GET", hers("/partner-contact"))).json();
      expect(shown).toMatchObject({ givenMasked: false, given: { phone: "070-222 22 22" } });
    } finally {
      await setLevel("none");
    }
  });

  it("refuses a letter once she has said letters are unsafe", async () => {
    const details = await call(team.partnerWorker, "PATCH", `/api/persons/${herPersonId}`, {
      safeContact: { maySendLetters: false, mayCall: true, maySendSms: false },
    });
    expect(details.statusCode, details.body).toBe(200);
    const letter = await call(team.partnerWorker, "POST", hers("/partner-contact/attempts"), {
      method: "letter",
      attemptedOn: today,
      outcome: "sent",
    });
    expect(letter.statusCode).toBe(400);
    expect(letter.json().error.fields.method).toBe(
      "Hon har sagt att brev inte är säkra. Välj ett annat sätt.",
    );
    const sms = await call(team.partnerWorker, "POST", hers("/partner-contact/attempts"), {
      method: "sms",
      attemptedOn: today,
      outcome: "sent",
    });
    expect(sms.json().error.fields.method).toContain("Sms");
    const phoneSent = await call(team.partnerWorker, "POST", hers("/partner-contact/attempts"), {
      method: "phone",
      attemptedOn: today,
      outcome: "sent",
    });
    expect(phoneSent.json().error.fields.outcome).toContain("samtal");
  });

  it("records each attempt; the latest answer says where the contact stands", async () => {
    const first = await call(team.partnerWorker, "POST", hers("/partner-contact/attempts"), {
      method: "phone",
      attemptedOn: "2026-09-03",
      outcome: "not_reachable",
    });
    expect(first.statusCode).toBe(201);
    expect(first.json().standing).toBe("not_reachable");
    const second = await call(team.partnerWorker, "POST", hers("/partner-contact/attempts"), {
      method: "phone",
      attemptedOn: "2026-09-05",
      outcome: "accepted",
    });
    expect(second.json().standing).toBe("accepted");
    expect(second.json().attempts.map((a: { outcome: string }) => a.outcome)).toEqual([
      "accepted",
      "not_reachable",
    ]);
    // A later phone call that is only noted as a call does not undo her yes.
    const after = await call(team.partnerWorker, "POST", hers("/partner-contact/attempts"), {
      method: "phone",
      attemptedOn: "2026-09-06",
      outcome: "accepted",
    });
    expect(after.json().standing).toBe("accepted");
  });

  it("offers support of her own; a referral says where", async () => {
    const noWhere = await call(team.partnerWorker, "PUT", hers("/partner-contact/support"), {
      kind: "referral",
      offeredOn: today,
    });
    expect(noWhere.json().error.fields.note).toContain("hänvisades");
    const ok = await call(team.partnerWorker, "PUT", hers("/partner-contact/support"), {
      kind: "in_house",
      offeredOn: today,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().ownSupport).toEqual({ kind: "in_house", note: "", offeredOn: today });
  });

  it("a received event waits on her worker's list until acknowledged; an alert escalates", async () => {
    await call(team.therapist, "POST", his("/treatment/start"), { startedOn: "2026-09-10" });
    const mine = await items(team.partnerWorker, "mine");
    expect(mine.filter((i) => i.caseId === hersId).map((i) => i.kind)).toEqual(["barrier_notice"]);
    await call(team.therapist, "POST", his("/risk-alerts"), {
      level: "very_high",
      reason: "Han säger att han ska hämta barnen med våld.",
    });
    // Not yet on the manager's list; once a working week has passed, it is.
    const now = await items(team.manager, "unit");
    expect(now.some((i) => i.kind === "risk_alert_escalated")).toBe(false);
    await sql`update barrier_event set created_at = now() - interval '7 days'
              where to_case_id = ${hersId} and kind = 'risk_alert'`.execute(database().owner);
    const later = await items(team.manager, "unit");
    expect(later.filter((i) => i.kind === "risk_alert_escalated").map((i) => i.caseId)).toEqual([
      hersId,
    ]);
    // Acknowledged: off both lists.
    const events = (await call(team.partnerWorker, "GET", hers("/barrier-events"))).json().events;
    for (const e of events)
      await call(team.partnerWorker, "POST", hers(`/barrier-events/${e.id}/acknowledge`));
    const after = await items(team.manager, "unit");
    expect(after.some((i) => i.kind === "risk_alert_escalated")).toBe(false);
    expect((await items(team.partnerWorker, "mine")).some((i) => i.kind === "barrier_notice")).toBe(
      false,
    );
  });

  it("his treatment's end puts a closing conversation and a follow-up on her case", async () => {
    await call(team.therapist, "POST", his("/treatment/end"), {
      endedOn: today,
      kind: "completed",
      reason: "Programmet genomfört.",
      outcome: { goalReached: "wholly" },
    });
    const tasks = (await call(team.partnerWorker, "GET", hers("/tasks"))).json().tasks;
    expect(tasks.map((x: { kind: string }) => x.kind).sort()).toEqual([
      "partner_closing_conversation",
      "partner_follow_up",
    ]);
    // Nobody from his side is named on her case.
    expect(tasks.every((x: { createdBy: string | null }) => x.createdBy === null)).toBe(true);
    const followUp = tasks.find((x: { kind: string }) => x.kind === "partner_follow_up");
    expect(stockholmDate(new Date(followUp.due))).toBe(addMonths(today, 6));
    const mine = await items(team.partnerWorker, "mine");
    expect(mine.filter((i) => i.caseId === hersId).map((i) => i.kind)).toContain(
      "partner_closing_conversation",
    );
    // Done with a note; the follow-up stays.
    const closing = tasks.find((x: { kind: string }) => x.kind === "partner_closing_conversation");
    const done = await call(team.partnerWorker, "POST", hers(`/tasks/${closing.id}/complete`), {
      note: "Avslutande samtal hölls; hon vill ha fortsatt eget stöd.",
    });
    expect(done.statusCode).toBe(200);
  });

  it("a concern for a child becomes a task done only with the report's facts", async () => {
    const empty = await call(team.partnerWorker, "POST", hers("/child-concerns"), {});
    expect(empty.json().error.fields.concern).toBe("Skriv kort vad som väcker oron för barnet.");
    const raised = await call(team.partnerWorker, "POST", hers("/child-concerns"), {
      concern: "Hon berättar att sonen (7) sett pappan slå henne i helgen.",
    });
    expect(raised.statusCode).toBe(201);
    const task = raised
      .json()
      .tasks.find((x: { kind: string }) => x.kind === "report_child_concern");
    expect(task.concern).toContain("sonen");
    const url = hers(`/tasks/${task.id}/complete`);
    const noReport = await call(team.partnerWorker, "POST", url, { note: "Gjort." });
    expect(noReport.statusCode).toBe(400);
    expect(noReport.json().error.fields.report).toContain("orosanmälan");
    const done = await call(team.partnerWorker, "POST", url, {
      note: "Anmält per telefon och skriftligt.",
      report: { on: today, to: "Barn och unga, Demokommun", reference: "BoU 2026-123" },
    });
    expect(done.statusCode).toBe(200);
    expect(done.json().report).toEqual({
      on: today,
      to: "Barn och unga, Demokommun",
      reference: "BoU 2026-123",
    });
  });
});
