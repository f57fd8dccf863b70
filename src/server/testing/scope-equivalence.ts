import { type Kysely, sql } from "kysely";
import { expect } from "vitest";
import type { Actor } from "../access/actor.ts";
import { accessibleCases, accessiblePersons } from "../access/scope.ts";
import { withActor } from "../access/transaction.ts";
import type { Database } from "../db/types.ts";
import { actorOf } from "./access-world.ts";

/**
 * The rule "who may see a case / a person" is written twice: in scope.ts, which every list
 * and search applies, and in SQL (frid_can_see_case, frid_can_see_person, the policies),
 * which row-level security applies to every query. These ask both the same question for a
 * user and must get the same answer (scope-rls.test.ts on generated worlds and the demo
 * data; scripts/national on the synthetic country).
 *
 * The application's side runs as the owner, so row-level security cannot hide what scope.ts
 * would let through; the database's side is a bare `select` under the actor's settings,
 * with no WHERE of the application's.
 */
export async function appScope(owner: Kysely<Database>, actor: Actor) {
  const cases = await owner
    .selectFrom("case as c")
    .select("c.id")
    .where(accessibleCases(actor))
    .execute();
  // The same rule written for a query that finds one case (probes, migration 0043) must let
  // exactly the same cases through.
  const probed = await owner
    .selectFrom("case as c")
    .select("c.id")
    .where(accessibleCases(actor, "probe"))
    .execute();
  expect(probed.map((c) => c.id).sort(), `cases of ${actor.username}: probe vs set`).toEqual(
    cases.map((c) => c.id).sort(),
  );
  const persons = await owner
    .selectFrom("person as p")
    .select("p.id")
    .where(accessiblePersons(actor))
    .execute();
  return { cases: cases.map((c) => c.id).sort(), persons: persons.map((p) => p.id).sort() };
}

export function rlsScope(db: Kysely<Database>, actor: Actor) {
  return withActor(db, actor, async (trx) => {
    const cases = await sql<{ id: string }>`select id from "case"`.execute(trx);
    const persons = await sql<{ id: string }>`select id from person`.execute(trx);
    return {
      cases: cases.rows.map((c) => c.id).sort(),
      persons: persons.rows.map((p) => p.id).sort(),
    };
  });
}

/** Compares both sides for every user; returns how many (user, row) pairs were visible. */
export async function compareScopes(
  db: Kysely<Database>,
  owner: Kysely<Database>,
  userIds: string[],
): Promise<number> {
  let visible = 0;
  for (const userId of userIds) {
    const actor = await actorOf(owner, userId);
    const who = `${actor.username} (${actor.roles.map((r) => r.role).join(", ") || "no role"})`;
    const [app, rls] = await Promise.all([appScope(owner, actor), rlsScope(db, actor)]);
    expect(app.cases, `cases of ${who}: scope.ts vs row-level security`).toEqual(rls.cases);
    expect(app.persons, `persons of ${who}: scope.ts vs row-level security`).toEqual(rls.persons);
    visible += app.cases.length + app.persons.length;
  }
  return visible;
}
