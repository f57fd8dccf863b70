import type { Endpoint, Expect } from "../access/authorization.routes.ts";
import { planSaveBody } from "./coordinated-plans.ts";

/**
 * SIP's routes in the authorization suite (issue 18, item 6): X has a plan shared with the
 * region's health centre on her consent. Its workers see and change it; nobody else finds it.
 */
const workers: Expect = { assigned: 200, manager: 200, otherwise: 404 };
const plan = (w: Parameters<Endpoint["request"]>[0]) =>
  `/api/cases/${w.caseId}/coordinated-plans/${w.sip.planId}`;

// biome-ignore format: one line per endpoint
export const coordinatedPlanEndpoints: Endpoint[] = [
  { route: "GET /api/cases/{id}/coordinated-plans", request: (w) => ({ method: "GET", url: `/api/cases/${w.caseId}/coordinated-plans` }), expect: workers },
  { route: "GET /api/cases/{id}/coordinated-plans/options", request: (w) => ({ method: "GET", url: `/api/cases/${w.caseId}/coordinated-plans/options` }), expect: workers },
  { route: "GET /api/cases/{id}/coordinated-plans/{planId}", request: (w) => ({ method: "GET", url: plan(w) }), expect: workers },
  { route: "POST /api/cases/{id}/coordinated-plans", request: (w) => ({ method: "POST", url: `/api/cases/${w.caseId}/coordinated-plans`, payload: { agencyId: w.sip.agencyId, consentId: w.sip.consentId } }), expect: { assigned: 201, manager: 201, otherwise: 404 } },
  // The assigned worker saves version 1; the manager, later, is told it changed meanwhile (409).
  { route: "PUT /api/cases/{id}/coordinated-plans/{planId}", request: (w) => ({ method: "PUT", url: plan(w), payload: planSaveBody(1) }), expect: { assigned: 200, manager: 409, otherwise: 404 } },
  { route: "GET /api/cases/{id}/coordinated-plans/{planId}/pdf", request: (w) => ({ method: "GET", url: `${plan(w)}/pdf` }), expect: workers },
];
