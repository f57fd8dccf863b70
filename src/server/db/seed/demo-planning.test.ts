import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import { as, login } from "../../testing/factories.ts";
import { seedDemo } from "./demo.ts";
import { demoGoals, demoPlanTitle } from "./demo-action-plan.ts";
import { seedDay } from "./demo-clock.ts";
import { demoPassword } from "./demo-data.ts";

/**
 * The demo's yearly follow-up (issue 20, items 1–2) as its keepers see it through the API:
 * the committee's plan with a goal in each of the five areas, last year's follow-up of every
 * goal (a computed one holding what Frid counts for that year), open activities months ahead
 * — so the plan puts nothing on Att göra —, and the routines register whose Öppna jämförelser
 * answers are Ja where a current, management-approved routine stands, with the one due for
 * review within 60 days on its owner's and the keepers' Att göra.
 */
describe.each(testDatabaseKinds)("the demo's action plan and routines (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  const lastYear = () => Number(seedDay().slice(0, 4)) - 1;

  beforeAll(async () => {
    await seedDemo(database().owner);
    t = await buildTestApp(database());
  });
  afterAll(() => t?.close());

  const get = async (username: string, url: string) => {
    const session = await login(t.app, username, demoPassword);
    const res = await t.app.inject({ method: "GET", url, headers: as(session) });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  it("holds the committee's plan with last year's follow-up of every goal", async () => {
    const { plans } = await get("enhetschef", "/api/action-plans");
    expect(plans.map((p: { title: string }) => p.title)).toEqual([demoPlanTitle]);
    const plan = await get("enhetschef", `/api/action-plans/${plans[0].id}`);
    expect(plan.areas.map((a: { kind: string }) => a.kind)).toEqual([
      "collaboration",
      "competence_development",
      "mapping",
      "investigation_methods",
      "statistics",
    ]);
    type Goal = {
      id: string;
      title: string;
      indicator: { code: string | null };
      followUps: { year: number; value: number | null; computed: boolean }[];
      activities: { ownerId: string; dueOn: string; status: string }[];
    };
    const goals: Goal[] = plan.areas.flatMap((a: { goals: Goal[] }) => a.goals);
    expect(goals.map((g) => g.title)).toEqual(demoGoals.map((g) => g.title));
    expect(goals.filter((g) => g.indicator.code !== null)).toHaveLength(3);
    const counted = await get(
      "analytiker",
      `/api/action-plans/${plan.id}/indicator-values?year=${lastYear()}`,
    );
    for (const goal of goals) {
      expect(goal.followUps.map((f) => f.year)).toEqual([lastYear()]);
      const [followUp] = goal.followUps;
      if (goal.indicator.code === null) {
        expect(followUp?.computed).toBe(false);
        continue;
      }
      const frid = counted.values.find((v: { goalId: string }) => v.goalId === goal.id);
      expect(followUp).toMatchObject({ computed: true, value: frid.value });
    }
    expect(goals.find((g) => g.indicator.code === null)?.followUps[0]?.value).toBe(6);
    // Every owner is one who may own an activity: offered by the page, so editable as is.
    const owners = new Set(plan.staff.map((s: { id: string }) => s.id));
    for (const a of goals.flatMap((g) => g.activities)) expect(owners.has(a.ownerId)).toBe(true);
  });

  it("answers Öppna jämförelser Ja only for current routines approved by management", async () => {
    const register = await get("enhetschef", "/api/routines");
    const answer = (area: string) =>
      register.answers.find((a: { area: string }) => a.area === area);
    for (const area of [
      "detect_violence_adults",
      "detect_violence_children",
      "children_schooling_sheltered_housing",
    ])
      expect(answer(area).answer, area).toBe("yes");
    for (const area of [
      "support_talks_perpetrators",
      "agreements_followed_up",
      "competence_plan",
      "protected_personal_data",
    ])
      expect(answer(area).answer, area).toBe("no");
    expect(answer("support_talks_perpetrators").missing.join(" ")).toContain(
      "inte fastställd av ledningen",
    );
    expect(answer("competence_plan").routines).toEqual([]);
    const soon = register.routines.filter((r: { reviewSoon: boolean }) => r.reviewSoon);
    expect(soon.map((r: { title: string }) => r.title)).toEqual([
      "Rutin för att upptäcka våld – barn och unga",
    ]);
  });

  it("puts the routine due for review on Att göra, and nothing of the plan", async () => {
    const lines = async (username: string, scope: "mine" | "unit") =>
      (await get(username, `/api/worklist?scope=${scope}`)).items.filter(
        (i: { kind: string }) => i.kind === "routine_review" || i.kind.startsWith("action_plan_"),
      );
    const owner = await lines("barnchef", "mine");
    expect(owner.map((i: { kind: string }) => i.kind)).toEqual(["routine_review"]);
    expect(owner[0].subject.title).toContain("Rutin för att upptäcka våld – barn och unga");
    expect((await lines("enhetschef", "unit")).map((i: { kind: string }) => i.kind)).toEqual([
      "routine_review",
    ]);
    expect(await lines("enhetschef", "mine")).toEqual([]);
    for (const username of ["handlaggare1", "behandlare1", "krischef"])
      expect(await lines(username, "mine"), username).toEqual([]);
  });
});
