import type { Endpoint, Expect } from "./authorization.routes.ts";

/*
 * The yearly follow-up's places in the authorization suite (issue 20; kept beside
 * authorization.routes.ts, which spreads them): the outcome at closing on X's case (open, so a
 * recording is 409) among the case routes, and the committee's report, its files and Kolada's
 * adult population among the routes about no case. Defined here, not imported: the table
 * imports this file, so a value from it would not be there yet.
 */
const onlyWorkers: Expect = { assigned: 200, manager: 200, otherwise: 404 };
const adminOnly = (status: number): Expect => ({ administrator: status, otherwise: 403 });

// biome-ignore format: one line per endpoint
export const outcomeEndpoints: Endpoint[] = [
  { route: "GET /api/cases/{id}/outcome", request: (w) => ({ method: "GET", url: `/api/cases/${w.caseId}/outcome` }), expect: onlyWorkers },
  { route: "PUT /api/cases/{id}/outcome", request: (w) => ({ method: "PUT", url: `/api/cases/${w.caseId}/outcome`, payload: { goalReached: "partly", ownView: "Tryggare nu.", basedOnVersion: null } }), expect: { assigned: 409, manager: 409, otherwise: 404 } },
  { route: "GET /api/persons/{id}/outcome-measures", request: (w) => ({ method: "GET", url: `/api/persons/${w.personId}/outcome-measures` }), expect: onlyWorkers },
];

// biome-ignore format: one line per endpoint
export const yearlyReportEndpoints: Endpoint[] = [
  // The yearly report's files (issue 20): the report's own rules, one audited read each.
  { route: "GET /api/reports/yearly", request: () => ({ method: "GET", url: "/api/reports/yearly?year=2026" }), expect: { manager: 200, analyst: 200, otherOrg: 200, otherwise: 403 } },
  // Kolada's denominator, the organisation's adult population: read by those who run the report, kept by an administrator.
  { route: "GET /api/reports/adult-population/{year}", request: () => ({ method: "GET", url: "/api/reports/adult-population/2026" }), expect: { manager: 200, analyst: 200, administrator: 200, otherOrg: 200, otherwise: 403 } },
  { route: "PUT /api/reports/adult-population/{year}", request: () => ({ method: "PUT", url: "/api/reports/adult-population/2026", payload: { adults: 21000 } }), expect: adminOnly(200) },
  { route: "GET /api/reports/yearly/pdf", request: () => ({ method: "GET", url: "/api/reports/yearly/pdf?year=2026" }), expect: { manager: 200, analyst: 200, otherOrg: 200, otherwise: 403 } },
  { route: "GET /api/reports/yearly/xlsx", request: () => ({ method: "GET", url: "/api/reports/yearly/xlsx?year=2026" }), expect: { manager: 200, analyst: 200, otherOrg: 200, otherwise: 403 } },
  { route: "GET /api/reports/yearly/csv", request: () => ({ method: "GET", url: "/api/reports/yearly/csv?year=2026&table=crisis-centre-children" }), expect: { manager: 200, analyst: 200, otherOrg: 200, otherwise: 403 } },
];
