import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stockholmDate } from "../../../shared/calendar.ts";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import { as, buildWorkedCase, type Session } from "../../testing/factories.ts";

/*
 * A danger assessment in a case: started on the instrument's latest version, saved as a
 * draft, completed with the professional's judgement — which may depart from the suggested
 * level, but then only with reasons — and never changed afterwards.
 */
describe.each(testDatabaseKinds)("risk assessments (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let worker: Session;
  let caseId: string;

  beforeAll(async () => {
    t = await buildTestApp(database());
    ({ caseId, session: worker } = await buildWorkedCase(t.app, database().owner));
  });
  afterAll(() => t?.close());

  function req(method: "GET" | "POST" | "PUT", url: string, payload?: object) {
    return t.app.inject({ method, url, headers: as(worker), ...(payload ? { payload } : {}) });
  }
  const allNo = {
    more_often: "no",
    more_severe: "no",
    strangulation: "no",
    weapon_used: "no",
    threats_to_kill: "no",
    sexual_violence: "no",
    violence_in_pregnancy: "no",
    jealousy_control: "no",
    stalking: "no",
    separation: "no",
    contact_ban_broken: "no",
    access_to_weapons: "no",
    substance_use: "no",
    suicide_threats: "no",
    violent_to_others: "no",
    violence_against_children: "no",
    pregnant_now: "no",
    client_fears: "no",
  };

  it("lists the instruments for the case type, each with its source note", async () => {
    expect((await req("GET", `/api/cases/${caseId}`)).json().currentRisk).toBeNull();
    const res = await req("GET", "/api/instruments?caseType=adult_victim");
    expect(res.statusCode).toBe(200);
    const ids = res.json().instruments.map((i: { id: string }) => i.id);
    expect(ids).toEqual(expect.arrayContaining(["violence_screening", "danger_assessment"]));
    expect((await t.app.inject({ method: "GET", url: "/api/instruments" })).statusCode).toBe(401);
  });

  it("starts a draft, checks saved answers against the version, and shows the computed summary", async () => {
    const unknown = await req("POST", `/api/cases/${caseId}/assessments`, {
      instrumentId: "sara_xyz",
    });
    expect(unknown.statusCode).toBe(400);
    const started = await req("POST", `/api/cases/${caseId}/assessments`, {
      instrumentId: "danger_assessment",
    });
    expect(started.statusCode).toBe(201);
    const a = started.json();
    expect(a).toMatchObject({
      status: "draft",
      instrument: { id: "danger_assessment", version: 1 },
    });

    const url = `/api/cases/${caseId}/assessments/${a.id}`;
    const wrong = await req("PUT", url, {
      answers: { strangulation: "maybe", nothing_here: "yes" },
      assessedOn: stockholmDate(new Date()),
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields).toMatchObject({
      "answers.strangulation": "Svara ja, nej eller vet inte.",
      "answers.nothing_here": "Frågan finns inte i den här versionen av instrumentet.",
    });
    const saved = await req("PUT", url, {
      answers: { ...allNo, strangulation: "yes", client_fears: "yes" },
      assessedOn: stockholmDate(new Date()),
      clientPresent: true,
      interpreterUsed: false,
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().result.suggestedLevel).toBe("high");
    expect(saved.json().result.scores).toContainEqual({
      id: "yes_count",
      label: "Antal ja",
      value: 2,
    });
  });

  it("completes only with every required answer, a level, and reasons when departing from the suggestion; then it is final", async () => {
    const a = (
      await req("POST", `/api/cases/${caseId}/assessments`, { instrumentId: "danger_assessment" })
    ).json();
    const url = `/api/cases/${caseId}/assessments/${a.id}`;
    await req("PUT", url, {
      answers: { strangulation: "yes" },
      assessedOn: stockholmDate(new Date()),
    });
    const incomplete = await req("POST", `${url}/complete`, { judgements: { risk: "high" } });
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.json().error.fields["answers.more_often"]).toBe("Frågan måste besvaras.");

    await req("PUT", url, {
      answers: { ...allNo, strangulation: "yes" },
      assessedOn: stockholmDate(new Date()),
    });
    const noLevel = await req("POST", `${url}/complete`, { judgements: {} });
    expect(noLevel.json().error.fields["judgements.risk"]).toContain("Välj en nivå");
    const lowered = await req("POST", `${url}/complete`, { judgements: { risk: "medium" } });
    expect(lowered.json().error.fields.reasons).toContain("skiljer sig från den föreslagna");

    const done = await req("POST", `${url}/complete`, {
      judgements: { risk: "medium" },
      reasons: "Stryptaget var för tre år sedan; han bor nu i en annan stad och har kontaktförbud.",
    });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({
      status: "completed",
      judgements: { risk: "medium" },
      result: { suggestedLevel: "high" },
    });
    expect(done.json().reassessDue).toBeTruthy();
    // The case header shows the judgement, not the score, and when to assess again.
    const header = (await req("GET", `/api/cases/${caseId}`)).json().currentRisk;
    expect(header).toEqual({
      level: "medium",
      levelLabel: "Medel",
      instrumentName: "Farlighetsbedömning",
      assessedOn: stockholmDate(new Date()),
      reassessDue: done.json().reassessDue,
    });
    const again = await req("PUT", url, { answers: allNo, assessedOn: stockholmDate(new Date()) });
    expect(again.statusCode).toBe(409);
    // Not even the table's owner can change it.
    await expect(
      database()
        .owner.updateTable("assessment")
        .set({ reasons: "ändrat" })
        .where("id", "=", a.id)
        .execute(),
    ).rejects.toThrow(/never changes/);
  });

  it("puts a reassessment on Att göra when the latest judgement's interval has run out", async () => {
    const onList = async () =>
      ((await req("GET", "/api/worklist")).json().items as { kind: string; caseId: string }[]).some(
        (i) => i.kind === "reassessment" && i.caseId === caseId,
      );
    // Judged "medium" today: next in three months, not yet on the list.
    expect(await onList()).toBe(false);
    const a = (
      await req("POST", `/api/cases/${caseId}/assessments`, { instrumentId: "danger_assessment" })
    ).json();
    const url = `/api/cases/${caseId}/assessments/${a.id}`;
    // Recorded afterwards for a talk two months ago, judged high: due again after one month.
    const twoMonthsAgo = stockholmDate(new Date(Date.now() - 61 * 86_400_000));
    await req("PUT", url, {
      answers: { ...allNo, threats_to_kill: "yes" },
      assessedOn: twoMonthsAgo,
    });
    await req("POST", `${url}/complete`, { judgements: { risk: "high" }, reasons: "Dödshot." });
    expect(await onList()).toBe(true);
  });

  it("renders an old assessment with the version it was made with, and leaves a trace of reading", async () => {
    const list = (await req("GET", `/api/cases/${caseId}/assessments`)).json().assessments;
    expect(list.length).toBeGreaterThanOrEqual(2);
    const version = await req("GET", "/api/instruments/danger_assessment/versions/1");
    expect(version.statusCode).toBe(200);
    expect(version.json().sections.length).toBeGreaterThan(0);
    expect((await req("GET", "/api/instruments/danger_assessment/versions/99")).statusCode).toBe(
      404,
    );
    const events = await database()
      .owner.selectFrom("audit_event")
      .select("action")
      .where("resource_id", "=", caseId)
      .where("action", "=", "assessment.read")
      .execute();
    expect(events).toHaveLength(1);
  });

  it("draws the person's risk over time from completed assessments, oldest first, each in its own words", async () => {
    const personId = (await req("GET", `/api/cases/${caseId}`)).json().person.id;
    const history = await req("GET", `/api/persons/${personId}/risk-history`);
    expect(history.statusCode).toBe(200);
    const points = history.json().points as {
      assessedOn: string;
      level: string;
      levelRank: number;
    }[];
    expect(points.map((p) => p.level)).toEqual(["high", "medium"]);
    expect(points[0]).toMatchObject({
      levelRank: 2,
      levelCount: 4,
      instrumentName: "Farlighetsbedömning",
    });
    expect((points[0]?.assessedOn ?? "") < (points[1]?.assessedOn ?? "")).toBe(true);
    // One event for the request, naming the person and every case whose assessments it showed.
    const trace = await database()
      .owner.selectFrom("audit_event")
      .select(["action", "person_id", "case_ids"])
      .where("request_id", "=", String(history.headers["x-request-id"]))
      .execute();
    expect(trace).toEqual([{ action: "assessment.read", person_id: personId, case_ids: [caseId] }]);
    const other = await buildWorkedCase(t.app, database().owner);
    const hidden = await t.app.inject({
      method: "GET",
      url: `/api/persons/${personId}/risk-history`,
      headers: as(other.session),
    });
    expect(hidden.statusCode).toBe(404);
  });

  it("answers another's case with 404", async () => {
    const other = await buildWorkedCase(t.app, database().owner);
    const res = await t.app.inject({
      method: "GET",
      url: `/api/cases/${caseId}/assessments`,
      headers: as(other.session),
    });
    expect(res.statusCode).toBe(404);
  });
});
