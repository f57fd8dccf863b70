import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stockholmDate } from "../../../shared/calendar.ts";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import { as, buildWorkedCase, type Session } from "../../testing/factories.ts";

/*
 * A case's risk assessments grow with every reassessment: the first answer carries every
 * draft in progress (however old) and the newest 20 completed ones; older completed ones
 * come a page at a time (shared/api/paging.ts). The person's risk over time is bounded.
 */
describe.each(testDatabaseKinds)("the risk assessments are paged (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let worked: Awaited<ReturnType<typeof buildWorkedCase>>;
  const count = 45;
  let draftId: string;
  // Completed assessments numbered oldest 1 by their reasons, a second apart.
  const numbers = (items: { reasons: string | null; status: string }[]) =>
    items.filter((a) => a.status === "completed").map((a) => Number(a.reasons));
  const range = (from: number, to: number) =>
    Array.from({ length: from - to + 1 }, (_, i) => from - i);
  const get = (url: string, session: Session = worked.session) =>
    t.app.inject({ method: "GET", url, headers: as(session) });
  const reads = async (outcome: "allowed" | "denied") =>
    (
      await database()
        .owner.selectFrom("audit_event")
        .select("id")
        .where("resource_id", "=", worked.caseId)
        .where("action", "=", "assessment.read")
        .where("outcome", "=", outcome)
        .execute()
    ).length;

  beforeAll(async () => {
    t = await buildTestApp(database());
    worked = await buildWorkedCase(t.app, database().owner);
    const start = await t.app.inject({
      method: "POST",
      url: `/api/cases/${worked.caseId}/assessments`,
      headers: as(worked.session),
      payload: { instrumentId: "danger_assessment" },
    });
    draftId = start.json().id;
    const owner = database().owner;
    // The draft is the oldest row: it must still show first, above the completed ones.
    const oldest = new Date(Date.now() - 10 * count * 1000);
    await sql`update assessment set created_at = ${oldest} where id = ${draftId}`.execute(owner);
    const base = Date.now() - count * 1000;
    await owner
      .insertInto("assessment")
      .values(
        range(count, 1).map((n) => ({
          id: randomUUID(),
          org_id: worked.orgId,
          case_id: worked.caseId,
          instrument_id: "danger_assessment",
          instrument_version: 1,
          assessed_on: stockholmDate(new Date(base + n * 1000)),
          result: JSON.stringify({ scores: [], flags: [], suggestedLevel: null }),
          judgements: JSON.stringify({ risk: "medium" }),
          reasons: String(n),
          created_by: worked.userId,
          // Two at the same moment: the id decides their order, and neither is lost.
          created_at: new Date(base + (n === 26 ? 25 : n) * 1000),
          completed_at: new Date(base + n * 1000),
          completed_by: worked.userId,
        })),
      )
      .execute();
  });
  afterAll(() => t?.close());

  it("the first answer shows the drafts and the newest 20 completed; older pages follow", async () => {
    const url = `/api/cases/${worked.caseId}/assessments`;
    const before = await reads("allowed");
    const answer = await get(url);
    expect(answer.statusCode, answer.body).toBe(200);
    const first = answer.json();
    expect(first.assessments[0]).toMatchObject({ id: draftId, status: "draft" });
    expect(first.assessments).toHaveLength(21);
    expect(numbers(first.assessments).slice(0, 19)).toEqual(range(45, 27));
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await get(`${url}/history?before=${first.nextCursor}`);
    expect(second.statusCode).toBe(200);
    // 26 and 25 share a moment, on either side of the page break: both are shown, once.
    const both = [...numbers(first.assessments), ...numbers(second.json().items)];
    expect(both.sort((a, b) => b - a)).toEqual(range(45, 6));
    const last = (await get(`${url}/history?before=${second.json().nextCursor}`)).json();
    expect(numbers(last.items)).toEqual(range(5, 1));
    expect(last.nextCursor).toBeNull();
    const all = (await get(`${url}/history?limit=100`)).json();
    expect(all.items).toHaveLength(45);
    expect(all.nextCursor).toBeNull();
    expect(await reads("allowed")).toBe(before + 4);
  });

  it("refuses a cursor it did not give, in words a person understands", async () => {
    const url = `/api/cases/${worked.caseId}/assessments/history`;
    const other = await buildWorkedCase(t.app, database().owner);
    const theirs = await t.app.inject({
      method: "POST",
      url: `/api/cases/${other.caseId}/assessments`,
      headers: as(other.session),
      payload: { instrumentId: "danger_assessment" },
    });
    // Not an id; an id of nothing; a draft (never on a page); another case's assessment.
    for (const before of ["abc", randomUUID(), draftId, theirs.json().id]) {
      const res = await get(`${url}?before=${before}`);
      expect(res.statusCode, before).toBe(400);
      expect(res.json().error.fields.before).toBe(
        "Listan kunde inte läsas vidare härifrån. Ladda om sidan och försök igen.",
      );
    }
    expect((await get(`${url}?limit=0`)).statusCode).toBe(400);
  });

  it("answers 401 without a session and 404 on another's case, with the attempt in the trail", async () => {
    const url = `/api/cases/${worked.caseId}/assessments/history`;
    expect((await t.app.inject({ method: "GET", url })).statusCode).toBe(401);
    const other = await buildWorkedCase(t.app, database().owner);
    const denied = await reads("denied");
    const res = await get(url, other.session);
    expect(res.statusCode).toBe(404);
    expect(await reads("denied")).toBe(denied + 1);
  });

  it("risk over time draws the newest 100 points and says when older ones are left out", async () => {
    const owner = database().owner;
    const rows = await owner
      .selectFrom("assessment")
      .selectAll()
      .where("case_id", "=", worked.caseId)
      .where("completed_at", "is not", null)
      .execute();
    const base = Date.now() - 200 * 1000;
    // 60 more completed ones: 105 in all.
    await owner
      .insertInto("assessment")
      .values(
        range(60, 1).map((n) => ({
          ...(rows[0] as (typeof rows)[number]),
          id: randomUUID(),
          answers: JSON.stringify({}),
          result: JSON.stringify(rows[0]?.result),
          judgements: JSON.stringify(rows[0]?.judgements),
          created_at: new Date(base + n * 1000),
        })),
      )
      .execute();
    const url = `/api/persons/${worked.personId}/risk-history`;
    const history = (await get(url)).json();
    expect(history.points).toHaveLength(100);
    expect(history.olderLeftOut).toBe(5);
    const days = history.points.map((p: { assessedOn: string }) => p.assessedOn);
    expect([...days].sort()).toEqual(days);
  });
});
