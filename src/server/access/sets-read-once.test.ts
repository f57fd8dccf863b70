import { type CompiledQuery, sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { eventsAbout } from "../modules/audit-review/service.ts";
import { shownPersons } from "../modules/persons/queries.ts";
import { actorOf } from "../testing/access-world.ts";
import { testDatabaseKinds, useTestDatabase } from "../testing/databases.ts";
import { buildCase, buildOrg, buildPerson, buildUnit, buildUser } from "../testing/factories.ts";
import { explainIn } from "../testing/plans.ts";
import type { Actor } from "./actor.ts";
import { accessibleCases, accessiblePersons, isAssigned } from "./scope.ts";
import { type Trx, withActor } from "./transaction.ts";

/**
 * Migration 0038: what 0034 left per row. The plans are read with EXPLAIN under the actor's
 * row-level security, as the server runs them.
 */
describe.each(testDatabaseKinds)("the actor's sets read once per statement (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let w: { worker: Actor; manager: string; caseId: string; orgId: string; personId: string };

  beforeAll(async () => {
    const { owner } = database();
    const org = await buildOrg(owner);
    const unit = await buildUnit(owner, org.id);
    const worker = await buildUser(owner, org.id, [{ unitId: unit.id, role: "caseworker" }]);
    const manager = await buildUser(owner, org.id, [{ unitId: unit.id, role: "unit_manager" }]);
    const person = await buildPerson(owner, org.id);
    const c = await buildCase(owner, {
      orgId: org.id,
      unitId: unit.id,
      personId: person.id,
      openedBy: manager.id,
      assignees: [worker.id],
    });
    w = {
      worker: await actorOf(owner, worker.id),
      manager: manager.id,
      caseId: c.id,
      orgId: org.id,
      personId: person.id,
    };
  });

  /** The plan of a compiled query, as the actor's transaction would run it. */
  async function planOf(actor: Actor, build: (trx: Trx) => { compile(): CompiledQuery }) {
    return withActor(database().db, actor, (trx) =>
      explainIn(trx, build(trx).compile(), "verbose, costs off"),
    );
  }

  const mine = (trx: Trx, actor: Actor) =>
    trx
      .selectFrom("case as c")
      .select("c.id")
      .where(accessibleCases(actor))
      .where((eb) => isAssigned(eb, actor.userId));

  it("'assigned to me' asks no function per assignment row (mine lists, Att göra)", async () => {
    const plan = await planOf(w.worker, (trx) => mine(trx, w.worker));
    expect(plan, plan).not.toMatch(/frid_can_see_case/);
    expect(plan, plan).toMatch(/frid_assigned_cases/);
  });

  it("'assigned to me' follows an unassignment and a new assignment at once", async () => {
    const { db, owner } = database();
    const ids = () =>
      withActor(db, w.worker, async (trx) =>
        (await mine(trx, w.worker).execute()).map((r) => r.id),
      );
    expect(await ids()).toEqual([w.caseId]);
    await owner
      .updateTable("case_assignment")
      .set({ unassigned_at: new Date(), unassigned_by: w.manager })
      .where("case_id", "=", w.caseId)
      .execute();
    expect(await ids()).toEqual([]);
    await owner
      .insertInto("case_assignment")
      .values({
        org_id: w.orgId,
        case_id: w.caseId,
        user_id: w.worker.userId,
        assigned_by: w.manager,
      })
      .execute();
    expect(await ids()).toEqual([w.caseId]);
  });

  it("tells no one about another user's assignments", async () => {
    const { db } = database();
    const other = await withActor(
      db,
      { userId: w.manager, orgId: w.orgId },
      async (trx) =>
        (
          await sql<{
            ids: string[];
          }>`select frid_assigned_cases(${w.worker.userId}::uuid) as ids`.execute(trx)
        ).rows[0]?.ids,
    );
    expect(other).toEqual([]);
  });
  it("the person read asks 'sees one of her cases' once per row, not in each CASE", async () => {
    const count = (plan: string) => plan.match(/frid_current_cases/g)?.length ?? 0;
    const rule = await planOf(w.worker, (trx) =>
      trx
        .selectFrom("person as p")
        .select("p.id")
        .where("p.id", "=", w.personId)
        .where(accessiblePersons(w.worker)),
    );
    const shown = await planOf(w.worker, (trx) =>
      shownPersons(trx, w.worker).where("p.id", "=", w.personId),
    );
    // The shown columns (name, sex, protection level as the actor may see them) cost no
    // more reads of the actor's sets than the rule that finds the person.
    expect(count(shown), shown).toBeLessThanOrEqual(count(rule));
  });
  it("the person log review finds her events by the indexes, the rule kept", async () => {
    const { db, owner } = database();
    const manager = await actorOf(owner, w.manager);
    const plan = await withActor(db, manager, async (trx) => {
      // A trail too small for the planner to prefer an index on its own: forbid the scan.
      await sql`set local enable_seqscan = off`.execute(trx);
      const q = trx
        .selectFrom("audit_event as e")
        .select("e.id")
        .where("e.org_id", "=", w.orgId)
        .where(eventsAbout(w.personId, null, 21))
        .orderBy("e.id", "desc")
        .limit(21)
        .compile();
      return explainIn(trx, q, "costs off");
    });
    // Not the organisation's events filtered one by one with the person test.
    expect(plan, plan).not.toMatch(/Filter:.*person_ids @>/);
    expect(plan, plan).not.toMatch(/Filter:.*person_id =/);
  });

  it("the review's events are exactly hers in her organisation, newest first, paged", async () => {
    const { db, owner } = database();
    const manager = await actorOf(owner, w.manager);
    const other = await buildOrg(owner);
    const event = (orgId: string, personId: string | null, personIds: string[] | null) =>
      owner
        .insertInto("audit_event")
        .values({
          org_id: orgId,
          action: "case.read",
          outcome: "allowed",
          resource_type: "case",
          person_id: personId,
          person_ids: personIds,
        })
        .returning("id")
        .executeTakeFirstOrThrow()
        .then((r) => Number(r.id));
    const someoneElse = (await buildPerson(owner, w.orgId)).id;
    const a = await event(w.orgId, w.personId, null);
    await event(w.orgId, someoneElse, [someoneElse]);
    const b = await event(w.orgId, someoneElse, [someoneElse, w.personId]);
    await event(other.id, w.personId, [w.personId]);
    const c = await event(w.orgId, w.personId, [w.personId]);
    const ids = (before: number | null, limit: number | null) =>
      withActor(db, manager, async (trx) =>
        (
          await trx
            .selectFrom("audit_event as e")
            .select("e.id")
            .where(eventsAbout(w.personId, before, limit))
            .where("e.action", "=", "case.read")
            .orderBy("e.id", "desc")
            .execute()
        ).map((r) => Number(r.id)),
      );
    expect(await ids(null, null)).toEqual([c, b, a]);
    expect(await ids(c, 1)).toEqual([b]);
  });
});
