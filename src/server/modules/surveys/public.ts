import { sql } from "kysely";
import type { z } from "zod";
import { type AnswerBody, PublicSurvey } from "../../../shared/api/surveys.ts";
import { withActor } from "../../access/transaction.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { AppError } from "../../http/errors.ts";
import { hashLinkToken } from "./links.ts";

/**
 * What a personal link reaches, without an account: its survey's questions, and its one
 * answer. Both run as the application role with no actor, so row-level security lets them
 * see no table; they pass through frid_survey_by_link and frid_survey_answer (0060), which
 * take the token's hash and nothing else. Not audited: there is no user, the answer holds no
 * personal data, and a trace of the respondent (their address) would tie the answer to them.
 */
export const linkNotFound = () =>
  new AppError(
    404,
    "not_found",
    "Länken gäller inte. Den kan vara felskriven, ha gått ut eller redan ha använts, eller så är enkäten stängd.",
  );

const anonymous = { userId: null, orgId: null };

async function surveyByLink(database: DatabaseHandle, token: string) {
  return withActor(database.db, anonymous, async (trx) => {
    const { rows } = await sql<{ survey: unknown }>`
      select frid_survey_by_link(${hashLinkToken(token)}) as survey`.execute(trx);
    const found = rows[0]?.survey;
    return found ? PublicSurvey.parse(typeof found === "string" ? JSON.parse(found) : found) : null;
  });
}

export async function readLink(database: DatabaseHandle, token: string): Promise<PublicSurvey> {
  const survey = await surveyByLink(database, token);
  if (!survey) throw linkNotFound();
  return survey;
}

type Answer = z.output<typeof AnswerBody>;

/** The answer's choices against the survey's own (a 400 that says what to change). */
function checkAnswer(survey: PublicSurvey, answer: Answer) {
  const fields: Record<string, string> = {};
  const chosen = survey.topics.filter((t) => answer.topics.includes(t.id));
  if (chosen.length < new Set(answer.topics).size)
    fields.topics = "Välj bland enkätens alternativ.";
  else if (chosen.length === 0) fields.topics = "Välj minst ett alternativ.";
  else if (chosen.length > 1 && chosen.some((t) => t.noNeed))
    fields.topics = `”${chosen.find((t) => t.noNeed)?.label}” kan inte väljas tillsammans med andra alternativ.`;
  if (answer.freeText && survey.freeTextQuestion === null)
    fields.freeText = "Enkäten har ingen fritextfråga.";
  if (Object.keys(fields).length > 0)
    throw new AppError(400, "validation_failed", "Svaret behöver rättas.", fields);
}

/**
 * The link's one answer: a second answers 409, and of two sent at once one is kept and the
 * other answers 409 (frid_survey_answer claims the link under its row lock).
 */
export async function answerLink(
  database: DatabaseHandle,
  token: string,
  answer: Answer,
): Promise<{ answered: true }> {
  const survey = await surveyByLink(database, token);
  if (survey) checkAnswer(survey, answer);
  const outcome = await withActor(database.db, anonymous, async (trx) => {
    const { rows } = await sql<{ outcome: string }>`
      select frid_survey_answer(${hashLinkToken(token)}, ${[...new Set(answer.topics)]}::uuid[],
                                ${answer.freeText || null}) as outcome`.execute(trx);
    return rows[0]?.outcome;
  });
  if (outcome === "answered") return { answered: true };
  if (outcome === "used")
    throw new AppError(
      409,
      "conflict",
      "Enkäten är redan besvarad via den här länken. Varje länk kan användas för ett svar – tack för ditt svar!",
    );
  throw linkNotFound();
}
