import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { actorOf } from "../testing/access-world.ts";
import { testDatabaseKinds, useTestDatabase } from "../testing/databases.ts";
import { buildCase, buildOrg, buildPerson, buildUnit, buildUser } from "../testing/factories.ts";
import { explainIn } from "../testing/plans.ts";
import { accessibleCases, accessiblePersons } from "./scope.ts";
import { withActor } from "./transaction.ts";

/**
 * Migration 0034 (ADR 0009) writes the rule so the planner can use it: the actor's managed
 * units, cases worked now and barred persons are read once per statement, not by a function
 * per row. These tests hold the two things that must stay true: the plan calls no function
 * per case or person row, and the sets follow every change in the same transaction as it
 * happens — unassignment, a role taken away, a grant revoked or run out, a new barrier —
 * in row-level security and in scope.ts alike.
 */
describe.each(testDatabaseKinds)("the access rule as the planner sees it (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let w: {
    orgId: string;
    unitId: string;
    worker: string;
    manager: string;
    hisTherapist: string;
    caseId: string;
    personId: string;
    hisCaseId: string;
  };

  beforeAll(async () => {
    const { owner } = database();
    const org = await buildOrg(owner);
    const unit = await buildUnit(owner, org.id);
    const worker = await buildUser(owner, org.id, [{ unitId: unit.id, role: "caseworker" }]);
    const manager = await buildUser(owner, org.id, [{ unitId: unit.id, role: "unit_manager" }]);
    const hisTherapist = await buildUser(owner, org.id, [{ unitId: unit.id, role: "therapist" }]);
    const person = await buildPerson(owner, org.id);
    const him = await buildPerson(owner, org.id);
    const c = await buildCase(owner, {
      orgId: org.id,
      unitId: unit.id,
      personId: person.id,
      openedBy: manager.id,
      assignees: [worker.id],
    });
    const his = await buildCase(owner, {
      orgId: org.id,
      unitId: unit.id,
      personId: him.id,
      openedBy: manager.id,
      assignees: [hisTherapist.id],
    });
    w = {
      orgId: org.id,
      unitId: unit.id,
      worker: worker.id,
      manager: manager.id,
      hisTherapist: hisTherapist.id,
      caseId: c.id,
      personId: person.id,
      hisCaseId: his.id,
    };
  });

  /** What row-level security and scope.ts each let the user see of the world's case. */
  async function seen(userId: string) {
    const { db, owner } = database();
    const actor = await actorOf(owner, userId);
    const rls = await withActor(db, actor, async (trx) => {
      const cases = await sql<{ id: string }>`select id from "case" where id = ${w.caseId}`.execute(
        trx,
      );
      const persons = await sql<{
        id: string;
      }>`select id from person where id = ${w.personId}`.execute(trx);
      return { case: cases.rows.length === 1, person: persons.rows.length === 1 };
    });
    const app = {
      case: Boolean(
        await owner
          .selectFrom("case as c")
          .select("c.id")
          .where("c.id", "=", w.caseId)
          .where(accessibleCases(actor))
          .executeTakeFirst(),
      ),
      person: Boolean(
        await owner
          .selectFrom("person as p")
          .select("p.id")
          .where("p.id", "=", w.personId)
          .where(accessiblePersons(actor))
          .executeTakeFirst(),
      ),
    };
    expect(app, "scope.ts and row-level security agree").toEqual(rls);
    return rls;
  }

  it("calls no function per case or person row: the actor's sets are InitPlans", async () => {
    const { db } = database();
    for (const table of ['"case"', "person"]) {
      const plan = await withActor(db, { userId: w.worker, orgId: w.orgId }, async (trx) => {
        return (await explainIn(trx, `select id from ${table}`, "costs off")).split("\n");
      });
      // A sequential or an index scan: the planner's choice on the table's statistics.
      const scan = plan.find((line) => /Scan (?:using \S+ )?on "?(case|person)\b/.test(line));
      const filters = plan.filter((line) => /Filter|Index Cond/.test(line)).join("\n");
      expect(scan, plan.join("\n")).toBeDefined();
      expect(
        filters,
        `${table}: no frid_ function evaluated per row\n${plan.join("\n")}`,
      ).not.toMatch(/frid_(can_see|barred|person_barred)/);
      expect(plan.join("\n"), `${table}: the actor's sets are computed once`).toMatch(/InitPlan/);
    }
  });

  it("runs without JIT, which costs more than the statements it would speed up", async () => {
    const { db, owner } = database();
    const jitOf = async (run: (q: typeof sql) => Promise<{ rows: { jit: string }[] }>) =>
      (await run(sql)).rows[0]?.jit;
    expect(
      await withActor(db, { userId: w.worker, orgId: w.orgId }, (trx) =>
        jitOf((q) => q<{ jit: string }>`show jit`.execute(trx)),
      ),
    ).toBe("off");
    expect(await jitOf((q) => q<{ jit: string }>`show jit`.execute(owner))).toBe("off");
  });

  it("follows an unassignment and a new assignment at once", async () => {
    const { owner } = database();
    expect(await seen(w.worker)).toEqual({ case: true, person: true });
    await owner
      .updateTable("case_assignment")
      .set({ unassigned_at: new Date(), unassigned_by: w.manager })
      .where("case_id", "=", w.caseId)
      .where("user_id", "=", w.worker)
      .execute();
    expect(await seen(w.worker)).toEqual({ case: false, person: false });
    await owner
      .insertInto("case_assignment")
      .values({ org_id: w.orgId, case_id: w.caseId, user_id: w.worker, assigned_by: w.manager })
      .execute();
    expect(await seen(w.worker)).toEqual({ case: true, person: true });
  });

  it("follows a unit manager's role taken away and given back", async () => {
    const { owner } = database();
    expect(await seen(w.manager)).toEqual({ case: true, person: true });
    await owner.deleteFrom("role_assignment").where("user_id", "=", w.manager).execute();
    expect(await seen(w.manager)).toEqual({ case: false, person: false });
    await owner
      .insertInto("role_assignment")
      .values({ org_id: w.orgId, user_id: w.manager, unit_id: w.unitId, role: "unit_manager" })
      .execute();
    expect(await seen(w.manager)).toEqual({ case: true, person: true });
  });

  it("follows a grant given, revoked, and run out", async () => {
    const { owner } = database();
    const colleague = await buildUser(owner, w.orgId, [{ unitId: w.unitId, role: "caseworker" }]);
    expect(await seen(colleague.id)).toEqual({ case: false, person: false });
    const grant = (reason: string, expiresAt: Date, grantedAt = new Date()) =>
      owner
        .insertInto("access_grant")
        .values({
          org_id: w.orgId,
          case_id: w.caseId,
          user_id: colleague.id,
          reason,
          granted_by: w.manager,
          granted_at: grantedAt,
          expires_at: expiresAt,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
    const live = await grant(
      "covering for a colleague on leave",
      new Date(Date.now() + 86_400_000),
    );
    expect(await seen(colleague.id)).toEqual({ case: true, person: true });
    await owner
      .updateTable("access_grant")
      .set({ revoked_at: new Date() })
      .where("id", "=", live.id)
      .execute();
    expect(await seen(colleague.id)).toEqual({ case: false, person: false });
    // A grant that ran out a minute ago: nothing changed in the tables when it did.
    await grant(
      "covering for a colleague on leave",
      new Date(Date.now() - 60_000),
      new Date(Date.now() - 86_400_000),
    );
    expect(await seen(colleague.id)).toEqual({ case: false, person: false });
  });

  it("bars whoever worked the other side of a new barrier, also after they were unassigned", async () => {
    const { owner } = database();
    // His therapist is made manager of the unit too: only the barrier can keep her case from him.
    await owner
      .insertInto("role_assignment")
      .values({ org_id: w.orgId, user_id: w.hisTherapist, unit_id: w.unitId, role: "unit_manager" })
      .execute();
    expect(await seen(w.hisTherapist)).toEqual({ case: true, person: true });
    await owner
      .insertInto("barrier")
      .values({
        org_id: w.orgId,
        case_a_id: w.hisCaseId,
        case_b_id: w.caseId,
        reason: "partner contact",
        created_by: w.manager,
        purpose: "partner_contact",
      })
      .execute();
    expect(await seen(w.hisTherapist)).toEqual({ case: false, person: false });
    await owner
      .updateTable("case_assignment")
      .set({ unassigned_at: new Date(), unassigned_by: w.manager })
      .where("case_id", "=", w.hisCaseId)
      .where("user_id", "=", w.hisTherapist)
      .execute();
    expect(await seen(w.hisTherapist)).toEqual({ case: false, person: false });
    // A case of hers opened later is behind the same barrier (it holds between the people).
    const later = await buildCase(owner, {
      orgId: w.orgId,
      unitId: w.unitId,
      personId: w.personId,
      openedBy: w.manager,
      assignees: [],
    });
    const actor = await actorOf(owner, w.hisTherapist);
    const visible = await withActor(
      database().db,
      actor,
      async (trx) =>
        (await sql<{ id: string }>`select id from "case" where id = ${later.id}`.execute(trx)).rows,
    );
    expect(visible).toEqual([]);
    // Her own worker and the unit's other manager still see her.
    expect(await seen(w.worker)).toEqual({ case: true, person: true });
    expect(await seen(w.manager)).toEqual({ case: true, person: true });
  });
});
