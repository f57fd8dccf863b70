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

/*
 * Closing a place (issue 16, item 1): a place where someone still lives, or that is held for
 * a case, cannot be closed — the woman and her children would be left at a place the board
 * no longer shows. The stays and holds are counted whoever's cases they belong to: the one
 * closing the place administers it but need not see the cases placed there.
 */
describe.each(testDatabaseKinds)("closing a place (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let orgId: string;
  let unitId: string;
  let coordinator: Session;
  let worker: Session;
  let ids: { worker: string; caseId: string; personId: string };
  const today = stockholmDate(new Date());

  beforeAll(async () => {
    t = await buildTestApp(database());
    const { owner } = database();
    orgId = (await buildOrg(owner)).id;
    unitId = (await buildUnit(owner, orgId)).id;
    // The case is in another unit: the coordinator cannot see it.
    const caseUnitId = (await buildUnit(owner, orgId)).id;
    const c = await buildUser(owner, orgId, [{ unitId, role: "housing_coordinator" }]);
    const w = await buildUser(owner, orgId, [{ unitId: caseUnitId, role: "caseworker" }]);
    const person = await buildPerson(owner, orgId, w.id);
    const caseId = (
      await buildCase(owner, {
        orgId,
        unitId: caseUnitId,
        personId: person.id,
        openedBy: w.id,
        assignees: [w.id],
      })
    ).id;
    ids = { worker: w.id, caseId, personId: person.id };
    coordinator = await login(t.app, c.username);
    worker = await login(t.app, w.username);
  });
  afterAll(() => t?.close());

  const call = (who: Session, method: "GET" | "POST", url: string, payload?: object) =>
    t.app.inject({ method, url, headers: as(who), ...(payload ? { payload } : {}) });
  const newPlace = async () => {
    const res = await call(coordinator, "POST", "/api/places", placeBody(unitId));
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  const close = (placeId: string) =>
    call(coordinator, "POST", `/api/places/${placeId}/close`, { closedOn: today });
  const closedOn = async (placeId: string) =>
    (
      await database()
        .owner.selectFrom("place")
        .select("closed_on")
        .where("id", "=", placeId)
        .executeTakeFirstOrThrow()
    ).closed_on;
  const stayAt = (placeId: string) =>
    buildStay(database().owner, {
      orgId,
      caseId: ids.caseId,
      adultId: ids.personId,
      placeId,
      createdBy: ids.worker,
      plannedFrom: addDays(today, -3),
      arrivedOn: addDays(today, -3),
    });

  it("refuses to close a place with an ongoing stay (409), leaving it open", async () => {
    const placeId = await newPlace();
    await stayAt(placeId);
    const res = await close(placeId);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe(
      "Platsen kan inte stängas: någon bor där nu. Avsluta eller flytta vistelsen först.",
    );
    expect(await closedOn(placeId)).toBeNull();
  });

  it("refuses to close a place held for a case (409), and closes it once the hold is released", async () => {
    const placeId = await newPlace();
    const held = await call(worker, "POST", `/api/cases/${ids.caseId}/holds`, {
      placeId,
      persons: 2,
    });
    expect(held.statusCode, held.body).toBe(201);
    const res = await close(placeId);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe(
      "Platsen kan inte stängas: den är reserverad för ett ärende. Reservationen måste släppas eller gå ut först.",
    );
    expect(await closedOn(placeId)).toBeNull();
    const released = await call(worker, "POST", `/api/holds/${held.json().id}/release`);
    expect(released.statusCode, released.body).toBe(200);
    const closed = await close(placeId);
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json().closedOn).toBe(today);
  });

  it("closes a place whose stays have ended or moved on and whose holds have expired", async () => {
    const placeId = await newPlace();
    const { owner } = database();
    const ended = await stayAt(placeId);
    await owner
      .updateTable("stay")
      .set({ left_on: addDays(today, -1), end_reason: "own_housing" })
      .where("id", "=", ended.id)
      .execute();
    const moved = await stayAt(placeId);
    await owner
      .updateTable("stay_segment")
      .set({ to_on: addDays(today, -1) })
      .where("stay_id", "=", moved.id)
      .execute();
    await owner
      .insertInto("place_hold")
      .values({
        id: randomUUID(),
        org_id: orgId,
        place_id: placeId,
        case_id: ids.caseId,
        persons: 1,
        held_by: ids.worker,
        held_at: new Date(Date.now() - 2 * 86_400_000),
        expires_at: new Date(Date.now() - 86_400_000),
      })
      .execute();
    const res = await close(placeId);
    expect(res.statusCode, res.body).toBe(200);
    expect(await closedOn(placeId)).toBe(today);
  });
});
