import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outcomeMessages } from "../../../shared/api/outcomes.ts";
import { stockholmDate } from "../../../shared/calendar.ts";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import { as, buildTreatmentTeam, buildWorkedCase, type Session } from "../../testing/factories.ts";

const today = stockholmDate(new Date());

describe.each(testDatabaseKinds)("treatment of a person who uses violence (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let team: Awaited<ReturnType<typeof buildTreatmentTeam>>;

  beforeAll(async () => {
    t = await buildTestApp(database());
    team = await buildTreatmentTeam(t.app, database().owner);
  });
  afterAll(() => t?.close());

  const call = (session: Session | null, method: "GET" | "POST", url: string, payload?: object) =>
    t.app.inject({
      method,
      url,
      headers: session ? as(session) : {},
      ...(payload ? { payload } : {}),
    });
  const treatmentUrl = () => `/api/cases/${team.caseId}/treatment`;
  const outcomeOf = async () =>
    (await call(team.therapist, "GET", `/api/cases/${team.caseId}/outcome`)).json();

  it("asks who is calling, and answers nothing before the treatment is registered", async () => {
    expect((await call(null, "GET", treatmentUrl())).statusCode).toBe(401);
    expect((await call(null, "POST", treatmentUrl(), {})).statusCode).toBe(401);
    const none = await call(team.therapist, "GET", treatmentUrl());
    expect(none.statusCode).toBe(200);
    expect(none.json()).toEqual({ treatment: null });
    const start = await call(team.therapist, "POST", `${treatmentUrl()}/start`, {
      startedOn: today,
    });
    expect(start.statusCode).toBe(409);
    expect(start.json().error.message).toBe("Registrera behandlingen i ärendet först.");
  });

  it("refuses bad input with messages a person understands", async () => {
    const empty = await call(team.therapist, "POST", treatmentUrl(), {});
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.fields).toMatchObject({
      referralSource: "Välj hur han kom till mottagningen.",
      referredOn: "Ange datumet då han kom i kontakt med mottagningen.",
    });
    const future = await call(team.therapist, "POST", treatmentUrl(), {
      referralSource: "self",
      referredOn: "2999-01-01",
    });
    expect(future.json().error.fields.referredOn).toBe("Datumet kan inte ligga i framtiden.");
  });

  it("is registered only in a perpetrator case", async () => {
    const other = await buildWorkedCase(t.app, database().owner);
    const res = await call(other.session, "POST", `/api/cases/${other.caseId}/treatment`, {
      referralSource: "self",
      referredOn: today,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.caseId).toBe(
      "Behandling registreras i ett ärende om en våldsutövare.",
    );
  });

  it("answers a colleague who does not work the case with 404 and leaves a trace", async () => {
    const res = await call(team.third, "GET", treatmentUrl());
    expect(res.statusCode).toBe(404);
    const trace = await database()
      .owner.selectFrom("audit_event")
      .select(["outcome", "person_id"])
      .where("action", "=", "treatment.read")
      .where("resource_id", "=", team.caseId)
      .where("outcome", "=", "denied")
      .execute();
    expect(trace).toEqual([{ outcome: "denied", person_id: team.personId }]);
  });

  it("registers, starts and records sessions; the case moves with the treatment", async () => {
    const registered = await call(team.therapist, "POST", treatmentUrl(), {
      referralSource: "social_services",
      referredOn: "2026-10-01",
    });
    expect(registered.statusCode).toBe(201);
    expect(registered.json().treatment).toMatchObject({
      referralSource: "social_services",
      phase: "assessment",
      startedOn: null,
      sessions: [],
      partnerContact: { informedOn: null, refusal: null, partners: [] },
    });
    const again = await call(team.therapist, "POST", treatmentUrl(), {
      referralSource: "self",
      referredOn: "2026-10-01",
    });
    expect(again.statusCode).toBe(409);

    const early = await call(team.therapist, "POST", `${treatmentUrl()}/start`, {
      startedOn: "2026-09-01",
    });
    expect(early.json().error.fields.startedOn).toContain("före kontakten");
    const started = await call(team.therapist, "POST", `${treatmentUrl()}/start`, {
      startedOn: "2026-10-15",
    });
    expect(started.statusCode).toBe(200);
    expect(started.json().treatment).toMatchObject({ phase: "treatment", startedOn: "2026-10-15" });
    const twice = await call(team.therapist, "POST", `${treatmentUrl()}/start`, {
      startedOn: "2026-10-16",
    });
    expect(twice.statusCode).toBe(409);

    for (const [heldOn, attendance] of [
      ["2026-10-20", "attended"],
      ["2026-10-27", "cancelled"],
      ["2026-11-03", "no_show"],
    ] as const) {
      const res = await call(team.therapist, "POST", `${treatmentUrl()}/sessions`, {
        heldOn,
        attendance,
      });
      expect(res.statusCode).toBe(201);
    }
    const read = await call(team.therapist, "GET", treatmentUrl());
    expect(read.json().treatment.sessions.map((s: { attendance: string }) => s.attendance)).toEqual(
      ["no_show", "cancelled", "attended"],
    );
    const badSession = await call(team.therapist, "POST", `${treatmentUrl()}/sessions`, {
      heldOn: today,
      attendance: "maybe",
    });
    expect(badSession.json().error.fields.attendance).toBe(
      "Välj om han kom, avbokade eller uteblev.",
    );

    const c = await call(team.therapist, "GET", `/api/cases/${team.caseId}`);
    expect(c.json().status).toBe("implementation");
    expect(c.json().abilities.nextStatuses).toEqual([]);
    expect(c.json().statusHistory.items.map((h: { trigger: string | null }) => h.trigger)).toEqual(
      expect.arrayContaining(["treatment_registered", "treatment_started"]),
    );
  });

  it("ends with how and why, closes the case, and changes nothing afterwards", async () => {
    const noReason = await call(team.therapist, "POST", `${treatmentUrl()}/end`, {
      endedOn: today,
      kind: "completed",
      reason: " ",
      outcome: { goalReached: "wholly" },
    });
    expect(noReason.json().error.fields.reason).toBe("Skriv varför behandlingen avslutas.");
    const end = {
      endedOn: today,
      kind: "dropped_out",
      reason: "Har inte kommit på tre veckor och svarar inte.",
    };
    // A treated case says at its end whether the goal was reached (issue 20), as any closing.
    const noOutcome = await call(team.therapist, "POST", `${treatmentUrl()}/end`, end);
    expect(noOutcome.statusCode).toBe(400);
    expect(noOutcome.json().error.fields).toEqual({ outcome: outcomeMessages.required });
    const noWhy = await call(team.therapist, "POST", `${treatmentUrl()}/end`, {
      ...end,
      outcome: { goalReached: "not_assessed" },
    });
    expect(noWhy.json().error.fields).toEqual({
      "outcome.notAssessedReason": outcomeMessages.reasonRequired,
    });
    expect((await outcomeOf()).current).toBeNull();
    const ended = await call(team.therapist, "POST", `${treatmentUrl()}/end`, {
      ...end,
      outcome: { goalReached: "not", ownView: "Jag behövde inte mer hjälp." },
    });
    expect(ended.statusCode).toBe(200);
    expect((await outcomeOf()).current).toMatchObject({
      goalReached: "not",
      ownView: "Jag behövde inte mer hjälp.",
      version: 1,
    });
    const trail = await database()
      .owner.selectFrom("audit_event")
      .select(["action", "data"])
      .where("resource_id", "=", team.caseId)
      .where("action", "in", ["treatment.end", "outcome.record"])
      .where("outcome", "=", "allowed")
      .orderBy("id")
      .execute();
    expect(trail).toEqual([
      { action: "treatment.end", data: { kind: "dropped_out", consentDocumentsDestroyed: 0 } },
      { action: "outcome.record", data: { goalReached: "not", replaced: false } },
    ]);
    expect(ended.json().treatment).toMatchObject({
      phase: "ended",
      ended: { on: today, kind: "dropped_out" },
    });
    const c = await call(team.therapist, "GET", `/api/cases/${team.caseId}`);
    expect(c.json()).toMatchObject({ status: "closed", closedReason: "treatment_dropped_out" });
    const after = await call(team.therapist, "POST", `${treatmentUrl()}/sessions`, {
      heldOn: today,
      attendance: "attended",
    });
    expect(after.statusCode).toBe(409);
  });
});
