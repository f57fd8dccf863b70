import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import { as, type Session } from "../../testing/factories.ts";
import { messageText, startSmtpServer } from "../../testing/smtp.ts";
import {
  answerThroughLink,
  buildSurveyTeam,
  openSurveyWith,
  surveyBody,
} from "../../testing/surveys.ts";

/*
 * The staff's side of a competence-needs survey: made and read by the unit's consultants and
 * managers only, changed while a draft, opened (links shown once, e-mailed if asked), a lost
 * link replaced, closed; the result as files.
 */
describe.each(testDatabaseKinds)("competence-needs surveys, the staff's side (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let team: Awaited<ReturnType<typeof buildSurveyTeam>>;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  const publicUrl = "https://frid.exempel.se/";

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await buildTestApp(database(), { FRID_SMTP_URL: smtp.url, FRID_PUBLIC_URL: publicUrl });
    team = await buildSurveyTeam(t.app, database().owner);
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  const call = (
    session: Session,
    method: "GET" | "POST" | "PUT" | "DELETE",
    url: string,
    payload?: Record<string, unknown>,
  ) =>
    t.app.inject({
      method,
      url,
      headers: as(session),
      ...(payload === undefined ? {} : { payload }),
    });
  const denials = (userId: string) =>
    database()
      .owner.selectFrom("audit_event")
      .select(["action", "resource_type"])
      .where("actor_user_id", "=", userId)
      .where("outcome", "=", "denied")
      .execute();

  it("is made by the unit's consultant and read by its manager; nobody else sees it", async () => {
    const made = await call(
      team.consultant.session,
      "POST",
      "/api/surveys",
      surveyBody(team.unit.id),
    );
    expect(made.statusCode, made.body).toBe(201);
    const id = made.json().id;
    expect(made.json()).toMatchObject({
      state: "draft",
      unitName: team.unit.name,
      respondents: [],
    });
    expect((await call(team.manager.session, "GET", `/api/surveys/${id}`)).statusCode).toBe(200);
    for (const outsider of [team.otherConsultant, team.caseworker]) {
      const res = await call(outsider.session, "GET", `/api/surveys/${id}`);
      expect(res.statusCode).toBe(404);
      expect(await denials(outsider.id)).toContainEqual({
        action: "survey.read",
        resource_type: "survey",
      });
    }
    const list = await call(team.otherConsultant.session, "GET", "/api/surveys");
    expect(list.json().surveys.map((s: { id: string }) => s.id)).not.toContain(id);
    const refused = await call(
      team.caseworker.session,
      "POST",
      "/api/surveys",
      surveyBody(team.unit.id),
    );
    expect(refused.statusCode).toBe(403);
    const elsewhere = await call(
      team.otherConsultant.session,
      "POST",
      "/api/surveys",
      surveyBody(team.unit.id),
    );
    expect(elsewhere.statusCode).toBe(400);
    expect(elsewhere.json().error.fields.unitId).toBeTruthy();
  });

  it("says in Swedish what to change: a past closing day, a group without respondents' place, two equal topics", async () => {
    const past = await call(
      team.consultant.session,
      "POST",
      "/api/surveys",
      surveyBody(team.unit.id, { closesOn: "2020-01-01" }),
    );
    expect(past.json().error.fields.closesOn).toMatch(/passerat/);
    const twice = await call(
      team.consultant.session,
      "POST",
      "/api/surveys",
      surveyBody(team.unit.id, { topics: [{ label: "Annat" }, { label: "annat" }] }),
    );
    expect(twice.statusCode).toBe(400);
    expect(twice.json().error.fields.topics).toMatch(/samma namn/);
  });

  it("changes while a draft, refuses a respondent of no group, opens, and then refuses changes (409)", async () => {
    const id = (
      await call(team.consultant.session, "POST", "/api/surveys", surveyBody(team.unit.id))
    ).json().id;
    const noOne = await call(team.consultant.session, "POST", `/api/surveys/${id}/open`, {});
    expect(noOne.statusCode).toBe(400);
    expect(noOne.json().error.fields.respondents).toBeTruthy();
    const wrongGroup = await call(
      team.consultant.session,
      "POST",
      `/api/surveys/${id}/respondents`,
      {
        respondents: [{ label: "Rektor, Östra skolan", group: "Rektorer" }],
      },
    );
    expect(wrongGroup.statusCode).toBe(400);
    expect(wrongGroup.json().error.fields["respondents.0.group"]).toMatch(/IFO-chefer/);
    const changed = await call(
      team.consultant.session,
      "PUT",
      `/api/surveys/${id}`,
      (({ unitId: _, ...rest }) => rest)(
        surveyBody(team.unit.id, { title: "Ny rubrik", topics: [{ label: "Eget ämne" }] }),
      ),
    );
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().topics.map((x: { label: string }) => x.label)).toEqual(["Eget ämne"]);
    const added = await call(team.consultant.session, "POST", `/api/surveys/${id}/respondents`, {
      respondents: [
        { label: "IFO-chef, Norra", group: "IFO-chefer" },
        { label: "IFO-chef, Södra", group: "IFO-chefer" },
      ],
    });
    expect(added.statusCode).toBe(201);
    expect(added.json().links).toEqual([]);
    const gone = added.json().survey.respondents[1].id;
    expect(
      (await call(team.consultant.session, "DELETE", `/api/surveys/${id}/respondents/${gone}`))
        .statusCode,
    ).toBe(200);
    const opened = await call(team.manager.session, "POST", `/api/surveys/${id}/open`, {});
    expect(opened.statusCode).toBe(200);
    expect(opened.json().links).toHaveLength(1);
    expect(opened.json().links[0].path).toBe(`/enkat/${opened.json().links[0].token}`);
    const late = await call(
      team.consultant.session,
      "PUT",
      `/api/surveys/${id}`,
      (({ unitId: _, ...rest }) => rest)(surveyBody(team.unit.id)),
    );
    expect(late.statusCode).toBe(409);
    expect(
      (await call(team.consultant.session, "POST", `/api/surveys/${id}/open`, {})).statusCode,
    ).toBe(409);
    // A respondent added while open gets a link at once; a removed one no longer exists (404, audited).
    const more = await call(team.consultant.session, "POST", `/api/surveys/${id}/respondents`, {
      respondents: [{ label: "IFO-chef, Västra", group: "IFO-chefer" }],
    });
    expect(more.json().links).toHaveLength(1);
    const missing = await call(
      team.consultant.session,
      "DELETE",
      `/api/surveys/${id}/respondents/${gone}`,
    );
    expect(missing.statusCode).toBe(404);
    expect(await denials(team.consultant.id)).toContainEqual({
      action: "survey.respondents",
      resource_type: "survey",
    });
  });

  it("replaces a lost link (the old one stops) and never one that has answered", async () => {
    const { surveyId, links, topics } = await openSurveyWith(
      t.app,
      team.consultant.session,
      surveyBody(team.unit.id),
      [
        { label: "IFO-chef, A", group: "IFO-chefer" },
        { label: "IFO-chef, B", group: "IFO-chefer" },
      ],
    );
    const [a, b] = links as [(typeof links)[0], (typeof links)[0]];
    const renewed = await call(
      team.consultant.session,
      "POST",
      `/api/surveys/${surveyId}/respondents/${a.respondentId}/link`,
      {},
    );
    expect(renewed.statusCode, renewed.body).toBe(200);
    const fresh = renewed.json().links[0].token;
    expect(fresh).not.toBe(a.token);
    expect(
      (await t.app.inject({ method: "GET", url: `/api/survey-links/${a.token}` })).statusCode,
    ).toBe(404);
    expect(
      (await answerThroughLink(t.app, fresh, { topics: [topics[0]?.id as string] })).statusCode,
    ).toBe(201);
    const again = await call(
      team.consultant.session,
      "POST",
      `/api/surveys/${surveyId}/respondents/${a.respondentId}/link`,
      {},
    );
    expect(again.statusCode).toBe(409);
    const answered = await call(
      team.consultant.session,
      "DELETE",
      `/api/surveys/${surveyId}/respondents/${a.respondentId}`,
    );
    expect(answered.statusCode).toBe(409);
    expect(b.token).toBeTruthy();
  });

  it("exports the table as XLSX and as CSV for Swedish Excel", async () => {
    const { surveyId, links, topics } = await openSurveyWith(
      t.app,
      team.consultant.session,
      surveyBody(team.unit.id),
      [
        { label: "IFO-chef, 1", group: "IFO-chefer" },
        { label: "IFO-chef, 2", group: "IFO-chefer" },
        { label: "IFO-chef, 3", group: "IFO-chefer" },
      ],
    );
    const hot = topics.find((x) => x.label === "Hot- och riskbedömningar")?.id as string;
    await answerThroughLink(t.app, links[0]?.token as string, { topics: [hot] });
    await answerThroughLink(t.app, links[1]?.token as string, {
      topics: [hot, topics[0]?.id as string],
    });
    await answerThroughLink(t.app, links[2]?.token as string, {
      topics: [topics[0]?.id as string],
    });
    const csv = await call(team.manager.session, "GET", `/api/surveys/${surveyId}/results.csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["content-type"]).toMatch(/text\/csv/);
    expect(csv.body).toContain("IFO-chefer;3;3;Hot- och riskbedömningar;2;66,7");
    const xlsx = await call(team.manager.session, "GET", `/api/surveys/${surveyId}/results.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const rows = book.worksheets[0]?.getSheetValues().filter(Boolean) as unknown[][];
    expect(
      rows.some((r) => r.includes("Hot- och riskbedömningar") && r.includes(2) && r.includes(66.7)),
    ).toBe(true);
  });

  it("e-mails each respondent with an address their own link, and nothing about anyone", async () => {
    const body = surveyBody(team.unit.id, { title: "Enkät med e-post" });
    const made = (await call(team.consultant.session, "POST", "/api/surveys", body)).json();
    await call(team.consultant.session, "POST", `/api/surveys/${made.id}/respondents`, {
      respondents: [
        {
          label: "IFO-chef, Hemliga kommunen",
          group: "IFO-chefer",
          email: "ifo.chef@kommun.exempel.se",
        },
        { label: "IFO-chef, utan adress", group: "IFO-chefer" },
      ],
    });
    const before = smtp.received.length;
    const opened = await call(team.consultant.session, "POST", `/api/surveys/${made.id}/open`, {
      sendEmails: true,
    });
    expect(opened.statusCode, opened.body).toBe(200);
    const links = opened.json().links as {
      label: string;
      token: string;
      emailed: boolean | null;
    }[];
    expect(links.map((l) => [l.label, l.emailed])).toEqual([
      ["IFO-chef, Hemliga kommunen", true],
      ["IFO-chef, utan adress", null],
    ]);
    const mails = smtp.received.slice(before);
    expect(mails.map((m) => m.to)).toEqual([["ifo.chef@kommun.exempel.se"]]);
    const text = messageText(mails[0]?.raw as string);
    expect(text).toContain(`${publicUrl}enkat/${links[0]?.token}`);
    expect(text).not.toContain("Hemliga kommunen");
    expect(text).not.toContain(links[1]?.token);
  });
});
