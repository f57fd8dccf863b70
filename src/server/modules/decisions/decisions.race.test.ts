import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import { as, type Session } from "../../testing/factories.ts";
import { raceAgainstClosing, workedCaseAndManager } from "../../testing/race-close.ts";

/**
 * Decisions while the case is being closed (issue 12): a decision reads the case's status
 * under its lock, so it is made before the closing or refused (409) — never recorded in a
 * case already closed.
 */
const n = 20;

describe.each(testDatabaseKinds)("decisions racing the case's closing (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;

  beforeAll(async () => {
    t = await buildTestApp(database());
  });
  afterAll(() => t?.close());

  it("records each decision it answers 201 for before the case closed, and refuses the rest", async () => {
    const { owner } = database();
    const worked = await workedCaseAndManager(t.app, owner);
    const { pair } = worked;
    const caseId = worked.caseId;
    const moved = await t.app.inject({
      method: "POST",
      url: `/api/cases/${caseId}/status`,
      headers: as(pair[0]),
      payload: { to: "investigation" },
    });
    expect(moved.statusCode).toBe(200);
    const result = await raceAgainstClosing({
      app: t.app,
      owner,
      caseId,
      n,
      closer: pair[1],
      action: "decision.record",
      record: (i) =>
        t.app.inject({
          method: "POST",
          url: `/api/cases/${caseId}/decisions`,
          headers: as(pair[i % 2] as Session),
          payload: {
            interventionKind: "support_talks",
            outcome: "granted",
            reasoning: `Stödsamtal, beslut ${i + 1}.`,
          },
        }),
    });
    expect(result.closing.statusCode).toBe(200);
    const made = result.records.filter((r) => r.statusCode === 201).length;
    expect(made + result.records.filter((r) => r.statusCode === 409).length).toBe(n);
    const stored = await owner
      .selectFrom("decision")
      .select("id")
      .where("case_id", "=", caseId)
      .execute();
    expect(stored).toHaveLength(made);
    expect(result.audited).toBe(made);
    expect(result.recordedAfterClosing).toBe(0);
  });
});
