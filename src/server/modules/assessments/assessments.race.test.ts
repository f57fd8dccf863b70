import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stockholmDate } from "../../../shared/calendar.ts";
import { dangerAnswers } from "../../../shared/instruments/builtin/danger-assessment.ts";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import { as, buildUser, buildWorkedCase, login, type Session } from "../../testing/factories.ts";
import { race } from "../../testing/race.ts";
import { allowedEvents, answered, losersSay } from "../../testing/race-counts.ts";

/*
 * Risk assessments under concurrent requests (issue 12): the case's worker and the unit
 * manager send twenty requests at once. Every start is a draft of its own; every draft save
 * is kept; an assessment is completed once — and what it is completed with is what it shows:
 * a draft save racing the completion lands before it (and is part of it) or is refused.
 */
const n = 20;
const today = stockholmDate(new Date());
const allNo = dangerAnswers();
/** The i-th draft answers yes to the first i questions: each save is told apart by its count. */
const answersWithYes = (i: number) =>
  Object.fromEntries(Object.keys(allNo).map((q, k) => [q, k < i ? "yes" : "no"]));

describe.each(testDatabaseKinds)("risk assessments under concurrent requests (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let caseId: string;
  let users: Session[];

  beforeAll(async () => {
    t = await buildTestApp(database());
    const worked = await buildWorkedCase(t.app, database().owner);
    caseId = worked.caseId;
    const manager = await buildUser(database().owner, worked.orgId, [
      { unitId: worked.unitId, role: "unit_manager" },
    ]);
    users = [worked.session, await login(t.app, manager.username)];
  });
  afterAll(() => t?.close());

  const call = (i: number, method: "POST" | "PUT", url: string, payload: object) =>
    t.app.inject({ method, url, headers: as(users[i % 2] as Session), payload });
  const base = () => `/api/cases/${caseId}/assessments`;
  const events = (action: string) => allowedEvents(database().owner, action, caseId);
  const start = async () =>
    (await call(0, "POST", base(), { instrumentId: "danger_assessment" })).json().id as string;
  const stored = (id: string) =>
    database()
      .owner.selectFrom("assessment")
      .select(["answers", "result", "completed_at"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();

  it("starts a draft for every request", async () => {
    const outcome = await race(n, (i) =>
      call(i, "POST", base(), { instrumentId: "danger_assessment" }),
    );
    expect(outcome.counts).toEqual({ 201: n });
    expect(new Set(outcome.responses.map((r) => r.json().id)).size).toBe(n);
    expect(await events("assessment.start")).toBe(n);
  });

  it("keeps the last of the draft saves and audits each", async () => {
    const id = await start();
    const before = await events("assessment.save");
    const outcome = await race(n, (i) =>
      call(i, "PUT", `${base()}/${id}`, { answers: answersWithYes(i), assessedOn: today }),
    );
    expect(outcome.counts).toEqual({ 200: n });
    expect(await events("assessment.save")).toBe(before + n);
    // What is kept is one save whole, never a mix of two.
    const kept = (await stored(id)).answers;
    expect(Array.from({ length: n }, (_, i) => answersWithYes(i))).toContainEqual(kept);
  });

  it("completes once: the others get 409 and write nothing", async () => {
    const id = await start();
    await call(0, "PUT", `${base()}/${id}`, { answers: allNo, assessedOn: today });
    const before = await events("assessment.complete");
    const outcome = await race(n, (i) =>
      call(i, "POST", `${base()}/${id}/complete`, {
        judgements: { risk: "low" },
        reasons: `Skäl ${i}.`,
      }),
    );
    expect(outcome.counts).toEqual({ 200: 1, 409: n - 1 });
    expect(losersSay(outcome)).toEqual([
      "conflict: Bedömningen är slutförd och ändras inte. Gör en ny.",
    ]);
    expect(await events("assessment.complete")).toBe(before + 1);
  });

  it("completes with the answers it shows: a save racing the completion comes before it or is refused", async () => {
    const id = await start();
    await call(0, "PUT", `${base()}/${id}`, { answers: allNo, assessedOn: today });
    const saves = await events("assessment.save");
    const outcome = await race(n, (i) =>
      i === n / 2
        ? call(i, "POST", `${base()}/${id}/complete`, {
            judgements: { risk: "low" },
            reasons: "Skälen.",
          })
        : call(i, "PUT", `${base()}/${id}`, { answers: answersWithYes(i), assessedOn: today }),
    );
    expect(outcome.responses[n / 2]?.statusCode).toBe(200);
    expect(answered(outcome, 500)).toBe(0);
    expect(answered(outcome, 200) + answered(outcome, 409)).toBe(n);
    expect(await events("assessment.save")).toBe(saves + answered(outcome, 200) - 1);
    const row = await stored(id);
    const yes = Object.values(row.answers as Record<string, string>).filter((a) => a === "yes");
    const counted = (row.result as { scores: { id: string; value: number }[] }).scores.find(
      (s) => s.id === "yes_count",
    );
    // The score kept at completion counts the answers kept with it.
    expect(counted?.value).toBe(yes.length);
    expect(outcome.responses[n / 2]?.json().answers).toEqual(row.answers);
  });
});
