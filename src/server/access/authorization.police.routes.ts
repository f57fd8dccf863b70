import { stockholmDate } from "../../shared/calendar.ts";
import type { Endpoint, Expect } from "./authorization.routes.ts";

/*
 * Police collaboration and a case's anonymised consultations (issue 18, items 9 and 7): case
 * X's panel, its records and their changes, for those who work X. The assigned worker changes
 * the order and the alarm first; the manager, last, sends the version she saw before (409).
 */
const onlyWorkers: Expect = { assigned: 200, manager: 200, otherwise: 404 };
const recorded: Expect = { assigned: 201, manager: 201, otherwise: 404 };
const changedFirst: Expect = { assigned: 200, manager: 409, otherwise: 404 };
const today = () => stockholmDate(new Date());

const order = (personId: string) => ({
  kind: "contact",
  status: "granted",
  protectedPersonId: personId,
  againstName: "Namn Fiktiv",
  validFrom: today(),
  validUntil: "2099-12-31",
});
const alarm = { kind: "protection_alarm", validFrom: "2026-01-01", suppliedBy: "Polisen" };

// biome-ignore format: one line per endpoint
export const policeEndpoints: Endpoint[] = [
  { route: "GET /api/cases/{id}/police-collaboration", request: (w) => ({ method: "GET", url: `/api/cases/${w.caseId}/police-collaboration` }), expect: onlyWorkers },
  { route: "POST /api/cases/{id}/police-incidents", request: (w) => ({ method: "POST", url: `/api/cases/${w.caseId}/police-incidents`, payload: { occurredOn: today(), crimeCategory: "assault" } }), expect: recorded },
  { route: "POST /api/cases/{id}/restraining-orders", request: (w) => ({ method: "POST", url: `/api/cases/${w.caseId}/restraining-orders`, payload: order(w.personId) }), expect: recorded },
  { route: "PUT /api/cases/{id}/restraining-orders/{orderId}", request: (w) => ({ method: "PUT", url: `/api/cases/${w.caseId}/restraining-orders/${w.police.orderId}`, payload: { ...order(w.personId), renewalConsideredOn: today(), version: 1 } }), expect: changedFirst },
  { route: "POST /api/cases/{id}/safety-alarms", request: (w) => ({ method: "POST", url: `/api/cases/${w.caseId}/safety-alarms`, payload: alarm }), expect: recorded },
  { route: "PUT /api/cases/{id}/safety-alarms/{alarmId}", request: (w) => ({ method: "PUT", url: `/api/cases/${w.caseId}/safety-alarms/${w.police.alarmId}`, payload: { ...alarm, followUpOn: today(), followedUpOn: today(), version: 1 } }), expect: changedFirst },
  { route: "GET /api/cases/{id}/case-consultations", request: (w) => ({ method: "GET", url: `/api/cases/${w.caseId}/case-consultations` }), expect: onlyWorkers },
  { route: "POST /api/cases/{id}/case-consultations", request: (w) => ({ method: "POST", url: `/api/cases/${w.caseId}/case-consultations`, payload: { heldOn: today(), about: "adult", withWhom: "resursfunktionen", question: "Hur bedömer vi risken utan samtycke?" } }), expect: recorded },
];
