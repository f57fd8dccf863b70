import { surveyBody } from "../testing/surveys.ts";
import type { Endpoint, Expect } from "./authorization.routes.ts";

/*
 * Competence-needs surveys' places in the authorization suite (issue 17; kept beside
 * authorization.routes.ts, which spreads them into its routes about no case).
 */

/** A survey of X's unit: its consultant and manager; anyone else is refused as if it were not there. */
const surveyStaff = (status: number): Expect => ({
  consultant: status,
  manager: status,
  otherwise: 404,
});

// biome-ignore format: one line per endpoint
export const surveyEndpoints: Endpoint[] = [
  // Competence-needs surveys (issue 17): made and read by the consultants and managers of
  // X's unit; the consultant acts first, the manager later meets what it left (409).
  { route: "GET /api/surveys", request: () => ({ method: "GET", url: "/api/surveys" }), expect: { otherwise: 200 }, unaudited: "titles and counts of the caller's own units' surveys: no personal data" },
  { route: "POST /api/surveys", request: (w) => ({ method: "POST", url: "/api/surveys", payload: surveyBody(w.unitId) }), expect: { ...surveyStaff(201), otherOrg: 400, otherwise: 403 } }, // another organisation's manager names a unit not theirs
  { route: "GET /api/surveys/{surveyId}", request: (w) => ({ method: "GET", url: `/api/surveys/${w.surveys.surveyId}` }), expect: surveyStaff(200) },
  { route: "PUT /api/surveys/{surveyId}", request: (w) => ({ method: "PUT", url: `/api/surveys/${w.surveys.surveyId}`, payload: (({ unitId: _, ...rest }) => rest)(surveyBody(w.unitId)) }), expect: surveyStaff(200) },
  { route: "POST /api/surveys/{surveyId}/respondents", request: (w) => ({ method: "POST", url: `/api/surveys/${w.surveys.surveyId}/respondents`, payload: { respondents: [{ label: "IFO-chef, Ny kommun", group: "IFO-chefer" }] } }), expect: surveyStaff(201) },
  // The consultant removes the spare respondent; the manager, later, finds it gone (404, audited).
  { route: "DELETE /api/surveys/{surveyId}/respondents/{respondentId}", request: (w) => ({ method: "DELETE", url: `/api/surveys/${w.surveys.surveyId}/respondents/${w.surveys.removableRespondentId}` }), expect: { consultant: 200, otherwise: 404 }, onlyDeletes: true },
  { route: "POST /api/surveys/{surveyId}/open", request: (w) => ({ method: "POST", url: `/api/surveys/${w.surveys.surveyId}/open`, payload: {} }), expect: { ...surveyStaff(200), manager: 409 } },
  { route: "POST /api/surveys/{surveyId}/respondents/{respondentId}/link", request: (w) => ({ method: "POST", url: `/api/surveys/${w.surveys.surveyId}/respondents/${w.surveys.respondentId}/link`, payload: {} }), expect: surveyStaff(200) },
  { route: "GET /api/surveys/{surveyId}/results", request: (w) => ({ method: "GET", url: `/api/surveys/${w.surveys.surveyId}/results` }), expect: surveyStaff(200) },
  { route: "GET /api/surveys/{surveyId}/results.xlsx", request: (w) => ({ method: "GET", url: `/api/surveys/${w.surveys.surveyId}/results.xlsx` }), expect: surveyStaff(200) },
  { route: "GET /api/surveys/{surveyId}/results.csv", request: (w) => ({ method: "GET", url: `/api/surveys/${w.surveys.surveyId}/results.csv` }), expect: surveyStaff(200) },
  { route: "POST /api/surveys/{surveyId}/close", request: (w) => ({ method: "POST", url: `/api/surveys/${w.surveys.surveyId}/close` }), expect: { ...surveyStaff(200), manager: 409 } },
];
