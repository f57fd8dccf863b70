import {
  AnswerBody,
  AnswerResult,
  IssuedLinks,
  IssueLinkBody,
  LinkParams,
  OpenSurveyBody,
  PublicSurvey,
  RespondentParams,
  RespondentsBody,
  SurveyBody,
  SurveyList,
  SurveyParams,
  SurveyResults,
  SurveyUpdateBody,
  SurveyView,
} from "../../../shared/api/surveys.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { sendAttachment } from "../../http/attachment.ts";
import type { App, AppContext, RouteModule } from "../../http/context.ts";
import { RateLimiter, rateLimited } from "../../http/rate-limit.ts";
import { requestMeta, requireActor } from "../../http/request-context.ts";
import { resultsCsv, resultsXlsx } from "./export.ts";
import { openSurvey, reissueLink } from "./opening.ts";
import { answerLink, readLink } from "./public.ts";
import { readResults } from "./results.ts";
import {
  addRespondents,
  closeSurvey,
  createSurvey,
  listSurveys,
  readSurvey,
  removeRespondent,
  updateSurvey,
} from "./service.ts";

const tags = ["surveys"];

export const surveyRoutes: RouteModule = (app, context) => {
  registerSurveyReadRoutes(app, context);
  registerSurveyWriteRoutes(app, context);
  registerRespondentRoutes(app, context);
  registerOpeningRoutes(app, context);
  registerClosingRoute(app, context);
  registerResultRoutes(app, context.database);
  registerLinkRoutes(app, context.database);
};

/** The unit's surveys: the list and one survey. */
function registerSurveyReadRoutes(app: App, { database, config }: AppContext) {
  const mail = config.mail !== null;
  app.get(
    "/api/surveys",
    {
      schema: { tags, summary: "The surveys of the caller's units", response: { 200: SurveyList } },
    },
    (request) => listSurveys(database, requireActor(request)),
  );
  app.get(
    "/api/surveys/:surveyId",
    {
      schema: {
        tags,
        summary: "A survey with its respondents (whether each has answered, never what)",
        params: SurveyParams,
        response: { 200: SurveyView },
      },
    },
    (request) =>
      readSurvey(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.surveyId,
        mail,
      ),
  );
}

/** Making a survey and changing a draft. */
function registerSurveyWriteRoutes(app: App, { database, config }: AppContext) {
  const mail = config.mail !== null;
  app.post(
    "/api/surveys",
    {
      schema: {
        tags,
        summary: "Make a survey (a draft)",
        body: SurveyBody,
        response: { 201: SurveyView },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await createSurvey(
            database,
            requireActor(request),
            requestMeta(request),
            request.body,
            mail,
          ),
        ),
  );
  app.put(
    "/api/surveys/:surveyId",
    {
      schema: {
        tags,
        summary: "Change a draft survey (409 once it is open)",
        params: SurveyParams,
        body: SurveyUpdateBody,
        response: { 200: SurveyView },
      },
    },
    (request) =>
      updateSurvey(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.surveyId,
        request.body,
        mail,
      ),
  );
}

/** Who is asked: respondents added (a link at once while open) and removed before answering. */
function registerRespondentRoutes(app: App, { database, config }: AppContext) {
  const mail = config.mail !== null;
  app.post(
    "/api/surveys/:surveyId/respondents",
    {
      schema: {
        tags,
        summary: "Add respondents (while the survey is open, their links are in the answer, once)",
        params: SurveyParams,
        body: RespondentsBody,
        response: { 201: IssuedLinks },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await addRespondents(
            database,
            requireActor(request),
            requestMeta(request),
            request.params.surveyId,
            request.body,
            mail,
          ),
        ),
  );
  app.delete(
    "/api/surveys/:surveyId/respondents/:respondentId",
    {
      schema: {
        tags,
        summary: "Remove a respondent who has not answered",
        params: RespondentParams,
        response: { 200: SurveyView },
      },
    },
    (request) =>
      removeRespondent(database, requireActor(request), requestMeta(request), request.params, mail),
  );
}

/** Opening (the links) and a new link for one respondent. */
function registerOpeningRoutes(app: App, { database, config }: AppContext) {
  app.post(
    "/api/surveys/:surveyId/open",
    {
      schema: {
        tags,
        summary: "Open a draft: one personal link per respondent, in this answer only",
        params: SurveyParams,
        body: OpenSurveyBody,
        response: { 200: IssuedLinks },
      },
    },
    (request) =>
      openSurvey(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.surveyId,
        request.body.sendEmails,
        { config, logger: request.log },
      ),
  );
  app.post(
    "/api/surveys/:surveyId/respondents/:respondentId/link",
    {
      schema: {
        tags,
        summary: "A new link for a respondent who has not answered (the old one stops working)",
        params: RespondentParams,
        body: IssueLinkBody,
        response: { 200: IssuedLinks },
      },
    },
    (request) =>
      reissueLink(
        database,
        requireActor(request),
        requestMeta(request),
        request.params,
        request.body.sendEmail,
        { config, logger: request.log },
      ),
  );
}

/** Closing: every link stops working. */
function registerClosingRoute(app: App, { database, config }: AppContext) {
  app.post(
    "/api/surveys/:surveyId/close",
    {
      schema: {
        tags,
        summary: "Close an open survey: its links stop working",
        params: SurveyParams,
        response: { 200: SurveyView },
      },
    },
    (request) =>
      closeSurvey(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.surveyId,
        config.mail !== null,
      ),
  );
}

/** The result table (topic, count, share per group) as JSON, XLSX and CSV. */
function registerResultRoutes(app: App, database: DatabaseHandle) {
  app.get(
    "/api/surveys/:surveyId/results",
    {
      schema: {
        tags,
        summary: "The result: per topic, count and share of those who answered, per group",
        params: SurveyParams,
        response: { 200: SurveyResults },
      },
    },
    (request) =>
      readResults(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.surveyId,
        "json",
      ),
  );
  const files = {
    xlsx: {
      mediaType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      write: resultsXlsx,
    },
    csv: { mediaType: "text/csv; charset=utf-8", write: async (r: SurveyResults) => resultsCsv(r) },
  } as const;
  for (const format of ["xlsx", "csv"] as const) {
    app.get(
      `/api/surveys/:surveyId/results.${format}`,
      {
        schema: {
          tags,
          summary: `The result as ${format.toUpperCase()} (counts only, no free text)`,
          description: `Responds with ${files[format].mediaType}.`,
          params: SurveyParams,
        },
      },
      async (request, reply) => {
        const results = await readResults(
          database,
          requireActor(request),
          requestMeta(request),
          request.params.surveyId,
          format,
        );
        return sendAttachment(reply, {
          content: await files[format].write(results),
          mediaType: files[format].mediaType,
          filename: `enkat-resultat.${format}`,
        });
      },
    );
  }
}

/**
 * The two routes a personal link reaches, without an account (`public`): rate-limited per
 * address in memory, before the input is read. The token is in the path; log.ts keeps it out
 * of every log line.
 */
function registerLinkRoutes(app: App, database: DatabaseHandle) {
  const limit = rateLimited(
    new RateLimiter(60, 60_000),
    "För många försök från samma adress. Vänta en minut och försök igen.",
  );
  app.get(
    "/api/survey-links/:token",
    {
      config: { public: true },
      onRequest: limit,
      schema: {
        tags,
        summary: "The survey a personal link opens: its questions only (no account)",
        description:
          "An unknown, expired, used or closed-survey link answers the same 404. Rate-limited per address (429).",
        params: LinkParams,
        response: { 200: PublicSurvey },
      },
    },
    (request) => readLink(database, request.params.token),
  );
  app.post(
    "/api/survey-links/:token/answer",
    {
      config: { public: true },
      onRequest: limit,
      schema: {
        tags,
        summary: "The link's one answer (a second answers 409; no account)",
        params: LinkParams,
        body: AnswerBody,
        response: { 201: AnswerResult },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await answerLink(database, request.params.token, request.body)),
  );
}
