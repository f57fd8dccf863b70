import { stockholmDate } from "../../shared/calendar.ts";
import type { Endpoint, Expect } from "./authorization.routes.ts";

/*
 * The multi-agency risk conference's places in the authorization suite (issue 18, item 8; kept
 * beside authorization.routes.ts, which spreads them in). X is escalated by three police-reported
 * incidents; the assigned worker changes version 1, the manager, later, finds it stale (409).
 */
const onlyWorkers: Expect = { assigned: 200, manager: 200, otherwise: 404 };

// biome-ignore format: one line per endpoint
export const conferenceEndpoints: Endpoint[] = [
  { route: "GET /api/cases/{id}/risk-conference-criteria", request: (w) => ({ method: "GET", url: `/api/cases/${w.caseId}/risk-conference-criteria` }), expect: onlyWorkers },
  { route: "GET /api/cases/{id}/risk-conferences", request: (w) => ({ method: "GET", url: `/api/cases/${w.caseId}/risk-conferences` }), expect: onlyWorkers },
  { route: "POST /api/cases/{id}/risk-conferences", request: (w) => ({ method: "POST", url: `/api/cases/${w.caseId}/risk-conferences`, payload: { secrecyRule: "serious_crime" } }), expect: { assigned: 201, manager: 201, otherwise: 404 } },
  { route: "GET /api/risk-conferences/{id}", request: (w) => ({ method: "GET", url: `/api/risk-conferences/${w.riskConference.conferenceId}` }), expect: onlyWorkers },
  { route: "PATCH /api/risk-conferences/{id}", request: (w) => ({ method: "PATCH", url: `/api/risk-conferences/${w.riskConference.conferenceId}`, payload: { version: 1, agenda: "1. Risk 2. Åtgärder" } }), expect: { assigned: 200, manager: 409, otherwise: 404 } },
  { route: "PUT /api/risk-conferences/{id}/agencies/{agencyId}", request: (w) => ({ method: "PUT", url: `/api/risk-conferences/${w.riskConference.conferenceId}/agencies/${w.riskConference.agencyId}`, payload: { contactIds: [w.riskConference.contactId], research: "Två anmälningar." } }), expect: onlyWorkers },
  { route: "GET /api/risk-conferences/{id}/agencies/{agencyId}/pack", request: (w) => ({ method: "GET", url: `/api/risk-conferences/${w.riskConference.conferenceId}/agencies/${w.riskConference.agencyId}/pack` }), expect: onlyWorkers },
  { route: "POST /api/risk-conferences/{id}/actions", request: (w) => ({ method: "POST", url: `/api/risk-conferences/${w.riskConference.conferenceId}/actions`, payload: { description: "Ring henne.", ownerUserId: w.spareId, dueOn: stockholmDate(new Date()) } }), expect: { assigned: 201, manager: 201, otherwise: 404 } },
  { route: "GET /api/risk-conference-actions/{id}", request: (w) => ({ method: "GET", url: `/api/risk-conference-actions/${w.riskConference.actionId}` }), expect: onlyWorkers },
  { route: "PATCH /api/risk-conference-actions/{id}", request: (w) => ({ method: "PATCH", url: `/api/risk-conference-actions/${w.riskConference.actionId}`, payload: { version: 1, done: true } }), expect: { assigned: 200, manager: 409, otherwise: 404 } },
];
