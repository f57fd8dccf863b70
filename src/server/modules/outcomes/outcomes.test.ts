import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outcomeMessages } from "../../../shared/api/outcomes.ts";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import {
  buildChildUnitTeam,
  buildUnit,
  buildUser,
  login,
  type Session,
} from "../../testing/factories.ts";
import { outcomeSteps } from "../../testing/outcomes.ts";

/*
 * Issue 20, item 3: a case that had a goal says at closing whether it was reached, with the
 * person's own view; reopening and closing again keeps the earlier outcome; the person's
 * repeated outcome measures are read as totals by date, by those who may see the person.
 */
describe.each(testDatabaseKinds)("the outcome at closing (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let team: Awaited<ReturnType<typeof buildChildUnitTeam>>;
  let outsider: Session;
  let substitute: { id: string; session: Session };
  let steps: ReturnType<typeof outcomeSteps>;

  const events = (resourceId: string, action: string) =>
    database()
      .owner.selectFrom("audit_event")
      .select(["outcome", "data", "person_id"])
      .where("resource_id", "=", resourceId)
      .where("action", "=", action)
      .orderBy("id")
      .execute();
  const status = async (caseId: string) =>
    (
      await database()
        .owner.selectFrom("case")
        .select("status")
        .where("id", "=", caseId)
        .executeTakeFirstOrThrow()
    ).status;

  beforeAll(async () => {
    t = await buildTestApp(database());
    const { owner } = database();
    team = await buildChildUnitTeam(t.app, owner);
    steps = outcomeSteps(t.app, owner, team.orgId);
    const elsewhere = await buildUnit(owner, team.orgId);
    const other = await buildUser(owner, team.orgId, [
      { unitId: elsewhere.id, role: "caseworker" },
    ]);
    outsider = await login(t.app, other.username);
    const sub = await buildUser(owner, team.orgId, [{ unitId: team.unitId, role: "caseworker" }]);
    substitute = { id: sub.id, session: await login(t.app, sub.username) };
  });
  afterAll(() => t?.close());

  const investigated = async () => {
    const c = await steps.openCase(team.worker, team.workerId, team.unitId);
    await steps.move(team.worker, c.caseId, "investigation");
    return c;
  };

  it("refuses to close a case that had a goal without its outcome, in Swedish", async () => {
    const { caseId } = await investigated();
    const bare = await steps.close(team.worker, caseId, null);
    expect(bare.statusCode).toBe(400);
    expect(bare.json().error.fields).toEqual({ outcome: outcomeMessages.required });
    const noReason = await steps.close(team.worker, caseId, { goalReached: "not_assessed" });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields).toEqual({
      "outcome.notAssessedReason": outcomeMessages.reasonRequired,
    });
    const stray = await steps.close(team.worker, caseId, {
      goalReached: "wholly",
      notAssessedReason: "Inget",
    });
    expect(stray.json().error.fields).toEqual({
      "outcome.notAssessedReason": outcomeMessages.reasonOnlyWhenNotAssessed,
    });
    const unknown = await steps.close(team.worker, caseId, { goalReached: "maybe" as "wholly" });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields["outcome.goalReached"]).toContain("helt, delvis");
    expect(await status(caseId)).toBe("investigation");
    expect(await events(caseId, "outcome.record")).toEqual([]);
  });

  it("closes a case at intake without an outcome: it never had a goal", async () => {
    const { caseId } = await steps.openCase(team.worker, team.workerId, team.unitId);
    const res = await steps.close(team.worker, caseId, null);
    expect(res.statusCode).toBe(200);
    const read = await steps.send(team.worker, "GET", `/api/cases/${caseId}/outcome`);
    expect(read.json()).toEqual({ current: null, earlier: [], canRecord: true });
  });

  it("records the outcome with the closing, audited; closing again keeps the earlier one", async () => {
    const { caseId, personId } = await investigated();
    const closed = await steps.close(team.worker, caseId, {
      goalReached: "partly",
      ownView: "Jag känner mig tryggare nu, men är fortfarande rädd ibland.",
    });
    expect(closed.statusCode).toBe(200);
    expect(closed.json().status).toBe("closed");
    expect(await events(caseId, "outcome.record")).toEqual([
      { outcome: "allowed", data: { goalReached: "partly", replaced: false }, person_id: personId },
    ]);
    expect(await events(caseId, "case.status")).toHaveLength(2);

    await steps.move(team.worker, caseId, "intake", "Ny polisanmälan, ärendet öppnas igen.");
    await steps.move(team.worker, caseId, "investigation");
    const again = await steps.close(team.worker, caseId, {
      goalReached: "not_assessed",
      notAssessedReason: "Hon flyttade till en annan kommun.",
    });
    expect(again.statusCode).toBe(200);
    const read = await steps.send(team.worker, "GET", `/api/cases/${caseId}/outcome`);
    expect(read.statusCode).toBe(200);
    const view = read.json();
    expect(view.current).toMatchObject({
      goalReached: "not_assessed",
      ownView: null,
      notAssessedReason: "Hon flyttade till en annan kommun.",
    });
    expect(view.earlier).toEqual([
      expect.objectContaining({
        goalReached: "partly",
        ownView: "Jag känner mig tryggare nu, men är fortfarande rädd ibland.",
      }),
    ]);
    expect((await events(caseId, "outcome.record")).map((e) => e.data)).toEqual([
      { goalReached: "partly", replaced: false },
      { goalReached: "not_assessed", replaced: true },
    ]);
    expect((await events(caseId, "outcome.read")).map((e) => e.outcome)).toEqual(["allowed"]);
  });

  it("GET and PUT …/outcome: 401, 400, 404 audited, 403 audited, 409 while open, then 200", async () => {
    const { caseId } = await investigated();
    const url = `/api/cases/${caseId}/outcome`;
    const body = { goalReached: "wholly", ownView: "Bra hjälp.", basedOnVersion: 1 };
    expect((await t.app.inject({ method: "GET", url })).statusCode).toBe(401);
    expect((await t.app.inject({ method: "PUT", url, payload: body })).statusCode).toBe(401);
    const badId = await steps.send(team.worker, "GET", "/api/cases/inte-ett-id/outcome");
    expect(badId.statusCode).toBe(400);
    expect((await steps.send(team.worker, "PUT", url, { goalReached: "" })).statusCode).toBe(400);
    // The version read is part of the change: without it the server cannot tell a stale one.
    const unversioned = await steps.send(team.worker, "PUT", url, { goalReached: "wholly" });
    expect(unversioned.statusCode).toBe(400);
    expect(Object.keys(unversioned.json().error.fields)).toEqual(["basedOnVersion"]);

    expect((await steps.send(outsider, "GET", url)).statusCode).toBe(404);
    expect((await steps.send(outsider, "PUT", url, body)).statusCode).toBe(404);
    expect((await events(caseId, "outcome.read")).map((e) => e.outcome)).toEqual(["denied"]);

    // The colleague reads the case through the manager's grant, but does not work it.
    const grant = await steps.send(team.manager, "POST", `/api/cases/${caseId}/grants`, {
      userId: substitute.id,
      reason: "Vikarierar under semestern.",
      expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    expect(grant.statusCode).toBe(200);
    expect((await steps.send(substitute.session, "GET", url)).json().canRecord).toBe(false);
    expect((await steps.send(substitute.session, "PUT", url, body)).statusCode).toBe(403);

    const open = await steps.send(team.worker, "PUT", url, body);
    expect(open.statusCode).toBe(409);
    expect(open.json().error).toMatchObject({
      code: "case_not_closed",
      message: outcomeMessages.notClosed,
    });

    // Closed at intake or by its treatment's end: the outcome is recorded afterwards.
    await steps.move(team.worker, caseId, "implementation");
    await steps.close(team.worker, caseId, { goalReached: "not" });
    const put = await steps.send(team.worker, "PUT", url, body);
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({
      current: { goalReached: "wholly", ownView: "Bra hjälp.", version: 2 },
      earlier: [{ goalReached: "not" }],
      canRecord: true,
    });
    // Made from the version before: someone changed it meanwhile, nothing of it is kept.
    const stale = await steps.send(team.worker, "PUT", url, { ...body, goalReached: "partly" });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({
      code: "stale_version",
      message: outcomeMessages.changedMeanwhile,
    });
    const first = await steps.send(team.worker, "PUT", url, { ...body, basedOnVersion: null });
    expect(first.statusCode).toBe(409);
    expect(first.json().error).toMatchObject({
      code: "stale_version",
      message: outcomeMessages.recordedMeanwhile,
    });
    const read = (await steps.send(team.worker, "GET", url)).json();
    expect(read.current).toMatchObject({ goalReached: "wholly", version: 2 });
    expect(read.earlier).toHaveLength(1);
    // The outsider's attempt (404) and the substitute's (403) are in the trail too.
    expect((await events(caseId, "outcome.record")).map((e) => [e.outcome, e.data])).toEqual([
      ["denied", {}],
      ["denied", {}],
      ["allowed", { goalReached: "not", replaced: false }],
      ["allowed", { goalReached: "wholly", replaced: true }],
    ]);
  });
});
