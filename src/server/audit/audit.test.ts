import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import pino from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { withActor } from "../access/transaction.ts";
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from "../testing/databases.ts";
import { buildOrg, buildUser } from "../testing/factories.ts";
import { canonicalText } from "./chain.ts";
import { listEntry, recordAudit } from "./record.ts";
import { sealPending, startSealer } from "./sealer.ts";
import { verifyAuditTrail } from "./verify.ts";

describe.each(testDatabaseKinds)("the audit trail's hash chain (%s)", (kind) => {
  let database: TestDatabase;
  let ids: number[];

  afterEach(() => database?.close());
  beforeEach(async () => {
    database = await createTestDatabase(kind);
    const org = await buildOrg(database.owner);
    const user = await buildUser(database.owner, org.id);
    const actor = {
      userId: user.id,
      orgId: org.id,
      username: user.username,
      displayName: "x",
      roles: [],
    };
    for (let i = 0; i < 5; i++) {
      await withActor(database.db, actor, (trx) =>
        recordAudit(
          trx,
          { actor, orgId: org.id, meta: { requestId: `r${i}`, clientAddress: "127.0.0.1" } },
          [{ action: "case.read", resourceType: "case", resourceId: `case-${i}` }],
        ),
      );
    }
    // A failed login with an unknown username: the organisation-less chain.
    await withActor(database.db, { userId: null, orgId: null }, (trx) =>
      recordAudit(
        trx,
        { actor: null, orgId: null, meta: { requestId: "x", clientAddress: null } },
        [
          {
            action: "login.failed",
            outcome: "denied",
            resourceType: "session",
            data: { why: "unknown_user" },
          },
        ],
      ),
    );
    expect(await sealPending(database.db)).toBe(6);
    ids = (await database.owner.selectFrom("audit_event").select("id").orderBy("id").execute()).map(
      (r) => r.id,
    );
  });

  it("verifies an untouched trail, and seals only what is new", async () => {
    expect(await verifyAuditTrail(database.owner)).toEqual({ ok: true, checked: 6, unsealed: 0 });
    expect(await sealPending(database.db)).toBe(0);
  });

  it("keeps sealing when more events arrive than one batch holds", async () => {
    const org = await database.owner
      .selectFrom("organisation")
      .select("id")
      .executeTakeFirstOrThrow();
    for (let i = 0; i < 7; i++) {
      await withActor(database.db, { userId: null, orgId: org.id }, (trx) =>
        recordAudit(
          trx,
          { actor: null, orgId: org.id, meta: { requestId: `b${i}`, clientAddress: null } },
          [{ action: "logout", resourceType: "session" }],
        ),
      );
    }
    const sealedPerTick = [
      await sealPending(database.db, 3),
      await sealPending(database.db, 3),
      await sealPending(database.db, 3),
    ];
    expect(sealedPerTick).toEqual([3, 3, 1]);
    expect(await verifyAuditTrail(database.owner)).toEqual({ ok: true, checked: 13, unsealed: 0 });
  });

  it("names the first event that was edited", async () => {
    await sql`update audit_event set actor_role = 'unit_manager' where id = ${ids[2]}`.execute(
      database.owner,
    );
    const result = await verifyAuditTrail(database.owner);
    expect(result.ok).toBe(false);
    expect(result.problem).toMatch(
      new RegExp(`audit event ${ids[2]} .* has been altered or reordered`),
    );
  });

  it("names an event that was removed", async () => {
    await sql`delete from audit_event where id = ${ids[1]}`.execute(database.owner);
    expect((await verifyAuditTrail(database.owner)).problem).toMatch(
      new RegExp(`audit event ${ids[1]} .* has been removed`),
    );
  });

  it("notices events swapped between places", async () => {
    await sql`
      update audit_event set resource_id = case id when ${ids[0]} then 'case-1' else 'case-0' end
      where id in (${ids[0]}, ${ids[1]})`.execute(database.owner);
    expect((await verifyAuditTrail(database.owner)).problem).toMatch(
      new RegExp(`audit event ${ids[0]} `),
    );
  });

  it("notices an event removed together with its seal", async () => {
    await sql`delete from audit_seal where event_id = ${ids[1]}`.execute(database.owner);
    await sql`delete from audit_event where id = ${ids[1]}`.execute(database.owner);
    expect((await verifyAuditTrail(database.owner)).problem).toMatch(
      /is missing .* an event was removed together with its seal/,
    );
  });

  it("verifies in batches of the size asked, and finds a change in the last batch", async () => {
    const batches: number[] = [];
    const intact = await verifyAuditTrail(database.owner, {
      batchSize: 2,
      onBatch: (n) => batches.push(n),
    });
    expect(intact).toEqual({ ok: true, checked: 6, unsealed: 0 });
    // Four chain positions in the organisation's chain, two in the system chain: never more
    // than two events in memory at a time.
    expect(batches).toEqual([2, 2, 2]);
    const last = ids[ids.length - 1] as number;
    await sql`update audit_event set data = '{"why":"bad_password"}' where id = ${last}`.execute(
      database.owner,
    );
    const result = await verifyAuditTrail(database.owner, { batchSize: 2 });
    expect(result.ok).toBe(false);
    expect(result.checked).toBe(5);
    expect(result.problem).toMatch(new RegExp(`audit event ${last} .* has been altered`));
  });

  it("finds a gap in a later batch: an event removed with its seal", async () => {
    await sql`delete from audit_seal where event_id = ${ids[3]}`.execute(database.owner);
    await sql`delete from audit_event where id = ${ids[3]}`.execute(database.owner);
    const result = await verifyAuditTrail(database.owner, { batchSize: 2 });
    expect(result.problem).toMatch(
      /the seal before position 5 .* is missing \(expected position 4\): an event was removed together with its seal/,
    );
  });

  it("verifies list events, and notices a person taken out of one", async () => {
    const org = await database.owner
      .selectFrom("organisation")
      .select("id")
      .executeTakeFirstOrThrow();
    const shown = [randomUUID(), randomUUID(), randomUUID()];
    await withActor(database.db, { userId: null, orgId: org.id }, (trx) =>
      recordAudit(
        trx,
        { actor: null, orgId: org.id, meta: { requestId: "list", clientAddress: null } },
        [listEntry("worklist.read", { resourceType: "case", personIds: shown, caseIds: [] })],
      ),
    );
    await sealPending(database.db);
    expect(await verifyAuditTrail(database.owner, { batchSize: 4 })).toEqual({
      ok: true,
      checked: 7,
      unsealed: 0,
    });
    const listed = await database.owner
      .selectFrom("audit_event")
      .select(["id", "person_ids"])
      .where("request_id", "=", "list")
      .executeTakeFirstOrThrow();
    expect(listed.person_ids).toEqual(shown);
    await sql`update audit_event set person_ids = ${shown.slice(1)}::uuid[] where id = ${listed.id}`.execute(
      database.owner,
    );
    expect((await verifyAuditTrail(database.owner)).problem).toMatch(
      new RegExp(`audit event ${listed.id} .* has been altered`),
    );
  });

  it("verifies text beyond ASCII exactly as the sealer hashed it", async () => {
    const org = await database.owner
      .selectFrom("organisation")
      .select("id")
      .executeTakeFirstOrThrow();
    await withActor(database.db, { userId: null, orgId: org.id }, (trx) =>
      recordAudit(
        trx,
        { actor: null, orgId: org.id, meta: { requestId: "åäö", clientAddress: null } },
        [{ action: "logout", resourceType: "session", reason: "Täckning för Åsa – semester 🌞" }],
      ),
    );
    await sealPending(database.db);
    expect(await verifyAuditTrail(database.owner)).toEqual({ ok: true, checked: 7, unsealed: 0 });
  });

  it("gives events without person lists the canonical text they had before lists existed", async () => {
    // The text as sealed before migration 0030: an old trail must still verify.
    const { rows } = await sql<{ before: string; now: string }>`
      select concat_ws(E'\\x1f', e.id::text, coalesce(e.org_id::text, ''),
        to_char(e.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
        coalesce(e.actor_user_id::text, ''), coalesce(e.actor_role, ''), coalesce(e.unit_id::text, ''),
        e.action, e.outcome, e.resource_type, coalesce(e.resource_id, ''), coalesce(e.person_id::text, ''),
        coalesce(e.reason, ''), coalesce(e.request_id, ''), coalesce(e.client_address, ''), e.data::text) as before,
        ${canonicalText} as now
      from audit_event e order by e.id`.execute(database.owner);
    expect(rows).toHaveLength(6);
    for (const row of rows) expect(row.now).toBe(row.before);
  });

  it("keeps requests independent of the chain: unsealed events are counted, not failed", async () => {
    const org = await database.owner
      .selectFrom("organisation")
      .select("id")
      .executeTakeFirstOrThrow();
    await withActor(database.db, { userId: null, orgId: org.id }, (trx) =>
      recordAudit(
        trx,
        { actor: null, orgId: org.id, meta: { requestId: "late", clientAddress: null } },
        [{ action: "logout", resourceType: "session" }],
      ),
    );
    expect(await verifyAuditTrail(database.owner)).toEqual({ ok: true, checked: 6, unsealed: 1 });
  });

  it("seals the events written before the sealer is stopped (a graceful shutdown)", async () => {
    const org = await database.owner
      .selectFrom("organisation")
      .select("id")
      .executeTakeFirstOrThrow();
    // An hour between rounds: only the stop itself can seal the event.
    const stop = startSealer(database.db, pino({ level: "silent" }), 3_600_000);
    await withActor(database.db, { userId: null, orgId: org.id }, (trx) =>
      recordAudit(
        trx,
        { actor: null, orgId: org.id, meta: { requestId: "last", clientAddress: null } },
        [{ action: "logout", resourceType: "session" }],
      ),
    );
    await stop();
    expect(await verifyAuditTrail(database.owner)).toEqual({ ok: true, checked: 7, unsealed: 0 });
  });
});
