import type { z } from "zod";
import type { SurveySummary, SurveyView } from "../../../shared/api/surveys.ts";
import type { Trx } from "../../access/transaction.ts";

/**
 * What staff read of surveys, in the actor's transaction (row-level security: the unit's
 * consultants and managers). Respondents show whether they have answered, never what.
 */
const iso = (value: Date | string | null) =>
  value === null
    ? null
    : value instanceof Date
      ? value.toISOString()
      : new Date(value).toISOString();

export async function surveySummaries(
  trx: Trx,
  units: string[],
): Promise<z.infer<typeof SurveySummary>[]> {
  if (units.length === 0) return [];
  const rows = await trx
    .selectFrom("survey as s")
    .innerJoin("unit as u", "u.id", "s.unit_id")
    .select((eb) => [
      "s.id",
      "s.unit_id",
      "u.name as unit_name",
      "s.title",
      "s.state",
      "s.closes_on",
      eb
        .selectFrom("survey_respondent as r")
        .whereRef("r.survey_id", "=", "s.id")
        .select((e) => e.fn.countAll<number>().as("n"))
        .as("respondents"),
      eb
        .selectFrom("survey_respondent as r")
        .whereRef("r.survey_id", "=", "s.id")
        .where("r.answered_at", "is not", null)
        .select((e) => e.fn.countAll<number>().as("n"))
        .as("answered"),
    ])
    .where("s.unit_id", "in", units)
    .orderBy("s.created_at", "desc")
    .orderBy("s.id", "desc")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    unitId: r.unit_id,
    unitName: r.unit_name,
    title: r.title,
    state: r.state,
    closesOn: r.closes_on,
    respondents: Number(r.respondents ?? 0),
    answered: Number(r.answered ?? 0),
  }));
}

export async function surveyView(
  trx: Trx,
  surveyId: string,
  mailConfigured: boolean,
): Promise<SurveyView> {
  const s = await trx
    .selectFrom("survey as s")
    .innerJoin("unit as u", "u.id", "s.unit_id")
    .selectAll("s")
    .select("u.name as unit_name")
    .where("s.id", "=", surveyId)
    .executeTakeFirstOrThrow();
  const [topics, respondents] = await Promise.all([
    surveyTopics(trx, surveyId),
    trx
      .selectFrom("survey_respondent")
      .select(["id", "label", "group_label", "email", "link_issued_at", "answered_at"])
      .where("survey_id", "=", surveyId)
      .orderBy("created_at")
      .orderBy("label")
      .orderBy("id")
      .execute(),
  ]);
  return {
    id: s.id,
    unitId: s.unit_id,
    unitName: s.unit_name,
    title: s.title,
    intro: s.intro,
    question: s.question,
    freeTextQuestion: s.free_text_question,
    groups: s.groups,
    topics,
    closesOn: s.closes_on,
    state: s.state,
    openedAt: iso(s.opened_at),
    closedAt: iso(s.closed_at),
    respondents: respondents.map((r) => ({
      id: r.id,
      label: r.label,
      group: r.group_label,
      email: r.email,
      link: r.answered_at ? "answered" : r.link_issued_at ? "issued" : "none",
      linkIssuedAt: iso(r.link_issued_at),
    })),
    mailConfigured,
  };
}

export async function surveyTopics(trx: Trx, surveyId: string) {
  const rows = await trx
    .selectFrom("survey_topic")
    .select(["id", "label", "no_need"])
    .where("survey_id", "=", surveyId)
    .orderBy("position")
    .execute();
  return rows.map((t) => ({ id: t.id, label: t.label, noNeed: t.no_need }));
}
