import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../access/actor.ts";
import { withActor } from "../../access/transaction.ts";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import { as, type Session } from "../../testing/factories.ts";
import { addresses, buildCostsWorld, type CostsWorld } from "./costs-world.ts";

describe.each(testDatabaseKinds)("costs of stays (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let w: CostsWorld;

  const call = (session: Session | null, method: "GET" | "POST", url: string, payload?: object) =>
    t.app.inject({
      method,
      url,
      headers: session ? as(session) : {},
      ...(payload ? { payload } : {}),
    });
  const events = (action: string, userId: string) =>
    database()
      .owner.selectFrom("audit_event")
      .select(["outcome", "resource_id", "person_id", "case_ids", "data"])
      .where("action", "=", action)
      .where("actor_user_id", "=", userId)
      .orderBy("id")
      .execute();

  beforeAll(async () => {
    t = await buildTestApp(database());
    w = await buildCostsWorld(t.app, database().owner);
    // The shelter's invoice for February, its operator taken from the stay's place.
    const first = await call(w.sessions.worker, "POST", `/api/stays/${w.stay}/invoices`, {
      reference: "KJ-2024-02",
      periodFrom: "2024-02-10",
      periodTo: "2024-02-29",
      amount: 29010,
    });
    expect(first.statusCode, first.body).toBe(201);
    // The municipality's own flat, 11 days over the month boundary: 2 in January, 9 in February.
    const second = await call(w.sessions.worker, "POST", `/api/stays/${w.stay}/invoices`, {
      operatorName: "Testkommun",
      periodFrom: "2024-01-30",
      periodTo: "2024-02-09",
      amount: 22000,
    });
    expect(second.statusCode, second.body).toBe(201);
  });
  afterAll(() => t.app.close());

  it("answers 401 without a session", async () => {
    for (const [method, url] of [
      ["GET", `/api/stays/${w.stay}/costs`],
      ["POST", `/api/stays/${w.stay}/invoices`],
      ["GET", "/api/costs?month=2024-02"],
      ["GET", "/api/costs.xlsx?month=2024-02"],
      ["GET", "/api/costs.csv?month=2024-02"],
    ] as const)
      expect((await call(null, method, url, method === "POST" ? {} : undefined)).statusCode).toBe(
        401,
      );
  });

  it("refuses an invoice a person must correct, saying what is wrong", async () => {
    const bad = await call(w.sessions.worker, "POST", `/api/stays/${w.stay}/invoices`, {
      periodFrom: "2024-02-10",
      periodTo: "2024-02-01",
      amount: 100.555,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toEqual({
      amount: "Ange beloppet med högst två decimaler.",
      periodTo: "Slutdatum kan inte ligga före startdatum.",
    });
    const month = await call(w.sessions.manager, "GET", "/api/costs?month=2024-13");
    expect(month.statusCode).toBe(400);
    expect(month.json().error.fields.month).toBe("Ange månaden som ÅÅÅÅ-MM.");
  });

  it("records an invoice with the place's operator by default, audited on the case", async () => {
    const costs = (await call(w.sessions.worker, "GET", `/api/stays/${w.stay}/costs`)).json();
    expect(
      costs.invoices.map((i: { operatorName: string; amount: number }) => [
        i.operatorName,
        i.amount,
      ]),
    ).toEqual([
      ["Testkommun", 22000],
      ["Kvinnojouren Frid", 29010],
    ]);
    const recorded = await events("stay_invoice.record", w.ids.worker);
    expect(recorded).toHaveLength(2);
    expect(recorded[0]).toMatchObject({ outcome: "allowed", resource_id: w.caseA });
  });

  it("computes the stay's cost per month over the boundary and the leap day, beside what was invoiced", async () => {
    const res = await call(w.sessions.worker, "GET", `/api/stays/${w.stay}/costs`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.months).toEqual([
      {
        month: "2024-01",
        adultNights: 2,
        childNights: 4,
        computed: 4000,
        invoiced: 4000,
        difference: 0,
      },
      // 9 nights in the flat (2000 kr) and 20 at the shelter with the 29th (1450.50 kr)
      {
        month: "2024-02",
        adultNights: 29,
        childNights: 58,
        computed: 47010,
        invoiced: 47010,
        difference: 0,
      },
      {
        month: "2024-03",
        adultNights: 2,
        childNights: 4,
        computed: 2901,
        invoiced: 0,
        difference: -2901,
      },
    ]);
    expect(body.totals).toEqual({ computed: 53911, invoiced: 51010, difference: -2901 });
    expect(body.defaultOperatorName).toBe("Kvinnojouren Frid");
    expect(JSON.stringify(body)).not.toMatch(new RegExp(addresses.join("|")));
    expect(await events("stay_cost.read", w.ids.worker)).toContainEqual(
      expect.objectContaining({
        outcome: "allowed",
        resource_id: w.caseA,
        data: { stayId: w.stay },
      }),
    );
  });

  it("never shows a shelter's staff what a stay costs: 404 and audited, and row-level security agrees", async () => {
    expect((await call(w.sessions.staff, "GET", `/api/stays/${w.stay}/costs`)).statusCode).toBe(
      404,
    );
    const invoice = { periodFrom: "2024-02-01", periodTo: "2024-02-02", amount: 1 };
    expect(
      (await call(w.sessions.staff, "POST", `/api/stays/${w.stay}/invoices`, invoice)).statusCode,
    ).toBe(404);
    expect((await events("stay_cost.read", w.ids.staff))[0]).toMatchObject({
      outcome: "denied",
      resource_id: w.caseA,
    });
    const actor: Actor = {
      userId: w.ids.staff,
      orgId: w.orgId,
      username: "",
      displayName: "",
      roles: [],
    };
    const seen = await withActor(database().db, actor, async (trx) => ({
      stays: await trx.selectFrom("stay").select("id").where("id", "=", w.stay).execute(),
      invoices: await trx
        .selectFrom("stay_invoice")
        .select("id")
        .where("stay_id", "=", w.stay)
        .execute(),
    }));
    expect(seen.stays).toHaveLength(1); // they run the flat the stay was at
    expect(seen.invoices).toEqual([]);
  });

  it("answers 404 for someone else's stay and for no stay, each attempt audited", async () => {
    expect((await call(w.sessions.workerB, "GET", `/api/stays/${w.stay}/costs`)).statusCode).toBe(
      404,
    );
    const missing = randomUUID();
    const none = await call(w.sessions.workerB, "GET", `/api/stays/${missing}/costs`);
    expect(none.statusCode).toBe(404);
    expect(none.json().error.message).toBe("Vistelsen finns inte, eller så saknar du behörighet.");
    const denied = await events("stay_cost.read", w.ids.workerB);
    expect(denied.map((e) => [e.outcome, e.resource_id])).toEqual([
      ["denied", w.caseA],
      ["denied", null],
    ]);
  });

  it("reports the month per placing unit, place and operator for the manager's unit only", async () => {
    const res = await call(w.sessions.manager, "GET", "/api/costs?month=2024-02");
    expect(res.statusCode).toBe(200);
    const report = res.json();
    const f = (adultNights: number, childNights: number, computed: number, invoiced: number) => ({
      adultNights,
      childNights,
      computed,
      invoiced,
    });
    expect(report.stays).toBe(1);
    expect(report.units).toEqual([
      { unitId: w.unitA, unitName: expect.any(String), ...f(29, 58, 47010, 47010) },
    ]);
    expect(report.places).toEqual([
      {
        placeId: w.flat,
        placeName: "Akutlägenhet Ek",
        operatorName: "Testkommun",
        ...f(9, 18, 18000, 18000),
      },
      {
        placeId: w.shelter,
        placeName: "Skyddat boende Lind",
        operatorName: "Kvinnojouren Frid",
        ...f(20, 40, 29010, 29010),
      },
    ]);
    expect(report.operators).toEqual([
      { operatorName: "Kvinnojouren Frid", ...f(20, 40, 29010, 29010) },
      { operatorName: "Testkommun", ...f(9, 18, 18000, 18000) },
    ]);
    expect(report.totals).toEqual(f(29, 58, 47010, 47010));
    expect(JSON.stringify(report)).not.toMatch(new RegExp(addresses.join("|")));
    const [event] = await events("cost_report.read", w.ids.manager);
    expect(event).toMatchObject({
      outcome: "allowed",
      case_ids: [w.caseA],
      data: { month: "2024-02", format: "json", stays: 1 },
    });
  });

  it("scopes the report to the cases each user may see", async () => {
    const stays = async (s: Session, q = "month=2024-02") =>
      (await call(s, "GET", `/api/costs?${q}`)).json().stays;
    expect(await stays(w.sessions.worker)).toBe(1);
    expect(await stays(w.sessions.colleague)).toBe(0);
    expect(await stays(w.sessions.staff)).toBe(0);
    const b = (await call(w.sessions.workerB, "GET", "/api/costs?month=2024-02")).json();
    expect(b.totals).toEqual({ adultNights: 4, childNights: 0, computed: 5802, invoiced: 0 });
    expect(await stays(w.sessions.manager, `month=2024-02&unitId=${w.unitB}`)).toBe(0);
    expect(await stays(w.sessions.manager, "month=2024-04")).toBe(0);
  });

  it("answers 404 for a unit of no organisation of the caller, audited", async () => {
    const res = await call(
      w.sessions.manager,
      "GET",
      `/api/costs?month=2024-02&unitId=${randomUUID()}`,
    );
    expect(res.statusCode).toBe(404);
    expect(
      (await events("cost_report.read", w.ids.manager)).some((e) => e.outcome === "denied"),
    ).toBe(true);
  });
});
