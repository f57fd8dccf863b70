import { routineBody } from "../testing/routines.ts";
import type { Endpoint, Expect } from "./authorization.routes.ts";

/*
 * The routines register's places in the authorization suite (issue 20, item 2; kept beside
 * authorization.routes.ts, which spreads them into its routes about no case). Routines are not
 * secret: everyone in the organisation reads the register and downloads a document; managers
 * and administrators keep it (the administrator changes first, so the manager's version is
 * stale: 409); another organisation never sees ours (404).
 */
const keepers = (status: number, manager = status): Expect => ({
  administrator: status,
  manager,
  otherOrg: 404,
  otherwise: 403,
});
const pdf = Buffer.from("%PDF-1.7\n% rutin\n%%EOF\n");
const rand = () => Math.random().toString(36).slice(2, 8);

// biome-ignore format: one line per endpoint
export const routineEndpoints: Endpoint[] = [
  { route: "GET /api/routines", request: () => ({ method: "GET", url: "/api/routines" }), expect: { otherwise: 200 } }, // another organisation's manager reads her own register
  { route: "POST /api/routines", request: (w) => ({ method: "POST", url: "/api/routines", payload: routineBody(w.routines) }), expect: { administrator: 201, manager: 201, otherOrg: 400, otherwise: 403 } }, // the approver and owner named are not another organisation's
  { route: "POST /api/routine-approvers", request: () => ({ method: "POST", url: "/api/routine-approvers", payload: { name: `Socialchef ${rand()}`, management: true } }), expect: { administrator: 201, manager: 201, otherOrg: 201, otherwise: 403 } }, // another organisation's manager adds to her own
  { route: "PUT /api/routines/{routineId}", request: (w) => ({ method: "PUT", url: `/api/routines/${w.routines.correctId}`, payload: { ...routineBody(w.routines), version: 1 } }), expect: keepers(200, 409) },
  { route: "POST /api/routines/{routineId}/revisions", request: (w) => ({ method: "POST", url: `/api/routines/${w.routines.reviseId}/revisions`, payload: { ...routineBody(w.routines), version: 1 } }), expect: keepers(201, 409) },
  { route: "POST /api/routines/{routineId}/document", request: (w) => ({ method: "POST", url: `/api/routines/${w.routines.documentId}/document?filename=rutin.pdf&version=1`, headers: { "content-type": "application/pdf" }, payload: pdf }), expect: keepers(200, 409) },
  { route: "GET /api/routines/{routineId}/document", request: (w) => ({ method: "GET", url: `/api/routines/${w.routines.documentId}/document` }), expect: { otherOrg: 404, otherwise: 200 } },
];
