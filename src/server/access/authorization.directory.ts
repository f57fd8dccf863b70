import { addMonths, stockholmDate } from "../../shared/calendar.ts";
import { agreementBody, assignmentBody } from "../testing/directory.ts";
import type { Endpoint, Expect } from "./authorization.routes.ts";

/*
 * The agency directory and agreements' places in the authorization suite (issue 18, items 1–2;
 * kept beside authorization.routes.ts, which spreads them into its routes about no case):
 * no client's data, reads not audited.
 */

/**
 * The agency directory (issue 18): kept by the agency's owner (X's manager) and the
 * administrator, who changes first (so the manager's version is stale: 409); caseworkers see
 * it (403); those outside case work and another organisation do not (404).
 */
const directoryKeepers = (status: number, manager = status): Expect => ({
  administrator: status,
  manager,
  analyst: 404,
  consultant: 404,
  otherOrg: 404,
  otherwise: 403,
});
/** An agreement or assignment of X's unit: its manager changes it; readers who may not, 403. */
const agreementManager = (status: number): Expect => ({
  manager: status,
  analyst: 404,
  consultant: 404,
  otherOrg: 404,
  otherwise: 403,
});
const addMonthsToday = (months: number) => addMonths(stockholmDate(new Date()), months);
const rand = () => Math.random().toString(36).slice(2, 8);
const version1 = { version: 1 };

// biome-ignore format: one line per endpoint
export const directoryEndpoints: Endpoint[] = [
  { route: "GET /api/agencies", request: () => ({ method: "GET", url: "/api/agencies" }), expect: { analyst: 403, consultant: 403, otherwise: 200 }, unaudited: "the agency directory: professionals' work contacts, no client's data" },
  { route: "GET /api/agencies/{agencyId}", request: (w) => ({ method: "GET", url: `/api/agencies/${w.directory.agencyId}` }), expect: { analyst: 404, consultant: 404, otherOrg: 404, otherwise: 200 }, unaudited: "one agency of the directory: no client's data" },
  { route: "POST /api/agencies", request: () => ({ method: "POST", url: "/api/agencies", payload: { kind: "school", name: `Skolan ${rand()}` } }), expect: { administrator: 201, manager: 201, otherOrg: 201, otherwise: 403 } }, // another organisation's manager adds to her own directory
  { route: "PUT /api/agencies/{agencyId}", request: (w) => ({ method: "PUT", url: `/api/agencies/${w.directory.agencyId}`, payload: { kind: "police", name: "Polisen Test", ...version1 } }), expect: directoryKeepers(200, 409) },
  { route: "POST /api/agencies/{agencyId}/units", request: (w) => ({ method: "POST", url: `/api/agencies/${w.directory.agencyId}/units`, payload: { name: `Enhet ${rand()}` } }), expect: directoryKeepers(201) },
  { route: "PUT /api/agencies/{agencyId}/units/{unitId}", request: (w) => ({ method: "PUT", url: `/api/agencies/${w.directory.agencyId}/units/${w.directory.agencyUnitId}`, payload: { name: `Brottsofferstöd ${rand()}` } }), expect: directoryKeepers(200) },
  { route: "POST /api/agencies/{agencyId}/contacts", request: (w) => ({ method: "POST", url: `/api/agencies/${w.directory.agencyId}/contacts`, payload: { name: "Ny Kontakt", role: "Utredare" } }), expect: directoryKeepers(201) },
  { route: "PUT /api/agencies/{agencyId}/contacts/{contactId}", request: (w) => ({ method: "PUT", url: `/api/agencies/${w.directory.agencyId}/contacts/${w.directory.contactId}`, payload: { name: "Kim Kontakt", role: "Utredare", ...version1 } }), expect: directoryKeepers(200, 409) },
  { route: "POST /api/agencies/{agencyId}/contacts/{contactId}/confirm", request: (w) => ({ method: "POST", url: `/api/agencies/${w.directory.agencyId}/contacts/${w.directory.confirmContactId}/confirm`, payload: version1 }), expect: directoryKeepers(200, 409) },
  { route: "POST /api/agencies/{agencyId}/contacts/{contactId}/archive", request: (w) => ({ method: "POST", url: `/api/agencies/${w.directory.agencyId}/contacts/${w.directory.archiveContactId}/archive`, payload: version1 }), expect: directoryKeepers(200, 409) },
  { route: "POST /api/agencies/{agencyId}/archive", request: (w) => ({ method: "POST", url: `/api/agencies/${w.directory.spareAgencyId}/archive` }), expect: directoryKeepers(200, 409) }, // archived already
  { route: "GET /api/agreements", request: () => ({ method: "GET", url: "/api/agreements" }), expect: { analyst: 403, consultant: 403, otherwise: 200 }, unaudited: "the organisation's agreements: no client's data" },
  { route: "GET /api/agreements/{agreementId}", request: (w) => ({ method: "GET", url: `/api/agreements/${w.directory.agreementId}` }), expect: { analyst: 404, consultant: 404, otherOrg: 404, otherwise: 200 }, unaudited: "one agreement: no client's data" },
  { route: "POST /api/agreements", request: (w) => ({ method: "POST", url: "/api/agreements", payload: agreementBody(w.unitId, w.directory.agencyId) }), expect: { manager: 201, otherOrg: 400, otherwise: 403 } }, // another organisation's manager names a unit and party not theirs
  { route: "PUT /api/agreements/{agreementId}", request: (w) => ({ method: "PUT", url: `/api/agreements/${w.directory.agreementId}`, payload: (({ nextFollowUpOn: _, ...rest }) => ({ ...rest, signedOn: addMonthsToday(-6), ...version1 }))(agreementBody(w.unitId, w.directory.agencyId)) }), expect: agreementManager(200) },
  { route: "POST /api/agreements/{agreementId}/follow-ups", request: (w) => ({ method: "POST", url: `/api/agreements/${w.directory.agreementId}/follow-ups`, payload: { followedUpOn: stockholmDate(new Date()), findings: "Fungerar.", nextFollowUpOn: addMonthsToday(12), version: 2 } }), expect: agreementManager(201) }, // version 2: the manager's change just above
  { route: "POST /api/assignments", request: (w) => ({ method: "POST", url: "/api/assignments", payload: assignmentBody(w.unitId, w.directory.shelterId) }), expect: { manager: 201, otherOrg: 400, otherwise: 403 } },
  { route: "PUT /api/assignments/{assignmentId}", request: (w) => ({ method: "PUT", url: `/api/assignments/${w.directory.assignmentId}`, payload: { ...assignmentBody(w.unitId, w.directory.shelterId), ...version1 } }), expect: agreementManager(200) },
];
