import { randomUUID } from "node:crypto";
import type { Endpoint } from "./authorization.routes.ts";

/*
 * Reveal with a reason, the protection officer (issue 19, items 2–3) and the systematic log
 * review (item 7) in the authorization suite. X's person has no protection: those who work
 * her case are told so (409), everyone else meets a person they may not see (404). The world
 * has no protection officer, so the officer's pages refuse everyone, and her case's checklist
 * does not apply (409). The log review is the unit managers' (another organisation's in her
 * own); an anomaly or plan nobody has is 404, a plan for a reviewer nobody is 400. Its
 * threshold is set by the unit managers and the administrators; everyone else 403.
 */
const none = randomUUID();
const day = new Date().toISOString().slice(0, 10);

// biome-ignore format: one line per endpoint
export const protectionEndpoints: Endpoint[] = [
  { route: "POST /api/persons/{id}/contact-reveal", request: (w) => ({ method: "POST", url: `/api/persons/${w.personId}/contact-reveal`, payload: { reasonText: "Sända beslut via Skatteverket." } }), expect: { assigned: 409, manager: 409, otherwise: 404 } },
  { route: "GET /api/protection/persons", request: () => ({ method: "GET", url: "/api/protection/persons" }), expect: { otherwise: 403 } },
  { route: "GET /api/protection/persons/{id}/reveals", request: (w) => ({ method: "GET", url: `/api/protection/persons/${w.personId}/reveals` }), expect: { otherwise: 404 } },
  { route: "POST /api/protection/persons/{id}/consultations", request: (w) => ({ method: "POST", url: `/api/protection/persons/${w.personId}/consultations`, payload: { caseId: w.caseId, kind: "disclosure", outcome: "agreed", note: "Samråd inför utlämnande." } }), expect: { otherwise: 404 } },
  { route: "GET /api/cases/{id}/protection-checklist", request: (w) => ({ method: "GET", url: `/api/cases/${w.caseId}/protection-checklist` }), expect: { assigned: 200, manager: 200, otherwise: 404 } },
  { route: "PUT /api/cases/{id}/protection-checklist/{item}", request: (w) => ({ method: "PUT", url: `/api/cases/${w.caseId}/protection-checklist/mail_via_skatteverket`, payload: { done: true } }), expect: { assigned: 409, manager: 409, otherwise: 404 } },
  { route: "GET /api/audit/anomalies", request: () => ({ method: "GET", url: "/api/audit/anomalies" }), expect: { manager: 200, otherOrg: 200, otherwise: 404 } },
  { route: "POST /api/audit/anomalies/conclusions", request: () => ({ method: "POST", url: "/api/audit/anomalies/conclusions", payload: { key: `many_persons:${none}:${day}`, conclusion: "justified" } }), expect: { otherwise: 404 } },
  { route: "GET /api/audit/plans", request: () => ({ method: "GET", url: "/api/audit/plans" }), expect: { otherwise: 200 }, unaudited: "the plans of the units one manages (none for others): units and staff, no person" },
  { route: "POST /api/audit/plans", request: (w) => ({ method: "POST", url: "/api/audit/plans", payload: { unitId: w.unitId, reviewerId: none, scope: ["full"], everyDays: 30, startsOn: day } }), expect: { otherwise: 400 } },
  { route: "POST /api/audit/plans/{id}/done", request: () => ({ method: "POST", url: `/api/audit/plans/${none}/done` }), expect: { otherwise: 404 } },
  { route: "POST /api/audit/plans/{id}/end", request: () => ({ method: "POST", url: `/api/audit/plans/${none}/end` }), expect: { otherwise: 404 } },
  { route: "GET /api/audit/settings", request: () => ({ method: "GET", url: "/api/audit/settings" }), expect: { manager: 200, otherOrg: 200, administrator: 200, otherwise: 403 }, unaudited: "the organisation's threshold of many persons in a day: a number, no person" },
  { route: "PUT /api/audit/settings", request: () => ({ method: "PUT", url: "/api/audit/settings", payload: { manyPersonsPerDay: 30 } }), expect: { manager: 200, otherOrg: 200, administrator: 200, otherwise: 403 } },
];
