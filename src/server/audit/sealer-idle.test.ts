import { type Kysely, type KyselyPlugin, sql } from "kysely";
import { beforeEach, describe, expect, it } from "vitest";
import { withActor } from "../access/transaction.ts";
import type { Database } from "../db/types.ts";
import { type TestDatabase, testDatabaseKinds, useTestDatabase } from "../testing/databases.ts";
import { buildOrg } from "../testing/factories.ts";
import { recordAudit } from "./record.ts";
import { sealPending } from "./sealer.ts";
import { verifyAuditTrail } from "./verify.ts";

/** The statements a Kysely sends (raw sql`` included), for counting a sealer pass's work. */
function counted(db: Kysely<Database>) {
  const statements: string[] = [];
  const plugin: KyselyPlugin = {
    transformQuery: (args) => {
      statements.push(args.node.kind);
      return args.node;
    },
    transformResult: async (args) => args.result,
  };
  return { db: db.withPlugin(plugin), statements };
}

async function logout(database: TestDatabase, orgId: string, requestId: string) {
  await withActor(database.db, { userId: null, orgId }, (trx) =>
    recordAudit(trx, { actor: null, orgId, meta: { requestId, clientAddress: null } }, [
      { action: "logout", resourceType: "session" },
    ]),
  );
}

/**
 * Issue 14: with 301 organisations the sealer opened a transaction per organisation every
 * 2 s even when nothing was new (~1,200 statements a pass). An idle pass is one statement.
 */
describe.each(testDatabaseKinds)("the audit sealer when nothing is new (%s)", (kind) => {
  const db = useTestDatabase(kind);
  let database: TestDatabase;
  let orgs: string[];

  // One database for the file: each test makes its own organisations, and starts idle.
  beforeEach(async () => {
    database = db();
    await sealPending(database.db);
    orgs = [];
    for (let i = 0; i < 5; i++) orgs.push((await buildOrg(database.owner)).id);
    for (const [i, org] of orgs.entries()) await logout(database, org, `first-${i}`);
    expect(await sealPending(database.db)).toBe(5);
  });

  it("issues one statement and no per-organisation work on an idle pass", async () => {
    const { db, statements } = counted(database.db);
    expect(await sealPending(db)).toBe(0);
    expect(statements).toHaveLength(1);
  });

  it("still seals a new event, working only the chain that has it", async () => {
    await logout(database, orgs[2] as string, "new");
    const { db, statements } = counted(database.db);
    expect(await sealPending(db)).toBe(1);
    // The check, then that one chain's work (its settings and lock, last seal, events, seal).
    expect(statements.length).toBeLessThanOrEqual(5);
    expect(await verifyAuditTrail(database.owner)).toMatchObject({ ok: true, unsealed: 0 });
    const again = counted(database.db);
    expect(await sealPending(again.db)).toBe(0);
    expect(again.statements).toHaveLength(1);
  });

  it("seals an event committed late, below an id already sealed", async () => {
    // A transaction that took its id first and committed after a later event was sealed:
    // the id is taken now and the row written (with that id) only after the next pass.
    const { rows } = await sql<{
      id: string;
    }>`select nextval(pg_get_serial_sequence('audit_event', 'id'))::text as id`.execute(
      database.owner,
    );
    const lateId = Number(rows[0]?.id);
    await logout(database, orgs[0] as string, "later");
    expect(await sealPending(database.db)).toBe(1);
    await sql`insert into audit_event (id, org_id, action, outcome, resource_type, request_id)
              overriding system value
              values (${lateId}, ${orgs[1]}::uuid, 'logout', 'allowed', 'session', 'late')`.execute(
      database.owner,
    );
    expect(await sealPending(database.db)).toBe(1);
    expect(await verifyAuditTrail(database.owner)).toMatchObject({ ok: true, unsealed: 0 });
  });
});
