import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, stockholmDate } from "../../../shared/calendar.ts";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import { as } from "../../testing/factories.ts";
import { buildStayWorld, type StayWorld } from "../../testing/stays.ts";

/**
 * Stays (issue 16, items 3 and 4): the legal rules first — each child in sheltered housing
 * needs a decision of its own, nothing is started on a closed case — then capacity, holds,
 * moves, the planned end, cancelling, the follow-up and the children's schooling, and that
 * the case side never shows a place's address.
 */
describe.each(testDatabaseKinds)("stays (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let s: StayWorld;
  const today = stockholmDate(new Date());

  beforeAll(async () => {
    t = await buildTestApp(database());
    s = await buildStayWorld(t.app, database().owner);
  });
  afterAll(() => t?.close());

  const req = (method: "GET" | "POST" | "PUT", url: string, payload?: object) =>
    t.app.inject({ method, url, headers: as(s.worker), ...(payload ? { payload } : {}) });
  const start = (caseId: string, body: object) => req("POST", `/api/cases/${caseId}/stays`, body);
  const stayRows = (caseId: string) =>
    database().owner.selectFrom("stay").select("id").where("case_id", "=", caseId).execute();

  it("refuses a child in sheltered housing without a decision of its own, naming the child", async () => {
    const a = await s.adultCase();
    const decisionId = await s.decision(a.caseId, { kind: "sheltered_housing" });
    const placeId = await s.place({ kind: "sheltered_housing" });
    const child = await s.child(a);
    const r = await start(a.caseId, {
      decisionId,
      placeId,
      plannedFrom: today,
      children: [child.id],
    });
    expect(r.statusCode, r.body).toBe(400);
    expect(r.json().error.fields["children.0"]).toContain(
      `${child.given_name} ${child.family_name}`,
    );
    expect(r.json().error.fields["children.0"]).toContain("eget beviljat beslut");
    expect(await stayRows(a.caseId)).toEqual([]);
  });

  it("takes a child whose own decision rests on consent, or on lag (2024:79) in force", async () => {
    const a = await s.adultCase();
    const decisionId = await s.decision(a.caseId, {
      kind: "sheltered_housing",
      periodTo: addDays(today, 90),
    });
    const placeId = await s.place({
      kind: "sheltered_housing",
      priceAdultOre: 145_000,
      priceChildOre: 50_050,
    });
    const onConsent = await s.child(a);
    const own1 = await s.decision(onConsent.caseId, {
      kind: "sheltered_housing",
      placement: { basis: "custodians_consent" },
    });
    const onCourt = await s.child(a);
    // An application to the court not yet approved is not in force: refused.
    const pending = await s.decision(onCourt.caseId, {
      kind: "sheltered_housing",
      placement: { basis: "court_2024_79" },
    });
    const body = { decisionId, placeId, plannedFrom: today, children: [onConsent.id, onCourt.id] };
    const refused = await start(a.caseId, body);
    expect(refused.statusCode, refused.body).toBe(400);
    expect(Object.keys(refused.json().error.fields)).toEqual(["children.1"]);
    expect(pending).toBeTruthy();
    const immediate = await s.decision(onCourt.caseId, {
      kind: "sheltered_housing",
      placement: { basis: "court_2024_79", immediate: true },
    });
    const r = await start(a.caseId, body);
    expect(r.statusCode, r.body).toBe(201);
    const stay = r.json();
    expect(stay.status).toBe("planned");
    expect(stay.plannedTo).toBe(addDays(today, 90));
    const children = stay.members.filter((m: { role: string }) => m.role === "child");
    expect(
      Object.fromEntries(
        children.map((m: { personId: string; childDecisionId: string }) => [
          m.personId,
          m.childDecisionId,
        ]),
      ),
    ).toEqual({
      [onConsent.id]: own1,
      [onCourt.id]: immediate,
    });
    const segments = await database()
      .owner.selectFrom("stay_segment")
      .select(["price_adult_ore", "price_child_ore", "from_on", "to_on"])
      .where("stay_id", "=", stay.id)
      .execute();
    expect(segments).toEqual([
      { price_adult_ore: 145_000, price_child_ore: 50_050, from_on: today, to_on: null },
    ]);
  });

  it("needs no child decision for an emergency flat; refuses other decisions and the wrong kind of place", async () => {
    const a = await s.adultCase();
    const flat = await s.place({ kind: "emergency_flat" });
    const shelter = await s.place({ kind: "sheltered_housing" });
    const talks = await s.decision(a.caseId, { kind: "support_talks" });
    const denied = await s.decision(a.caseId, { kind: "emergency_flat", outcome: "denied" });
    const granted = await s.decision(a.caseId, {
      kind: "emergency_flat",
      outcome: "partly_granted",
    });
    const child = await s.child(a);
    const fields = async (body: object) => (await start(a.caseId, body)).json().error.fields;
    const base = { placeId: flat, plannedFrom: today, children: [child.id] };
    expect(await fields({ ...base, decisionId: talks })).toEqual({
      decisionId:
        "En vistelse utgår från ett beslut om skyddat boende, akutlägenhet eller annat boende.",
    });
    expect(Object.keys(await fields({ ...base, decisionId: denied }))).toEqual(["decisionId"]);
    expect((await fields({ ...base, decisionId: granted, placeId: shelter })).placeId).toContain(
      "Beslutet gäller akutlägenhet",
    );
    const r = await start(a.caseId, { ...base, decisionId: granted });
    expect(r.statusCode, r.body).toBe(201);
    expect(
      r.json().members.find((m: { role: string }) => m.role === "child").childDecisionId,
    ).toBeNull();
    // One stay at a time: a second is a move.
    expect((await start(a.caseId, { ...base, decisionId: granted })).statusCode).toBe(409);
  });

  it("starts nothing on a closed case", async () => {
    const a = await s.adultCase();
    const decisionId = await s.decision(a.caseId, { kind: "emergency_flat" });
    const placeId = await s.place({ kind: "emergency_flat" });
    const other = await s.place({ kind: "emergency_flat" });
    const close = () =>
      database()
        .owner.updateTable("case")
        .set({ status: "closed", closed_reason: "goal_reached" })
        .where("id", "=", a.caseId)
        .execute();
    await close();
    const r = await start(a.caseId, { decisionId, placeId, plannedFrom: today });
    expect(r.statusCode, r.body).toBe(409);
    expect(r.json().error.message).toContain("Ärendet är avslutat");
    expect(await stayRows(a.caseId)).toEqual([]);
    // A stay started before the closing is not changed after it.
    await database()
      .owner.updateTable("case")
      .set({ status: "investigation", closed_reason: null })
      .where("id", "=", a.caseId)
      .execute();
    const stay = (await start(a.caseId, { decisionId, placeId, plannedFrom: today })).json();
    await close();
    const move = await req("POST", `/api/stays/${stay.id}/moves`, {
      placeId: other,
      movedOn: addDays(today, 1),
    });
    expect(move.statusCode, move.body).toBe(409);
    expect((await req("GET", `/api/stays/${stay.id}`)).statusCode).toBe(200);
  });

  it("counts persons and holds: a full place answers 409, an emergency flat takes one household, a hold becomes the stay", async () => {
    const place = await s.place({ kind: "sheltered_housing", places: 2 });
    const first = await s.adultCase();
    const d1 = await s.decision(first.caseId, { kind: "sheltered_housing" });
    const hold = await database()
      .owner.insertInto("place_hold")
      .values({
        id: crypto.randomUUID(),
        org_id: s.orgId,
        place_id: place,
        case_id: first.caseId,
        persons: 2,
        held_by: s.workerId,
        expires_at: new Date(Date.now() + 3_600_000),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const second = await s.adultCase();
    const d2 = await s.decision(second.caseId, { kind: "sheltered_housing" });
    // The place is held whole for the first case.
    const blocked = await start(second.caseId, {
      decisionId: d2,
      placeId: place,
      plannedFrom: today,
    });
    expect(blocked.statusCode, blocked.body).toBe(409);
    const held = await start(first.caseId, {
      decisionId: d1,
      placeId: place,
      plannedFrom: today,
      holdId: hold.id,
    });
    expect(held.statusCode, held.body).toBe(201);
    const ended = await database()
      .owner.selectFrom("place_hold")
      .select(["ended_reason"])
      .where("id", "=", hold.id)
      .executeTakeFirstOrThrow();
    expect(ended.ended_reason).toBe("stay");
    // One person in, one place left.
    expect(
      (await start(second.caseId, { decisionId: d2, placeId: place, plannedFrom: today }))
        .statusCode,
    ).toBe(201);
    const third = await s.adultCase();
    const d3 = await s.decision(third.caseId, { kind: "sheltered_housing" });
    expect(
      (await start(third.caseId, { decisionId: d3, placeId: place, plannedFrom: today }))
        .statusCode,
    ).toBe(409);

    const flat = await s.place({ kind: "emergency_flat", places: 6 });
    const f1 = await s.decision(third.caseId, { kind: "emergency_flat" });
    expect(
      (await start(third.caseId, { decisionId: f1, placeId: flat, plannedFrom: today })).statusCode,
    ).toBe(201);
    const fourth = await s.adultCase();
    const f2 = await s.decision(fourth.caseId, { kind: "emergency_flat" });
    expect(
      (await start(fourth.caseId, { decisionId: f2, placeId: flat, plannedFrom: today }))
        .statusCode,
    ).toBe(409);
  });

  it("moves, changes the planned end, cancels, records the school and the follow-up; never shows an address", async () => {
    const a = await s.adultCase();
    const decisionId = await s.decision(a.caseId, {
      kind: "emergency_flat",
      periodTo: addDays(today, 30),
    });
    const from = await s.place({ kind: "emergency_flat", address: "Hemliga gatan 1" });
    const to = await s.place({
      kind: "emergency_flat",
      address: "Hemliga gatan 2",
      priceAdultOre: 99_900,
    });
    const child = await s.child(a);
    const stay = (
      await start(a.caseId, { decisionId, placeId: from, plannedFrom: today, children: [child.id] })
    ).json();
    const moved = await req("POST", `/api/stays/${stay.id}/moves`, {
      placeId: to,
      movedOn: addDays(today, 3),
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().place.id).toBe(to);
    expect(moved.json().segments.map((g: { toOn: string | null }) => g.toOn)).toEqual([
      addDays(today, 3),
      null,
    ]);
    const tooLate = await req("PUT", `/api/stays/${stay.id}/planned-end`, {
      plannedTo: addDays(today, 31),
    });
    expect(tooLate.statusCode).toBe(400);
    expect(
      (
        await req("PUT", `/api/stays/${stay.id}/planned-end`, { plannedTo: addDays(today, 20) })
      ).json().plannedTo,
    ).toBe(addDays(today, 20));
    const school = await req("PUT", `/api/stays/${stay.id}/children/${child.id}`, {
      schoolKind: "school",
      schoolName: "Demoskolan",
      schoolMunicipality: "Demokommun",
      schoolContactedOn: today,
      schoolArrangedOn: addDays(today, 2),
      schoolTransport: "Skolskjuts",
      shelterContactPerson: "Kontaktperson Ett",
      childView: "Vill gå i samma klass som kusinen.",
    });
    expect(school.statusCode, school.body).toBe(200);
    expect(
      school.json().members.find((m: { personId: string }) => m.personId === child.id),
    ).toMatchObject({ schoolName: "Demoskolan", schoolArrangedOn: addDays(today, 2) });
    const notChild = await req("PUT", `/api/stays/${stay.id}/children/${a.personId}`, {
      schoolKind: "none_needed",
    });
    expect(notChild.statusCode).toBe(400);
    expect(
      (await req("PUT", `/api/stays/${stay.id}/follow-up`, { followedUpOn: today })).statusCode,
    ).toBe(409);
    const cancelled = await req("POST", `/api/stays/${stay.id}/cancel`);
    expect(cancelled.json().status).toBe("cancelled");
    expect(
      (
        await req("POST", `/api/stays/${stay.id}/moves`, {
          placeId: from,
          movedOn: addDays(today, 5),
        })
      ).statusCode,
    ).toBe(409);

    const reads = [
      await req("GET", `/api/cases/${a.caseId}/stays`),
      await req("GET", `/api/stays/${stay.id}`),
      await req("GET", `/api/persons/${child.id}/stays`),
    ];
    for (const r of reads) {
      expect(r.statusCode, r.body).toBe(200);
      expect(r.body).not.toContain("Hemliga gatan");
    }
    expect(reads[2]!.json().stays.map((x: { id: string }) => x.id)).toEqual([stay.id]);
  });

  it("records the follow-up after the stay has ended, not before the day she left", async () => {
    const a = await s.adultCase();
    const decisionId = await s.decision(a.caseId, { kind: "other_housing" });
    const placeId = await s.place({ kind: "other_housing" });
    const stay = (
      await start(a.caseId, { decisionId, placeId, plannedFrom: addDays(today, -10) })
    ).json();
    await database()
      .owner.updateTable("stay")
      .set({
        arrived_on: addDays(today, -10),
        left_on: addDays(today, -2),
        end_reason: "own_housing",
      })
      .where("id", "=", stay.id)
      .execute();
    expect(
      (await req("PUT", `/api/stays/${stay.id}/follow-up`, { followedUpOn: addDays(today, -3) }))
        .statusCode,
    ).toBe(400);
    const done = await req("PUT", `/api/stays/${stay.id}/follow-up`, {
      followedUpOn: today,
      note: "Har fått egen lägenhet.",
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({
      status: "ended",
      followedUpOn: today,
      followUpNote: "Har fått egen lägenhet.",
    });
  });

  it("answers a stay that does not exist as a case one may not see, and audits the attempt", async () => {
    const r = await req("GET", `/api/stays/${crypto.randomUUID()}`);
    expect(r.statusCode).toBe(404);
    const denied = await database()
      .owner.selectFrom("audit_event")
      .select("action")
      .where("actor_user_id", "=", s.workerId)
      .where("outcome", "=", "denied")
      .execute();
    expect(denied.map((d) => d.action)).toContain("stay.read");
  });
});
