import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stockholmDate } from "../../../shared/calendar.ts";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import {
  as,
  buildTreatmentTeam,
  fictionalIdentityNumber,
  type Session,
} from "../../testing/factories.ts";
import { race } from "../../testing/race.ts";
import { allowedEvents, losersSay } from "../../testing/race-counts.ts";

/*
 * Partner contact under concurrent requests (issue 12). His side: his two therapists send
 * twenty requests at once; her side: her worker and the unit manager. What happens once —
 * the information, her case opened on his consent, his refusal, a withdrawal, an
 * acknowledgement — happens once, with one audit event; the rest get 409. Attempts, support
 * and risk alerts are kept one per request.
 */
const n = 20;
const today = stockholmDate(new Date());
type Team = Awaited<ReturnType<typeof buildTreatmentTeam>>;

describe.each(testDatabaseKinds)("partner contact under concurrent requests (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let team: Team;
  let hersId: string;

  const send = (
    session: Session,
    method: "POST" | "PUT",
    url: string,
    payload: object,
  ): Promise<LightMyRequestResponse> =>
    t.app.inject({ method, url, headers: as(session), payload });
  const his = (i: number) => (i % 2 === 0 ? team.therapist : team.third);
  const hers = (i: number) => (i % 2 === 0 ? team.partnerWorker : team.manager);
  const events = (action: string, caseId = team.caseId) =>
    allowedEvents(database().owner, action, caseId);

  /** A treatment team whose man is in treatment, with a second therapist on his case. */
  async function teamInTreatment(): Promise<Team> {
    const made = await buildTreatmentTeam(t.app, database().owner);
    const steps: [Session, string, object][] = [
      [made.manager, "/assignments", { userId: made.thirdId }],
      [made.therapist, "/treatment", { referralSource: "self", referredOn: "2026-09-01" }],
      [made.therapist, "/treatment/start", { startedOn: "2026-09-10" }],
    ];
    for (const [session, path, payload] of steps) {
      const res = await send(session, "POST", `/api/cases/${made.caseId}${path}`, payload);
      if (res.statusCode >= 300) throw new Error(`${path}: ${res.body}`);
    }
    return made;
  }

  beforeAll(async () => {
    t = await buildTestApp(database());
    team = await teamInTreatment();
  });
  afterAll(() => t?.close());

  it("records once that he was informed", async () => {
    const outcome = await race(n, (i) =>
      send(his(i), "POST", `/api/cases/${team.caseId}/partner-contact/information`, {
        informedOn: "2026-09-11",
      }),
    );
    expect(outcome.counts).toEqual({ 200: 1, 409: n - 1 });
    expect(losersSay(outcome)).toEqual([
      "conflict: Att han har fått information om partnerkontakt är redan registrerat. Ladda om sidan för att se datumet.",
    ]);
    expect(await events("partner_contact.inform")).toBe(1);
  });

  it("opens her case on his consent once", async () => {
    const identityNumber = fictionalIdentityNumber();
    const outcome = await race(n, (i) =>
      send(his(i), "POST", `/api/cases/${team.caseId}/partner-contact/partners`, {
        relationship: "current",
        consent: { form: "written", givenOn: "2026-09-12" },
        partner: { givenName: "Sara", familyName: "Samtidig", identityNumber, phone: "070-1" },
      }),
    );
    expect(outcome.counts).toEqual({ 201: 1, 409: n - 1 });
    const partners = await database()
      .owner.selectFrom("partner")
      .select("partner_case_id")
      .where("case_id", "=", team.caseId)
      .execute();
    expect(partners).toHaveLength(1);
    hersId = String(partners[0]?.partner_case_id);
    expect(await events("partner_contact.add_partner")).toBe(1);
    expect(await events("case.open", hersId)).toBe(1);
    // Treatment was under way: her worker heard it once.
    const crossed = await database()
      .owner.selectFrom("barrier_event")
      .select("kind")
      .where("to_case_id", "=", hersId)
      .execute();
    expect(crossed).toEqual([{ kind: "treatment_started" }]);
    const assigned = await send(team.manager, "POST", `/api/cases/${hersId}/assignments`, {
      userId: team.partnerWorkerId,
    });
    expect(assigned.statusCode).toBe(200);
  });

  it("keeps every attempt to reach her", async () => {
    const outcome = await race(n, (i) =>
      send(hers(i), "POST", `/api/cases/${hersId}/partner-contact/attempts`, {
        method: "phone",
        attemptedOn: today,
        outcome: "not_reachable",
      }),
    );
    expect(outcome.counts).toEqual({ 201: n });
    const rows = await database()
      .owner.selectFrom("partner_contact_attempt")
      .select("id")
      .where("case_id", "=", hersId)
      .execute();
    expect(rows).toHaveLength(n);
    expect(await events("partner_case.contact", hersId)).toBe(n);
  });

  it("records each offer of support, the last one standing", async () => {
    const outcome = await race(n, (i) =>
      send(hers(i), "PUT", `/api/cases/${hersId}/partner-contact/support`, {
        kind: "referral",
        note: `Kvinnojouren (${i}).`,
        offeredOn: today,
      }),
    );
    expect(outcome.counts).toEqual({ 200: n });
    expect(await events("partner_case.support", hersId)).toBe(n);
  });

  it("sends every risk alert raised at once, and each is acknowledged once", async () => {
    // Her case's trail already holds the receiving side of "treatment started".
    const before = await events("barrier_event.send", hersId);
    const outcome = await race(n, (i) =>
      send(hers(i), "POST", `/api/cases/${hersId}/risk-alerts`, {
        level: "high",
        reason: `Hon berättar om hot (${i}).`,
      }),
    );
    expect(outcome.counts).toEqual({ 201: n });
    const alerts = await database()
      .owner.selectFrom("barrier_event")
      .select("id")
      .where("from_case_id", "=", hersId)
      .where("kind", "=", "risk_alert")
      .execute();
    expect(alerts).toHaveLength(n);
    expect(await events("barrier_event.send", hersId)).toBe(before + n);

    const [first] = alerts;
    const acks = await race(n, (i) =>
      send(his(i), "POST", `/api/cases/${team.caseId}/barrier-events/${first?.id}/acknowledge`, {}),
    );
    expect(acks.counts).toEqual({ 200: 1, 409: n - 1 });
    expect(losersSay(acks)).toEqual(["conflict: Meddelandet är redan kvitterat."]);
    expect(await events("barrier_event.acknowledge")).toBe(1);
  });

  it("withdraws his consent once, and her worker is told once", async () => {
    const [partner] = await database()
      .owner.selectFrom("partner")
      .select("id")
      .where("case_id", "=", team.caseId)
      .execute();
    const outcome = await race(n, (i) =>
      send(
        his(i),
        "POST",
        `/api/cases/${team.caseId}/partner-contact/partners/${partner?.id}/withdraw`,
        { withdrawnOn: today },
      ),
    );
    expect(outcome.counts).toEqual({ 200: 1, 409: n - 1 });
    expect(losersSay(outcome)).toEqual(["conflict: Samtycket är redan återkallat."]);
    expect(await events("consent.revoke")).toBe(1);
    const told = await database()
      .owner.selectFrom("barrier_event")
      .select("id")
      .where("to_case_id", "=", hersId)
      .where("kind", "=", "consent_withdrawn")
      .execute();
    expect(told).toHaveLength(1);
  });

  it("records his refusal and the team's decision once; ending the treatment with it once", async () => {
    const other = await teamInTreatment();
    const informed = await send(
      other.therapist,
      "POST",
      `/api/cases/${other.caseId}/partner-contact/information`,
      { informedOn: "2026-09-11" },
    );
    expect(informed.statusCode).toBe(200);
    const outcome = await race(n, (i) =>
      send(
        i % 2 === 0 ? other.therapist : other.third,
        "POST",
        `/api/cases/${other.caseId}/partner-contact/refusal`,
        {
          refusedOn: "2026-09-12",
          teamDecidedOn: "2026-09-13",
          continueTreatment: false,
          reasoning: "Utan partnerkontakt kan vi inte bedöma risken.",
          outcome: { goalReached: "not" },
        },
      ),
    );
    expect(outcome.counts).toEqual({ 201: 1, 409: n - 1 });
    expect(await events("partner_contact.refusal", other.caseId)).toBe(1);
    expect(await events("treatment.end", other.caseId)).toBe(1);
    expect(await events("outcome.record", other.caseId)).toBe(1);
    const closed = await database()
      .owner.selectFrom("case_status_change")
      .select("to_status")
      .where("case_id", "=", other.caseId)
      .where("trigger_code", "=", "treatment_ended")
      .execute();
    expect(closed).toEqual([{ to_status: "closed" }]);
  });
});
