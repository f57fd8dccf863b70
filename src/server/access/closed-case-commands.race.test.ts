import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stockholmDate } from "../../shared/calendar.ts";
import { dangerAnswers } from "../../shared/instruments/builtin/danger-assessment.ts";
import { buildTestApp, type TestApp } from "../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../testing/databases.ts";
import { as, type Session } from "../testing/factories.ts";
import { raceAgainstClosing, workedCaseAndManager } from "../testing/race-close.ts";

/**
 * Issue 15 made a closed case refuse the changes its page hides (closed-case-commands.test.ts,
 * one at a time). At once: saves of an assessment racing the case's closing are either
 * answered 200 and saved before the closing, or refused 409 — none lands in a closed case.
 */
const n = 20;

describe.each(testDatabaseKinds)("an assessment saved while the case closes (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;

  beforeAll(async () => {
    t = await buildTestApp(database());
  });
  afterAll(() => t?.close());

  it("keeps each save it answers 200 for from before the closing, and refuses the rest", async () => {
    const { owner } = database();
    const worked = await workedCaseAndManager(t.app, owner);
    const { pair, caseId } = worked;
    const started = await t.app.inject({
      method: "POST",
      url: `/api/cases/${caseId}/assessments`,
      headers: as(pair[0]),
      payload: { instrumentId: "danger_assessment" },
    });
    expect(started.statusCode).toBe(201);
    const url = `/api/cases/${caseId}/assessments/${started.json().id}`;
    const result = await raceAgainstClosing({
      app: t.app,
      owner,
      caseId,
      n,
      closer: pair[1],
      action: "assessment.save",
      record: () =>
        t.app.inject({
          method: "PUT",
          url,
          headers: as(pair[0] as Session),
          payload: { answers: dangerAnswers(), assessedOn: stockholmDate(new Date()) },
        }),
    });
    expect(result.closing.statusCode).toBe(200);
    const saved = result.records.filter((r) => r.statusCode === 200).length;
    expect(saved + result.records.filter((r) => r.statusCode === 409).length).toBe(n);
    expect(result.audited).toBe(saved);
    expect(result.recordedAfterClosing).toBe(0);
  });
});
