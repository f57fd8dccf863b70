import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { testDatabaseKinds, useTestDatabase } from "../testing/databases.ts";
import { buildCase, buildOrg, buildPerson, buildUnit, buildUser } from "../testing/factories.ts";
import { withActor } from "./transaction.ts";

/**
 * Row-level security is the second wall: even a query that forgets the application's
 * access rule returns nothing the actor may not see.
 */
describe.each(testDatabaseKinds)("row-level security (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let w: {
    orgId: string;
    assigned: string;
    colleague: string;
    manager: string;
    caseId: string;
    personId: string;
  };

  beforeAll(async () => {
    const { owner } = database();
    const org = await buildOrg(owner);
    const unit = await buildUnit(owner, org.id);
    const assigned = await buildUser(owner, org.id, [{ unitId: unit.id, role: "caseworker" }]);
    const colleague = await buildUser(owner, org.id, [{ unitId: unit.id, role: "caseworker" }]);
    const manager = await buildUser(owner, org.id, [{ unitId: unit.id, role: "unit_manager" }]);
    const person = await buildPerson(owner, org.id, assigned.id);
    const c = await buildCase(owner, {
      orgId: org.id,
      unitId: unit.id,
      personId: person.id,
      openedBy: assigned.id,
    });
    w = {
      orgId: org.id,
      assigned: assigned.id,
      colleague: colleague.id,
      manager: manager.id,
      caseId: c.id,
      personId: person.id,
    };
  });

  const rawSelect = (userId: string, table: string) =>
    withActor(database().db, { userId, orgId: w.orgId }, async (trx) => {
      const { rows } = await sql.raw<{ id: string }>(`select * from ${table}`).execute(trx);
      return rows.map((r) => r.id);
    });

  it('returns nothing from a raw select * from "case" for an unassigned colleague', async () => {
    expect(await rawSelect(w.colleague, '"case"')).toEqual([]);
    expect(await rawSelect(w.colleague, "person")).toEqual([]);
  });

  it("returns the case to its assigned worker and to the unit manager", async () => {
    expect(await rawSelect(w.assigned, '"case"')).toEqual([w.caseId]);
    expect(await rawSelect(w.manager, '"case"')).toEqual([w.caseId]);
    expect(await rawSelect(w.manager, "person")).toEqual([w.personId]);
  });

  it("returns nothing when no actor is set", async () => {
    const rows = await withActor(
      database().db,
      { userId: null, orgId: null },
      async (trx) => (await sql.raw('select * from "case"').execute(trx)).rows,
    );
    expect(rows).toEqual([]);
  });

  it("runs request work as a role that bypasses nothing and owns nothing", async () => {
    const facts = await withActor(
      database().db,
      { userId: w.colleague, orgId: w.orgId },
      async (trx) => {
        const { rows } = await sql<{ user: string; bypass: boolean; owns: number }>`
        select current_user as user,
               (select rolbypassrls from pg_roles where rolname = current_user) as bypass,
               (select count(*)::int from pg_tables where schemaname = 'public' and tableowner = current_user) as owns`.execute(
          trx,
        );
        return rows[0];
      },
    );
    expect(facts).toEqual({ user: "frid_app", bypass: false, owns: 0 });
  });

  it("lets the application only insert into the audit trail, never change or delete it", async () => {
    const attempt = (statement: string) =>
      withActor(database().db, { userId: w.assigned, orgId: w.orgId }, (trx) =>
        sql.raw(statement).execute(trx),
      );
    await expect(attempt(`update audit_event set action = 'x'`)).rejects.toThrow(
      /permission denied/,
    );
    await expect(attempt(`delete from audit_event`)).rejects.toThrow(/permission denied/);
    await expect(attempt(`truncate audit_event`)).rejects.toThrow(/permission denied/);
    await expect(attempt(`delete from audit_seal`)).rejects.toThrow(/permission denied/);
  });

  it("refuses a case inserted for another organisation", async () => {
    const other = await buildOrg(database().owner);
    const unit = await buildUnit(database().owner, other.id);
    await expect(
      withActor(database().db, { userId: w.assigned, orgId: w.orgId }, (trx) =>
        sql`insert into "case" (id, org_id, unit_id, person_id, case_type, reference, opened_by)
            values (gen_random_uuid(), ${other.id}::uuid, ${unit.id}::uuid, ${w.personId}::uuid, 'adult_victim', 'X-1', ${w.assigned}::uuid)`.execute(
          trx,
        ),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it("lets the opener of a partner-contact case never assign themselves to it", async () => {
    const unit = await database()
      .owner.selectFrom("case")
      .select("unit_id")
      .where("id", "=", w.caseId)
      .executeTakeFirstOrThrow();
    const partnerCase = crypto.randomUUID();
    const ownCase = crypto.randomUUID();
    const actor = { userId: w.assigned, orgId: w.orgId };
    // The control: a case of an ordinary type, opened and then taken by its opener.
    await withActor(database().db, actor, async (trx) => {
      await sql`insert into "case" (id, org_id, unit_id, person_id, case_type, reference, opened_by)
          values (${ownCase}::uuid, ${w.orgId}::uuid, ${unit.unit_id}::uuid,
                  ${w.personId}::uuid, 'adult_victim', ${`A-${Date.now()}`}, ${w.assigned}::uuid)`.execute(
        trx,
      );
      await sql`insert into case_assignment (org_id, case_id, user_id, assigned_by)
          values (${w.orgId}::uuid, ${ownCase}::uuid, ${w.assigned}::uuid, ${w.assigned}::uuid)`.execute(
        trx,
      );
    });
    await withActor(database().db, actor, (trx) =>
      sql`insert into "case" (id, org_id, unit_id, person_id, case_type, reference, opened_by)
          values (${partnerCase}::uuid, ${w.orgId}::uuid, ${unit.unit_id}::uuid,
                  ${w.personId}::uuid, 'partner_contact', ${`P-${Date.now()}`}, ${w.assigned}::uuid)`.execute(
        trx,
      ),
    );
    await expect(
      withActor(database().db, actor, (trx) =>
        sql`insert into case_assignment (org_id, case_id, user_id, assigned_by)
            values (${w.orgId}::uuid, ${partnerCase}::uuid, ${w.assigned}::uuid, ${w.assigned}::uuid)`.execute(
          trx,
        ),
      ),
    ).rejects.toThrow(/row-level security/);
  });
});
