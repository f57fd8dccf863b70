import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caseStatuses } from "../../../shared/case-status.ts";
import { invalidCursorMessage } from "../../../shared/validation-messages.ts";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import {
  as,
  buildCase,
  buildOrg,
  buildPerson,
  buildUnit,
  buildUser,
  login,
  type Session,
} from "../../testing/factories.ts";

interface ListedCase {
  id: string;
  reference: string;
  status: string;
  caseType: string;
  responsible: { userId: string; displayName: string }[];
}
interface CasePage {
  cases: ListedCase[];
  nextCursor: string | null;
  total: number | null;
}

/**
 * Issue 15: the case lists filter by status, type and responsible worker (or nobody), and
 * sort by a column; paging stays right across ties because the cursor carries the sort,
 * the last row's key and its id. Bad values answer 400 in words a person understands.
 */
describe.each(testDatabaseKinds)("the case list, filtered and sorted (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let manager: Session;
  let worker: Session;
  let workerId: string;
  let workerName: string;
  let colleagueId: string;
  /** Every case of the unit, as the owner stored it. */
  const cases: { id: string; status: string; type: string; assignees: string[]; ref: string }[] =
    [];

  const owner = () => database().owner;
  const get = (s: Session | null, query: Record<string, string>) =>
    t.app.inject({
      method: "GET",
      url: `/api/cases?${new URLSearchParams(query)}`,
      headers: s ? as(s) : {},
    });

  beforeAll(async () => {
    t = await buildTestApp(database());
    const orgId = (await buildOrg(owner())).id;
    const unitId = (await buildUnit(owner(), orgId)).id;
    const w = await buildUser(owner(), orgId, [{ unitId, role: "caseworker" }]);
    const colleague = await buildUser(owner(), orgId, [{ unitId, role: "caseworker" }]);
    const m = await buildUser(owner(), orgId, [{ unitId, role: "unit_manager" }]);
    workerId = w.id;
    workerName = w.display_name;
    colleagueId = colleague.id;
    // Nine cases: three statuses three times each (ties for the status sort), two types,
    // assigned to the worker, the colleague, both, or nobody.
    const statuses = ["investigation", "intake", "follow_up"] as const;
    const assigneeSets = [[w.id], [colleague.id], [], [w.id, colleague.id]];
    for (let i = 0; i < 9; i++) {
      const person = await buildPerson(owner(), orgId);
      const assignees = assigneeSets[i % assigneeSets.length] as string[];
      const c = await buildCase(owner(), {
        orgId,
        unitId,
        personId: person.id,
        openedBy: m.id,
        assignees,
      });
      const status = statuses[i % 3] as string;
      const type = i % 2 === 0 ? "child" : "adult_victim";
      await owner()
        .updateTable("case")
        .set({ status: status as never, case_type: type as never })
        .where("id", "=", c.id)
        .execute();
      const ref = (
        await owner()
          .selectFrom("case")
          .select("reference")
          .where("id", "=", c.id)
          .executeTakeFirstOrThrow()
      ).reference;
      cases.push({ id: c.id, status, type, assignees, ref });
    }
    manager = await login(t.app, m.username);
    worker = await login(t.app, w.username);
  });
  afterAll(() => t?.close());

  /** Every page of the manager's list with these parameters, two at a time. */
  async function walk(query: Record<string, string>, s: Session = manager): Promise<CasePage[]> {
    const pages: CasePage[] = [];
    let cursor: string | null = null;
    do {
      const res = await get(s, {
        scope: "all",
        limit: "2",
        ...query,
        ...(cursor ? { before: cursor } : {}),
      });
      expect(res.statusCode, res.body).toBe(200);
      const page = res.json() as CasePage;
      pages.push(page);
      cursor = page.nextCursor;
    } while (cursor !== null && pages.length < 20);
    return pages;
  }
  const idsOf = (pages: CasePage[]) => pages.flatMap((p) => p.cases.map((c) => c.id));

  it("filters by status and by type, and counts the filtered list", async () => {
    const first = (await get(manager, { scope: "all", status: "intake", count: "true" })).json();
    const intake = cases.filter((c) => c.status === "intake").map((c) => c.id);
    expect((first as CasePage).cases.map((c) => c.id).sort()).toEqual([...intake].sort());
    expect((first as CasePage).total).toBe(intake.length);
    const children = idsOf(await walk({ type: "child" }));
    expect(children.sort()).toEqual(
      cases
        .filter((c) => c.type === "child")
        .map((c) => c.id)
        .sort(),
    );
  });

  it("filters by the worker responsible, and by nobody responsible", async () => {
    const theirs = idsOf(await walk({ worker: workerId }));
    expect(theirs.sort()).toEqual(
      cases
        .filter((c) => c.assignees.includes(workerId))
        .map((c) => c.id)
        .sort(),
    );
    const nobody = await walk({ worker: "none" });
    expect(idsOf(nobody).sort()).toEqual(
      cases
        .filter((c) => c.assignees.length === 0)
        .map((c) => c.id)
        .sort(),
    );
    expect(nobody.flatMap((p) => p.cases).every((c) => c.responsible.length === 0)).toBe(true);
  });

  it("names everyone responsible for each case", async () => {
    const listed = (await walk({})).flatMap((p) => p.cases);
    for (const c of cases) {
      const row = listed.find((l) => l.id === c.id);
      // Assigned in one statement, the two of a case share a time: their order is by id.
      expect(row?.responsible.map((r) => r.userId)).toEqual([...c.assignees].sort());
    }
    const mine = listed.find((l) => l.responsible.some((r) => r.userId === workerId));
    expect(mine?.responsible.find((r) => r.userId === workerId)?.displayName).toBe(workerName);
  });

  it("sorts by status in the flow's order, ties by id, across pages without repeats", async () => {
    const flow = (s: string) => caseStatuses.indexOf(s as (typeof caseStatuses)[number]);
    const expected = [...cases]
      .sort((a, b) => flow(a.status) - flow(b.status) || (a.id < b.id ? -1 : 1))
      .map((c) => c.id);
    const pages = await walk({ sort: "status" });
    expect(idsOf(pages)).toEqual(expected);
    // Pages of two over groups of three: at least one page boundary falls inside a tie.
    expect(pages.length).toBe(5);
    const descending = idsOf(await walk({ sort: "status", order: "desc" }));
    expect(descending).toEqual([...expected].reverse());
  });

  it("sorts by reference and by type, both ways, filters and sort together", async () => {
    const byRef = [...cases].sort((a, b) => (a.ref < b.ref ? -1 : 1)).map((c) => c.id);
    expect(idsOf(await walk({ sort: "reference" }))).toEqual(byRef);
    expect(idsOf(await walk({ sort: "reference", order: "desc" }))).toEqual([...byRef].reverse());
    const byType = await walk({ sort: "type", status: "intake" });
    const types = byType.flatMap((p) => p.cases.map((c) => c.caseType));
    // adult_victim comes before child in the list of types.
    expect(types).toEqual([...types].sort());
    expect(byType.flatMap((p) => p.cases).every((c) => c.status === "intake")).toBe(true);
  });

  it("keeps a worker's own list to their cases whatever the filter", async () => {
    const pages = await walk({ scope: "mine", worker: colleagueId }, worker);
    expect(idsOf(pages).sort()).toEqual(
      cases
        .filter((c) => c.assignees.includes(workerId) && c.assignees.includes(colleagueId))
        .map((c) => c.id)
        .sort(),
    );
  });

  it("answers bad values with 400 and a message a person understands", async () => {
    const bad: [Record<string, string>, string][] = [
      [{ sort: "person" }, "sort"],
      [{ order: "up" }, "order"],
      [{ status: "open" }, "status"],
      [{ type: "adult" }, "type"],
      [{ worker: "Anna" }, "worker"],
    ];
    for (const [query, field] of bad) {
      const res = await get(manager, { scope: "all", ...query });
      expect(res.statusCode, field).toBe(400);
      const message = res.json().error.fields[field] as string;
      expect(message, field).toMatch(/^(Välj|Listan)/);
    }
    // A cursor of one sort does not continue another, nor the same sort the other way.
    const first = (await get(manager, { scope: "all", limit: "2", sort: "status" })).json();
    const cursor = (first as CasePage).nextCursor as string;
    for (const query of [
      { sort: "reference" },
      { sort: "status", order: "desc" },
      { sort: "opened" },
    ] as Record<string, string>[]) {
      const res = await get(manager, { scope: "all", before: cursor, ...query });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields.before).toBe(invalidCursorMessage);
    }
    // A status cursor whose key is not a status.
    const forged = Buffer.from(`status.asc~open~${cases[0]?.id as string}`).toString("base64url");
    const res = await get(manager, { scope: "all", sort: "status", before: forged });
    expect(res.statusCode).toBe(400);
  });

  it("answers 401 without a session", async () => {
    expect((await get(null, { scope: "all", sort: "status" })).statusCode).toBe(401);
  });

  it("writes one event per page, naming the cases the filtered page showed", async () => {
    const res = await get(manager, { scope: "all", worker: "none" });
    const page = res.json() as CasePage;
    const events = await owner()
      .selectFrom("audit_event")
      .select(["action", "case_ids"])
      .where("request_id", "=", String(res.headers["x-request-id"]))
      .execute();
    expect(events).toHaveLength(1);
    expect(events[0]?.action).toBe("case.list");
    expect([...(events[0]?.case_ids ?? [])].sort()).toEqual(page.cases.map((c) => c.id).sort());
  });
});
