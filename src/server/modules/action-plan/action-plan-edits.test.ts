import { afterAll, beforeAll, describe, expect, it } from "vitest";
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

/*
 * Changing what a plan already holds (issue 20, items 1–2 on the web): the plan's head, an own
 * area's name, a goal's indicator and target, an activity's text, owner and day. Every change
 * names the version it was made from (stale: 409); a record of another plan or organisation
 * answers 404 (audited); a reader gets 403 (audited). An activity's owner is one who may own
 * one — staff who work cases or manage a unit, active — and the page is offered exactly those.
 */
type Who = "manager" | "analyst" | "otherOrg";

describe.each(testDatabaseKinds)("changing an action plan (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let s: Record<Who, Session>;
  let ids: Record<Who, string>;
  let people: Record<"caseworker" | "therapist" | "admin" | "gone", string>;
  let planId: string;
  let otherPlanId: string;

  beforeAll(async () => {
    t = await buildTestApp(database());
    const { owner } = database();
    const orgId = (await buildOrg(owner)).id;
    const unit = (await buildUnit(owner, orgId)).id;
    const other = await buildOrg(owner);
    const otherUnit = (await buildUnit(owner, other.id)).id;
    const users = {
      manager: await buildUser(owner, orgId, [{ unitId: unit, role: "unit_manager" }]),
      analyst: await buildUser(owner, orgId, [{ unitId: null, role: "analyst" }]),
      otherOrg: await buildUser(owner, other.id, [{ unitId: otherUnit, role: "unit_manager" }]),
    };
    s = {} as Record<Who, Session>;
    ids = {} as Record<Who, string>;
    for (const [who, u] of Object.entries(users) as [Who, { id: string; username: string }][]) {
      s[who] = await login(t.app, u.username);
      ids[who] = u.id;
    }
    const user = async (role: "caseworker" | "therapist" | "administrator", active = true) =>
      (
        await buildUser(owner, orgId, [{ unitId: role === "administrator" ? null : unit, role }], {
          active,
        })
      ).id;
    people = {
      caseworker: await user("caseworker"),
      therapist: await user("therapist"),
      admin: await user("administrator"),
      gone: await user("caseworker", false),
    };
    planId = (await call("manager", "POST", "/api/action-plans", head)).json().id;
    otherPlanId = (await call("otherOrg", "POST", "/api/action-plans", head)).json().id;
  });
  afterAll(() => t?.close());

  const call = (who: Who | null, method: "GET" | "POST" | "PUT", url: string, payload?: object) =>
    t.app.inject({
      method,
      url,
      headers: who ? as(s[who]) : {},
      ...(payload ? { payload } : {}),
    });
  const lastEvent = (who: Who) =>
    database()
      .owner.selectFrom("audit_event")
      .select(["outcome", "data", "resource_id"])
      .where("actor_user_id", "=", ids[who])
      .where("action", "=", "action_plan.change")
      .orderBy("id", "desc")
      .executeTakeFirst();
  const head = {
    title: "Handlingsplan mot våld i nära relationer",
    adoptedBy: "Socialnämnden",
    adoptedOn: "2025-02-20",
    fromYear: 2025,
    toYear: 2027,
  };
  const plan = async () => (await call("manager", "GET", `/api/action-plans/${planId}`)).json();
  const indicator = { name: "Deltagare i utbildning", unit: "personer", target: 40, code: null };

  it("renames an own area, never a fixed one; 401, 400, 403, 404 and 409 on the way", async () => {
    const added = await call("manager", "POST", `/api/action-plans/${planId}/areas`, {
      title: "Hedersrelaterat våld",
      version: 1,
    });
    const own = added.json().areas[5].id;
    const fixed = added.json().areas[0].id;
    const url = `/api/action-plans/${planId}/areas/${own}`;
    const body = { title: "Heder och förtryck", version: 2 };
    expect((await call(null, "PUT", url, body)).statusCode).toBe(401);
    const empty = await call("manager", "PUT", url, { ...body, title: " " });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.fields.title).toBe("Ange områdets namn.");
    expect((await call("analyst", "PUT", url, body)).statusCode).toBe(403);
    expect((await lastEvent("analyst"))?.outcome).toBe("denied");
    const foreign = await call("otherOrg", "PUT", `/api/action-plans/${otherPlanId}/areas/${own}`, {
      ...body,
      version: 1,
    });
    expect(foreign.statusCode).toBe(404);
    expect(await lastEvent("otherOrg")).toMatchObject({
      outcome: "denied",
      resource_id: otherPlanId,
    });
    const fixedName = await call("manager", "PUT", `/api/action-plans/${planId}/areas/${fixed}`, {
      ...body,
    });
    expect(fixedName.statusCode).toBe(400);
    expect(fixedName.json().error.fields.title).toContain("fasta områdena");
    expect((await call("manager", "PUT", url, { ...body, version: 1 })).statusCode).toBe(409);
    const renamed = await call("manager", "PUT", url, body);
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ version: 3 });
    expect(renamed.json().areas[5].title).toBe("Heder och förtryck");
    expect(await lastEvent("manager")).toMatchObject({
      outcome: "allowed",
      data: { planId, change: "area_renamed", recordId: own },
    });
  });

  it("changes the plan's head and a goal's indicator and target from the version read", async () => {
    const before = await plan();
    const changedHead = await call("manager", "PUT", `/api/action-plans/${planId}`, {
      plan: { ...head, adoptedOn: "2025-03-01", toYear: 2028 },
      version: before.version,
    });
    expect(changedHead.statusCode, changedHead.body).toBe(200);
    expect(changedHead.json()).toMatchObject({ adoptedOn: "2025-03-01", toYear: 2028 });
    const areaId = before.areas[1].id;
    const made = await call("manager", "POST", `/api/action-plans/${planId}/goals`, {
      areaId,
      title: "Personalen har grundläggande kunskap om våld",
      indicator,
      version: changedHead.json().version,
    });
    const goal = made.json().areas[1].goals[0];
    const url = `/api/action-plans/${planId}/goals/${goal.id}`;
    const change = {
      areaId,
      title: "All personal har grundläggande kunskap om våld",
      description: "Grundutbildning för alla.",
      indicator: { ...indicator, name: "Utbildade medarbetare", target: 55 },
      version: made.json().version,
    };
    const negative = await call("manager", "PUT", url, {
      ...change,
      indicator: { ...change.indicator, target: -1 },
    });
    expect(negative.statusCode).toBe(400);
    expect(negative.json().error.fields["indicator.target"]).toBe(
      "Målvärdet kan inte vara negativt.",
    );
    const otherGoal = await call(
      "otherOrg",
      "PUT",
      `/api/action-plans/${otherPlanId}/goals/${goal.id}`,
      { ...change, version: 1 },
    );
    expect(otherGoal.statusCode).toBe(404);
    expect((await lastEvent("otherOrg"))?.outcome).toBe("denied");
    const saved = await call("manager", "PUT", url, change);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().areas[1].goals[0]).toMatchObject({
      id: goal.id,
      title: change.title,
      description: "Grundutbildning för alla.",
      indicator: { name: "Utbildade medarbetare", unit: "personer", target: 55, code: null },
    });
    expect(await lastEvent("manager")).toMatchObject({
      data: { planId, change: "goal_updated", recordId: goal.id },
    });
    expect((await call("manager", "PUT", url, change)).statusCode).toBe(409);
  });

  it("offers as owners only active staff who work cases or manage a unit", async () => {
    const staff = (await plan()).staff.map((p: { id: string }) => p.id);
    expect(staff).toEqual(
      expect.arrayContaining([ids.manager, people.caseworker, people.therapist]),
    );
    expect(staff).toHaveLength(3);
    for (const no of [ids.analyst, people.admin, people.gone, ids.otherOrg])
      expect(staff).not.toContain(no);
    const analystView = (await call("analyst", "GET", `/api/action-plans/${planId}`)).json();
    expect(analystView.staff).toEqual([]);
  });

  it("refuses an owner who cannot own an activity (400 in Swedish), keeps one who could", async () => {
    const current = await plan();
    const goalId = current.areas[1].goals[0].id;
    const activity = {
      goalId,
      title: "Grundutbildning för alla nyanställda",
      ownerId: people.caseworker,
      dueOn: "2026-11-30",
      status: "planned",
      version: current.version,
    };
    for (const ownerId of [ids.analyst, people.admin, people.gone, ids.otherOrg]) {
      const refused = await call("manager", "POST", `/api/action-plans/${planId}/activities`, {
        ...activity,
        ownerId,
      });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.fields.ownerId).toBe(
        "Välj en ansvarig bland organisationens aktiva medarbetare som handlägger ärenden eller är enhetschefer.",
      );
    }
    const added = await call("manager", "POST", `/api/action-plans/${planId}/activities`, activity);
    expect(added.statusCode, added.body).toBe(201);
    const activityId = added.json().areas[1].goals[0].activities[0].id;
    const url = `/api/action-plans/${planId}/activities/${activityId}`;
    const { goalId: _, ...fields } = activity;
    const toAnalyst = await call("manager", "PUT", url, {
      ...fields,
      ownerId: ids.analyst,
      version: added.json().version,
    });
    expect(toAnalyst.statusCode).toBe(400);
    const changed = await call("manager", "PUT", url, {
      ...fields,
      title: "Grundutbildning för nyanställda och vikarier",
      ownerId: people.therapist,
      dueOn: "2027-02-28",
      version: added.json().version,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().areas[1].goals[0].activities[0]).toMatchObject({
      title: "Grundutbildning för nyanställda och vikarier",
      ownerId: people.therapist,
      dueOn: "2027-02-28",
      status: "planned",
    });
    expect(await lastEvent("manager")).toMatchObject({
      data: { planId, change: "activity_updated", recordId: activityId },
    });
    // Her account is closed later: the activity keeps her, and its status can still change.
    await database()
      .owner.updateTable("app_user")
      .set({ active: false })
      .where("id", "=", people.therapist)
      .execute();
    const done = await call("manager", "PUT", url, {
      ...fields,
      title: "Grundutbildning för nyanställda och vikarier",
      ownerId: people.therapist,
      dueOn: "2027-02-28",
      status: "done",
      version: changed.json().version,
    });
    expect(done.statusCode, done.body).toBe(200);
    const otherActivity = await call(
      "otherOrg",
      "PUT",
      `/api/action-plans/${otherPlanId}/activities/${activityId}`,
      { ...fields, version: 1 },
    );
    expect(otherActivity.statusCode).toBe(404);
    expect((await lastEvent("otherOrg"))?.outcome).toBe("denied");
  });
});
