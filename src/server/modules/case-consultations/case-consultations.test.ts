import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { luhnCheckDigit } from "../../../shared/personal-identity-number.ts";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { buildAgency } from "../../testing/collaboration.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import { as, buildWorkedCase, type Session } from "../../testing/factories.ts";
import { dayFromToday } from "../../testing/police-collaboration.ts";

/*
 * A case's anonymised consultations (issue 18, item 7): about the child or adult WITHOUT
 * consent, so without identity — an identity number in any text refused (400 naming the
 * field), a name warned on (422) and saved only when confirmed — linked to the case only on
 * the worker's side.
 */
const nine = "100315238";
const pin = `20${nine}${luhnCheckDigit(nine)}`;

describe.each(testDatabaseKinds)("anonymised case consultations (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let worker: Session;
  let w: Awaited<ReturnType<typeof buildWorkedCase>>;
  let barnahus: string;

  beforeAll(async () => {
    t = await buildTestApp(database());
    w = await buildWorkedCase(t.app, database().owner);
    worker = w.session;
    barnahus = await buildAgency(database().owner, {
      orgId: w.orgId,
      ownerId: w.userId,
      kind: "barnahus",
      name: "Barnahus Fiktiv",
    });
  });
  afterAll(() => t?.close());

  const url = () => `/api/cases/${w.caseId}/case-consultations`;
  const post = (s: Session, payload: object) =>
    t.app.inject({ method: "POST", url: url(), headers: as(s), payload });
  const body = (changes: object = {}) => ({
    heldOn: dayFromToday(-1),
    about: "child",
    agencyId: barnahus,
    question: "Barnet har berättat om slag hemma. Behöver vi göra en polisanmälan direkt?",
    advice: "Gör en orosanmälan och kontakta polisen för samråd.",
    ...changes,
  });
  const stored = async () =>
    (
      await database()
        .owner.selectFrom("case_consultation")
        .select("id")
        .where("case_id", "=", w.caseId)
        .execute()
    ).length;
  const events = (action: string, actor: string) =>
    database()
      .owner.selectFrom("audit_event")
      .select(["outcome", "resource_id", "data"])
      .where("action", "=", action)
      .where("actor_user_id", "=", actor)
      .orderBy("id")
      .execute();

  it("answers 401 without a session", async () => {
    const res = await t.app.inject({ method: "POST", url: url(), payload: body() });
    expect(res.statusCode).toBe(401);
  });

  it("records a consultation with an agency of the directory, audited", async () => {
    const res = await post(worker, body());
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().consultations).toMatchObject([
      { about: "child", agencyName: "Barnahus Fiktiv", withWhom: null },
    ]);
    expect(res.json().agencies).toContainEqual({ id: barnahus, name: "Barnahus Fiktiv" });
    const [event] = await events("case_consultation.record", w.userId);
    expect(event).toMatchObject({
      outcome: "allowed",
      resource_id: w.caseId,
      data: { namesConfirmed: false },
    });
  });

  it("refuses an identity number in any text, naming the field", async () => {
    const before = await stored();
    const res = await post(worker, body({ question: `Gäller ${pin}: vad gör vi?` }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.question).toMatch(/^Frågan får inte innehålla ett personnummer/);
    const withWhom = await post(worker, body({ agencyId: null, withWhom: `Skolan ${pin}` }));
    expect(withWhom.json().error.fields.withWhom).toMatch(/^Med vem får inte/);
    expect(await stored()).toBe(before);
  });

  it("warns on a name and saves only when the worker confirms", async () => {
    const before = await stored();
    const named = body({
      question: "Mamman säger att Kalle Persson slår barnen. Hur går vi vidare?",
    });
    const warned = await post(worker, named);
    expect(warned.statusCode, warned.body).toBe(422);
    expect(warned.json().error.code).toBe("names_to_confirm");
    expect(warned.json().error.fields.question).toContain("”Kalle Persson” ser ut som ett namn");
    expect(await stored()).toBe(before);
    const confirmed = await post(worker, { ...named, confirmNames: true });
    expect(confirmed.statusCode, confirmed.body).toBe(201);
    expect((await events("case_consultation.record", w.userId)).at(-1)?.data).toMatchObject({
      namesConfirmed: true,
    });
  });

  it("asks with whom when neither an agency nor a name of a function is given", async () => {
    const res = await post(worker, body({ agencyId: null, withWhom: null }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.withWhom).toMatch(/^Ange med vem/);
    const resource = await post(
      worker,
      body({ agencyId: null, withWhom: "Resursfunktionen", about: "adult" }),
    );
    expect(resource.statusCode, resource.body).toBe(201);
  });

  it("answers another's case with 404, audited, and shows nothing of it", async () => {
    const other = await buildWorkedCase(t.app, database().owner);
    const res = await t.app.inject({ method: "GET", url: url(), headers: as(other.session) });
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain("orosanmälan");
    expect((await events("case_consultation.read", other.userId)).at(-1)).toMatchObject({
      outcome: "denied",
      resource_id: w.caseId,
    });
    const write = await post(other.session, body());
    expect(write.statusCode).toBe(404);
    const list = await t.app.inject({ method: "GET", url: url(), headers: as(worker) });
    expect(list.json().consultations).toHaveLength(3);
  });
});
