import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import {
  as,
  buildChildUnitTeam,
  recordReportOfConcern,
  type Session,
} from "../../testing/factories.ts";

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();

interface Line {
  kind: string;
  caseId: string;
  reference: string;
  personName: string;
  due: string;
  status: string;
  responsible: { userId: string; displayName: string }[];
}

/**
 * Issue 15: Att göra filters by kind, responsible worker (or nobody) and how near the day
 * is, and sorts by a column; each line says who works its case; bad values answer 400.
 */
describe.each(testDatabaseKinds)("Att göra, filtered and sorted (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let team: Awaited<ReturnType<typeof buildChildUnitTeam>>;
  let worker: Session;
  let manager: Session;
  /** Reports received 1, 10 and 20 days ago; the last one's case has nobody assigned. */
  const caseIds: string[] = [];

  beforeAll(async () => {
    t = await buildTestApp(database());
    team = await buildChildUnitTeam(t.app, database().owner);
    ({ worker, manager } = team);
    for (const age of [1, 10, 20]) {
      caseIds.push(
        (await recordReportOfConcern(t.app, database().owner, team, daysAgo(age))).case.id,
      );
    }
    await database()
      .owner.updateTable("case_assignment")
      .set({ unassigned_at: new Date() })
      .where("case_id", "=", caseIds[2] as string)
      .execute();
  });
  afterAll(() => t?.close());

  const get = (s: Session | null, query: Record<string, string>) =>
    t.app.inject({
      method: "GET",
      url: `/api/worklist?${new URLSearchParams(query)}`,
      headers: s ? as(s) : {},
    });
  const lines = async (s: Session, query: Record<string, string>) => {
    const res = await get(s, query);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items as Line[];
  };

  it("filters by kind and by how near the day is", async () => {
    const all = await lines(manager, { scope: "unit" });
    const prelim = await lines(manager, { scope: "unit", kind: "preliminary_assessment" });
    expect(prelim.length).toBeGreaterThan(0);
    expect(prelim.every((l) => l.kind === "preliminary_assessment")).toBe(true);
    expect(prelim.length).toBeLessThan(all.length);
    const overdue = await lines(manager, { scope: "unit", deadline: "overdue" });
    expect(overdue.every((l) => l.status === "overdue")).toBe(true);
    expect(overdue.length).toBe(all.filter((l) => l.status === "overdue").length);
    const within3 = await lines(manager, { scope: "unit", deadline: "within3" });
    const limit = Date.now() + 4 * 86_400_000;
    expect(within3.every((l) => Date.parse(l.due) < limit)).toBe(true);
    // The report of 10 days ago: its preliminary assessment is due in 4 days, not within 3.
    expect(within3).not.toContainEqual(
      expect.objectContaining({ kind: "preliminary_assessment", caseId: caseIds[1] }),
    );
  });

  it("says who works each line's case, and filters by worker and by nobody", async () => {
    const all = await lines(manager, { scope: "unit" });
    const nobody = await lines(manager, { scope: "unit", worker: "none" });
    expect(new Set(nobody.map((l) => l.caseId))).toEqual(new Set([caseIds[2]]));
    expect(nobody.every((l) => l.responsible.length === 0)).toBe(true);
    const theirs = await lines(manager, { scope: "unit", worker: team.workerId });
    expect(theirs.length).toBe(all.length - nobody.length);
    expect(theirs.every((l) => l.responsible.some((r) => r.userId === team.workerId))).toBe(true);
  });

  it("sorts by due (soonest first by default), reference and person, both ways", async () => {
    const byDue = await lines(manager, { scope: "unit" });
    const dues = byDue.map((l) => Date.parse(l.due));
    expect(dues).toEqual([...dues].sort((a, b) => a - b));
    const late = await lines(manager, { scope: "unit", sort: "due", order: "desc" });
    expect(late.map((l) => Date.parse(l.due))).toEqual([...dues].sort((a, b) => b - a));
    const sv = new Intl.Collator("sv");
    const refs = (await lines(manager, { scope: "unit", sort: "reference" })).map(
      (l) => l.reference,
    );
    expect(refs).toEqual([...refs].sort(sv.compare));
    const people = (await lines(manager, { scope: "unit", sort: "person", order: "desc" })).map(
      (l) => l.personName,
    );
    expect(people).toEqual([...people].sort(sv.compare).reverse());
  });

  it("answers bad values with 400 in words, and 401 without a session", async () => {
    for (const [query, field] of [
      [{ kind: "deadline" }, "kind"],
      [{ deadline: "soon" }, "deadline"],
      [{ worker: "nobody" }, "worker"],
      [{ sort: "status" }, "sort"],
      [{ order: "up" }, "order"],
    ] as const) {
      const res = await get(worker, { scope: "mine", ...query });
      expect(res.statusCode, field).toBe(400);
      expect(res.json().error.fields[field], field).toMatch(/^(Välj|Listan)/);
    }
    expect((await get(null, { scope: "mine", kind: "follow_up" })).statusCode).toBe(401);
  });

  it("writes one event naming exactly the lines the filtered list showed", async () => {
    const res = await get(manager, { scope: "unit", worker: "none" });
    const shown = res.json().items as Line[];
    const events = await database()
      .owner.selectFrom("audit_event")
      .select(["action", "case_ids"])
      .where("request_id", "=", String(res.headers["x-request-id"]))
      .execute();
    expect(events).toHaveLength(1);
    expect(events[0]?.action).toBe("worklist.read");
    expect(new Set(events[0]?.case_ids ?? [])).toEqual(new Set(shown.map((l) => l.caseId)));
  });
});
