import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stockholmDate } from "../../../shared/calendar.ts";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import {
  as,
  buildOrg,
  buildPerson,
  buildUnit,
  buildUser,
  login,
  type Session,
} from "../../testing/factories.ts";

/** What an intake tells: what was reported, by whom, when; and only the questions that fit. */
describe.each(testDatabaseKinds)("intake: what was reported (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let orgId: string;
  let adult: { unitId: string; s: Session; userId: string };
  let child: { unitId: string; s: Session; userId: string };
  let outsider: { s: Session; userId: string; unitId: string };

  beforeAll(async () => {
    t = await buildTestApp(database());
    const { owner } = database();
    orgId = (await buildOrg(owner)).id;
    const adultUnit = (await buildUnit(owner, orgId)).id;
    const childUnit = (await buildUnit(owner, orgId, "child_services")).id;
    const otherUnit = (await buildUnit(owner, orgId)).id;
    const a = await buildUser(owner, orgId, [{ unitId: adultUnit, role: "caseworker" }]);
    const c = await buildUser(owner, orgId, [{ unitId: childUnit, role: "caseworker" }]);
    const o = await buildUser(owner, orgId, [{ unitId: otherUnit, role: "caseworker" }]);
    adult = { unitId: adultUnit, s: await login(t.app, a.username), userId: a.id };
    child = { unitId: childUnit, s: await login(t.app, c.username), userId: c.id };
    outsider = { s: await login(t.app, o.username), userId: o.id, unitId: otherUnit };
  });
  afterAll(() => t?.close());

  const record = (s: Session | null, body: object) =>
    t.app.inject({
      method: "POST",
      url: "/api/intakes",
      ...(s ? { headers: as(s) } : {}),
      payload: body,
    });
  const schoolReport = (personId: string) => ({
    personId,
    unitId: child.unitId,
    source: "school",
    channel: "letter",
    kind: "report_of_concern",
    receivedAt: "2026-11-20T09:30:00+01:00",
    reportText:
      "Leo, 11 år, berättade för mentorn att pappa slog mamma i helgen.\nLeo var rädd att gå hem.",
    reportedOn: "2026-11-19",
    reporterOrganisation: "Demoskolan",
    reporterName: "Kim Lärare",
    reporterPhone: "070-174 00 99",
    reporterEmail: "kim.larare@demoskolan.example",
  });
  const ownApplication = (personId: string) => ({
    personId,
    unitId: adult.unitId,
    source: "the_person",
    channel: "visit",
    receivedAt: "2026-11-20T10:00:00+01:00",
    askedAboutViolence: true,
    violenceAnswer: "Berättar om slag och hot.",
  });
  const kid = () => buildPerson(database().owner, orgId, child.userId);
  const grown = () => buildPerson(database().owner, orgId, adult.userId);

  it("keeps what the school reported, its date and its contact person, and shows them on the case", async () => {
    const person = await kid();
    const res = await record(child.s, schoolReport(person.id));
    expect(res.statusCode).toBe(201);
    const expected = {
      kind: "report_of_concern",
      reportText: schoolReport(person.id).reportText,
      reportedOn: "2026-11-19",
      reporterOrganisation: "Demoskolan",
      reporterName: "Kim Lärare",
      reporterPhone: "070-174 00 99",
      reporterEmail: "kim.larare@demoskolan.example",
      // The question did not fit: the child was not asked, and nothing says so.
      askedAboutViolence: null,
      violenceAnswer: null,
    };
    expect(res.json().intake).toMatchObject(expected);
    const caseId = res.json().case.id;
    const list = await t.app.inject({
      method: "GET",
      url: `/api/cases/${caseId}/intakes`,
      headers: as(child.s),
    });
    expect(list.statusCode).toBe(200);
    expect(list.json().intakes).toMatchObject([expected]);
    // Reading the intakes is a read of personal data: audited in the same request.
    const reads = await database()
      .owner.selectFrom("audit_event")
      .select("outcome")
      .where("action", "=", "intake.read")
      .where("resource_id", "=", caseId)
      .execute();
    expect(reads).toEqual([{ outcome: "allowed" }]);
  });

  it("refuses an answer about violence on a child's report of concern, and accepts 'not asked'", async () => {
    const asked = await record(child.s, {
      ...schoolReport((await kid()).id),
      askedAboutViolence: true,
    });
    expect(asked.statusCode).toBe(400);
    expect(asked.json().error.fields.askedAboutViolence).toContain("barnet tillfrågas inte");
    const answered = await record(child.s, {
      ...schoolReport((await kid()).id),
      violenceAnswer: "Barnet sa att pappa slår.",
    });
    expect(answered.statusCode).toBe(400);
    expect(Object.keys(answered.json().error.fields)).toEqual(["askedAboutViolence"]);
    const notAsked = await record(child.s, {
      ...schoolReport((await kid()).id),
      askedAboutViolence: false,
    });
    expect(notAsked.statusCode).toBe(201);
    expect(notAsked.json().intake.askedAboutViolence).toBeNull();
  });

  it("asks the question on the person's own application, and refuses a reporter there", async () => {
    const unanswered = await record(adult.s, {
      ...ownApplication((await grown()).id),
      askedAboutViolence: undefined,
      violenceAnswer: undefined,
    });
    expect(unanswered.statusCode).toBe(400);
    expect(unanswered.json().error.fields).toEqual({
      askedAboutViolence: "Svara ja eller nej: har personen fått frågan om våld?",
    });
    const withReporter = await record(adult.s, {
      ...ownApplication((await grown()).id),
      reporterName: "Någon Annan",
      reporterPhone: "070-000 00 00",
    });
    expect(withReporter.statusCode).toBe(400);
    expect(Object.keys(withReporter.json().error.fields).sort()).toEqual([
      "reporterName",
      "reporterPhone",
    ]);
    const anonymous = await record(child.s, {
      ...schoolReport((await kid()).id),
      source: "anonymous",
    });
    expect(anonymous.json().error.fields.reporterOrganisation).toBe(
      "En anonym anmälan har ingen anmälare att registrera.",
    );
    const ok = await record(adult.s, {
      ...ownApplication((await grown()).id),
      reportText: "Kom till receptionen och bad om hjälp att flytta.",
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().intake).toMatchObject({
      askedAboutViolence: true,
      violenceAnswer: "Berättar om slag och hot.",
      reportText: "Kom till receptionen och bad om hjälp att flytta.",
      reporterOrganisation: null,
    });
  });

  it("refuses a report's date in the future or after the day it came in", async () => {
    const tomorrow = stockholmDate(new Date(Date.now() + 86_400_000));
    const future = await record(child.s, {
      ...schoolReport((await kid()).id),
      reportedOn: tomorrow,
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.fields).toEqual({
      reportedOn: "Anmälans datum kan inte ligga i framtiden.",
    });
    const afterArrival = await record(child.s, {
      ...schoolReport((await kid()).id),
      reportedOn: "2026-11-21",
      receivedAt: "2026-11-20T23:30:00+01:00",
    });
    expect(afterArrival.json().error.fields).toEqual({
      reportedOn: "Anmälans datum kan inte vara senare än dagen den kom in till enheten.",
    });
    // The day it came in is Swedish time: 23:30 on the 20th is still the 20th.
    const sameDay = await record(child.s, {
      ...schoolReport((await kid()).id),
      reportedOn: "2026-11-20",
      receivedAt: "2026-11-20T23:30:00+01:00",
    });
    expect(sameDay.statusCode).toBe(201);
    const notADate = await record(child.s, {
      ...schoolReport((await kid()).id),
      reportedOn: "2026-02-30",
      reporterEmail: "inte en adress",
    });
    expect(notADate.statusCode).toBe(400);
    expect(Object.keys(notADate.json().error.fields).sort()).toEqual([
      "reportedOn",
      "reporterEmail",
    ]);
  });

  it("answers 401 without a session and 404 with an audit event for someone else's person or case", async () => {
    const person = await kid();
    expect((await record(null, schoolReport(person.id))).statusCode).toBe(401);
    const opened = (await record(child.s, schoolReport(person.id))).json().case.id;
    expect(
      (await t.app.inject({ method: "GET", url: `/api/cases/${opened}/intakes` })).statusCode,
    ).toBe(401);

    // A worker at another unit: a person they do not know, and the child's case.
    const stranger = await grown();
    const refused = await record(outsider.s, {
      ...ownApplication(stranger.id),
      unitId: outsider.unitId,
    });
    expect(refused.statusCode).toBe(404);
    const read = await t.app.inject({
      method: "GET",
      url: `/api/cases/${opened}/intakes`,
      headers: as(outsider.s),
    });
    expect(read.statusCode).toBe(404);
    expect(read.body).not.toContain("Demoskolan");
    const denied = await database()
      .owner.selectFrom("audit_event")
      .select(["action", "resource_id"])
      .where("actor_user_id", "=", outsider.userId)
      .where("outcome", "=", "denied")
      .orderBy("occurred_at")
      .execute();
    expect(denied).toEqual([
      { action: "intake.record", resource_id: stranger.id },
      { action: "intake.read", resource_id: opened },
    ]);
  });

  it("shows the person's intakes on the person page: audited, and 404 with an audit event for someone else's", async () => {
    const person = await kid();
    const opened = (await record(child.s, schoolReport(person.id))).json().case.id;
    const url = `/api/persons/${person.id}/intakes`;
    expect((await t.app.inject({ method: "GET", url })).statusCode).toBe(401);
    const res = await t.app.inject({ method: "GET", url, headers: as(child.s) });
    expect(res.statusCode).toBe(200);
    expect(res.json().intakes).toMatchObject([
      {
        caseId: opened,
        reportText: schoolReport(person.id).reportText,
        reporterName: "Kim Lärare",
      },
    ]);
    const reads = await database()
      .owner.selectFrom("audit_event")
      .select(["outcome", "case_ids"])
      .where("action", "=", "intake.read")
      .where("person_id", "=", person.id)
      .execute();
    expect(reads).toEqual([{ outcome: "allowed", case_ids: [opened] }]);

    const refused = await t.app.inject({ method: "GET", url, headers: as(outsider.s) });
    expect(refused.statusCode).toBe(404);
    expect(refused.body).not.toContain("Demoskolan");
    const denied = await database()
      .owner.selectFrom("audit_event")
      .select("action")
      .where("actor_user_id", "=", outsider.userId)
      .where("resource_id", "=", person.id)
      .where("outcome", "=", "denied")
      .execute();
    expect(denied).toEqual([{ action: "person.read" }]);
  });
});
