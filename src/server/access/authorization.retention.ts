import { randomUUID } from "node:crypto";
import type { Endpoint, Expect } from "./authorization.routes.ts";

/*
 * Gallring's places in the authorization suite (issue 19, item 8; kept beside
 * authorization.routes.ts, which spreads them into its routes about no case). The world's
 * records are all recent: a dry run lists nothing, and a run id nobody made is 404 (audited)
 * to the managers, who alone may have runs.
 */

/** Dry runs and decisions: unit managers (another organisation's in her own). */
const managers = (status: number): Expect => ({
  manager: status,
  otherOrg: status,
  otherwise: 403,
});
const noRun = randomUUID();

// biome-ignore format: one line per endpoint
export const retentionEndpoints: Endpoint[] = [
  { route: "GET /api/retention/rules", request: () => ({ method: "GET", url: "/api/retention/rules" }), expect: { ...managers(200), administrator: 200 }, unaudited: "the organisation's retention rules: no personal data" },
  { route: "PUT /api/retention/rules/{code}", request: () => ({ method: "PUT", url: "/api/retention/rules/samtycke_partnerkontakt", payload: { legalSource: "Rutin för partnerkontakt; kontrollerad mot dokumenthanteringsplanen." } }), expect: { administrator: 200, otherwise: 403 } },
  { route: "GET /api/retention/runs", request: () => ({ method: "GET", url: "/api/retention/runs" }), expect: managers(200), unaudited: "the caller's own runs: dates and counts, no person" },
  { route: "POST /api/retention/runs", request: () => ({ method: "POST", url: "/api/retention/runs" }), expect: managers(201) },
  { route: "GET /api/retention/runs/{id}", request: () => ({ method: "GET", url: `/api/retention/runs/${noRun}` }), expect: managers(404) },
  { route: "POST /api/retention/runs/{id}/decision", request: () => ({ method: "POST", url: `/api/retention/runs/${noRun}/decision` }), expect: managers(404) },
  { route: "GET /api/retention/runs/{id}/receipts", request: () => ({ method: "GET", url: `/api/retention/runs/${noRun}/receipts` }), expect: managers(404) },
];
