import { randomUUID } from "node:crypto";
import type { z } from "zod";
import type {
  IssuedLinks,
  RespondentsBody,
  SurveyBody,
  SurveyList,
  SurveyUpdateBody,
  SurveyView,
} from "../../../shared/api/surveys.ts";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import { type Trx, withActor } from "../../access/transaction.ts";
import { auditContext, recordAudit } from "../../audit/record.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { AppError, invalid } from "../../http/errors.ts";
import {
  conflict,
  recordSurveyRefusal,
  runSurveyCommand,
  SurveyRecordMissing,
  today,
} from "./guard.ts";
import { issueLinks, linkViews } from "./links.ts";
import { surveyUnits } from "./policy.ts";
import { surveySummaries, surveyView } from "./queries.ts";

/**
 * A unit's competence-needs surveys (issue 17, item 4): made as drafts, opened (one personal
 * link per respondent, shown once), closed. Every read of a survey names its respondents
 * (labels, e-mail addresses) and is audited; the list holds titles and counts only.
 */

export async function listSurveys(
  database: DatabaseHandle,
  actor: Actor,
): Promise<z.infer<typeof SurveyList>> {
  const units = surveyUnits(actor);
  return withActor(database.db, actor, async (trx) => ({
    surveys: await surveySummaries(trx, units),
    units:
      units.length === 0
        ? []
        : await trx
            .selectFrom("unit")
            .select(["id", "name"])
            .where("id", "in", units)
            .orderBy("name")
            .execute(),
  }));
}

type Definition = z.output<typeof SurveyUpdateBody>;

function checkClosingDay(closesOn: string) {
  if (closesOn < today()) throw invalid({ closesOn: "Sista svarsdag kan inte ha passerat." });
}

async function writeTopics(trx: Trx, orgId: string, surveyId: string, input: Definition) {
  await trx.deleteFrom("survey_topic").where("survey_id", "=", surveyId).execute();
  await trx
    .insertInto("survey_topic")
    .values(
      input.topics.map((t, i) => ({
        id: randomUUID(),
        org_id: orgId,
        survey_id: surveyId,
        position: i + 1,
        label: t.label,
        no_need: t.noNeed,
      })),
    )
    .execute();
}

const definitionColumns = (input: Definition) => ({
  title: input.title,
  intro: input.intro,
  question: input.question,
  free_text_question: input.freeTextQuestion,
  groups: input.groups,
  closes_on: input.closesOn,
});

export async function createSurvey(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  input: z.output<typeof SurveyBody>,
  mailConfigured: boolean,
): Promise<SurveyView> {
  const units = surveyUnits(actor);
  if (units.length === 0) {
    await recordSurveyRefusal(database, actor, meta, "survey.create", null);
    throw new AppError(
      403,
      "forbidden",
      "Enkäter görs av resursfunktionens konsulenter och enhetschefer.",
    );
  }
  if (!units.includes(input.unitId)) throw invalid({ unitId: "Välj en enhet där du gör enkäter." });
  checkClosingDay(input.closesOn);
  return withActor(database.db, actor, async (trx) => {
    const id = randomUUID();
    await trx
      .insertInto("survey")
      .values({
        id,
        org_id: actor.orgId,
        unit_id: input.unitId,
        created_by: actor.userId,
        ...definitionColumns(input),
      })
      .execute();
    await writeTopics(trx, actor.orgId, id, input);
    await recordAudit(trx, auditContext(actor, meta), [
      { action: "survey.create", resourceType: "survey", resourceId: id, unitId: input.unitId },
    ]);
    return surveyView(trx, id, mailConfigured);
  });
}

export function readSurvey(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  surveyId: string,
  mailConfigured: boolean,
) {
  return runSurveyCommand(database, actor, meta, {
    surveyId,
    action: "survey.read",
    run: (trx) => surveyView(trx, surveyId, mailConfigured),
    event: () => ({}),
  });
}

const openedAlready = () =>
  conflict("Enkäten är redan öppnad och kan inte längre ändras. Ladda om sidan.");

export function updateSurvey(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  surveyId: string,
  input: Definition,
  mailConfigured: boolean,
) {
  return runSurveyCommand(database, actor, meta, {
    surveyId,
    action: "survey.update",
    lock: true,
    run: async (trx, survey) => {
      if (survey.state !== "draft") throw openedAlready();
      checkClosingDay(input.closesOn);
      const used = await trx
        .selectFrom("survey_respondent")
        .select("group_label")
        .distinct()
        .where("survey_id", "=", surveyId)
        .execute();
      const missing = used.map((u) => u.group_label).filter((g) => !input.groups.includes(g));
      if (missing.length > 0)
        throw invalid({
          groups: `Gruppen ${missing.join(", ")} har mottagare. Ta bort dem först, eller behåll gruppen.`,
        });
      await trx
        .updateTable("survey")
        .set(definitionColumns(input))
        .where("id", "=", surveyId)
        .execute();
      await writeTopics(trx, actor.orgId, surveyId, input);
      return surveyView(trx, surveyId, mailConfigured);
    },
    event: () => ({}),
  });
}

/** Adds respondents; while the survey is open each gets a link at once (shown once). */
export async function addRespondents(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  surveyId: string,
  input: z.output<typeof RespondentsBody>,
  mailConfigured: boolean,
): Promise<IssuedLinks> {
  return runSurveyCommand(database, actor, meta, {
    surveyId,
    action: "survey.respondents",
    lock: true,
    run: async (trx, survey) => {
      if (survey.state === "closed") throw conflict("Enkäten är stängd.");
      const { groups, closes_on } = await trx
        .selectFrom("survey")
        .select(["groups", "closes_on"])
        .where("id", "=", surveyId)
        .executeTakeFirstOrThrow();
      const fields: Record<string, string> = {};
      input.respondents.forEach((r, i) => {
        if (!groups.includes(r.group))
          fields[`respondents.${i}.group`] = `Välj en av enkätens grupper: ${groups.join(", ")}.`;
      });
      if (Object.keys(fields).length > 0) throw invalid(fields);
      const rows = input.respondents.map((r) => ({
        id: randomUUID(),
        org_id: actor.orgId,
        survey_id: surveyId,
        label: r.label,
        group_label: r.group,
        email: r.email,
      }));
      await trx.insertInto("survey_respondent").values(rows).execute();
      const issued =
        survey.state === "open"
          ? await issueLinks(
              trx,
              { id: surveyId, closes_on },
              rows.map((r) => r.id),
            )
          : [];
      return {
        survey: await surveyView(trx, surveyId, mailConfigured),
        links: linkViews(issued, null),
        count: rows.length,
      };
    },
    event: (r) => ({ change: "added", count: r.count }),
  }).then(({ survey, links }) => ({ survey, links }));
}

export function removeRespondent(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  ids: { surveyId: string; respondentId: string },
  mailConfigured: boolean,
) {
  return runSurveyCommand(database, actor, meta, {
    surveyId: ids.surveyId,
    action: "survey.respondents",
    lock: true,
    run: async (trx, survey) => {
      const respondent = await trx
        .selectFrom("survey_respondent")
        .select(["id", "answered_at"])
        .where("id", "=", ids.respondentId)
        .where("survey_id", "=", survey.id)
        .executeTakeFirst();
      if (!respondent) throw new SurveyRecordMissing();
      if (survey.state === "closed") throw conflict("Enkäten är stängd.");
      if (respondent.answered_at)
        throw conflict("Mottagaren har redan svarat och kan inte tas bort.");
      await trx.deleteFrom("survey_respondent").where("id", "=", respondent.id).execute();
      return surveyView(trx, survey.id, mailConfigured);
    },
    event: () => ({ change: "removed", count: 1 }),
  });
}

export function closeSurvey(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  surveyId: string,
  mailConfigured: boolean,
) {
  return runSurveyCommand(database, actor, meta, {
    surveyId,
    action: "survey.close",
    lock: true,
    run: async (trx, survey) => {
      if (survey.state === "draft") throw conflict("Enkäten är inte öppnad.");
      if (survey.state === "closed") throw conflict("Enkäten är redan stängd.");
      await trx
        .updateTable("survey")
        .set({ state: "closed", closed_at: new Date() })
        .where("id", "=", surveyId)
        .execute();
      return surveyView(trx, surveyId, mailConfigured);
    },
    event: () => ({}),
  });
}
