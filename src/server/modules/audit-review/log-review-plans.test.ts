import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AnomalyList, ReviewPlanView } from "../../../shared/api/log-review.ts";
import type { WorklistItem } from "../../../shared/api/worklist.ts";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import { as, buildUser, login, type Session } from "../../testing/factories.ts";
import { type LogReviewWorld, seedLogReviewWorld } from "./log-review-world.ts";

/**
 * Issue 19, item 7: an anomaly concluded (stored, audited, shown as concluded, filtered),
 * never by a manager whose lists do not hold it; a review plan per unit whose overdue review
 * is a line on the reviewer's Att göra until the reviewer records it done.
 */
describe.each(testDatabaseKinds)("conclusions and the review plan (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let w: LogReviewWorld;
  let managerA: Session;
  let managerC: Session;
  let worker: Session;
  const week = { from: "2026-03-02", to: "2026-03-08" };

  const call = (s: Session | null, method: "GET" | "POST", url: string, payload?: object) =>
    t.app.inject({ method, url, headers: s ? as(s) : {}, ...(payload ? { payload } : {}) });
  const list = (s: Session, query: Record<string, string> = {}) =>
    call(s, "GET", `/api/audit/anomalies?${new URLSearchParams({ ...week, ...query })}`);
  const conclude = (s: Session | null, payload: object) =>
    call(s, "POST", "/api/audit/anomalies/conclusions", payload);
  const events = (action: string, userId: string) =>
    database()
      .owner.selectFrom("audit_event")
      .select(["outcome", "person_id", "resource_id", "data"])
      .where("action", "=", action)
      .where("actor_user_id", "=", userId)
      .orderBy("id")
      .execute();

  beforeAll(async () => {
    t = await buildTestApp(database());
    w = await seedLogReviewWorld(database().owner);
    managerA = await login(t.app, w.managerA.username);
    managerC = await login(t.app, w.managerC.username);
    worker = await login(t.app, w.w1.username);
  });
  afterAll(() => t?.close());

  it("stores a conclusion, audits it, shows it and filters by it", async () => {
    const all = (await list(managerA)).json() as AnomalyList;
    const prot = all.anomalies.find((l) => l.kind === "protected_person");
    if (!prot) throw new Error("no protected_person line");
    const res = await conclude(managerA, {
      key: prot.key,
      conclusion: "justified",
      note: "Handläggaren arbetar med ärendet.",
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().conclusion).toMatchObject({
      conclusion: "justified",
      note: "Handläggaren arbetar med ärendet.",
    });
    const audited = await events("audit.conclusion", w.managerA.id);
    expect(audited).toEqual([
      {
        outcome: "allowed",
        person_id: w.fictitious.id,
        resource_id: prot.key,
        data: { kind: "protected_person", key: prot.key, conclusion: "justified" },
      },
    ]);
    const concluded = (await list(managerA, { concluded: "concluded" })).json() as AnomalyList;
    expect(concluded.anomalies.map((l) => [l.key, l.conclusion?.conclusion])).toEqual([
      [prot.key, "justified"],
    ]);
    const open = (await list(managerA, { concluded: "open", count: "true" })).json();
    expect((open as AnomalyList).total).toBe(all.anomalies.length - 1);
    // A later conclusion is a new row naming the one it replaces; the newest is shown.
    const later = await conclude(managerA, {
      key: prot.key,
      conclusion: "needs_follow_up",
      replaces: res.json().conclusion.id,
    });
    expect(later.statusCode, later.body).toBe(201);
    const again = (await list(managerA, { kind: "protected_person" })).json() as AnomalyList;
    expect(again.anomalies[0]?.conclusion?.conclusion).toBe("needs_follow_up");
  });

  it("refuses a conclusion outside the manager's lists: 404, audited", async () => {
    const all = (await list(managerA)).json() as AnomalyList;
    const refused = all.anomalies.find((l) => l.kind === "refused");
    if (!refused) throw new Error("no refused line");
    const res = await conclude(managerC, { key: refused.key, conclusion: "unjustified" });
    expect(res.statusCode).toBe(404);
    const byWorker = await conclude(worker, { key: refused.key, conclusion: "unjustified" });
    expect(byWorker.statusCode).toBe(404);
    // A key of the right form that no list holds.
    const none = refused.key.replace("refused:", "after_hours:");
    expect((await conclude(managerA, { key: none, conclusion: "justified" })).statusCode).toBe(404);
    expect((await events("audit.conclusion", w.managerC.id)).map((e) => e.outcome)).toEqual([
      "denied",
    ]);
    const stored = await database()
      .owner.selectFrom("audit_conclusion")
      .select("id")
      .where("anomaly_key", "in", [refused.key, none])
      .execute();
    expect(stored).toEqual([]);
    expect((await conclude(null, { key: refused.key, conclusion: "justified" })).statusCode).toBe(
      401,
    );
    for (const [payload, field] of [
      [{ key: "refused:me", conclusion: "justified" }, "key"],
      [{ key: refused.key, conclusion: "fine" }, "conclusion"],
      [{ key: refused.key, conclusion: "justified", note: "x".repeat(2001) }, "note"],
    ] as const) {
      const bad = await conclude(managerA, payload);
      expect(bad.statusCode, field).toBe(400);
      expect(bad.json().error.fields[field], field).toBeTruthy();
    }
  });

  it("puts an overdue review on the reviewer's Att göra until it is done", async () => {
    const worklist = async () =>
      (
        (await call(managerA, "GET", "/api/worklist?scope=mine")).json() as {
          items: WorklistItem[];
        }
      ).items.filter((i) => i.kind === "log_review_due");
    const made = await call(managerA, "POST", "/api/audit/plans", {
      unitId: w.unitA.id,
      reviewerId: w.managerA.id,
      scope: ["protected_person", "after_hours"],
      everyDays: 30,
      startsOn: "2026-01-05",
    });
    expect(made.statusCode, made.body).toBe(201);
    const plan = made.json() as ReviewPlanView;
    expect(plan).toMatchObject({ nextDueOn: "2026-01-05", overdue: true, lastDoneOn: null });
    const lines = await worklist();
    expect(lines.map((l) => [l.subject, l.status, l.caseId])).toEqual([
      [{ type: "log_review_plan", id: plan.id, title: w.unitA.name }, "overdue", null],
    ]);
    // Only the reviewer records it done.
    expect((await call(worker, "POST", `/api/audit/plans/${plan.id}/done`)).statusCode).toBe(404);
    const done = await call(managerA, "POST", `/api/audit/plans/${plan.id}/done`);
    expect(done.statusCode, done.body).toBe(200);
    expect((done.json() as ReviewPlanView).overdue).toBe(false);
    expect(await worklist()).toEqual([]);
    expect((await events("audit.review_plan", w.managerA.id)).map((e) => e.data)).toEqual([
      { planId: plan.id, change: "created" },
      { planId: plan.id, change: "done" },
    ]);
    const plans = (await call(managerA, "GET", "/api/audit/plans")).json();
    expect(plans.plans.map((p: ReviewPlanView) => p.id)).toEqual([plan.id]);
    expect((await call(managerC, "GET", "/api/audit/plans")).json().plans).toEqual([]);
  });

  it("makes plans only for one's own unit, reviewed by its manager", async () => {
    const plan = (unitId: string, reviewerId: string) => ({
      unitId,
      reviewerId,
      scope: ["full"],
      everyDays: 7,
      startsOn: "2026-03-01",
    });
    const other = await call(managerC, "POST", "/api/audit/plans", plan(w.unitA.id, w.managerC.id));
    expect(other.statusCode).toBe(400);
    expect(other.json().error.fields.unitId).toBeTruthy();
    const notManager = await call(managerA, "POST", "/api/audit/plans", plan(w.unitA.id, w.w1.id));
    expect(notManager.statusCode).toBe(400);
    expect(notManager.json().error.fields.reviewerId).toBeTruthy();
    const bad = await call(managerA, "POST", "/api/audit/plans", {
      ...plan(w.unitA.id, w.managerA.id),
      everyDays: 0,
      scope: [],
    });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields).sort()).toEqual(["everyDays", "scope"]);
    // A second manager of unit A ends a plan; a manager of C may not.
    const second = await buildUser(database().owner, w.orgId, [
      { unitId: w.unitA.id, role: "unit_manager" },
    ]);
    const made = await call(managerA, "POST", "/api/audit/plans", plan(w.unitA.id, second.id));
    const id = (made.json() as ReviewPlanView).id;
    expect((await call(managerC, "POST", `/api/audit/plans/${id}/end`)).statusCode).toBe(404);
    const ended = await call(managerA, "POST", `/api/audit/plans/${id}/end`);
    expect(ended.statusCode, ended.body).toBe(200);
    const after = (await call(managerA, "GET", "/api/audit/plans")).json();
    expect(after.plans.map((p: ReviewPlanView) => p.id)).not.toContain(id);
  });
});
