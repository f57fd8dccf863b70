import type { FastifyBaseLogger } from "fastify";
import type { IssuedLinks, SurveyView } from "../../../shared/api/surveys.ts";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import type { Config } from "../../config.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { invalid } from "../../http/errors.ts";
import { conflict, runSurveyCommand, SurveyRecordMissing, today } from "./guard.ts";
import { issueLinks, linkViews, mailLinks } from "./links.ts";
import { surveyView } from "./queries.ts";

/**
 * Opening a survey and making a respondent a new link: the commands that hand out tokens.
 * A token is in the answer to the request that made it and nowhere else (links.ts); e-mail,
 * when asked for and configured, goes out after the commit, so a slow mail server holds no
 * lock and a failed send leaves the link to be copied.
 */

/** What sending links by e-mail needs: the settings and where to log a failed send. */
export interface MailContext {
  config: Config;
  logger: FastifyBaseLogger;
}

/** Opens a draft: one link per respondent, returned once; e-mailed after the commit if asked. */
export async function openSurvey(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  surveyId: string,
  sendEmails: boolean,
  mail: MailContext,
): Promise<IssuedLinks> {
  const mailConfigured = mail.config.mail !== null;
  const opened = await runSurveyCommand(database, actor, meta, {
    surveyId,
    action: "survey.open",
    lock: true,
    run: async (trx, survey) => {
      if (survey.state !== "draft") throw conflict("Enkäten är redan öppnad.");
      const row = await trx
        .updateTable("survey")
        .set({ state: "open", opened_at: new Date() })
        .where("id", "=", surveyId)
        .returning(["closes_on", "title"])
        .executeTakeFirstOrThrow();
      if (row.closes_on < today())
        throw invalid({ closesOn: "Sista svarsdag har passerat. Ändra den innan enkäten öppnas." });
      const respondents = await trx
        .selectFrom("survey_respondent")
        .select("id")
        .where("survey_id", "=", surveyId)
        .execute();
      if (respondents.length === 0)
        throw invalid({ respondents: "Lägg till minst en mottagare innan enkäten öppnas." });
      const issued = await issueLinks(
        trx,
        { id: surveyId, closes_on: row.closes_on },
        respondents.map((r) => r.id),
      );
      return { issued, survey: await surveyView(trx, surveyId, mailConfigured) };
    },
    event: ({ issued }) => ({
      links: issued.length,
      toEmail: sendEmails && mailConfigured ? issued.filter((l) => l.email).length : 0,
    }),
  });
  const sent = sendEmails
    ? await mailLinks(mail.config, mail.logger, mailSubject(opened.survey), opened.issued)
    : null;
  return { survey: opened.survey, links: linkViews(opened.issued, sent) };
}

const mailSubject = (survey: SurveyView) => ({
  title: survey.title,
  unitName: survey.unitName,
  closesOn: survey.closesOn,
});

/** A new link for a respondent who has not answered (the old one stops working). */
export async function reissueLink(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  ids: { surveyId: string; respondentId: string },
  sendEmail: boolean,
  mail: MailContext,
): Promise<IssuedLinks> {
  const mailConfigured = mail.config.mail !== null;
  const made = await runSurveyCommand(database, actor, meta, {
    surveyId: ids.surveyId,
    action: "survey.link",
    lock: true,
    run: async (trx, survey) => {
      const respondent = await trx
        .selectFrom("survey_respondent")
        .select(["id", "answered_at", "email"])
        .where("id", "=", ids.respondentId)
        .where("survey_id", "=", survey.id)
        .executeTakeFirst();
      if (!respondent) throw new SurveyRecordMissing();
      if (survey.state !== "open") throw conflict("Enkäten är inte öppen.");
      if (respondent.answered_at) throw conflict("Mottagaren har redan svarat.");
      const { closes_on } = await trx
        .selectFrom("survey")
        .select("closes_on")
        .where("id", "=", survey.id)
        .executeTakeFirstOrThrow();
      const issued = await issueLinks(trx, { id: survey.id, closes_on }, [respondent.id]);
      return { issued, survey: await surveyView(trx, survey.id, mailConfigured) };
    },
    event: ({ issued }) => ({
      respondentId: ids.respondentId,
      toEmail: sendEmail && mailConfigured && issued.some((l) => l.email),
    }),
  });
  const sent = sendEmail
    ? await mailLinks(mail.config, mail.logger, mailSubject(made.survey), made.issued)
    : null;
  return { survey: made.survey, links: linkViews(made.issued, sent) };
}
