import { sql } from "kysely";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { YearlyReport } from "../../shared/api/yearly-report.ts";
import { loadConfig } from "../config.ts";
import { developmentKeyService } from "../crypto/key-service.ts";
import { temporaryKeyStore } from "../crypto/record-keys.ts";
import { type DatabaseHandle, openDatabase } from "../db/connection.ts";
import { migrate } from "../db/migrate.ts";
import { replicaLag } from "../db/reporting-replica.ts";
import { buildTestApp, type TestApp } from "../testing/app.ts";
import { consultationBody } from "../testing/consult.ts";
import { testDatabaseKinds, useTestDatabase } from "../testing/databases.ts";
import { as, buildOrg, buildUnit, buildUser, login, type Session } from "../testing/factories.ts";
import {
  connect,
  createReplicatedDatabase,
  type ReplicaPair,
  startReplicaPair,
  waitForReplay,
} from "../testing/replica-pair.ts";
import { dataAsOfHeader, replicaBehindMessage, replicaDownMessage } from "./data-as-of.ts";
import { withReporting } from "./transaction.ts";

/*
 * Reports off the primary (issue 20, item 7; ADR 0026): with FRID_REPORTING_DATABASE_URL the
 * statistics read from a real PostgreSQL streaming replica, here a pair made by
 * scripts/replica-pair.sh (CI's, or the test's own). A service-contact report of one unit
 * in March 2026, its contacts entered through the API on the primary; and the committee's
 * yearly report of 2026 (issue 20, item 4) with the unit's consultations logged the same way.
 */
const iso = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

describe("reports on a streaming replica (PostgreSQL)", () => {
  let pair: ReplicaPair;
  let made: Awaited<ReturnType<typeof createReplicatedDatabase>>;
  const handles: DatabaseHandle[] = [];
  const apps: TestApp[] = [];
  let t: TestApp;
  let primary: pg.Client;
  let replica: pg.Client;
  let who: { orgId: string; unitId: string; workerId: string; managerId: string };
  let worker: Session;
  let manager: Session;
  let managerName: string;

  /** The app over the pair, configured as an operator would: the environment's variables. */
  async function appWith(env: Record<string, string>) {
    const config = loadConfig({ DATABASE_URL: made.primaryUrl, ...env });
    const database = await openDatabase(
      config.database,
      developmentKeyService(),
      temporaryKeyStore(),
    );
    handles.push(database);
    const app = await buildTestApp(database);
    apps.push(app);
    return app;
  }
  const url = () =>
    `/api/statistics/service-contacts?from=2026-03-01&to=2026-03-31&unitId=${who.unitId}`;
  const report = (app: TestApp, session: Session) =>
    app.app.inject({ method: "GET", url: url(), headers: as(session) });
  async function contact(occurredAt: string) {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/service-contacts",
      headers: as(worker),
      payload: {
        kind: "phone_advice",
        channel: "phone",
        durationMinutes: 20,
        topic: "Råd",
        outcome: "advice_given",
        occurredAt,
        course: { unitId: who.unitId, subject: { kind: "anonymous" }, sex: "female" },
      },
    });
    expect(res.statusCode, res.body).toBe(201);
  }

  beforeAll(async () => {
    pair = await startReplicaPair();
    made = await createReplicatedDatabase(pair);
    primary = await connect(made.primaryUrl);
    replica = await connect(made.replicaUrl);
    t = await appWith({ FRID_REPORTING_DATABASE_URL: made.replicaUrl });
    const { owner } = t.database;
    await migrate(owner);
    const orgId = (await buildOrg(owner)).id;
    const unitId = (await buildUnit(owner, orgId, "crisis_centre")).id;
    const w = await buildUser(owner, orgId, [{ unitId, role: "therapist" }]);
    const m = await buildUser(owner, orgId, [{ unitId, role: "unit_manager" }]);
    who = { orgId, unitId, workerId: w.id, managerId: m.id };
    worker = await login(t.app, w.username);
    manager = await login(t.app, m.username);
    managerName = m.username;
  }, 120_000);
  afterAll(async () => {
    for (const app of apps) await app.close();
    for (const handle of handles) await handle.close();
    await primary?.end();
    await replica?.end();
    await made?.drop();
    await pair?.stop();
  });

  it("counts what the primary wrote once replayed, says how fresh, audits on the primary", async () => {
    await waitForReplay(primary, replica);
    const empty = await report(t, manager);
    expect(empty.statusCode, empty.body).toBe(200);
    expect(empty.json()).toMatchObject({ contacts: 0, persons: 0 });
    expect(empty.headers[dataAsOfHeader]).toMatch(iso);

    const writing = new Date();
    await contact("2026-03-03T10:00:00+01:00");
    await contact("2026-03-04T10:00:00+01:00");
    await waitForReplay(primary, replica);
    const res = await report(t, manager);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ contacts: 2, minutes: 40, women: 2 });
    // The commit time of the last transaction replayed: at least the contacts' own.
    const asOf = new Date(String(res.headers[dataAsOfHeader]));
    expect(asOf.getTime()).toBeGreaterThanOrEqual(writing.getTime());
    expect(asOf.getTime()).toBeLessThanOrEqual(Date.now());

    const { rows } = await primary.query(
      "select outcome, actor_user_id from audit_event where action = 'statistics.read' and request_id = $1",
      [res.headers["x-request-id"]],
    );
    expect(rows).toEqual([{ outcome: "allowed", actor_user_id: who.managerId }]);
  });

  it("runs the committee's yearly report on the replica: what the primary wrote, and how fresh", async () => {
    const yearly = () =>
      t.app.inject({
        method: "GET",
        url: `/api/reports/yearly?year=2026&unitId=${who.unitId}`,
        headers: as(manager),
      });
    const consultations = (body: YearlyReport) =>
      body.sections
        .flatMap((x) => x.tables)
        .find((x) => x.id === "consultations-per-unit")
        ?.rows.map((r) => [r.id, r.cells[0]?.value]);
    await waitForReplay(primary, replica);
    const before = await yearly();
    expect(before.statusCode, before.body).toBe(200);
    expect(consultations(before.json())).toEqual([
      [who.unitId, 0],
      ["total", 0],
    ]);

    const writing = new Date();
    for (const occurredAt of ["2026-03-10T09:30:00+01:00", "2026-09-10T09:30:00+02:00"]) {
      const logged = await t.app.inject({
        method: "POST",
        url: "/api/consultations",
        headers: as(worker),
        payload: consultationBody(who.unitId, { occurredAt }),
      });
      expect(logged.statusCode, logged.body).toBe(201);
    }
    await waitForReplay(primary, replica);
    const res = await yearly();
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as YearlyReport;
    expect(consultations(body)).toEqual([
      [who.unitId, 2],
      ["total", 2],
    ]);
    // The report says in its body (printed on paper too) what its header says: the replica's
    // last replayed commit, at least as late as the consultations' own.
    expect(body.dataAsOf).toMatch(iso);
    expect(res.headers[dataAsOfHeader]).toBe(body.dataAsOf);
    const asOf = new Date(String(body.dataAsOf));
    expect(asOf.getTime()).toBeGreaterThanOrEqual(writing.getTime());
    expect(asOf.getTime()).toBeLessThanOrEqual(Date.now());
    const { rows } = await primary.query(
      "select actor_user_id, data->>'report' as report from audit_event where action = 'statistics.read' and request_id = $1",
      [res.headers["x-request-id"]],
    );
    expect(rows).toEqual([{ actor_user_id: who.managerId, report: "yearly" }]);
  });

  it("reads the replica, not the primary: paused replay shows the earlier figures, or 503 past the limit", async () => {
    const strict = await appWith({
      FRID_REPORTING_DATABASE_URL: made.replicaUrl,
      FRID_REPORTING_MAX_LAG_SECONDS: "0",
    });
    const strictManager = await login(strict.app, managerName);
    await waitForReplay(primary, replica);
    await replica.query("select pg_wal_replay_pause()");
    try {
      await contact("2026-03-05T10:00:00+01:00");
      const onPrimary = await primary.query<{ n: number }>(
        "select count(*)::int as n from service_contact",
      );
      expect(onPrimary.rows).toEqual([{ n: 3 }]);
      // Behind by a few seconds at most: within the default five minutes, the replica's figures.
      const behind = await report(t, manager);
      expect(behind.statusCode, behind.body).toBe(200);
      expect(behind.json()).toMatchObject({ contacts: 2 });
      // With no lag allowed, a replica that lacks the primary's last write refuses.
      const refused = await report(strict, strictManager);
      expect(refused.statusCode).toBe(503);
      expect(refused.json().error).toMatchObject({
        code: "unavailable",
        message: replicaBehindMessage(0),
      });
      expect(refused.headers["retry-after"]).toBe("60");
      expect(refused.headers[dataAsOfHeader]).toBeUndefined();
      expect(strict.logs()).toContainEqual(
        expect.objectContaining({ level: 40, msg: "report refused: replica" }),
      );
    } finally {
      await replica.query("select pg_wal_replay_resume()");
    }
    await waitForReplay(primary, replica);
    const caughtUp = await report(strict, strictManager);
    expect(caughtUp.statusCode, caughtUp.body).toBe(200);
    expect(caughtUp.json()).toMatchObject({ contacts: 3, minutes: 60 });
  });

  it("refuses a report with 503 when the replica does not answer, and casework goes on", async () => {
    // Port 1 on this machine: nothing listens, the connection is refused at once.
    const down = await appWith({
      FRID_REPORTING_DATABASE_URL: `postgres://postgres@127.0.0.1:1/${made.name}`,
    });
    const session = await login(down.app, managerName);
    const res = await report(down, session);
    expect(res.statusCode).toBe(503);
    expect(res.json().error).toMatchObject({ code: "unavailable", message: replicaDownMessage });
    // No figures were read, so no report was: no audit event of one.
    const { rows } = await primary.query(
      "select count(*)::int as n from audit_event where action = 'statistics.read' and request_id = $1",
      [res.headers["x-request-id"]],
    );
    expect(rows).toEqual([{ n: 0 }]);
    const own = await down.app.inject({ method: "GET", url: "/api/me", headers: as(session) });
    expect(own.statusCode, own.body).toBe(200);
  });

  it("lets nothing be written through the reporting funnel on the replica", async () => {
    const db = handles[0]?.db;
    if (!db) throw new Error("no database");
    const attempt = withReporting(db, { userId: who.managerId, orgId: who.orgId }, async (trx) => {
      const { rows } = await sql<{ replica: boolean }>`
        select pg_is_in_recovery() as replica`.execute(trx);
      expect(rows).toEqual([{ replica: true }]);
      await sql`update service_contact set duration_minutes = 0`.execute(trx);
    });
    await expect(attempt).rejects.toThrow(/cannot execute UPDATE in a read-only transaction/);
    const { rows } = await primary.query<{ n: number }>(
      "select count(*)::int as n from service_contact where duration_minutes = 20",
    );
    expect(rows).toEqual([{ n: 3 }]);
  });
});

describe.each(testDatabaseKinds)("reports without a replica (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  afterAll(() => t?.close());

  it("read the primary, as before, and say so", async () => {
    t = await buildTestApp(database());
    const { owner } = database();
    const orgId = (await buildOrg(owner)).id;
    const unitId = (await buildUnit(owner, orgId, "crisis_centre")).id;
    const m = await buildUser(owner, orgId, [{ unitId, role: "unit_manager" }]);
    const session = await login(t.app, m.username);
    const res = await t.app.inject({
      method: "GET",
      url: `/api/statistics/service-contacts?from=2026-03-01&to=2026-03-31&unitId=${unitId}`,
      headers: as(session),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ contacts: 0 });
    expect(res.headers[dataAsOfHeader]).toBe("primary");
    // Answers that read no figures say nothing of freshness.
    const me = await t.app.inject({ method: "GET", url: "/api/me", headers: as(session) });
    expect(me.headers[dataAsOfHeader]).toBeUndefined();
  });
});

describe("how far behind a replica is", () => {
  const at = (s: number) => new Date(Date.UTC(2026, 11, 6, 12, 0, s));
  const state = { recovering: true, caughtUp: false, replayedAt: at(0), checkedAt: at(42) };

  it("is nothing when it holds all the primary had, however long ago the last write", () => {
    expect(replicaLag({ ...state, caughtUp: true })).toBe(0);
    expect(replicaLag({ ...state, caughtUp: true, replayedAt: null })).toBe(0);
  });
  it("is the time since its last replayed transaction when behind", () => {
    expect(replicaLag(state)).toBe(42);
  });
  it("cannot be known for a promoted server, or one behind that has replayed nothing", () => {
    expect(replicaLag({ ...state, recovering: false, caughtUp: true })).toBeNull();
    expect(replicaLag({ ...state, replayedAt: null })).toBeNull();
  });
});
