import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../../db/seed/demo.ts";
import { demoPassword } from "../../db/seed/demo-data.ts";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import { as, login } from "../../testing/factories.ts";
import {
  answerThroughLink,
  buildSurveyTeam,
  ifoTopics,
  openSurveyWith,
  schoolTopics,
  spreadChoices,
  surveyBody,
} from "../../testing/surveys.ts";

/*
 * Seed 002's two tables, reproduced from answers given through the survey's own links, as
 * the principals and IFO managers would give them: the IFO table with its exact counts and
 * shares (11 managers answered: Hot- och riskbedömningar 9 → 81,8 %), and the schools'
 * table of counts (their respondents: 60 of 80 asked here; the seed gives counts only).
 */
const ifoCounts = [5, 6, 5, 7, 9, 2, 5, 2, 5, 0, 0];
const ifoShares = [45.5, 54.5, 45.5, 63.6, 81.8, 18.2, 45.5, 18.2, 45.5, 0, 0];
const schoolCounts = [36, 25, 36, 40, 33, 25, 21, 13];

describe.each(testDatabaseKinds)("seed 002's tables from answers through links (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let team: Awaited<ReturnType<typeof buildSurveyTeam>>;

  beforeAll(async () => {
    t = await buildTestApp(database());
    team = await buildSurveyTeam(t.app, database().owner);
  });
  afterAll(() => t?.close());

  const results = async (surveyId: string) => {
    const res = await t.app.inject({
      method: "GET",
      url: `/api/surveys/${surveyId}/results`,
      headers: as(team.manager.session),
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  it("gives the IFO table: 11 answered, each topic's count and share to one decimal", async () => {
    const respondents = Array.from({ length: 11 }, (_, i) => ({
      label: `IFO-chef, kommun ${i + 1}`,
      group: "IFO-chefer",
    }));
    const { surveyId, links, topics } = await openSurveyWith(
      t.app,
      team.consultant.session,
      surveyBody(team.unit.id),
      respondents,
    );
    expect(topics.map((x) => x.label)).toEqual(ifoTopics.map((x) => x.label));
    const picks = spreadChoices(ifoCounts, 11);
    for (const [i, link] of links.entries()) {
      const chosen = (picks[i] ?? []).map((p) => topics[p]?.id as string);
      const res = await answerThroughLink(t.app, link.token, { topics: chosen }, `198.51.100.${i}`);
      expect(res.statusCode, res.body).toBe(201);
    }
    const body = await results(surveyId);
    expect(body.tables).toHaveLength(1);
    const [table] = body.tables;
    expect(table).toMatchObject({ group: "IFO-chefer", invited: 11, answered: 11 });
    expect(
      table.rows.map((r: { label: string; count: number; share: number }) => [
        r.label,
        r.count,
        r.share,
      ]),
    ).toEqual(ifoTopics.map((x, i) => [x.label, ifoCounts[i], ifoShares[i]]));
  });

  it("gives the schools' table of counts, 'no need' chosen alone, with shares of those who answered", async () => {
    const respondents = Array.from({ length: 80 }, (_, i) => ({
      label: `Rektor, skola ${i + 1}`,
      group: "Rektorer",
    }));
    const body = surveyBody(team.unit.id, {
      title: "Kompetensbehov HRV – skolan",
      groups: ["Rektorer"],
      topics: schoolTopics.map((x) => ({ label: x.label, noNeed: x.noNeed })),
    });
    const { surveyId, links, topics } = await openSurveyWith(
      t.app,
      team.consultant.session,
      body,
      respondents,
    );
    // 13 answer "Verksamheten har ej behov" alone; 47 spread over the other seven topics.
    const needs = spreadChoices(schoolCounts.slice(0, 7), 47);
    const noNeed = topics[7]?.id as string;
    for (let i = 0; i < 60; i++) {
      const token = links[i]?.token as string;
      const chosen = i < 47 ? (needs[i] ?? []).map((p) => topics[p]?.id as string) : [noNeed];
      const res = await answerThroughLink(t.app, token, { topics: chosen }, `203.0.113.${i}`);
      expect(res.statusCode, res.body).toBe(201);
    }
    const [table] = (await results(surveyId)).tables;
    expect(table).toMatchObject({ group: "Rektorer", invited: 80, answered: 60 });
    expect(table.rows.map((r: { label: string; count: number }) => [r.label, r.count])).toEqual(
      schoolTopics.map((x, i) => [x.label, schoolCounts[i]]),
    );
    // Kultur, tradition och religion: 40 of 60 = 66,7 %.
    expect(table.rows[3].share).toBe(66.7);
  });

  it("has the demo's closed IFO survey give the same table", async () => {
    await seedDemo(database().owner);
    const manager = await login(t.app, "resurschef", demoPassword);
    const list = await t.app.inject({ method: "GET", url: "/api/surveys", headers: as(manager) });
    const [demo] = list.json().surveys;
    expect(demo).toMatchObject({ state: "closed", respondents: 13, answered: 11 });
    const res = await t.app.inject({
      method: "GET",
      url: `/api/surveys/${demo.id}/results`,
      headers: as(manager),
    });
    const [table] = res.json().tables;
    expect(table).toMatchObject({ invited: 13, answered: 11 });
    expect(table.rows.map((r: { count: number; share: number }) => [r.count, r.share])).toEqual(
      ifoCounts.map((c, i) => [c, ifoShares[i]]),
    );
  });

  it("counts each group and all together when a survey asks two groups", async () => {
    const { surveyId, links, topics } = await openSurveyWith(
      t.app,
      team.consultant.session,
      surveyBody(team.unit.id, { title: "Två grupper", groups: ["Rektorer", "IFO-chefer"] }),
      [
        { label: "Rektor A", group: "Rektorer" },
        { label: "Rektor B", group: "Rektorer" },
        { label: "IFO-chef A", group: "IFO-chefer" },
      ],
    );
    const hot = topics.find((x) => x.label === "Hot- och riskbedömningar")?.id as string;
    const lvu = topics.find((x) => x.label === "LVU-utredningar")?.id as string;
    const tokenOf = (label: string) => links.find((l) => l.label === label)?.token as string;
    await answerThroughLink(t.app, tokenOf("Rektor A"), { topics: [hot] });
    await answerThroughLink(t.app, tokenOf("IFO-chef A"), { topics: [hot, lvu] });
    const tables = (await results(surveyId)).tables as {
      group: string | null;
      invited: number;
      answered: number;
      rows: { label: string; count: number; share: number | null }[];
    }[];
    const row = (group: string | null, label: string) =>
      tables.find((x) => x.group === group)?.rows.find((r) => r.label === label);
    expect(tables.map((x) => [x.group, x.invited, x.answered])).toEqual([
      ["Rektorer", 2, 1],
      ["IFO-chefer", 1, 1],
      [null, 3, 2],
    ]);
    expect(row("Rektorer", "Hot- och riskbedömningar")).toMatchObject({ count: 1, share: 100 });
    expect(row("Rektorer", "LVU-utredningar")).toMatchObject({ count: 0, share: 0 });
    expect(row(null, "LVU-utredningar")).toMatchObject({ count: 1, share: 50 });
  });
});
