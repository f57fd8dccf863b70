import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../testing/databases.ts";
import { as, type Session } from "../testing/factories.ts";
import { raceAgainstClosing, workedCaseAndManager } from "../testing/race-close.ts";

/**
 * A journal entry while the case is being closed (issue 13: a closed case takes no new
 * entry): written before the closing, or refused (409) — never written into a closed case.
 */
const n = 20;

describe.each(testDatabaseKinds)("journal entries racing the case's closing (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;

  beforeAll(async () => {
    t = await buildTestApp(database());
  });
  afterAll(() => t?.close());

  it("keeps each entry it answers 201 for from before the case closed, and refuses the rest", async () => {
    const { owner } = database();
    const worked = await workedCaseAndManager(t.app, owner);
    const { pair } = worked;
    const caseId = worked.caseId;
    const result = await raceAgainstClosing({
      app: t.app,
      owner,
      caseId,
      n,
      closer: pair[1],
      action: "journal.write",
      record: (i) =>
        t.app.inject({
          method: "POST",
          url: `/api/cases/${caseId}/journal`,
          headers: as(pair[i % 2] as Session),
          payload: {
            entryType: "phone",
            occurredAt: new Date().toISOString(),
            body: `Samtal nr ${i + 1}.`,
          },
        }),
    });
    expect(result.closing.statusCode).toBe(200);
    const made = result.records.filter((r) => r.statusCode === 201).length;
    expect(made + result.records.filter((r) => r.statusCode === 409).length).toBe(n);
    const stored = await owner
      .selectFrom("journal_entry")
      .select("id")
      .where("case_id", "=", caseId)
      .execute();
    expect(stored).toHaveLength(made);
    expect(result.audited).toBe(made);
    expect(result.recordedAfterClosing).toBe(0);
  });
});
