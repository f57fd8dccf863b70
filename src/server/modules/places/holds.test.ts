import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, stockholmDate } from "../../../shared/calendar.ts";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import {
  as,
  buildCase,
  buildOrg,
  buildPerson,
  buildUnit,
  buildUser,
  login,
  type Session,
} from "../../testing/factories.ts";
import { buildStay } from "../../testing/housing.ts";
import { placeBody } from "../../testing/places.ts";
import { race } from "../../testing/race.ts";

/*
 * The vacancy board and holds (issue 16, item 2): occupancy counted from the stays, a hold
 * that counts until it expires by the clock, concurrent holds on the last place decided one
 * after the other (one 201, the others a clear 409), and enquiries with coded answers.
 */
describe.each(testDatabaseKinds)("vacancies, holds and enquiries (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let orgId: string;
  let unitId: string;
  let worker: Session;
  let colleague: Session;
  let stranger: Session;
  let ids: { worker: string; caseId: string; otherCaseId: string; personId: string };

  beforeAll(async () => {
    t = await buildTestApp(database());
    const { owner } = database();
    orgId = (await buildOrg(owner)).id;
    unitId = (await buildUnit(owner, orgId)).id;
    const w = await buildUser(owner, orgId, [
      { unitId, role: "caseworker" },
      { unitId, role: "housing_coordinator" },
    ]);
    const c = await buildUser(owner, orgId, [{ unitId, role: "caseworker" }]);
    const x = await buildUser(owner, orgId, [{ unitId, role: "caseworker" }]);
    const person = await buildPerson(owner, orgId, w.id);
    const caseId = (
      await buildCase(owner, {
        orgId,
        unitId,
        personId: person.id,
        openedBy: w.id,
        assignees: [w.id],
      })
    ).id;
    const otherPerson = await buildPerson(owner, orgId, c.id);
    const otherCaseId = (
      await buildCase(owner, { orgId, unitId, personId: otherPerson.id, openedBy: c.id })
    ).id;
    ids = { worker: w.id, caseId, otherCaseId, personId: person.id };
    worker = await login(t.app, w.username);
    colleague = await login(t.app, c.username);
    stranger = await login(t.app, x.username);
  });
  afterAll(() => t?.close());

  const call = (who: Session, method: "GET" | "POST", url: string, payload?: object) =>
    t.app.inject({ method, url, headers: as(who), ...(payload ? { payload } : {}) });
  const newPlace = async (over: Record<string, unknown>) => {
    const res = await call(worker, "POST", "/api/places", placeBody(unitId, over));
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  const board = async (query = "") => {
    const res = await call(colleague, "GET", `/api/vacancies${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().vacancies as Record<string, unknown>[];
  };
  const vacancy = async (placeId: string, query = "") =>
    (await board(query)).find((v) => v.placeId === placeId) as Record<string, unknown>;

  it("counts today's occupancy from the stays", async () => {
    const placeId = await newPlace({ places: 6 });
    const child = await buildPerson(database().owner, orgId);
    await buildStay(database().owner, {
      orgId,
      caseId: ids.caseId,
      adultId: ids.personId,
      placeId,
      createdBy: ids.worker,
      plannedFrom: stockholmDate(new Date()),
      arrivedOn: stockholmDate(new Date()),
      childIds: [child.id],
    });
    expect(await vacancy(placeId)).toMatchObject({
      places: 6,
      occupied: 2,
      held: 0,
      free: 4,
      full: false,
      isHeld: false,
    });
  });

  it("says which places take a woman with two children and a dog", async () => {
    const dogs = await newPlace({ acceptsPets: true, boysAgeLimit: 12 });
    const noDogs = await newPlace({ acceptsPets: false });
    const query = "?women=1&children=2&boysAges=10&pets=true";
    expect(await vacancy(dogs, query)).toMatchObject({ takesHousehold: true, mismatches: [] });
    expect(await vacancy(noDogs, query)).toMatchObject({
      takesHousehold: false,
      mismatches: ["pets"],
    });
    expect((await vacancy(dogs, "?women=1&children=1&boysAges=14")).mismatches).toEqual([
      "boys_age",
    ]);
    expect((await vacancy(dogs, "?language=Arabiska")).takesHousehold).toBe(true);
    expect((await vacancy(dogs, "?language=somaliska")).mismatches).toEqual(["language"]);
    const bad = await call(colleague, "GET", "/api/vacancies?boysAges=tio");
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.boysAges).toMatch(/pojkarnas åldrar/);
  });

  it("holds a place for hold_hours; an emergency flat with a hold is full at once for everyone", async () => {
    const flat = await newPlace({ kind: "emergency_flat", places: 4, holdHours: 6 });
    const held = await call(worker, "POST", `/api/cases/${ids.caseId}/holds`, {
      placeId: flat,
      persons: 3,
    });
    expect(held.statusCode, held.body).toBe(201);
    const hold = held.json();
    expect(hold.state).toBe("live");
    expect(Date.parse(hold.expiresAt) - Date.parse(hold.heldAt)).toBe(6 * 3_600_000);
    expect(await vacancy(flat)).toMatchObject({ free: 0, full: true, isHeld: true, held: 3 });
    const again = await call(colleague, "POST", `/api/cases/${ids.otherCaseId}/holds`, {
      placeId: flat,
      persons: 1,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toMatch(/inte längre ledig/);
    const released = await call(worker, "POST", `/api/holds/${hold.id}/release`);
    expect(released.json().holds.find((h: { id: string }) => h.id === hold.id).state).toBe(
      "released",
    );
    expect(await vacancy(flat)).toMatchObject({ free: 4, full: false, isHeld: false });
    expect((await call(worker, "POST", `/api/holds/${hold.id}/release`)).statusCode).toBe(409);
  });

  it("stops counting a hold once it has expired", async () => {
    const placeId = await newPlace({ places: 2 });
    const holdId = randomUUID();
    await database()
      .owner.insertInto("place_hold")
      .values({
        id: holdId,
        org_id: orgId,
        place_id: placeId,
        case_id: ids.caseId,
        persons: 2,
        held_by: ids.worker,
        held_at: new Date(Date.now() - 3 * 3_600_000),
        expires_at: new Date(Date.now() - 1000),
      })
      .execute();
    expect(await vacancy(placeId)).toMatchObject({ free: 2, held: 0, isHeld: false });
    const holds = (await call(worker, "GET", `/api/cases/${ids.caseId}/holds`)).json().holds;
    expect(holds.find((h: { id: string }) => h.id === holdId).state).toBe("expired");
    const res = await call(worker, "POST", `/api/cases/${ids.caseId}/holds`, {
      placeId,
      persons: 2,
    });
    expect(res.statusCode).toBe(201);
    expect((await call(worker, "POST", `/api/holds/${holdId}/release`)).statusCode).toBe(409);
  });

  it("gives the last place to one of many holds sent at once; the others get 409", async () => {
    const placeId = await newPlace({ places: 3 });
    await call(worker, "POST", `/api/cases/${ids.caseId}/holds`, { placeId, persons: 2 });
    const outcome = await race(10, (i) =>
      call(
        i % 2 ? worker : colleague,
        "POST",
        `/api/cases/${i % 2 ? ids.caseId : ids.otherCaseId}/holds`,
        {
          placeId,
          persons: 1,
        },
      ),
    );
    expect(outcome.counts).toEqual({ 201: 1, 409: 9 });
    for (const r of outcome.responses.filter((x) => x.statusCode === 409))
      expect(r.json().error.message).toMatch(/någon annan hann/);
    const live = await database()
      .owner.selectFrom("place_hold")
      .select((eb) => eb.fn.sum<number>("persons").as("persons"))
      .where("place_id", "=", placeId)
      .executeTakeFirstOrThrow();
    expect(Number(live.persons)).toBe(3);
  });

  it("refuses a hold on someone else's case (404, audited) and a closed or unknown place (400)", async () => {
    const placeId = await newPlace({});
    const res = await call(stranger, "POST", `/api/cases/${ids.caseId}/holds`, {
      placeId,
      persons: 1,
    });
    expect(res.statusCode).toBe(404);
    const denied = await database()
      .owner.selectFrom("audit_event")
      .select("resource_id")
      .where("action", "=", "hold.create")
      .where("outcome", "=", "denied")
      .execute();
    expect(denied.map((d) => d.resource_id)).toContain(ids.caseId);
    const unknown = await call(worker, "POST", `/api/cases/${ids.caseId}/holds`, {
      placeId: randomUUID(),
      persons: 1,
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields.placeId).toBe("Välj en öppen plats i registret.");
  });

  it("asks about a place until the day it closes, as a hold and a stay may use it until then", async () => {
    const { owner } = database();
    const today = stockholmDate(new Date());
    const later = await newPlace({ operatorKind: "voluntary_shelter", operatorName: "Jouren" });
    await owner
      .updateTable("place")
      .set({ closed_on: addDays(today, 10) })
      .where("id", "=", later)
      .execute();
    const asked = await call(worker, "POST", `/api/cases/${ids.caseId}/enquiries`, {
      placeId: later,
      persons: 1,
    });
    expect(asked.statusCode, asked.body).toBe(201);

    const closed = await newPlace({ operatorKind: "voluntary_shelter", operatorName: "Jouren" });
    await owner.updateTable("place").set({ closed_on: today }).where("id", "=", closed).execute();
    const refused = await call(worker, "POST", `/api/cases/${ids.caseId}/enquiries`, {
      placeId: closed,
      persons: 1,
    });
    expect(refused.statusCode, refused.body).toBe(400);
    expect(refused.json().error.fields.placeId).toBe("Välj en öppen plats i registret.");
  });

  it("records an enquiry and its coded answer, the reason required where it explains a refusal", async () => {
    const placeId = await newPlace({
      operatorKind: "other_municipality",
      operatorName: "Grannkommunen",
    });
    const asked = await call(worker, "POST", `/api/cases/${ids.caseId}/enquiries`, {
      placeId,
      persons: 3,
    });
    expect(asked.statusCode, asked.body).toBe(201);
    const url = `/api/enquiries/${asked.json().id}/answer`;
    const noReason = await call(worker, "POST", url, { outcome: "not_suitable" });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields.reason).toMatch(/skälet/);
    const answered = await call(worker, "POST", url, {
      outcome: "not_suitable",
      reason: "Tar inte emot tonårspojkar.",
    });
    expect(answered.json()).toMatchObject({
      outcome: "not_suitable",
      operatorName: "Grannkommunen",
    });
    expect((await call(worker, "POST", url, { outcome: "no_space" })).statusCode).toBe(409);
    expect((await call(stranger, "POST", url, { outcome: "no_space" })).statusCode).toBe(404);
    const list = await call(worker, "GET", `/api/cases/${ids.caseId}/enquiries`);
    expect(list.json().enquiries.map((e: { outcome: string }) => e.outcome)).toContain(
      "not_suitable",
    );
  });
});
