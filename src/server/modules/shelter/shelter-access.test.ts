import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "../../../shared/calendar.ts";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import { as, type Session } from "../../testing/factories.ts";
import { moveStay } from "../../testing/housing.ts";
import { buildShelterWorld, type ShelterWorld } from "../../testing/shelter-world.ts";

/**
 * What a shelter's staff see (issue 16, item 6; docs/security.md "Places and stays"): the
 * stays at their own place only, by name and birth year — never the case, its person's
 * record, another shelter's stays, or where she went after them.
 */
describe.each(testDatabaseKinds)("shelter staff see their own place only (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let w: ShelterWorld;

  beforeAll(async () => {
    t = await buildTestApp(database());
    w = await buildShelterWorld(t.app, database().owner);
  });
  afterAll(() => t?.close());

  const req = (who: Session, method: "GET" | "POST", url: string, payload?: object) =>
    t.app.inject({ method, url, headers: as(who), ...(payload ? { payload } : {}) });

  const refusalsOf = (userId: string, after: number) =>
    database()
      .owner.selectFrom("audit_event")
      .select(["action", "resource_id", "person_id"])
      .where("actor_user_id", "=", userId)
      .where("outcome", "=", "denied")
      .where("id", ">", after)
      .execute();
  const lastEvent = async () =>
    Number(
      (
        await database()
          .owner.selectFrom("audit_event")
          .select((eb) => eb.fn.max("id").as("max"))
          .executeTakeFirst()
      )?.max ?? 0,
    );

  it("lists the expected and current stays at A for A's staff, by name and birth year, and nothing of the case", async () => {
    const expected = await w.stay({ plannedFrom: w.today });
    const current = await w.stay({ arrivedOn: addDays(w.today, -7) });
    const res = await req(w.sessions.staffA, "GET", "/api/shelter/stays");
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.expected.map((s: { id: string }) => s.id)).toContain(expected.id);
    const mine = body.current.find((s: { id: string }) => s.id === current.id);
    expect(mine).toMatchObject({
      status: "current",
      place: { id: w.placeA.id },
      arrivedOn: addDays(w.today, -7),
    });
    expect(mine.residents).toHaveLength(3);
    expect(mine.residents[0]).toMatchObject({ role: "adult", givenName: w.adult.given_name });
    for (const secret of [w.reference, w.caseId, w.adult.identity_number as string, "Påhittade"])
      expect(res.body).not.toContain(secret);
    const event = await database()
      .owner.selectFrom("audit_event")
      .select(["person_ids", "case_ids"])
      .where("action", "=", "shelter.stays_read")
      .where("actor_user_id", "=", w.staffIds.staffA)
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(event.person_ids).toContain(w.adult.id);
    expect(event.person_ids).toContain(w.children[1]!.id);
    expect(event.case_ids).toEqual([w.caseId]);
  });

  it("shows B's staff nothing of a stay at A: 404 on every command, each refusal in her log review", async () => {
    const s = await w.stay({ arrivedOn: addDays(w.today, -2) });
    const after = await lastEvent();
    const { staffB } = w.sessions;
    const list = await req(staffB, "GET", "/api/shelter/stays");
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(s.id);
    const tries = [
      req(staffB, "GET", `/api/shelter/stays/${s.id}`),
      req(staffB, "GET", `/api/stays/${s.id}/notes`),
      req(staffB, "POST", `/api/stays/${s.id}/notes`, {
        kind: "note",
        happenedOn: w.today,
        text: "Försök.",
      }),
      req(staffB, "POST", `/api/stays/${s.id}/check-out`, {
        leftOn: w.today,
        endReason: "back_home",
      }),
    ];
    for (const res of await Promise.all(tries)) {
      expect(res.statusCode).toBe(404);
      expect(res.json().error.message).toBe("Vistelsen finns inte, eller så saknar du behörighet.");
    }
    const refusals = await refusalsOf(w.staffIds.staffB, after);
    expect(refusals).toHaveLength(4);
    for (const r of refusals)
      expect(r).toMatchObject({ resource_id: w.caseId, person_id: w.adult.id });
    const stay = await database()
      .owner.selectFrom("stay")
      .select("left_on")
      .where("id", "=", s.id)
      .executeTakeFirstOrThrow();
    expect(stay.left_on).toBeNull();
  });

  it("never lets a shelter's staff open the stay's case or her record", async () => {
    await w.stay({ arrivedOn: addDays(w.today, -1) });
    const { staffA } = w.sessions;
    for (const url of [
      `/api/cases/${w.caseId}`,
      `/api/cases/${w.caseId}/decisions`,
      `/api/cases/${w.caseId}/investigation`,
      `/api/persons/${w.adult.id}`,
      `/api/persons/${w.children[0]!.id}`,
    ]) {
      const res = await req(staffA, "GET", url);
      expect(res.statusCode, url).toBe(404);
    }
  });

  it("takes the stay from A once she has moved on to B: A sees she left, never where to", async () => {
    const s = await w.stay({ arrivedOn: addDays(w.today, -10) });
    await moveStay(database().owner, {
      orgId: w.orgId,
      stayId: s.id,
      placeId: w.placeB.id,
      on: addDays(w.today, -2),
    });
    const { staffA, staffB } = w.sessions;
    const seenByA = await req(staffA, "GET", `/api/shelter/stays/${s.id}`);
    expect(seenByA.statusCode, seenByA.body).toBe(200);
    expect(seenByA.json()).toMatchObject({
      status: "moved",
      place: { id: w.placeA.id },
      leftOn: addDays(w.today, -2),
      endReason: null,
      plannedTo: null,
    });
    expect(seenByA.body).not.toContain(w.placeB.id);
    const listA = (await req(staffA, "GET", "/api/shelter/stays")).json();
    expect(listA.recentlyLeft.map((x: { id: string }) => x.id)).toContain(s.id);
    expect(listA.current.map((x: { id: string }) => x.id)).not.toContain(s.id);
    for (const res of [
      await req(staffA, "GET", `/api/stays/${s.id}/notes`),
      await req(staffA, "POST", `/api/stays/${s.id}/check-out`, {
        leftOn: w.today,
        endReason: "own_housing",
      }),
    ])
      expect(res.statusCode).toBe(404);
    const seenByB = await req(staffB, "GET", `/api/shelter/stays/${s.id}`);
    expect(seenByB.json()).toMatchObject({ status: "current", place: { id: w.placeB.id } });
    expect(seenByB.body).not.toContain(w.placeA.id);
    const out = await req(staffB, "POST", `/api/stays/${s.id}/check-out`, {
      leftOn: w.today,
      endReason: "own_housing",
    });
    expect(out.statusCode, out.body).toBe(200);
  });

  it("refuses the shelter's view to someone who works no shelter, audited", async () => {
    const after = await lastEvent();
    const res = await req(w.sessions.worker, "GET", "/api/shelter/stays");
    expect(res.statusCode).toBe(403);
    expect(await refusalsOf(w.staffIds.worker, after)).toEqual([
      { action: "shelter.stays_read", resource_id: null, person_id: null },
    ]);
  });
});
