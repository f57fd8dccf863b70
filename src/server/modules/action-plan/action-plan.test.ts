import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withReporting } from "../../access/transaction.ts";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import {
  as,
  buildOrg,
  buildUnit,
  buildUser,
  login,
  type Session,
} from "../../testing/factories.ts";
import { actionPlanFollowUp } from "./follow-up.ts";

/*
 * The committee's action plan (issue 20, item 1) through the API: unit managers and
 * administrators keep it, analysts read it, caseworkers get 403 (audited); another
 * organisation's plan answers 404 (audited); every change names the version it was made from
 * (stale: 409); a computed indicator's follow-up stores exactly what the records made through
 * the API give for the year.
 */
type Who = "manager" | "administrator" | "analyst" | "caseworker" | "otherOrg";

describe.each(testDatabaseKinds)("the action plan (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let orgId: string;
  let s: Record<Who, Session>;
  let ids: Record<Who, string>;

  beforeAll(async () => {
    t = await buildTestApp(database());
    const { owner } = database();
    orgId = (await buildOrg(owner)).id;
    const unit = (await buildUnit(owner, orgId)).id;
    const other = await buildOrg(owner);
    const otherUnit = (await buildUnit(owner, other.id)).id;
    const users = {
      manager: await buildUser(owner, orgId, [{ unitId: unit, role: "unit_manager" }]),
      administrator: await buildUser(owner, orgId, [{ unitId: null, role: "administrator" }]),
      analyst: await buildUser(owner, orgId, [{ unitId: null, role: "analyst" }]),
      caseworker: await buildUser(owner, orgId, [{ unitId: unit, role: "caseworker" }]),
      otherOrg: await buildUser(owner, other.id, [{ unitId: otherUnit, role: "unit_manager" }]),
    };
    s = {} as Record<Who, Session>;
    ids = {} as Record<Who, string>;
    for (const [who, u] of Object.entries(users) as [Who, { id: string; username: string }][]) {
      s[who] = await login(t.app, u.username);
      ids[who] = u.id;
    }
  });
  afterAll(() => t?.close());

  const call = (who: Who | null, method: "GET" | "POST" | "PUT", url: string, payload?: object) =>
    t.app.inject({
      method,
      url,
      headers: who ? as(s[who]) : {},
      ...(payload ? { payload } : {}),
    });
  const lastEvent = (who: Who, action: string) =>
    database()
      .owner.selectFrom("audit_event")
      .select(["outcome", "data", "resource_id"])
      .where("actor_user_id", "=", ids[who])
      .where("action", "=", action)
      .orderBy("id", "desc")
      .executeTakeFirst();
  const ekero = {
    title: "Handlingsplan mot våld i nära relationer",
    adoptedBy: "Socialnämnden",
    adoptedOn: "2025-02-20",
    fromYear: 2025,
    toYear: 2027,
  };
  const indicator = { name: "Deltagare i utbildning", unit: "personer", target: 40 };
  let planId: string;

  it("answers 401 without a session and 400 with a plain message for bad input", async () => {
    expect((await call(null, "GET", "/api/action-plans")).statusCode).toBe(401);
    const bad = await call("manager", "POST", "/api/action-plans", { ...ekero, toYear: 2024 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.toYear).toContain("sista år");
    const noTitle = await call("manager", "POST", "/api/action-plans", { ...ekero, title: " " });
    expect(noTitle.json().error.fields.title).toBe("Ange planens namn.");
  });

  it("is adopted by a unit manager with the five fixed areas (audited)", async () => {
    const made = await call("manager", "POST", "/api/action-plans", ekero);
    expect(made.statusCode, made.body).toBe(201);
    planId = made.json().id;
    expect(made.json()).toMatchObject({ ...ekero, version: 1, abilities: { change: true } });
    expect(made.json().areas.map((a: { kind: string }) => a.kind)).toEqual([
      "collaboration",
      "competence_development",
      "mapping",
      "investigation_methods",
      "statistics",
    ]);
    expect(await lastEvent("manager", "action_plan.change")).toMatchObject({
      outcome: "allowed",
      data: { planId, change: "created", recordId: planId },
    });
  });

  it("is read by analysts and administrators; caseworkers get 403, audited", async () => {
    for (const who of ["analyst", "administrator"] as const) {
      const res = await call(who, "GET", `/api/action-plans/${planId}`);
      expect(res.statusCode, who).toBe(200);
      expect(res.json().abilities.change).toBe(who === "administrator");
      expect((await lastEvent(who, "action_plan.read"))?.outcome).toBe("allowed");
    }
    for (const url of ["/api/action-plans", `/api/action-plans/${planId}`]) {
      const refused = await call("caseworker", "GET", url);
      expect(refused.statusCode).toBe(403);
      expect((await lastEvent("caseworker", "action_plan.read"))?.outcome).toBe("denied");
    }
    const change = await call("analyst", "POST", `/api/action-plans/${planId}/areas`, {
      title: "Hedersrelaterat våld",
      version: 1,
    });
    expect(change.statusCode).toBe(403);
    expect((await lastEvent("analyst", "action_plan.change"))?.outcome).toBe("denied");
  });

  it("keeps another organisation's plan to itself: 404, audited, nothing changed", async () => {
    const read = await call("otherOrg", "GET", `/api/action-plans/${planId}`);
    expect(read.statusCode).toBe(404);
    expect(read.body).not.toContain(ekero.title);
    const changed = await call("otherOrg", "PUT", `/api/action-plans/${planId}`, {
      plan: { ...ekero, title: "Kapad" },
      version: 1,
    });
    expect(changed.statusCode).toBe(404);
    expect(await lastEvent("otherOrg", "action_plan.change")).toMatchObject({
      outcome: "denied",
      resource_id: planId,
    });
    expect((await call("otherOrg", "GET", "/api/action-plans")).json().plans).toEqual([]);
    const plan = (await call("manager", "GET", `/api/action-plans/${planId}`)).json();
    expect(plan).toMatchObject({ title: ekero.title, version: 1 });
  });

  it("adds own areas, goals and activities from the version read; a stale one is 409", async () => {
    const area = await call("manager", "POST", `/api/action-plans/${planId}/areas`, {
      title: "Hedersrelaterat våld",
      version: 1,
    });
    expect(area.statusCode, area.body).toBe(201);
    expect(area.json().version).toBe(2);
    const stale = await call("administrator", "POST", `/api/action-plans/${planId}/areas`, {
      title: "Våldsutövare",
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    const competence = area.json().areas[1].id;
    const goal = await call("manager", "POST", `/api/action-plans/${planId}/goals`, {
      areaId: competence,
      title: "Personalen har grundläggande kunskap om våld",
      indicator: { ...indicator, code: "training_participants" },
      version: 2,
    });
    expect(goal.statusCode, goal.body).toBe(201);
    const goalId = goal.json().areas[1].goals[0].id;
    const activity = await call("administrator", "POST", `/api/action-plans/${planId}/activities`, {
      goalId,
      title: "Grundutbildning för alla nyanställda",
      ownerId: ids.manager,
      dueOn: "2026-11-30",
      status: "planned",
      version: 3,
    });
    expect(activity.statusCode, activity.body).toBe(201);
    expect(activity.json().areas[1].goals[0].activities[0]).toMatchObject({
      ownerName: expect.any(String),
      dueOn: "2026-11-30",
      overdue: true,
    });
    const foreignOwner = await call("manager", "POST", `/api/action-plans/${planId}/activities`, {
      goalId,
      title: "X",
      ownerId: ids.otherOrg,
      dueOn: "2026-12-31",
      status: "planned",
      version: 4,
    });
    expect(foreignOwner.statusCode).toBe(400);
    expect(foreignOwner.json().error.fields.ownerId).toContain("medarbetare");
  });

  it("follows up a computed indicator with exactly what the year's records give", async () => {
    const training = (startsOn: string, participants: number) => ({
      kind: "course",
      title: `Våld i nära relationer ${startsOn}`,
      startsOn,
      hours: 3,
      organiser: "Socialtjänsten",
      targetGroup: "Handläggare",
      participants: [{ organisation: "Socialtjänsten", role: "handläggare", participants }],
    });
    for (const [day, n] of [
      ["2026-03-10", 18],
      ["2026-10-02", 7],
      ["2025-12-31", 30],
    ] as const) {
      const made = await call("manager", "POST", "/api/competence/trainings", training(day, n));
      expect(made.statusCode, made.body).toBe(201);
    }
    const plan = (await call("manager", "GET", `/api/action-plans/${planId}`)).json();
    const goalId = plan.areas[1].goals[0].id;
    const preview = await call(
      "manager",
      "GET",
      `/api/action-plans/${planId}/indicator-values?year=2026`,
    );
    expect(preview.json()).toEqual({
      year: 2026,
      computable: true,
      values: [{ goalId, code: "training_participants", value: 25 }],
    });
    const url = `/api/action-plans/${planId}/goals/${goalId}/follow-ups/2026`;
    const byHand = await call("manager", "PUT", url, {
      status: "partly_reached",
      done: "Två utbildningstillfällen.",
      value: 99,
      version: plan.version,
    });
    expect(byHand.statusCode).toBe(400);
    expect(byHand.json().error.fields.value).toContain("räknar fram");
    const admin = await call("administrator", "PUT", url, {
      status: "partly_reached",
      done: "Två utbildningstillfällen.",
      version: plan.version,
    });
    expect(admin.statusCode).toBe(409);
    const done = await call("manager", "PUT", url, {
      status: "partly_reached",
      done: "Två utbildningstillfällen.",
      version: plan.version,
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().areas[1].goals[0].followUps[0]).toMatchObject({
      year: 2026,
      status: "partly_reached",
      value: 25,
      computed: true,
      computedAt: expect.any(String),
    });
    expect(await lastEvent("manager", "action_plan.change")).toMatchObject({
      data: { planId, change: "followed_up" },
    });
    const again = await call("manager", "PUT", url, {
      status: "reached",
      done: "Igen.",
      version: plan.version,
    });
    expect(again.statusCode).toBe(409);
    const future = await call("manager", "PUT", url.replace("2026", "2030"), {
      status: "ongoing",
      done: "Inte än.",
      version: done.json().version,
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.fields.year).toBe("Planen gäller 2025–2027.");
  });

  it("gives the yearly report the plan's year without personal data", async () => {
    const year = await withReporting(database().db, { userId: ids.analyst, orgId }, (trx) =>
      actionPlanFollowUp(trx, orgId, 2026),
    );
    expect(year.plan).toMatchObject({ id: planId, adoptedBy: "Socialnämnden" });
    expect(year.areas.map((a) => a.title)).toEqual([
      null,
      null,
      null,
      null,
      null,
      "Hedersrelaterat våld",
    ]);
    expect(year.areas[1]?.goals).toEqual([
      {
        title: "Personalen har grundläggande kunskap om våld",
        indicator: { ...indicator, code: "training_participants" },
        followUp: {
          status: "partly_reached",
          done: "Två utbildningstillfällen.",
          value: 25,
          computed: true,
          computedAt: expect.any(String),
        },
      },
    ]);
    expect(JSON.stringify(year)).not.toContain(ids.manager);
    const none = await withReporting(database().db, { userId: ids.analyst, orgId }, (trx) =>
      actionPlanFollowUp(trx, orgId, 2031),
    );
    expect(none).toEqual({ year: 2031, plan: null, areas: [] });
  });

  it("puts an activity past its day on its owner's Att göra, and last year's follow-up on the keepers'", async () => {
    const { owner } = database();
    const lines = async (who: Who) =>
      (await call(who, "GET", "/api/worklist"))
        .json()
        .items.filter((i: { kind: string }) => i.kind.startsWith("action_plan_"));
    const [activity] = await lines("manager");
    expect(activity).toMatchObject({
      kind: "action_plan_activity",
      caseId: null,
      subject: { type: "action_plan", id: planId, title: "Grundutbildning för alla nyanställda" },
      status: "overdue",
    });
    expect(await lines("administrator")).toEqual([]);
    // A goal there before this year, with no follow-up of last year: due 31 January.
    await owner
      .updateTable("action_plan_goal")
      .set({ created_at: new Date("2025-06-01T10:00:00Z") })
      .where("plan_id", "=", planId)
      .execute();
    const due = (await lines("administrator"))[0];
    expect(due).toMatchObject({
      kind: "action_plan_follow_up",
      status: "overdue",
      dueDate: "2026-01-31",
    });
    expect(due.subject.title).toContain("(2025)");
    expect(await lines("analyst")).toEqual([]);
    const plan = (await call("manager", "GET", `/api/action-plans/${planId}`)).json();
    const goalId = plan.areas[1].goals[0].id;
    const done = await call(
      "manager",
      "PUT",
      `/api/action-plans/${planId}/goals/${goalId}/follow-ups/2025`,
      {
        status: "reached",
        done: "Grundutbildningen startade.",
        version: plan.version,
      },
    );
    expect(done.statusCode, done.body).toBe(200);
    expect(await lines("administrator")).toEqual([]);
    const activityId = plan.areas[1].goals[0].activities[0].id;
    const finished = await call(
      "manager",
      "PUT",
      `/api/action-plans/${planId}/activities/${activityId}`,
      {
        title: "Grundutbildning för alla nyanställda",
        ownerId: ids.manager,
        dueOn: "2026-11-30",
        status: "done",
        version: done.json().version,
      },
    );
    expect(finished.statusCode, finished.body).toBe(200);
    expect(await lines("manager")).toEqual([]);
  });

  it("takes one of two changes made at once from the same version; the other is 409 and adds nothing", async () => {
    const before = (await call("manager", "GET", `/api/action-plans/${planId}`)).json();
    const titles = ["Äldre som utsätts", "Barn som bevittnar våld"];
    const both = await Promise.all(
      titles.map((title, i) =>
        call(i === 0 ? "manager" : "administrator", "POST", `/api/action-plans/${planId}/areas`, {
          title,
          version: before.version,
        }),
      ),
    );
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const after = (await call("manager", "GET", `/api/action-plans/${planId}`)).json();
    expect(after.version).toBe(before.version + 1);
    const added = after.areas
      .map((a: { title: string }) => a.title)
      .filter((t: string) => titles.includes(t));
    expect(added).toHaveLength(1);
  });
});
