import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stockholmDate } from "../../../shared/calendar.ts";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import {
  buildPerson,
  buildTreatmentTeam,
  buildUser,
  fictionalIdentityNumber,
} from "../../testing/factories.ts";
import { callAs, consentedPartner, openPartnerCase } from "../../testing/partner-contact.ts";

/*
 * What crosses partner contact's barrier (issue 12), once her case is open behind it and her
 * worker assigned: structured events without words — treatment started, a missed session, a
 * risk alert with its level but never its reason, acknowledged by the receiver only — aimed
 * at one partner and across no other barrier; an exception instead of contacting her; and a
 * withdrawn consent told once, after which nothing more about him crosses.
 */

const today = stockholmDate(new Date());

describe.each(testDatabaseKinds)("partner contact's events across the barrier (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let team: Awaited<ReturnType<typeof buildTreatmentTeam>>;
  let partnerCaseId: string;
  const withConsent = consentedPartner(fictionalIdentityNumber());

  beforeAll(async () => {
    t = await buildTestApp(database());
    team = await buildTreatmentTeam(t.app, database().owner);
    partnerCaseId = (await openPartnerCase(t.app, database().owner, team, withConsent)).caseId;
  });
  afterAll(() => t?.close());

  const call = callAs(() => t.app);
  const his = (path = "") => `/api/cases/${team.caseId}${path}`;
  const hers = (path = "") => `/api/cases/${partnerCaseId}${path}`;

  it("treatment started and a missed session cross as events without words", async () => {
    await call(team.therapist, "POST", his("/treatment/start"), { startedOn: "2026-10-15" });
    await call(team.therapist, "POST", his("/treatment/sessions"), {
      heldOn: "2026-10-22",
      attendance: "attended",
    });
    await call(team.therapist, "POST", his("/treatment/sessions"), {
      heldOn: "2026-10-29",
      attendance: "no_show",
    });
    const received = await call(team.partnerWorker, "GET", hers("/barrier-events"));
    expect(received.statusCode).toBe(200);
    const events = received.json().events;
    expect(events.map((e: { kind: string }) => e.kind)).toEqual(["absence", "treatment_started"]);
    expect(events[0]).toMatchObject({
      direction: "received",
      eventOn: "2026-10-29",
      level: null,
      reason: null,
      acknowledgedAt: null,
    });
    // The attended session, the treatment's content and his name do not cross.
    expect(received.body).not.toContain("2026-10-22");
    expect(received.body).not.toContain(team.caseId);
    const sent = await call(team.therapist, "GET", his("/barrier-events"));
    expect(sent.json().events.map((e: { direction: string }) => e.direction)).toEqual([
      "sent",
      "sent",
    ]);
  });

  it("a risk alert carries its level; the reason stays with the sender; the receiver acknowledges", async () => {
    const empty = await call(team.therapist, "POST", his("/risk-alerts"), {});
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.fields.level).toBe("Välj hur hög risken är.");
    const reason = "Han beskriver svartsjuka och att han följt efter henne till jobbet.";
    const raised = await call(team.therapist, "POST", his("/risk-alerts"), {
      level: "high",
      reason,
    });
    expect(raised.statusCode).toBe(201);
    const mine = raised.json().events[0];
    expect(mine).toMatchObject({ kind: "risk_alert", direction: "sent", level: "high", reason });

    const theirs = await call(team.partnerWorker, "GET", hers("/barrier-events"));
    expect(theirs.body).not.toContain("svartsjuka");
    const alert = theirs.json().events[0];
    expect(alert).toMatchObject({ kind: "risk_alert", direction: "received", level: "high" });
    expect(alert.reason).toBeNull();
    expect(new Date(alert.escalatesAt).getTime()).toBeGreaterThan(
      new Date(alert.createdAt).getTime(),
    );
    // Nothing in the row itself could carry words: its columns are fixed (case_unit_id: the
    // sending case's unit, for the reports' policies, 0097 — an id like from_case_id).
    const row = await database()
      .owner.selectFrom("barrier_event")
      .selectAll()
      .where("id", "=", alert.id)
      .executeTakeFirstOrThrow();
    expect(Object.keys(row).sort()).toEqual([
      "acknowledged_at",
      "acknowledged_by",
      "barrier_id",
      "case_unit_id",
      "created_at",
      "created_by",
      "event_on",
      "from_case_id",
      "id",
      "kind",
      "level",
      "org_id",
      "to_case_id",
    ]);

    // Only the receiving side acknowledges, once.
    const bySender = await call(
      team.therapist,
      "POST",
      his(`/barrier-events/${alert.id}/acknowledge`),
    );
    expect(bySender.statusCode).toBe(404);
    const ack = await call(
      team.partnerWorker,
      "POST",
      hers(`/barrier-events/${alert.id}/acknowledge`),
    );
    expect(ack.statusCode).toBe(200);
    expect(ack.json().events[0].acknowledgedAt).not.toBeNull();
    expect(ack.json().events[0].escalatesAt).toBeNull();
    const again = await call(
      team.partnerWorker,
      "POST",
      hers(`/barrier-events/${alert.id}/acknowledge`),
    );
    expect(again.statusCode).toBe(409);
    // The sender sees that it was acknowledged, not by whom.
    const seen = (await call(team.therapist, "GET", his("/barrier-events"))).json().events[0];
    expect(seen.acknowledgedAt).not.toBeNull();
    expect(seen.acknowledgedBy).toBeNull();

    // Her worker raises one the other way.
    const back = await call(team.partnerWorker, "POST", hers("/risk-alerts"), {
      level: "very_high",
      reason: "Hon berättar om nya hot via sms i helgen.",
    });
    expect(back.statusCode).toBe(201);
    const his_ = (await call(team.therapist, "GET", his("/barrier-events"))).json().events[0];
    expect(his_).toMatchObject({ kind: "risk_alert", direction: "received", level: "very_high" });
    expect(his_.reason).toBeNull();

    // Every crossing is audited on both sides.
    const trail = await database()
      .owner.selectFrom("audit_event")
      .select(["resource_id", "data"])
      .where("action", "=", "barrier_event.send")
      .where("data", "@>", JSON.stringify({ eventId: alert.id }))
      .execute();
    expect(trail.map((r) => r.resource_id).sort()).toEqual([partnerCaseId, team.caseId].sort());
  });

  it("an alert crosses only partner contact's barrier, and can be aimed at one partner", async () => {
    // A barrier the manager set for another reason, to a colleague's case of someone else.
    const colleague = await buildUser(database().owner, team.orgId, [
      { unitId: team.unitId, role: "therapist" },
    ]);
    const other = await database()
      .owner.insertInto("case")
      .values({
        id: crypto.randomUUID(),
        org_id: team.orgId,
        unit_id: team.unitId,
        person_id: (await buildPerson(database().owner, team.orgId)).id,
        case_type: "adult_victim",
        reference: `M-${Date.now()}`,
        opened_by: colleague.id,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await database()
      .owner.insertInto("case_assignment")
      .values({
        org_id: team.orgId,
        case_id: other.id,
        user_id: colleague.id,
        assigned_by: colleague.id,
      })
      .execute();
    const barrier = await call(team.manager, "POST", "/api/barriers", {
      caseId: team.caseId,
      otherCaseId: other.id,
      reason: "Annan jävssituation på enheten.",
    });
    expect(barrier.statusCode, barrier.body).toBe(201);
    const [partner] = (await call(team.therapist, "GET", his("/treatment"))).json().treatment
      .partnerContact.partners;
    // The partners an alert can be aimed at: those with a case behind the barrier, unnamed.
    const targets = (await call(team.therapist, "GET", his("/barrier-events"))).json().alertTargets;
    expect(targets).toEqual([{ partnerId: partner.id, relationship: "current" }]);
    const aimed = await call(team.therapist, "POST", his("/risk-alerts"), {
      level: "medium",
      reason: "Gäller henne.",
      partnerId: partner.id,
    });
    expect(aimed.statusCode).toBe(201);
    const received = await database()
      .owner.selectFrom("barrier_event")
      .select("to_case_id")
      .where("from_case_id", "=", team.caseId)
      .where("level", "=", "medium")
      .execute();
    expect(received.map((r) => r.to_case_id)).toEqual([partnerCaseId]);
  });

  it("an exception is recorded with its reason instead of contacting her", async () => {
    const noTeam = await call(team.therapist, "POST", his("/partner-contact/partners"), {
      relationship: "former",
      exception: { kind: "controlling_pattern", reason: "Mycket kontrollerande mönster." },
    });
    expect(noTeam.json().error.fields["exception.teamDecidedOn"]).toContain("teamet");
    const both = await call(team.therapist, "POST", his("/partner-contact/partners"), {
      ...withConsent,
      exception: { kind: "abroad", reason: "Bor utomlands." },
    });
    expect(both.json().error.fields.exception).toBe(
      "Välj antingen samtycke eller undantag, inte båda.",
    );
    const ok = await call(team.therapist, "POST", his("/partner-contact/partners"), {
      relationship: "former",
      exception: {
        kind: "sheltered_housing",
        reason: "Hon bor i skyddat boende enligt honom.",
      },
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().treatment.partnerContact.partners[1]).toMatchObject({
      relationship: "former",
      exception: { kind: "sheltered_housing" },
      consent: null,
      contactOpened: false,
    });
  });

  it("a withdrawn consent is told once; then no more news about him crosses", async () => {
    const partners = (await call(team.therapist, "GET", his("/treatment"))).json().treatment
      .partnerContact.partners;
    const url = his(`/partner-contact/partners/${partners[0].id}/withdraw`);
    const withdrawn = await call(team.therapist, "POST", url, { withdrawnOn: today });
    expect(withdrawn.statusCode).toBe(200);
    expect(withdrawn.json().treatment.partnerContact.partners[0].consent.withdrawnOn).toBe(today);
    expect((await call(team.therapist, "POST", url, { withdrawnOn: today })).statusCode).toBe(409);
    await call(team.therapist, "POST", his("/treatment/sessions"), {
      heldOn: today,
      attendance: "no_show",
    });
    const kinds = (await call(team.partnerWorker, "GET", hers("/barrier-events")))
      .json()
      .events.map((e: { kind: string }) => e.kind);
    expect(kinds[0]).toBe("consent_withdrawn");
    expect(kinds.filter((k: string) => k === "absence")).toHaveLength(1);
  });
});
