import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publicRoutes } from "../../access/authorization.public.ts";
import { sessionCookie } from "../../auth/sessions.ts";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import { as } from "../../testing/factories.ts";
import {
  answerThroughLink,
  buildSurveyTeam,
  openSurveyWith,
  surveyBody,
} from "../../testing/surveys.ts";

/*
 * What a personal survey link reaches, and what it never does: the survey's questions and
 * its one answer — no respondent list, no other answers, no staff, no other route. Every way
 * a link can be no good (unknown, used, expired, survey closed) answers the same 404.
 */
describe.each(testDatabaseKinds)("a survey's personal links (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let team: Awaited<ReturnType<typeof buildSurveyTeam>>;
  let survey: Awaited<ReturnType<typeof openSurveyWith>>;
  const respondents = Array.from({ length: 6 }, (_, i) => ({
    label: `Rektor, Hemliga skolan ${i + 1}`,
    group: "Rektorer",
    email: `rektor${i + 1}@skola.exempel.se`,
  }));
  const token = (i: number) => survey.links[i]?.token as string;
  const readLink = (tokenText: string, address = "192.0.2.20") =>
    t.app.inject({ method: "GET", url: `/api/survey-links/${tokenText}`, remoteAddress: address });

  beforeAll(async () => {
    t = await buildTestApp(database());
    team = await buildSurveyTeam(t.app, database().owner);
    survey = await openSurveyWith(
      t.app,
      team.consultant.session,
      surveyBody(team.unit.id, {
        groups: ["Rektorer"],
        freeTextQuestion: "Något mer ni vill säga?",
      }),
      respondents,
    );
  });
  afterAll(() => t?.close());

  it("makes links of at least 128 random bits and keeps only their hashes", async () => {
    expect(survey.links).toHaveLength(6);
    for (const link of survey.links) expect(Buffer.from(link.token, "base64url").length).toBe(32);
    const stored = await database()
      .owner.selectFrom("survey_respondent")
      .select("token_hash")
      .where("survey_id", "=", survey.surveyId)
      .execute();
    const hashes = stored.map((s) => s.token_hash);
    for (const link of survey.links) expect(hashes).not.toContain(link.token);
    expect(
      JSON.stringify(await database().owner.selectFrom("survey_respondent").selectAll().execute()),
    ).not.toContain(token(0));
  });

  it("shows the questions and nothing else: no respondents, answers or staff", async () => {
    const res = await readLink(token(0));
    expect(res.statusCode, res.body).toBe(200);
    expect(Object.keys(res.json()).sort()).toEqual(
      ["closesOn", "freeTextQuestion", "intro", "question", "title", "topics"].sort(),
    );
    for (const secret of [
      "Hemliga skolan",
      "@skola.exempel.se",
      team.consultant.displayName,
      team.unit.name,
      survey.surveyId,
    ])
      expect(res.body).not.toContain(secret);
  });

  it("takes one answer per link: a second is 409 in Swedish, and the link then answers 404", async () => {
    const topic = survey.topics[4]?.id as string;
    const first = await answerThroughLink(t.app, token(1), {
      topics: [topic],
      freeText: "Gärna en grundkurs.",
    });
    expect(first.statusCode, first.body).toBe(201);
    const second = await answerThroughLink(t.app, token(1), { topics: [topic] });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.message).toMatch(/redan besvarad/);
    expect((await readLink(token(1))).statusCode).toBe(404);
  });

  it("answers the same 404 for an unknown, used, expired or closed-survey link", async () => {
    const unknown = await readLink("x".repeat(43));
    const malformed = await readLink("%E2%80%A6kort");
    const used = await readLink(token(1));
    await database()
      .owner.updateTable("survey_respondent")
      .set({ link_expires_at: new Date(Date.now() - 1000) })
      .where("token_hash", "is not", null)
      .where("label", "=", respondents[2]?.label as string)
      .execute();
    const expired = await readLink(token(2));
    const answerExpired = await answerThroughLink(t.app, token(2), { topics: [] });
    const bodies = [unknown, malformed, used, expired, answerExpired].map((r) => {
      expect(r.statusCode, r.body).toBe(404);
      return r.json().error.message;
    });
    expect(new Set(bodies).size).toBe(1);
  });

  it("refuses a choice that is not the survey's, none at all, 'no need' with others, and a personnummer", async () => {
    const topics = survey.topics as { id: string; label: string }[];
    const noNeed = topics.find((x) => x.label === "Verksamheten har ej behov")?.id as string;
    const cases = [
      { topics: [team.unit.id] },
      { topics: [] },
      { topics: [noNeed, topics[0]?.id as string] },
      { topics: [topics[0]?.id as string], freeText: "Gäller eleven 19121212-1212." },
    ];
    for (const payload of cases) {
      const res = await answerThroughLink(t.app, token(3), payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error.message).not.toMatch(/[a-z]+_[a-z]+/);
    }
    // None of them used the link up.
    expect((await readLink(token(3))).statusCode).toBe(200);
  });

  it("lets staff read which respondents answered and the counts, never one respondent's answer", async () => {
    const read = await t.app.inject({
      method: "GET",
      url: `/api/surveys/${survey.surveyId}`,
      headers: as(team.consultant.session),
    });
    expect(read.statusCode).toBe(200);
    const states = read.json().respondents.map((r: { link: string }) => r.link);
    expect(states.filter((s: string) => s === "answered")).toHaveLength(1);
    const answers = await database()
      .owner.selectFrom("survey_answer")
      .selectAll()
      .where("survey_id", "=", survey.surveyId)
      .execute();
    // An answer names its group only: no respondent, no time, no address.
    for (const a of answers)
      expect(Object.keys(a).sort()).toEqual([
        "free_text",
        "group_label",
        "id",
        "org_id",
        "survey_id",
      ]);
    const results = await t.app.inject({
      method: "GET",
      url: `/api/surveys/${survey.surveyId}/results`,
      headers: as(team.consultant.session),
    });
    expect(results.json().freeTextAnswers).toEqual([
      { group: "Rektorer", text: "Gärna en grundkurs." },
    ]);
    expect(results.body).not.toContain("Hemliga skolan");
  });

  it("writes no audit event and no address for an answer, and never logs a token", async () => {
    const events = await database()
      .owner.selectFrom("audit_event")
      .select(["action", "client_address"])
      .where("actor_user_id", "is", null)
      .execute();
    expect(events).toEqual([]);
    const log = t.logText();
    for (const link of survey.links) expect(log).not.toContain(link.token);
    expect(log).toContain("/api/survey-links/[TOKEN]");
  });

  it("reaches no other route with the token as its only credential (401)", async () => {
    const doc = (await t.app.inject({ method: "GET", url: "/api/openapi.json" })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const secret = token(5);
    let checked = 0;
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const method of Object.keys(methods)) {
        const route = `${method.toUpperCase()} ${path}`;
        if (publicRoutes.has(route)) continue;
        const url = path.replace(/\{[^}]+\}/g, secret);
        const res = await t.app.inject({
          method: method.toUpperCase() as "GET",
          url,
          headers: {
            cookie: `${sessionCookie}=${secret}`,
            authorization: `Bearer ${secret}`,
            "x-csrf-token": secret,
          },
          payload: method === "get" ? undefined : { token: secret },
        });
        expect(res.statusCode, route).toBe(401);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it("limits requests per address (429 with Retry-After), other addresses unaffected", async () => {
    let last = await readLink(token(5), "192.0.2.250");
    for (let i = 0; i < 60 && last.statusCode !== 429; i++)
      last = await readLink(token(5), "192.0.2.250");
    expect(last.statusCode).toBe(429);
    expect(Number(last.headers["retry-after"])).toBeGreaterThan(0);
    expect((await readLink(token(5), "192.0.2.251")).statusCode).toBe(200);
  });

  it("stops every link when the survey closes", async () => {
    const closed = await t.app.inject({
      method: "POST",
      url: `/api/surveys/${survey.surveyId}/close`,
      headers: as(team.manager.session),
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect((await readLink(token(5), "192.0.2.30")).statusCode).toBe(404);
    const late = await answerThroughLink(t.app, token(5), {
      topics: [survey.topics[0]?.id as string],
    });
    expect(late.statusCode).toBe(404);
  });
});
