import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../db/connection.ts";
import { partnerContactStatistics } from "../modules/statistics/partner-contact.ts";
import { actorOf } from "../testing/access-world.ts";
import { testDatabaseKinds, useTestDatabase } from "../testing/databases.ts";
import { buildCase, buildOrg, buildPerson, buildUnit, buildUser } from "../testing/factories.ts";
import { withReporting } from "./transaction.ts";

/**
 * Statistics count across every case of a unit, cases the asking manager or analyst may not
 * open, so they cannot read as the actor under frid_app's policies. They read as frid_report
 * (migration 0033): a role that may only select, and whose own policies let a unit manager
 * count their units' cases and an analyst their organisation's — never the owner, which
 * bypasses row-level security.
 */
describe.each(testDatabaseKinds)("the reporting role (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let w: Record<
    "manager" | "analyst" | "worker" | "elsewhere" | "mine" | "theirs" | "foreign",
    string
  >;

  beforeAll(async () => {
    const { owner } = database();
    const org = await buildOrg(owner);
    const [u1, u2] = [await buildUnit(owner, org.id), await buildUnit(owner, org.id)];
    const worker = await buildUser(owner, org.id, [{ unitId: u1.id, role: "caseworker" }]);
    const manager = await buildUser(owner, org.id, [{ unitId: u1.id, role: "unit_manager" }]);
    const analyst = await buildUser(owner, org.id, [{ unitId: null, role: "analyst" }]);
    const other = await buildOrg(owner);
    const elsewhere = await buildUser(owner, other.id, [{ unitId: null, role: "analyst" }]);
    const person = await buildPerson(owner, org.id, worker.id);
    const at = (unitId: string) =>
      buildCase(owner, { orgId: org.id, unitId, personId: person.id, openedBy: worker.id });
    // A case of a third organisation, counted by no one here.
    const third = await buildOrg(owner);
    const thirdUser = await buildUser(owner, third.id, [{ unitId: null, role: "analyst" }]);
    const foreign = await buildCase(owner, {
      orgId: third.id,
      unitId: (await buildUnit(owner, third.id)).id,
      personId: (await buildPerson(owner, third.id, thirdUser.id)).id,
      openedBy: thirdUser.id,
    });
    w = {
      manager: manager.id,
      analyst: analyst.id,
      worker: worker.id,
      elsewhere: elsewhere.id,
      mine: (await at(u1.id)).id,
      theirs: (await at(u2.id)).id,
      foreign: foreign.id,
    };
    // A treatment on each case; the third organisation's names this one (no write through the
    // application does that, 0039; an import could) — its case still decides.
    for (const caseId of [w.mine, w.theirs, w.foreign])
      await owner
        .insertInto("treatment")
        .values({
          case_id: caseId,
          org_id: org.id,
          referral_source: "self",
          referred_on: "2026-03-01",
          recorded_by: worker.id,
        })
        .execute();
  });

  const casesCounted = async (userId: string) =>
    withReporting(database().db, await actorOf(database().owner, userId), async (trx) => {
      const { rows } = await sql<{ id: string }>`select id from "case" order by id`.execute(trx);
      return rows.map((r) => r.id);
    });

  it("lets a unit manager count their unit's cases and an analyst the organisation's", async () => {
    expect(await casesCounted(w.manager)).toEqual([w.mine]);
    expect(await casesCounted(w.analyst)).toEqual([w.mine, w.theirs].sort());
  });

  // Migration 0042 asks the case's key per row instead of frid_reports_on_case: the same rule.
  it("counts a treatment only where its case may be counted, whatever the row names", async () => {
    const treatmentsCounted = async (userId: string) =>
      withReporting(database().db, await actorOf(database().owner, userId), async (trx) => {
        const { rows } = await sql<{ id: string }>`
          select case_id as id from treatment order by case_id`.execute(trx);
        return rows.map((r) => r.id);
      });
    expect(await treatmentsCounted(w.manager)).toEqual([w.mine]);
    expect(await treatmentsCounted(w.analyst)).toEqual([w.mine, w.theirs].sort());
    expect(await treatmentsCounted(w.worker)).toEqual([]);
    expect(await treatmentsCounted(w.elsewhere)).toEqual([]);
  });

  it("lets a caseworker and another organisation's analyst count nothing", async () => {
    expect(await casesCounted(w.worker)).toEqual([]);
    expect(await casesCounted(w.elsewhere)).toEqual([]);
  });

  it("reads only: a read-only transaction, no write privilege, no person, journal or name", async () => {
    const actor = await actorOf(database().owner, w.analyst);
    const attempt = (statement: string) =>
      withReporting(database().db, actor, (trx) => sql.raw(statement).execute(trx));
    await expect(attempt(`update "case" set status = 'closed'`)).rejects.toThrow(/read-only/);
    await expect(attempt(`select * from person`)).rejects.toThrow(/permission denied/);
    await expect(attempt(`select * from journal_entry`)).rejects.toThrow(/permission denied/);
    await expect(attempt(`select reference from "case"`)).rejects.toThrow(/permission denied/);
    // The role itself may write nothing, read-only transaction or not.
    const { rows } = await sql<{ writes: number }>`
      select count(*)::int as writes
        from information_schema.role_table_grants
       where grantee = 'frid_report' and privilege_type <> 'SELECT'`.execute(database().owner);
    expect(rows[0]?.writes).toBe(0);
    const { rows: cols } = await sql<{ n: number }>`
      select count(*)::int as n from information_schema.column_privileges
       where grantee = 'frid_report' and privilege_type <> 'SELECT'`.execute(database().owner);
    expect(cols[0]?.n).toBe(0);
  });

  it("reads one snapshot: a case opened while a report runs is not counted by its later statements", async () => {
    const actor = await actorOf(database().owner, w.analyst);
    const count = async (trx: Parameters<Parameters<typeof withReporting>[2]>[0]) =>
      (await sql<{ n: number }>`select count(*)::int as n from "case"`.execute(trx)).rows[0]?.n;
    const mode = await withReporting(database().db, actor, async (trx) => {
      const { rows } = await sql<{ iso: string }>`
        select current_setting('transaction_isolation') as iso`.execute(trx);
      return rows[0]?.iso;
    });
    expect(mode).toBe("repeatable read");
    // The embedded database has one connection: another writer waits for the report there.
    if (kind !== "postgres") return;
    const org = (await actorOf(database().owner, w.worker)).orgId;
    const [before, after] = await withReporting(database().db, actor, async (trx) => {
      const first = await count(trx);
      const unit = await buildUnit(database().owner, org);
      const person = await buildPerson(database().owner, org, w.worker);
      await buildCase(database().owner, {
        orgId: org,
        unitId: unit.id,
        personId: person.id,
        openedBy: w.worker,
      });
      return [first, await count(trx)];
    });
    expect(after).toBe(before);
  });

  it("counts partner contact without the owner connection", async () => {
    const { db, kind: k } = database();
    const noOwner = new Proxy({} as DatabaseHandle["owner"], {
      get() {
        throw new Error("statistics must not use the owner connection");
      },
    });
    const handle: DatabaseHandle = {
      kind: k,
      db,
      owner: noOwner,
      cipher: database().cipher,
      recordKeys: database().recordKeys,
      close: async () => {},
    };
    const actor = await actorOf(database().owner, w.manager);
    const result = await partnerContactStatistics(
      handle,
      actor,
      { requestId: "test", clientAddress: null },
      { from: "2026-01-01", to: "2026-12-31" },
    );
    expect(result.scope).toBe("unit");
    expect(result.treatment.inTreatment).toBe(0);
  });
});
