import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stockholmDate } from "../../../shared/calendar.ts";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import {
  as,
  buildChildUnitTeam,
  buildWorkedCase,
  openChildInvestigation,
  type Session,
} from "../../testing/factories.ts";
import { pdfText } from "../../testing/pdf.ts";

/*
 * A child accompanying a parent to sheltered housing gets a decision of their own, resting on
 * both custodians' consent or on lag (2024:79) and its clocks: an immediate decision to the
 * court within a week, the ruling within a week, a review at least every six months.
 */
describe.each(testDatabaseKinds)("a child's own sheltered-housing decision (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let team: Awaited<ReturnType<typeof buildChildUnitTeam>>;
  let worker: Session;

  beforeAll(async () => {
    t = await buildTestApp(database());
    team = await buildChildUnitTeam(t.app, database().owner);
    worker = team.worker;
  });
  afterAll(() => t?.close());

  const req = (s: Session, method: "GET" | "POST", url: string, payload?: object) =>
    t.app.inject({ method, url, headers: as(s), ...(payload ? { payload } : {}) });

  /** A child's case under investigation. */
  async function childInInvestigation() {
    const { case: c } = await openChildInvestigation(
      t.app,
      database().owner,
      team,
      new Date().toISOString(),
    );
    return c.id as string;
  }

  const shelter = (caseId: string, childPlacement: object | null, outcome = "granted") =>
    req(worker, "POST", `/api/cases/${caseId}/decisions`, {
      interventionKind: "sheltered_housing",
      outcome,
      periodFrom: stockholmDate(new Date()),
      reasoning: "Barnet följer med sin mamma till skyddat boende.",
      childPlacement,
    });

  it("is refused without a basis, and with one custodian's consent unless that custodian has sole custody", async () => {
    const caseId = await childInInvestigation();
    const none = await shelter(caseId, null);
    expect(none.statusCode).toBe(400);
    expect(none.json().error.fields.childPlacement).toContain("lag (2024:79)");

    const mother = { custodianName: "Anna Andersson", form: "written", givenOn: "2026-11-01" };
    const oneOnly = await shelter(caseId, { basis: "custodians_consent", consents: [mother] });
    expect(oneOnly.statusCode).toBe(400);
    expect(oneOnly.json().error.fields["childPlacement.consents"]).toContain(
      "Båda vårdnadshavarna",
    );

    const twice = await shelter(caseId, {
      basis: "custodians_consent",
      consents: [mother, { ...mother, custodianName: " anna andersson " }],
    });
    expect(twice.json().error.fields["childPlacement.consents"]).toContain("två gånger");
    const ahead = await shelter(caseId, {
      basis: "custodians_consent",
      consents: [mother, { ...mother, custodianName: "Bo Andersson", givenOn: "2099-01-01" }],
    });
    expect(ahead.json().error.fields["childPlacement.consents.1.givenOn"]).toContain("framtiden");
    const soleOfTwo = await shelter(caseId, {
      basis: "custodians_consent",
      consents: [mother, { ...mother, custodianName: "Bo Andersson" }],
      soleCustody: true,
    });
    expect(soleOfTwo.statusCode).toBe(400);
    const immediateConsent = await shelter(caseId, {
      basis: "custodians_consent",
      consents: [mother, { ...mother, custodianName: "Bo Andersson" }],
      immediate: true,
    });
    expect(immediateConsent.statusCode).toBe(400);

    const sole = await shelter(caseId, {
      basis: "custodians_consent",
      consents: [mother],
      soleCustody: true,
    });
    expect(sole.statusCode).toBe(201);
    expect(sole.json().childPlacement).toMatchObject({
      basis: "custodians_consent",
      consents: [{ custodianName: "Anna Andersson", form: "written", givenOn: "2026-11-01" }],
      soleCustody: true,
      courtSubmissionDue: null,
      nextReviewDue: null,
    });
    // A denial needs no basis; the basis belongs to nothing but a child's sheltered housing.
    expect((await shelter(caseId, null, "denied")).statusCode).toBe(201);
  });

  it("keeps placement facts off an adult's decision", async () => {
    const adult = await buildWorkedCase(t.app, database().owner);
    await req(adult.session, "POST", `/api/cases/${adult.caseId}/status`, { to: "investigation" });
    const res = await req(adult.session, "POST", `/api/cases/${adult.caseId}/decisions`, {
      interventionKind: "sheltered_housing",
      outcome: "granted",
      reasoning: "Akut skyddsbehov.",
      childPlacement: { basis: "court_2024_79" },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.childPlacement).toContain("bara");
  });

  it("runs the lag (2024:79) clocks: to the court within a week, the ruling a week later, a review every six months", async () => {
    const caseId = await childInInvestigation();
    const decided = await shelter(caseId, {
      basis: "court_2024_79",
      consents: [{ custodianName: "Anna Andersson", form: "oral", givenOn: "2026-11-01" }],
      immediate: true,
      locationWithheld: true,
    });
    expect(decided.statusCode).toBe(201);
    const decision = decided.json();
    const today = stockholmDate(new Date());
    const inAWeek = stockholmDate(new Date(Date.now() + 7 * 86_400_000 + 3_600_000));
    expect(decision.childPlacement).toMatchObject({
      basis: "court_2024_79",
      immediate: true,
      locationWithheld: true,
      courtSubmittedOn: null,
      courtRulingDue: null,
    });
    // Seven calendar days from the decision day (an hour's slack covers a DST change).
    expect([inAWeek, stockholmDate(new Date(Date.now() + 7 * 86_400_000))]).toContain(
      decision.childPlacement.courtSubmissionDue,
    );
    const worklist = async () =>
      (
        (await req(worker, "GET", "/api/worklist")).json().items as {
          kind: string;
          caseId: string;
        }[]
      )
        .filter((i) => i.caseId === caseId)
        .map((i) => i.kind);
    expect(await worklist()).toContain("court_submission");

    const court = `/api/cases/${caseId}/decisions/${decision.id}/placement/court`;
    expect((await req(worker, "POST", court, {})).statusCode).toBe(400);
    expect(
      (await req(worker, "POST", court, { ruledOn: today, outcome: "approved" })).statusCode,
    ).toBe(400);
    const submitted = await req(worker, "POST", court, { submittedOn: today });
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json().courtSubmittedOn).toBe(today);
    expect(submitted.json().courtRulingDue).toBeTruthy();
    expect(await worklist()).toEqual(expect.arrayContaining(["court_ruling"]));
    expect(await worklist()).not.toContain("court_submission");
    expect((await req(worker, "POST", court, { submittedOn: today })).statusCode).toBe(409);
    expect((await req(worker, "POST", court, { ruledOn: today })).statusCode).toBe(400);

    const ruled = await req(worker, "POST", court, { ruledOn: today, outcome: "approved" });
    expect(ruled.statusCode).toBe(200);
    expect(ruled.json()).toMatchObject({ courtOutcome: "approved", endedOn: null });
    expect(await worklist()).not.toContain("court_ruling");
    const sixMonths = ruled.json().nextReviewDue as string;
    expect(sixMonths > today).toBe(true);

    const reviews = `/api/cases/${caseId}/decisions/${decision.id}/placement/reviews`;
    const future = await req(worker, "POST", reviews, {
      reviewedOn: "2099-01-01",
      continues: true,
      notes: "x",
    });
    expect(future.statusCode).toBe(400);
    const ended = await req(worker, "POST", reviews, {
      reviewedOn: today,
      continues: false,
      notes: "Mamman och barnet har flyttat till egen bostad med skydd.",
    });
    expect(ended.statusCode).toBe(201);
    expect(ended.json()).toMatchObject({ endedOn: today, nextReviewDue: null });
    expect(ended.json().reviews).toHaveLength(1);
    expect(
      (await req(worker, "POST", reviews, { reviewedOn: today, continues: true, notes: "x" }))
        .statusCode,
    ).toBe(409);
    expect(await worklist()).not.toContain("placement_review");
  });

  it("ends the placement when the court rejects it, and refuses court steps for a consent placement", async () => {
    const caseId = await childInInvestigation();
    const consent = (
      await shelter(caseId, {
        basis: "custodians_consent",
        consents: [
          { custodianName: "Anna Andersson", form: "written", givenOn: "2026-11-01" },
          { custodianName: "Bo Andersson", form: "written", givenOn: "2026-11-02" },
        ],
      })
    ).json();
    const today = stockholmDate(new Date());
    expect(
      (
        await req(worker, "POST", `/api/cases/${caseId}/decisions/${consent.id}/placement/court`, {
          submittedOn: today,
        })
      ).statusCode,
    ).toBe(409);

    const court = (await shelter(caseId, { basis: "court_2024_79" })).json();
    // An application waits for the court: not in force, no review clock, but due to be sent.
    expect(court.childPlacement).toMatchObject({ inForce: false, nextReviewDue: null });
    expect(court.childPlacement.courtSubmissionDue).toBeTruthy();
    const url = `/api/cases/${caseId}/decisions/${court.id}/placement/court`;
    const rejected = await req(worker, "POST", url, {
      submittedOn: today,
      ruledOn: today,
      outcome: "rejected",
    });
    expect(rejected.statusCode).toBe(200);
    expect(rejected.json()).toMatchObject({ courtOutcome: "rejected", endedOn: today });
  });

  it("flags a consent placement whose consent is withdrawn until the placement ends", async () => {
    const caseId = await childInInvestigation();
    const decision = (
      await shelter(caseId, {
        basis: "custodians_consent",
        consents: [
          { custodianName: "Anna Andersson", form: "written", givenOn: "2026-11-01" },
          { custodianName: "Bo Andersson", form: "oral", givenOn: "2026-11-02" },
        ],
      })
    ).json();
    const bo = decision.childPlacement.consents.find(
      (c: { custodianName: string }) => c.custodianName === "Bo Andersson",
    );
    const today = stockholmDate(new Date());
    const revoke = (body: object, consentId = bo.id) =>
      req(worker, "POST", `/api/cases/${caseId}/consents/${consentId}/revoke`, body);
    const noReason = await revoke({ revokedOn: today, reason: " " });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields.reason).toContain("återkallades");
    expect((await revoke({ revokedOn: "2099-01-01", reason: "x" })).statusCode).toBe(400);

    const revoked = await revoke({ revokedOn: today, reason: "Pappan ringde och drog tillbaka." });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json()).toMatchObject({ consentRevoked: true, endedOn: null });
    expect(revoked.json().consents.find((c: { id: string }) => c.id === bo.id)).toMatchObject({
      revokedOn: today,
      revokedReason: "Pappan ringde och drog tillbaka.",
    });
    expect((await revoke({ revokedOn: today, reason: "igen" })).statusCode).toBe(409);
    const items = async () =>
      (
        (await req(worker, "GET", "/api/worklist")).json().items as {
          kind: string;
          caseId: string;
        }[]
      )
        .filter((i) => i.caseId === caseId)
        .map((i) => i.kind);
    expect(await items()).toContain("consent_revoked");

    // The committee ends the consent placement (and may apply under lag 2024:79 instead).
    await req(worker, "POST", `/api/cases/${caseId}/decisions/${decision.id}/placement/reviews`, {
      reviewedOn: today,
      continues: false,
      notes: "Placeringen med samtycke upphör; ansökan enligt lag (2024:79) lämnas in.",
    });
    expect(await items()).not.toContain("consent_revoked");
  });

  it("keeps the first of two rulings recorded at once and tells the second", async () => {
    const caseId = await childInInvestigation();
    const d = (await shelter(caseId, { basis: "court_2024_79", immediate: true })).json();
    const today = stockholmDate(new Date());
    const court = `/api/cases/${caseId}/decisions/${d.id}/placement/court`;
    await req(worker, "POST", court, { submittedOn: today });
    const both = () =>
      Promise.all([
        req(worker, "POST", court, { ruledOn: today, outcome: "approved" }),
        req(team.manager, "POST", court, { ruledOn: today, outcome: "rejected" }),
      ]);
    // On PostgreSQL the two really overlap: a lock held here lets both pass their checks and
    // wait at the update; released, one wins and the other must not overwrite it. (PGlite
    // runs one transaction at a time, so there the second simply finds the ruling made.)
    let racing: ReturnType<typeof both>;
    if (kind === "postgres") {
      await database()
        .owner.transaction()
        .execute(async (tx) => {
          await sql`select 1 from child_placement where decision_id = ${d.id} for update`.execute(
            tx,
          );
          racing = both();
          await new Promise((resolve) => setTimeout(resolve, 400));
        });
    } else racing = both();
    // Set on both branches (in the transaction callback on PostgreSQL).
    const [a, b] = await racing!;
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const winner = a.statusCode === 200 ? a : b;
    const list = (await req(worker, "GET", `/api/cases/${caseId}/decisions`)).json();
    const stored = list.decisions.find((x: { id: string }) => x.id === d.id).childPlacement;
    expect(stored.courtOutcome).toBe(winner.json().courtOutcome);
  });

  it("never puts an address on the letter of a child whose housing is kept secret", async () => {
    const caseId = await childInInvestigation();
    const personId = (await req(worker, "GET", `/api/cases/${caseId}`)).json().person.id;
    await t.app.inject({
      method: "PATCH",
      url: `/api/persons/${personId}`,
      headers: as(worker),
      payload: {
        postalAddress: "Pappas gata 9, 333 33 Demostad",
        safeContact: { maySendLetters: true, letterAddress: "c/o Skyddat boende, Box 7" },
      },
    });
    const decided = await shelter(caseId, {
      basis: "custodians_consent",
      consents: [
        { custodianName: "Anna Andersson", form: "written", givenOn: "2026-11-01" },
        { custodianName: "Bo Andersson", form: "written", givenOn: "2026-11-01" },
      ],
      locationWithheld: true,
    });
    expect(decided.json().letterDelivery).toEqual({
      method: "hand_over",
      reason: "location_withheld",
      warning: null,
    });
    const res = await req(
      worker,
      "GET",
      `/api/cases/${caseId}/decisions/${decided.json().id}/letter`,
    );
    expect(res.headers["x-frid-letter-delivery"]).toBe("hand_over");
    const text = await pdfText(res.rawPayload);
    expect(text).toContain("Lämnas personligen");
    expect(text).not.toContain("Box 7");
    expect(text).not.toContain("Pappas gata");
  });

  it("answers a decision that is not the case's with 404", async () => {
    const caseId = await childInInvestigation();
    const other = await childInInvestigation();
    const d = (await shelter(other, { basis: "court_2024_79" })).json();
    const res = await req(
      worker,
      "POST",
      `/api/cases/${caseId}/decisions/${d.id}/placement/reviews`,
      { reviewedOn: stockholmDate(new Date()), continues: true, notes: "x" },
    );
    expect(res.statusCode).toBe(404);
  });
});
