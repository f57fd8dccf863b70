import type { z } from "zod";
import {
  IssuedLinks,
  type RespondentsBody,
  type SurveyBody,
  SurveyList,
  SurveyResults,
  SurveyView,
} from "../../../shared/api/surveys";
import { deleteJson, parseWith } from "../../api/client";
import type { Transport } from "../../api/transport";

export type SurveyListView = z.infer<typeof SurveyList>;
export type SurveyDetail = z.infer<typeof SurveyView>;
export type SurveyResultsView = z.infer<typeof SurveyResults>;
export type IssuedLinksView = z.infer<typeof IssuedLinks>;
export type SurveyInput = SurveyBody;
export type SurveyDefinition = Omit<SurveyBody, "unitId">;

/** The surveys calls of the Api (api/endpoints.ts assembles every feature's). */
export function surveysApi({ get, post, put, call, opts, id }: Transport) {
  const base = (surveyId: string) => `/api/surveys/${id(surveyId)}`;
  return {
    surveys: (signal?: AbortSignal) => get("/api/surveys", SurveyList, signal),
    survey: (surveyId: string, signal?: AbortSignal) => get(base(surveyId), SurveyView, signal),
    createSurvey: (body: SurveyBody) => post("/api/surveys", body, SurveyView),
    updateSurvey: (surveyId: string, body: SurveyDefinition) =>
      put(base(surveyId), body, SurveyView),
    addRespondents: (surveyId: string, body: RespondentsBody) =>
      post(`${base(surveyId)}/respondents`, body, IssuedLinks),
    removeRespondent: (surveyId: string, respondentId: string) =>
      call(async () =>
        parseWith(
          SurveyView,
          await deleteJson(`${base(surveyId)}/respondents/${id(respondentId)}`, opts()),
        ),
      ),
    openSurvey: (surveyId: string, sendEmails: boolean) =>
      post(`${base(surveyId)}/open`, { sendEmails }, IssuedLinks),
    newSurveyLink: (surveyId: string, respondentId: string, sendEmail: boolean) =>
      post(`${base(surveyId)}/respondents/${id(respondentId)}/link`, { sendEmail }, IssuedLinks),
    closeSurvey: (surveyId: string) => post(`${base(surveyId)}/close`, {}, SurveyView),
    surveyResults: (surveyId: string, signal?: AbortSignal) =>
      get(`${base(surveyId)}/results`, SurveyResults, signal),
    surveyResultsXlsxUrl: (surveyId: string) => `${base(surveyId)}/results.xlsx`,
    surveyResultsCsvUrl: (surveyId: string) => `${base(surveyId)}/results.csv`,
  };
}
