import { sql } from "kysely";
import { type SurveyResults, shareOf } from "../../../shared/api/surveys.ts";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import type { Trx } from "../../access/transaction.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { runSurveyCommand } from "./guard.ts";
import { surveyTopics } from "./queries.ts";

/**
 * A survey's result as seed 002 shows it: per topic, how many chose it and their share of
 * those who answered (one decimal), for each respondent group and, with several groups, for
 * all together. Counts only: no answer is shown as one respondent's. The free-text answers
 * are listed by group in alphabetical order, so their order tells nothing of who wrote when.
 */
export async function surveyResults(trx: Trx, surveyId: string): Promise<SurveyResults> {
  const survey = await trx
    .selectFrom("survey")
    .select(["id", "title", "state", "closes_on", "groups", "free_text_question"])
    .where("id", "=", surveyId)
    .executeTakeFirstOrThrow();
  const [topics, invited, answered, chosen, freeText] = await Promise.all([
    surveyTopics(trx, surveyId),
    countBy(trx, "survey_respondent", surveyId),
    countBy(trx, "survey_answer", surveyId),
    trx
      .selectFrom("survey_answer_topic as at")
      .innerJoin("survey_answer as a", "a.id", "at.answer_id")
      .select(["a.group_label", "at.topic_id", (eb) => eb.fn.countAll<number>().as("n")])
      .where("a.survey_id", "=", surveyId)
      .groupBy(["a.group_label", "at.topic_id"])
      .execute(),
    trx
      .selectFrom("survey_answer")
      .select(["group_label", "free_text"])
      .where("survey_id", "=", surveyId)
      .where("free_text", "is not", null)
      .orderBy("group_label")
      .orderBy(sql`free_text collate "C"`)
      .execute(),
  ]);
  const table = (group: string | null) => {
    const inGroup = (g: string) => group === null || g === group;
    const sum = (m: Map<string, number>) =>
      [...m].filter(([g]) => inGroup(g)).reduce((n, [, c]) => n + c, 0);
    const answeredHere = sum(answered);
    return {
      group,
      invited: sum(invited),
      answered: answeredHere,
      rows: topics.map((t) => {
        const count = chosen
          .filter((c) => c.topic_id === t.id && inGroup(c.group_label))
          .reduce((n, c) => n + Number(c.n), 0);
        return { topicId: t.id, label: t.label, count, share: shareOf(count, answeredHere) };
      }),
    };
  };
  const groups: (string | null)[] =
    survey.groups.length > 1 ? [...survey.groups, null] : survey.groups;
  return {
    surveyId: survey.id,
    title: survey.title,
    state: survey.state,
    closesOn: survey.closes_on,
    tables: groups.map(table),
    freeTextQuestion: survey.free_text_question,
    freeTextAnswers: freeText.map((f) => ({ group: f.group_label, text: f.free_text ?? "" })),
  };
}

async function countBy(
  trx: Trx,
  table: "survey_respondent" | "survey_answer",
  surveyId: string,
): Promise<Map<string, number>> {
  const rows = await trx
    .selectFrom(table)
    .select(["group_label", (eb) => eb.fn.countAll<number>().as("n")])
    .where("survey_id", "=", surveyId)
    .groupBy("group_label")
    .execute();
  return new Map(rows.map((r) => [r.group_label, Number(r.n)]));
}

/** The result, read by the survey's staff; one audited read per request, in any format. */
export function readResults(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  surveyId: string,
  format: "json" | "xlsx" | "csv",
) {
  return runSurveyCommand(database, actor, meta, {
    surveyId,
    action: "survey.results",
    run: (trx) => surveyResults(trx, surveyId),
    event: (r) => ({ format, answered: r.tables.at(-1)?.answered ?? 0 }),
  });
}
