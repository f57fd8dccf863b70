import type { Endpoint } from "./authorization.routes.ts";

/**
 * Referrals' places in the authorization suite (issue 18, item 5; kept beside
 * authorization.routes.ts, which spreads them in). X's workers act; the assigned worker sends
 * and answers first, so the manager, last, meets them done (409). A referral in joins X's
 * case: those who may not see X's person get 404, those who may not record at X's unit 400.
 */

// biome-ignore format: one line per endpoint
export const referralEndpoints: Endpoint[] = [
  { route: "GET /api/cases/{id}/referrals", request: (w) => ({ method: "GET", url: `/api/cases/${w.caseId}/referrals` }), expect: { assigned: 200, manager: 200, otherwise: 404 } },
  { route: "POST /api/cases/{id}/referrals", request: (w) => ({ method: "POST", url: `/api/cases/${w.caseId}/referrals`, payload: { agencyId: w.referrals.agencyId, agencyUnitId: w.referrals.agencyUnitId, reason: "Bedömning efter våld.", sharesInformation: true } }), expect: { assigned: 201, manager: 201, otherwise: 404 } },
  { route: "POST /api/cases/{id}/referrals/{referralId}/send", request: (w) => ({ method: "POST", url: `/api/cases/${w.caseId}/referrals/${w.referrals.draftId}/send`, payload: { sentOn: "2026-11-03", channel: "letter" } }), expect: { assigned: 200, manager: 409, otherwise: 404 } }, // sent already
  { route: "POST /api/cases/{id}/referrals/{referralId}/answer", request: (w) => ({ method: "POST", url: `/api/cases/${w.caseId}/referrals/${w.referrals.sentId}/answer`, payload: { answer: "accepted", answeredOn: "2026-11-05" } }), expect: { assigned: 200, manager: 409, otherwise: 404 } }, // answered already
  { route: "POST /api/referrals/incoming", request: (w) => ({ method: "POST", url: "/api/referrals/incoming", payload: { personId: w.personId, unitId: w.unitId, kind: "application", agencyId: w.referrals.agencyId, receivedAt: "2026-11-04T09:00:00+01:00", channel: "letter", reason: "Remiss om stöd.", askedAboutViolence: true } }), expect: { assigned: 201, manager: 201, sameUnit: 404, barrierSide: 404, otherwise: 400 } },
];

// biome-ignore format: one line per endpoint
export const referralOtherRoutes: Endpoint[] = [
  { route: "GET /api/referrals/recipients", request: () => ({ method: "GET", url: "/api/referrals/recipients" }), expect: { otherwise: 200 }, unaudited: "the directory of agencies: professionals' work contacts, no client's data" },
  { route: "PUT /api/units/{unitId}/referral-answer-days", request: (w) => ({ method: "PUT", url: `/api/units/${w.unitId}/referral-answer-days`, payload: { days: 14 } }), expect: { manager: 200, otherwise: 404 } },
];
