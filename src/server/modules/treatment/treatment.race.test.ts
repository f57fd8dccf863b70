import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stockholmDate } from "../../../shared/calendar.ts";
import type { StatusTrigger } from "../../db/types.ts";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import { as, buildTreatmentTeam, type Session } from "../../testing/factories.ts";
import { race } from "../../testing/race.ts";
import { allowedEvents, answered, losersSay } from "../../testing/race-counts.ts";

/*
 * A treatment under concurrent requests (issue 12): his therapist and the unit manager send
 * twenty requests at once. Registering, starting and ending happen once — one status row
 * and one audit event each, the others 409; every session recorded is kept; a session that
 * races the end is either recorded before it or refused, never added to an ended treatment.
 */
const n = 20;
const today = stockholmDate(new Date());

describe.each(testDatabaseKinds)("treatment under concurrent requests (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let team: Awaited<ReturnType<typeof buildTreatmentTeam>>;
  let users: Session[];

  beforeAll(async () => {
    t = await buildTestApp(database());
    team = await buildTreatmentTeam(t.app, database().owner);
    users = [team.therapist, team.manager];
  });
  afterAll(() => t?.close());

  const post = (i: number, path: string, payload: object) =>
    t.app.inject({
      method: "POST",
      url: `/api/cases/${team.caseId}/treatment${path}`,
      headers: as(users[i % 2] as Session),
      payload,
    });
  const history = (trigger: StatusTrigger) =>
    database()
      .owner.selectFrom("case_status_change")
      .select(["from_status", "to_status"])
      .where("case_id", "=", team.caseId)
      .where("trigger_code", "=", trigger)
      .execute();
  const events = (action: string) => allowedEvents(database().owner, action, team.caseId);

  it("registers the treatment once", async () => {
    const outcome = await race(n, (i) =>
      post(i, "", { referralSource: "self", referredOn: "2026-09-01" }),
    );
    expect(outcome.counts).toEqual({ 201: 1, 409: n - 1 });
    expect(losersSay(outcome)).toEqual(["conflict: Behandlingen är redan registrerad i ärendet."]);
    expect(await history("treatment_registered")).toEqual([
      { from_status: "intake", to_status: "investigation" },
    ]);
    expect(await events("treatment.register")).toBe(1);
  });

  it("starts it once", async () => {
    const outcome = await race(n, (i) => post(i, "/start", { startedOn: "2026-09-15" }));
    expect(outcome.counts).toEqual({ 200: 1, 409: n - 1 });
    expect(losersSay(outcome)).toEqual(["conflict: Behandlingen har redan börjat."]);
    expect(await history("treatment_started")).toEqual([
      { from_status: "investigation", to_status: "implementation" },
    ]);
    expect(await events("treatment.start")).toBe(1);
  });

  it("keeps every session recorded at once", async () => {
    const outcome = await race(n, (i) =>
      post(i, "/sessions", { heldOn: "2026-09-20", attendance: "attended" }),
    );
    expect(outcome.counts).toEqual({ 201: n });
    const sessions = await database()
      .owner.selectFrom("treatment_session")
      .select("id")
      .where("case_id", "=", team.caseId)
      .execute();
    expect(sessions).toHaveLength(n);
    expect(await events("treatment.session")).toBe(n);
  });

  it("ends it once, and a session racing the end is kept only if it came first", async () => {
    const before = await events("treatment.session");
    const outcome = await race(n, (i) =>
      i % 4 === 0
        ? post(i, "/end", {
            endedOn: today,
            kind: "completed",
            reason: "Klar.",
            outcome: { goalReached: "wholly" },
          })
        : post(i, "/sessions", { heldOn: today, attendance: "attended" }),
    );
    expect(answered(outcome, 500)).toBe(0);
    const ends = outcome.responses.filter((_, i) => i % 4 === 0);
    expect(ends.filter((r) => r.statusCode === 200)).toHaveLength(1);
    expect(ends.filter((r) => r.statusCode === 409)).toHaveLength(n / 4 - 1);
    const recorded = outcome.responses.filter((r, i) => i % 4 !== 0 && r.statusCode === 201);
    const refused = outcome.responses.filter((r, i) => i % 4 !== 0 && r.statusCode === 409);
    expect(recorded.length + refused.length).toBe(n - n / 4);
    expect(await events("treatment.session")).toBe(before + recorded.length);
    expect(await events("treatment.end")).toBe(1);
    // The outcome is recorded with the one end that counted, never replaced by a loser.
    expect(await events("outcome.record")).toBe(1);
    expect(await history("treatment_ended")).toEqual([
      { from_status: "implementation", to_status: "closed" },
    ]);
    const ended = await database()
      .owner.selectFrom("treatment")
      .select("ended_on")
      .where("case_id", "=", team.caseId)
      .executeTakeFirstOrThrow();
    // Nothing was recorded in a treatment that had already ended: the trail's order is the
    // order the case's lock was taken in, so every session kept comes before the end.
    const trail = await database()
      .owner.selectFrom("audit_event")
      .select(["id", "action"])
      .where("resource_id", "=", team.caseId)
      .where("action", "in", ["treatment.session", "treatment.end"])
      .where("outcome", "=", "allowed")
      .orderBy("id")
      .execute();
    const endAt = trail.findIndex((e) => e.action === "treatment.end");
    expect(endAt).toBeGreaterThanOrEqual(0);
    expect(trail.slice(endAt + 1).filter((e) => e.action === "treatment.session")).toEqual([]);
    expect(ended.ended_on).toBe(today);
  });
});
