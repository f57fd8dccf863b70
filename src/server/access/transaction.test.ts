import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { appRole } from "../db/connection.ts";
import { testDatabaseKinds, useTestDatabase } from "../testing/databases.ts";
import { withActor } from "./transaction.ts";

/**
 * Row-level security trusts what withActor sets: the role and the actor. On PostgreSQL the
 * settings travel with BEGIN, quoted by the application (db/transaction-prelude.ts); these
 * cases guard what that must never do: run as the owner, mix up two requests' actors, or
 * let a value out of its quotes.
 */
describe.each(testDatabaseKinds)("withActor (%s)", (kind) => {
  const database = useTestDatabase(kind);
  const settings = (trx: Parameters<Parameters<typeof withActor>[2]>[0]) =>
    sql<{ role: string; user: string; org: string }>`
      select current_user as role, current_setting('frid.user_id') as user,
             current_setting('frid.org_id') as org`
      .execute(trx)
      .then((r) => r.rows[0]);

  it("runs as the application role with the actor set, and only for that transaction", async () => {
    const actor = { userId: randomUUID(), orgId: randomUUID() };
    const seen = await withActor(database().db, actor, settings);
    expect(seen).toEqual({ role: appRole, user: actor.userId, org: actor.orgId });
    const after = await sql<{ user: string }>`select current_setting('frid.user_id', true) as user`
      .execute(database().db)
      .then((r) => r.rows[0]?.user ?? "");
    expect(after).toBe("");
  });

  it("gives each of many concurrent transactions its own actor", async () => {
    const actors = Array.from({ length: 24 }, () => ({
      userId: randomUUID(),
      orgId: randomUUID(),
    }));
    const seen = await Promise.all(
      actors.map((actor) =>
        withActor(database().db, actor, async (trx) => {
          // A second statement after other transactions had their turn: still this actor.
          await sql`select pg_sleep(0.01)`.execute(trx);
          return settings(trx);
        }),
      ),
    );
    expect(seen.map((s) => s?.user)).toEqual(actors.map((a) => a.userId));
    expect(seen.map((s) => s?.org)).toEqual(actors.map((a) => a.orgId));
  });

  it("keeps a value with a quote in it whole: it is a parameter, never SQL", async () => {
    const actor = { userId: "x', true), set_config('role', 'postgres", orgId: "o'r'g" };
    const seen = await withActor(database().db, actor, settings);
    expect(seen).toEqual({ role: appRole, user: actor.userId, org: actor.orgId });
  });
});
