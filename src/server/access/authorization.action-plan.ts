import { randomUUID } from "node:crypto";
import type { Endpoint, Expect } from "./authorization.routes.ts";

/*
 * The action plan's places in the authorization suite (issue 20, item 1; spread into
 * authorization.routes.ts's routes about no case). Unit managers and administrators keep the
 * plan, analysts read it, everyone else gets 403; a plan nobody made answers 404 (audited) to
 * those who read plans.
 */
const readers = (status: number): Expect => ({
  manager: status,
  otherOrg: status,
  administrator: status,
  analyst: status,
  otherwise: 403,
});
const noPlan = randomUUID();
const noGoal = randomUUID();
const plan = {
  title: "Handlingsplan",
  adoptedBy: "Socialnämnden",
  adoptedOn: "2025-02-20",
  fromYear: 2025,
  toYear: 2027,
};
const goal = {
  areaId: randomUUID(),
  title: "Mål",
  indicator: { name: "Deltagare", unit: "personer", target: 1, code: null },
  version: 1,
};
const activity = {
  title: "Aktivitet",
  ownerId: randomUUID(),
  dueOn: "2026-12-31",
  status: "planned",
  version: 1,
};

// biome-ignore format: one line per endpoint
export const actionPlanEndpoints: Endpoint[] = [
  { route: "GET /api/action-plans", request: () => ({ method: "GET", url: "/api/action-plans" }), expect: readers(200) },
  { route: "POST /api/action-plans", request: () => ({ method: "POST", url: "/api/action-plans", payload: plan }), expect: { manager: 201, otherOrg: 201, administrator: 201, otherwise: 403 } },
  { route: "GET /api/action-plans/{planId}", request: () => ({ method: "GET", url: `/api/action-plans/${noPlan}` }), expect: readers(404) },
  { route: "PUT /api/action-plans/{planId}", request: () => ({ method: "PUT", url: `/api/action-plans/${noPlan}`, payload: { plan, version: 1 } }), expect: readers(404) },
  { route: "GET /api/action-plans/{planId}/indicator-values", request: () => ({ method: "GET", url: `/api/action-plans/${noPlan}/indicator-values?year=2026` }), expect: readers(404) },
  { route: "POST /api/action-plans/{planId}/areas", request: () => ({ method: "POST", url: `/api/action-plans/${noPlan}/areas`, payload: { title: "Eget", version: 1 } }), expect: readers(404) },
  { route: "PUT /api/action-plans/{planId}/areas/{areaId}", request: () => ({ method: "PUT", url: `/api/action-plans/${noPlan}/areas/${randomUUID()}`, payload: { title: "Eget", version: 1 } }), expect: readers(404) },
  { route: "POST /api/action-plans/{planId}/goals", request: () => ({ method: "POST", url: `/api/action-plans/${noPlan}/goals`, payload: goal }), expect: readers(404) },
  { route: "PUT /api/action-plans/{planId}/goals/{goalId}", request: () => ({ method: "PUT", url: `/api/action-plans/${noPlan}/goals/${noGoal}`, payload: goal }), expect: readers(404) },
  { route: "POST /api/action-plans/{planId}/activities", request: () => ({ method: "POST", url: `/api/action-plans/${noPlan}/activities`, payload: { ...activity, goalId: noGoal } }), expect: readers(404) },
  { route: "PUT /api/action-plans/{planId}/activities/{activityId}", request: () => ({ method: "PUT", url: `/api/action-plans/${noPlan}/activities/${randomUUID()}`, payload: activity }), expect: readers(404) },
  { route: "PUT /api/action-plans/{planId}/goals/{goalId}/follow-ups/{year}", request: () => ({ method: "PUT", url: `/api/action-plans/${noPlan}/goals/${noGoal}/follow-ups/2026`, payload: { status: "ongoing", done: "Pågår.", version: 1 } }), expect: readers(404) },
];
