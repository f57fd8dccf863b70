import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stockholmDate } from "../../shared/calendar.ts";
import { buildTestApp, type TestApp } from "../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../testing/databases.ts";
import {
  as,
  buildChildUnitTeam,
  buildWorkedCase,
  openChildInvestigation,
  recordReportOfConcern,
  type Session,
} from "../testing/factories.ts";

/*
 * The rest of "nothing changes in a closed case" (closed-case.test.ts): a task marked done,
 * an assessment saved or completed, the child track's steps and a child's placement were
 * taken on a closed case while its page offered none of them. Each is refused with 409 and
 * the closed case's words, before anything else about the command is looked at, and
 * nothing of it is kept.
 */

describe.each(testDatabaseKinds)("a closed case takes no command (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;

  beforeAll(async () => {
    t = await buildTestApp(database());
  });
  afterAll(() => t?.close());

  const send = (session: Session, method: "POST" | "PUT", url: string, payload: object) =>
    t.app.inject({ method, url, headers: as(session), payload });
  const closeDirectly = (caseId: string) =>
    database()
      .owner.updateTable("case")
      .set({ status: "closed", closed_at: new Date(), closed_reason: "other" })
      .where("id", "=", caseId)
      .execute();
  const expectClosedRefusal = (res: { statusCode: number; json: () => unknown }) => {
    expect(res.statusCode).toBe(409);
    expect((res.json() as { error: { message: string } }).error.message).toMatch(
      /^Ärendet är avslutat\./,
    );
  };

  it("refuses marking a task done and saving or completing an assessment", async () => {
    const { caseId, session } = await buildWorkedCase(t.app, database().owner);
    const url = `/api/cases/${caseId}`;
    await send(session, "POST", `${url}/status`, { to: "investigation" });
    await send(session, "PUT", `${url}/investigation`, {
      sections: { children_in_household: "Två barn." },
      childrenWitnessedViolence: true,
    });
    const started = await send(session, "POST", `${url}/assessments`, {
      instrumentId: "danger_assessment",
    });
    expect(started.statusCode).toBe(201);
    const assessmentUrl = `${url}/assessments/${started.json().id}`;
    const tasks = await t.app.inject({ method: "GET", url: `${url}/tasks`, headers: as(session) });
    const [task] = tasks.json().tasks;
    expect(task).toBeDefined();
    await closeDirectly(caseId);

    expectClosedRefusal(
      await send(session, "POST", `${url}/tasks/${task.id}/complete`, {
        note: "Orosanmälan gjord efter avslut.",
      }),
    );
    expectClosedRefusal(
      await send(session, "PUT", assessmentUrl, {
        answers: {},
        assessedOn: stockholmDate(new Date()),
        clientPresent: true,
        interpreterUsed: false,
      }),
    );
    expectClosedRefusal(
      await send(session, "POST", `${assessmentUrl}/complete`, {
        judgements: { risk: "low" },
        reasons: "Efter avslut.",
      }),
    );
    const kept = await database()
      .owner.selectFrom("case_task")
      .select("done_at")
      .where("id", "=", task.id)
      .executeTakeFirstOrThrow();
    expect(kept.done_at).toBeNull();
  });

  it("refuses the child track's steps and a placement's court step, review and revoked consent", async () => {
    const team = await buildChildUnitTeam(t.app, database().owner);
    const report = await recordReportOfConcern(
      t.app,
      database().owner,
      team,
      "2026-11-02T08:00:00Z",
    );
    const url = `/api/cases/${report.case.id}`;
    await closeDirectly(report.case.id);
    expectClosedRefusal(
      await send(team.worker, "POST", `${url}/protection-assessments`, {
        intakeId: report.intake.id,
        needsImmediateProtection: false,
        reasoning: "Efter avslut.",
      }),
    );
    expectClosedRefusal(
      await send(team.worker, "POST", `${url}/preliminary-decision`, {
        openInvestigation: true,
        reasoning: "Efter avslut.",
      }),
    );
    const kept = await database()
      .owner.selectFrom("protection_assessment")
      .select("id")
      .where("intake_id", "=", report.intake.id)
      .execute();
    expect(kept).toHaveLength(0);

    const investigated = await openChildInvestigation(
      t.app,
      database().owner,
      team,
      "2026-11-03T08:00:00Z",
    );
    const child = `/api/cases/${investigated.case.id}`;
    await closeDirectly(investigated.case.id);
    expectClosedRefusal(
      await send(team.worker, "POST", `${child}/investigation-extensions`, {
        extendedUntil: "2027-06-30",
        reason: "Väntar på utlåtande från BUP.",
      }),
    );
    // The closed case answers before the decision or consent is even looked for.
    const decision = `${child}/decisions/${randomUUID()}/placement`;
    expectClosedRefusal(
      await send(team.worker, "POST", `${decision}/court`, { submittedOn: "2026-11-04" }),
    );
    expectClosedRefusal(
      await send(team.worker, "POST", `${decision}/reviews`, {
        reviewedOn: "2026-11-04",
        continues: true,
        notes: "Efter avslut.",
      }),
    );
    expectClosedRefusal(
      await send(team.worker, "POST", `${child}/consents/${randomUUID()}/revoke`, {
        revokedOn: "2026-11-04",
        reason: "Efter avslut.",
      }),
    );
  });
});
