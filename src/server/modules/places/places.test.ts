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
 * The register of places (issue 16, item 1): kept by those who administer places, read by
 * everyone doing case work — never with the address, which has its own route, readable by
 * those who administer or run the place and whoever handles an ongoing stay there, and
 * audited at every reading and every refusal.
 */
describe.each(testDatabaseKinds)("the register of places (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let orgId: string;
  let unitId: string;
  let s: Record<"coordinator" | "worker" | "colleague" | "analyst" | "otherOrg", Session>;
  let ids: Record<string, string>;
  let place: { id: string; version: number };
  const street = "Hemliga gränd 7";

  beforeAll(async () => {
    t = await buildTestApp(database());
    const { owner } = database();
    const org = await buildOrg(owner);
    orgId = org.id;
    unitId = (await buildUnit(owner, orgId)).id;
    const coordinator = await buildUser(owner, orgId, [{ unitId, role: "housing_coordinator" }]);
    const worker = await buildUser(owner, orgId, [{ unitId, role: "caseworker" }]);
    const colleague = await buildUser(owner, orgId, [{ unitId, role: "caseworker" }]);
    const analyst = await buildUser(owner, orgId, [{ unitId: null, role: "analyst" }]);
    const other = await buildOrg(owner);
    const otherUnit = await buildUnit(owner, other.id);
    const otherOrg = await buildUser(owner, other.id, [
      { unitId: otherUnit.id, role: "housing_coordinator" },
    ]);
    const person = await buildPerson(owner, orgId, worker.id);
    const c = await buildCase(owner, { orgId, unitId, personId: person.id, openedBy: worker.id });
    ids = { worker: worker.id, colleague: colleague.id, caseId: c.id, personId: person.id };
    s = {
      coordinator: await login(t.app, coordinator.username),
      worker: await login(t.app, worker.username),
      colleague: await login(t.app, colleague.username),
      analyst: await login(t.app, analyst.username),
      otherOrg: await login(t.app, otherOrg.username),
    };
  });
  afterAll(() => t?.close());

  const call = (
    who: Session,
    method: "GET" | "POST" | "PUT" | "DELETE",
    url: string,
    payload?: object,
  ) => t.app.inject({ method, url, headers: as(who), ...(payload ? { payload } : {}) });
  const events = (action: string, placeId: string | null) =>
    database()
      .owner.selectFrom("audit_event")
      .select(["actor_user_id", "outcome", "resource_id"])
      .where("action", "=", action)
      .$if(placeId !== null, (q) => q.where("resource_id", "=", placeId))
      .execute();

  it("lets a housing coordinator register a place, prices in kronor and stored in öre", async () => {
    const res = await call(s.coordinator, "POST", "/api/places", placeBody(unitId));
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({
      priceAdult: 1450.5,
      priceChild: 600,
      version: 1,
      mayAdminister: true,
    });
    place = { id: body.id, version: body.version };
    const row = await database()
      .owner.selectFrom("place")
      .select(["price_adult_ore", "price_child_ore"])
      .where("id", "=", place.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ price_adult_ore: 145050, price_child_ore: 60000 });
    expect(await events("place.create", place.id)).toHaveLength(1);
  });

  it("answers bad input with what to correct", async () => {
    const res = await call(
      s.coordinator,
      "POST",
      "/api/places",
      placeBody(unitId, { priceAdult: 10.123, ivoPermitNumber: null, places: 0, name: "" }),
    );
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.fields;
    expect(fields.priceAdult).toBe("Ange kronor med högst två decimaler.");
    expect(fields.ivoPermitNumber).toMatch(/IVO-tillståndets nummer/);
    expect(fields.places).toBeDefined();
    expect(fields.name).toBeDefined();
  });

  it("refuses a caseworker who administers no places (403) and audits it", async () => {
    const res = await call(s.worker, "POST", "/api/places", placeBody(unitId));
    expect(res.statusCode).toBe(403);
    const denied = (await events("place.create", null)).filter((e) => e.outcome === "denied");
    expect(denied.map((e) => e.actor_user_id)).toContain(ids.worker);
  });

  it("changes a place from its version; a stale version answers 409", async () => {
    const changed = await call(s.coordinator, "PUT", `/api/places/${place.id}`, {
      ...placeBody(unitId, { places: 8, acceptsPets: true }),
      version: place.version,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ places: 8, acceptsPets: true, version: 2 });
    const stale = await call(s.coordinator, "PUT", `/api/places/${place.id}`, {
      ...placeBody(unitId),
      version: place.version,
    });
    expect(stale.statusCode).toBe(409);
    place.version = 2;
    const [event] = (await events("place.update", place.id)).filter((e) => e.outcome === "allowed");
    expect(event).toBeDefined();
  });

  it("refuses a change by a caseworker (403) and by another organisation (404), audited", async () => {
    const body = { ...placeBody(unitId), version: place.version };
    expect((await call(s.worker, "PUT", `/api/places/${place.id}`, body)).statusCode).toBe(403);
    expect((await call(s.otherOrg, "PUT", `/api/places/${place.id}`, body)).statusCode).toBe(404);
    const denied = (await events("place.update", place.id)).filter((e) => e.outcome === "denied");
    expect(denied).toHaveLength(2);
  });

  it("lists the register for those doing case work, not for an analyst or another organisation", async () => {
    const list = await call(s.worker, "GET", "/api/places");
    expect(list.statusCode).toBe(200);
    const mine = list.json().places.find((p: { id: string }) => p.id === place.id);
    expect(mine).toMatchObject({ mayAdminister: false, mayReadAddress: false, places: 8 });
    expect(list.json().administeredUnits).toEqual([]);
    expect((await call(s.analyst, "GET", "/api/places")).statusCode).toBe(403);
    const other = await call(s.otherOrg, "GET", "/api/places");
    expect(other.json().places.map((p: { id: string }) => p.id)).not.toContain(place.id);
  });

  it("offers the administrator the units to register for and the shelter units to run a place", async () => {
    const shelter = await database()
      .owner.insertInto("unit")
      .values({ org_id: orgId, name: "Kriscentrum Fiktiva", kind: "shelter" })
      .returning(["id", "name"])
      .executeTakeFirstOrThrow();
    const list = (await call(s.coordinator, "GET", "/api/places")).json();
    expect(list.administeredUnits.map((u: { id: string }) => u.id)).toEqual([unitId]);
    expect(list.shelterUnits).toEqual([shelter]);
    expect((await call(s.worker, "GET", "/api/places")).json().shelterUnits).toEqual([]);
  });

  it("warns of an IVO permit that runs out within 60 days or has run out", async () => {
    const today = stockholmDate(new Date());
    const soon = await call(
      s.coordinator,
      "POST",
      "/api/places",
      placeBody(unitId, { ivoPermitExpiresOn: addDays(today, 59) }),
    );
    const gone = await call(
      s.coordinator,
      "POST",
      "/api/places",
      placeBody(unitId, { ivoPermitExpiresOn: addDays(today, -1) }),
    );
    const later = await call(
      s.coordinator,
      "POST",
      "/api/places",
      placeBody(unitId, { ivoPermitExpiresOn: addDays(today, 61) }),
    );
    expect([soon, gone, later].map((r) => r.json().ivoWarning)).toEqual([
      "expires_soon",
      "expired",
      null,
    ]);
  });

  it("keeps contact persons, and closes a place once", async () => {
    const added = await call(s.coordinator, "POST", `/api/places/${place.id}/contacts`, {
      name: "Kontakt Fiktiv",
      role: "Föreståndare",
      phone: "070-000 00 00",
      email: null,
    });
    expect(added.statusCode, added.body).toBe(201);
    const contactId = added.json().contacts[0].id;
    const removed = await call(
      s.coordinator,
      "DELETE",
      `/api/places/${place.id}/contacts/${contactId}`,
    );
    expect(removed.json().contacts).toEqual([]);
    const extra = await call(s.coordinator, "POST", "/api/places", placeBody(unitId));
    const url = `/api/places/${extra.json().id}/close`;
    expect(
      (await call(s.coordinator, "POST", url, { closedOn: "2026-01-31" })).json().closedOn,
    ).toBe("2026-01-31");
    expect((await call(s.coordinator, "POST", url, { closedOn: "2026-01-31" })).statusCode).toBe(
      409,
    );
  });

  it("lets the coordinator record and read the address, every reading audited", async () => {
    const saved = await call(s.coordinator, "PUT", `/api/places/${place.id}/address`, {
      street,
      postalCode: "123 45",
      city: "Demostad",
      directions: "Ring på porttelefonen.",
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const read = await call(s.coordinator, "GET", `/api/places/${place.id}/address`);
    expect(read.json().address).toMatchObject({ street, postalCode: "123 45", city: "Demostad" });
    const reads = (await events("place.address_read", place.id)).filter(
      (e) => e.outcome === "allowed",
    );
    expect(reads).toHaveLength(1);
  });

  it("shows the address to a caseworker with an ongoing stay there, not to a colleague without one", async () => {
    const before = await call(s.worker, "GET", `/api/places/${place.id}/address`);
    expect(before.statusCode).toBe(404);
    expect(before.body).not.toContain(street);
    await buildStay(database().owner, {
      orgId,
      caseId: ids.caseId as string,
      adultId: ids.personId as string,
      placeId: place.id,
      createdBy: ids.worker as string,
      plannedFrom: stockholmDate(new Date()),
      arrivedOn: stockholmDate(new Date()),
    });
    const after = await call(s.worker, "GET", `/api/places/${place.id}/address`);
    expect(after.statusCode).toBe(200);
    expect(after.json().address.street).toBe(street);
    for (const who of [s.colleague, s.analyst, s.otherOrg]) {
      const res = await call(who, "GET", `/api/places/${place.id}/address`);
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain(street);
    }
    const denied = (await events("place.address_read", place.id)).filter(
      (e) => e.outcome === "denied",
    );
    expect(denied.map((e) => e.actor_user_id)).toContain(ids.colleague);
    expect(denied).toHaveLength(4); // the worker before the stay, the colleague, the analyst, the other organisation
  });

  it("never puts the address in any other answer of the places routes", async () => {
    const doc = (await t.app.inject({ method: "GET", url: "/api/openapi.json" })).json() as {
      paths: Record<string, Record<string, { tags?: string[] }>>;
    };
    const gets = Object.entries(doc.paths).flatMap(([path, methods]) =>
      methods.get?.tags?.includes("places") && !path.endsWith("/address") ? [path] : [],
    );
    expect(gets.length).toBeGreaterThanOrEqual(5);
    // The case's lists hold something that names the place.
    const payload = { placeId: place.id, persons: 1 };
    expect(
      (await call(s.worker, "POST", `/api/cases/${ids.caseId}/holds`, payload)).statusCode,
    ).toBe(201);
    expect(
      (await call(s.worker, "POST", `/api/cases/${ids.caseId}/enquiries`, payload)).statusCode,
    ).toBe(201);
    for (const path of gets) {
      const url = path.replace("{placeId}", place.id).replace("{caseId}", ids.caseId as string);
      for (const who of [s.coordinator, s.worker]) {
        const res = await call(who, "GET", url);
        // The coordinator is not on the case: its holds and enquiries answer 404.
        const onCase = url.startsWith("/api/cases/");
        expect(res.statusCode, url).toBe(onCase && who === s.coordinator ? 404 : 200);
        for (const secret of [street, "123 45", "Demostad", "porttelefonen"])
          expect(res.body, url).not.toContain(secret);
      }
    }
  });
});
