import type { Endpoint } from "./authorization.routes.ts";

/**
 * Break-glass's places in the authorization suite (issue 19, item 6; spread in LAST: a worker
 * granted here sees X for the rest of the run). The review is X's manager's; the others meet
 * a record they may not see (404). Asking for break-glass on X: those who work X have it
 * already (409); a role without case work 403; the barrier side and another organisation the
 * unknown reference's 404; a caseworker of the organisation who does not work X gets it (201).
 */

// biome-ignore format: one line per endpoint
export const breakGlassEndpoints: Endpoint[] = [
  { route: "GET /api/break-glass/reviews", request: () => ({ method: "GET", url: "/api/break-glass/reviews" }), expect: { manager: 200, otherOrg: 200, otherwise: 403 } },
  { route: "GET /api/break-glass/reviews/{grantId}", request: (w) => ({ method: "GET", url: `/api/break-glass/reviews/${w.breakGlass.grantId}` }), expect: { manager: 200, otherwise: 404 } },
  { route: "POST /api/break-glass/reviews/{grantId}", request: (w) => ({ method: "POST", url: `/api/break-glass/reviews/${w.breakGlass.grantId}`, payload: { conclusion: "justified" } }), expect: { manager: 200, otherwise: 404 } },
  { route: "POST /api/break-glass", request: (w) => ({ method: "POST", url: "/api/break-glass", payload: { reference: w.secrets[3], reason: "Polisen ringer om ett akut hot mot henne." } }), expect: { assigned: 409, sameUnit: 201, otherUnit: 201, barrierSide: 404, otherOrg: 404, otherwise: 403 } },
];
