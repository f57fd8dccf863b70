import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import {
  as,
  buildChildUnitTeam,
  openChildInvestigation,
  recordReportOfConcern,
  type Session,
} from "../../testing/factories.ts";

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();

describe.each(testDatabaseKinds)("the work list, Att göra (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let team: Awaited<ReturnType<typeof buildChildUnitTeam>>;
  let worker: Session;
  let manager: Session;
  let colleague: Session;

  beforeAll(async () => {
    t = await buildTestApp(database());
    team = await buildChildUnitTeam(t.app, database().owner);
    ({ worker, manager, colleague } = team);
  });
  afterAll(() => t?.close());

  const reportReceived = async (receivedAt: string) =>
    (await recordReportOfConcern(t.app, database().owner, team, receivedAt)).case;

  const items = async (s: Session, scope = "mine") =>
    (
      await t.app.inject({ method: "GET", url: `/api/worklist?scope=${scope}`, headers: as(s) })
    ).json().items as {
      kind: string;
      caseId: string;
      status: string;
    }[];

  it("flags preliminary assessments due within 7 days, and overdue ones, 14 days after the report", async () => {
    const soon = await reportReceived(daysAgo(10));
    const late = await reportReceived(daysAgo(20));
    const fresh = await reportReceived(daysAgo(1));
    const mine = await items(worker);
    expect(mine).toContainEqual(
      expect.objectContaining({
        kind: "preliminary_assessment",
        caseId: soon.id,
        status: "due_soon",
      }),
    );
    expect(mine).toContainEqual(
      expect.objectContaining({
        kind: "preliminary_assessment",
        caseId: late.id,
        status: "overdue",
      }),
    );
    // A report from yesterday: its preliminary assessment is not due yet (its protection
    // assessment, never made, is overdue — a different item).
    expect(mine).not.toContainEqual(
      expect.objectContaining({ kind: "preliminary_assessment", caseId: fresh.id }),
    );
    expect(mine).toContainEqual(
      expect.objectContaining({
        kind: "protection_assessment",
        caseId: fresh.id,
        status: "overdue",
      }),
    );
    // Overdue first.
    expect(mine.findIndex((i) => i.caseId === late.id)).toBeLessThan(
      mine.findIndex((i) => i.caseId === soon.id),
    );
  });

  it("flags a child's investigation as its four months run out", async () => {
    const c = (await openChildInvestigation(t.app, database().owner, team, daysAgo(130))).case;
    // Back-date the fact, as if the investigation had been opened 118 days ago.
    await sql`update case_status_change set changed_at = ${new Date(daysAgo(118))}
              where case_id = ${c.id} and to_status = 'investigation'`.execute(database().owner);
    expect(await items(worker)).toContainEqual(
      expect.objectContaining({ kind: "child_investigation", caseId: c.id, status: "due_soon" }),
    );
  });

  it("flags my journal drafts older than two days", async () => {
    const c = await reportReceived(daysAgo(1));
    const draft = await t.app.inject({
      method: "POST",
      url: `/api/cases/${c.id}/journal`,
      headers: as(worker),
      payload: { entryType: "phone", occurredAt: daysAgo(4), body: "Samtal med skolan." },
    });
    await sql`update journal_entry set written_at = ${new Date(daysAgo(4))} where id = ${draft.json().id}`.execute(
      database().owner,
    );
    expect(await items(worker)).toContainEqual(
      expect.objectContaining({ kind: "unsigned_draft", caseId: c.id, status: "overdue" }),
    );
  });

  it("shows the manager the unit's deadlines, and a colleague none of another's cases", async () => {
    const c = await reportReceived(daysAgo(12));
    expect((await items(manager, "unit")).map((i) => i.caseId)).toContain(c.id);
    expect((await items(colleague)).map((i) => i.caseId)).not.toContain(c.id);
    expect((await items(colleague, "unit")).map((i) => i.caseId)).toEqual([]);
  });
});
