import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { defaultQuestion, topicCatalogue } from "../../shared/api/surveys.ts";
import { addDays, stockholmDate } from "../../shared/calendar.ts";
import { spreadChoices } from "../db/seed/demo-surveys.ts";
import type { Database } from "../db/types.ts";
import type { App } from "../http/context.ts";
import { as, buildOrg, buildUser, login, type Session } from "./factories.ts";

/** Competence-needs surveys in tests (issue 17, item 4): bodies, a team, answering. */

export { spreadChoices };

export const ifoTopics = topicCatalogue[1].topics;
export const schoolTopics = topicCatalogue[0].topics;

export const inAMonth = () => addDays(stockholmDate(new Date()), 30);

/** A survey as the form sends it: seed 002's IFO questionnaire unless told otherwise. */
export function surveyBody(unitId: string, over: Record<string, unknown> = {}) {
  return {
    unitId,
    title: "Kompetensbehov HRV – IFO",
    intro: "Förstudie om en länsgemensam funktion.",
    question: defaultQuestion,
    freeTextQuestion: null,
    groups: ["IFO-chefer"],
    topics: ifoTopics.map((t) => ({ label: t.label, noNeed: t.noNeed })),
    closesOn: inAMonth(),
    ...over,
  };
}

/** An organisation with a resource function: its consultant and manager, and outsiders. */
export async function buildSurveyTeam(app: App, owner: Kysely<Database>) {
  const org = await buildOrg(owner);
  const unit = await owner
    .insertInto("unit")
    .values({
      org_id: org.id,
      name: `Resursfunktion ${randomUUID().slice(0, 6)}`,
      kind: "resource_function",
    })
    .returning(["id", "name"])
    .executeTakeFirstOrThrow();
  const otherUnit = await owner
    .insertInto("unit")
    .values({
      org_id: org.id,
      name: `Annan enhet ${randomUUID().slice(0, 6)}`,
      kind: "resource_function",
    })
    .returning(["id", "name"])
    .executeTakeFirstOrThrow();
  const user = async (unitId: string, role: "consultant" | "unit_manager" | "caseworker") => {
    const u = await buildUser(owner, org.id, [{ unitId, role }]);
    return { id: u.id, displayName: u.display_name, session: await login(app, u.username) };
  };
  return {
    orgId: org.id,
    unit,
    consultant: await user(unit.id, "consultant"),
    manager: await user(unit.id, "unit_manager"),
    caseworker: await user(unit.id, "caseworker"),
    otherConsultant: await user(otherUnit.id, "consultant"),
  };
}

/** Makes a survey, adds the respondents and opens it: its id and one link per respondent. */
export async function openSurveyWith(
  app: App,
  session: Session,
  body: ReturnType<typeof surveyBody>,
  respondents: { label: string; group: string; email?: string | null }[],
) {
  const made = await app.inject({
    method: "POST",
    url: "/api/surveys",
    headers: as(session),
    payload: body,
  });
  if (made.statusCode !== 201) throw new Error(`survey: ${made.statusCode} ${made.body}`);
  const surveyId = made.json().id as string;
  const added = await app.inject({
    method: "POST",
    url: `/api/surveys/${surveyId}/respondents`,
    headers: as(session),
    payload: { respondents: respondents.map((r) => ({ email: null, ...r })) },
  });
  if (added.statusCode !== 201) throw new Error(`respondents: ${added.statusCode} ${added.body}`);
  const opened = await app.inject({
    method: "POST",
    url: `/api/surveys/${surveyId}/open`,
    headers: as(session),
    payload: {},
  });
  if (opened.statusCode !== 200) throw new Error(`open: ${opened.statusCode} ${opened.body}`);
  const links = opened.json().links as { respondentId: string; label: string; token: string }[];
  return {
    surveyId,
    links,
    topics: opened.json().survey.topics as { id: string; label: string }[],
  };
}

/** Answers through a link as a respondent's browser would, from an address of its own. */
export function answerThroughLink(
  app: App,
  token: string,
  payload: { topics: string[]; freeText?: string | null },
  address = "192.0.2.10",
) {
  return app.inject({
    method: "POST",
    url: `/api/survey-links/${token}/answer`,
    payload,
    remoteAddress: address,
  });
}

/**
 * The survey records of the authorization suite: a draft survey of X's unit with two
 * respondents (one for the removal), made as the owner so every actor meets the same.
 */
export async function addSurveyRecords(made: {
  owner: Kysely<Database>;
  orgId: string;
  unitId: string;
  createdBy: string;
}) {
  const { owner, orgId, unitId, createdBy } = made;
  const surveyId = randomUUID();
  await owner
    .insertInto("survey")
    .values({
      id: surveyId,
      org_id: orgId,
      unit_id: unitId,
      title: "Kompetensbehov",
      question: defaultQuestion,
      groups: ["IFO-chefer"],
      closes_on: inAMonth(),
      created_by: createdBy,
    })
    .execute();
  await owner
    .insertInto("survey_topic")
    .values(
      ifoTopics.map((t, i) => ({
        id: randomUUID(),
        org_id: orgId,
        survey_id: surveyId,
        position: i + 1,
        label: t.label,
        no_need: t.noNeed,
      })),
    )
    .execute();
  const respondent = () => ({
    id: randomUUID(),
    org_id: orgId,
    survey_id: surveyId,
    label: "IFO-chef, Demokommun",
    group_label: "IFO-chefer",
  });
  const [kept, removed] = [respondent(), respondent()];
  await owner.insertInto("survey_respondent").values([kept, removed]).execute();
  return { surveyId, respondentId: kept.id, removableRespondentId: removed.id };
}
