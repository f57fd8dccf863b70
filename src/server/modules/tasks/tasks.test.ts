import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import { as, buildWorkedCase, type Session } from "../../testing/factories.ts";

/*
 * When an adult's investigation finds that the children in the household witnessed
 * violence, the children must be reported or assessed the same day: a task on the case and a
 * line on Att göra until someone records what was done.
 */
describe.each(testDatabaseKinds)("children who witnessed violence (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let worker: Session;
  let caseId: string;

  beforeAll(async () => {
    t = await buildTestApp(database());
    ({ caseId, session: worker } = await buildWorkedCase(t.app, database().owner));
    await req("POST", `/api/cases/${caseId}/status`, { to: "investigation" });
  });
  afterAll(() => t?.close());

  function req(method: "GET" | "POST" | "PUT", url: string, payload?: object) {
    return t.app.inject({ method, url, headers: as(worker), ...(payload ? { payload } : {}) });
  }
  const save = (childrenWitnessedViolence: boolean | null) =>
    req("PUT", `/api/cases/${caseId}/investigation`, {
      sections: { children_in_household: "Två barn, 4 och 9 år." },
      childrenWitnessedViolence,
    });
  const onWorklist = async () =>
    ((await req("GET", "/api/worklist")).json().items as { kind: string; caseId: string }[]).some(
      (i) => i.kind === "children_to_assess" && i.caseId === caseId,
    );
  const tasks = async () => (await req("GET", `/api/cases/${caseId}/tasks`)).json().tasks;

  it("creates no task while the answer is no or not yet known", async () => {
    expect((await save(null)).statusCode).toBe(200);
    expect((await save(false)).statusCode).toBe(200);
    expect(await tasks()).toEqual([]);
    expect(await onWorklist()).toBe(false);
  });

  it("puts a task due today on the case and Att göra once the children witnessed violence, only once", async () => {
    await save(true);
    await save(true);
    const list = await tasks();
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ kind: "assess_children_witnessed_violence", doneAt: null });
    expect(new Date(list[0].due).getTime()).toBeGreaterThan(Date.now());
    expect(new Date(list[0].due).getTime() - Date.now()).toBeLessThan(25 * 3_600_000);
    expect(await onWorklist()).toBe(true);
  });

  it("is done only with a note of what was done, once", async () => {
    const [task] = await tasks();
    const url = `/api/cases/${caseId}/tasks/${task.id}/complete`;
    const empty = await req("POST", url, { note: "  " });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.fields.note).toContain("orosanmälan");
    const done = await req("POST", url, { note: "Orosanmälan gjord till Barn och unga i dag." });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ doneNote: "Orosanmälan gjord till Barn och unga i dag." });
    expect(done.json().doneBy).toBeTruthy();
    expect((await req("POST", url, { note: "igen" })).statusCode).toBe(409);
    expect(await onWorklist()).toBe(false);
    // Saving again does not bring the done task back.
    await save(true);
    expect(await tasks()).toHaveLength(1);
  });

  it("answers a task of another case with 404", async () => {
    const [task] = await tasks();
    const other = await buildWorkedCase(t.app, database().owner);
    const res = await t.app.inject({
      method: "POST",
      url: `/api/cases/${other.caseId}/tasks/${task.id}/complete`,
      headers: as(other.session),
      payload: { note: "x" },
    });
    expect(res.statusCode).toBe(404);
  });
});
