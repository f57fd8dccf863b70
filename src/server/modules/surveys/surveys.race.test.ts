import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import { as } from "../../testing/factories.ts";
import { race } from "../../testing/race.ts";
import {
  answerThroughLink,
  buildSurveyTeam,
  openSurveyWith,
  surveyBody,
} from "../../testing/surveys.ts";

/*
 * Requests at once on a survey (on PostgreSQL side by side, on PGlite in a queue): a link
 * keeps one answer however many arrive together, different links do not stand in each
 * other's way, and a survey opened twice at once hands out its links once.
 */
describe.each(testDatabaseKinds)("surveys under concurrent requests (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let team: Awaited<ReturnType<typeof buildSurveyTeam>>;

  beforeAll(async () => {
    t = await buildTestApp(database());
    team = await buildSurveyTeam(t.app, database().owner);
  });
  afterAll(() => t?.close());

  const answers = (surveyId: string) =>
    database()
      .owner.selectFrom("survey_answer")
      .select("id")
      .where("survey_id", "=", surveyId)
      .execute();

  it("keeps one answer of twenty sent at once through one link, and one of each link's", async () => {
    const respondents = [1, 2, 3].map((i) => ({ label: `IFO-chef ${i}`, group: "IFO-chefer" }));
    const { surveyId, links, topics } = await openSurveyWith(
      t.app,
      team.consultant.session,
      surveyBody(team.unit.id),
      respondents,
    );
    const topic = topics[0]?.id as string;
    const one = await race(20, (i) =>
      answerThroughLink(t.app, links[0]?.token as string, { topics: [topic] }, `192.0.2.${i + 1}`),
    );
    expect(one.counts).toEqual({ 201: 1, 409: 19 });
    const others = await race(2, (i) =>
      answerThroughLink(
        t.app,
        links[i + 1]?.token as string,
        { topics: [topic] },
        `192.0.2.${i + 50}`,
      ),
    );
    expect(others.counts).toEqual({ 201: 2 });
    expect(await answers(surveyId)).toHaveLength(3);
  });

  it("opens a survey once when it is opened twice at once: one set of links", async () => {
    const made = await t.app.inject({
      method: "POST",
      url: "/api/surveys",
      headers: as(team.consultant.session),
      payload: surveyBody(team.unit.id),
    });
    const surveyId = made.json().id as string;
    await t.app.inject({
      method: "POST",
      url: `/api/surveys/${surveyId}/respondents`,
      headers: as(team.consultant.session),
      payload: { respondents: [{ label: "IFO-chef", group: "IFO-chefer", email: null }] },
    });
    const outcome = await race(6, (i) =>
      t.app.inject({
        method: "POST",
        url: `/api/surveys/${surveyId}/open`,
        headers: as(i % 2 ? team.manager.session : team.consultant.session),
        payload: {},
      }),
    );
    expect(outcome.counts).toEqual({ 200: 1, 409: 5 });
    const winner = outcome.responses.find((r) => r.statusCode === 200);
    const token = winner?.json().links[0].token as string;
    // The link handed out is the one that works.
    const read = await t.app.inject({ method: "GET", url: `/api/survey-links/${token}` });
    expect(read.statusCode).toBe(200);
  });
});
