import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withActor } from "../../access/transaction.ts";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import {
  as,
  buildCase,
  buildOrg,
  buildPerson,
  buildUnit,
  buildUser,
  login,
  type Session,
} from "../../testing/factories.ts";
import { buildPlace, buildShelterUnit, buildStay } from "../../testing/housing.ts";

/*
 * How far break-glass reaches (issue 19, item 6; security review 19, findings 1, 2, 12, 13,
 * 15): one case, to read it. Not the secret address of the shelter she stays at (that
 * concerns every resident), not her protected contact details (a reveal), not a change to a
 * draft written before, not a case whose related person is behind a barrier from the worker,
 * and no ordinary grant from anyone but the unit's manager, in the database too.
 */
describe.each(testDatabaseKinds)("what break-glass does not reach (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let s: Record<"worker" | "assigned" | "former" | "barred", Session>;
  let ids: Record<"orgId" | "worker" | "assigned" | "former" | "barred" | "manager", string>;
  let x: { id: string; reference: string; personId: string };
  let child: { id: string; reference: string; personId: string };
  let placeId: string;
  const street = `Hemliga gatan ${Math.floor(Math.random() * 900) + 100}`;
  const phone = "070-555 01 99";
  const reason = "Polisen ringer om ett akut hot mot henne, handläggaren nås inte.";

  const referenceOf = async (caseId: string) =>
    (
      await database()
        .owner.selectFrom("case")
        .select("reference")
        .where("id", "=", caseId)
        .executeTakeFirstOrThrow()
    ).reference;

  beforeAll(async () => {
    t = await buildTestApp(database());
    const { owner } = database();
    const org = await buildOrg(owner);
    const unitX = await buildUnit(owner, org.id);
    const elsewhere = await buildUnit(owner, org.id, "child_services");
    const user = (unitId: string, role: "caseworker" | "unit_manager") =>
      buildUser(owner, org.id, [{ unitId, role }]);
    const manager = await user(unitX.id, "unit_manager");
    const assigned = await user(unitX.id, "caseworker");
    const former = await user(unitX.id, "caseworker");
    const worker = await user(elsewhere.id, "caseworker");
    const barred = await user(elsewhere.id, "caseworker");
    // Her: skyddad folkbokföring, her phone and address masked on her page.
    const her = await buildPerson(owner, org.id, assigned.id);
    await owner
      .updateTable("person")
      .set({ protection_level: "protected_registration", phone, postal_address: street })
      .where("id", "=", her.id)
      .execute();
    const xCase = await buildCase(owner, {
      orgId: org.id,
      unitId: unitX.id,
      personId: her.id,
      openedBy: assigned.id,
      assignees: [assigned.id, former.id],
    });
    // She stays at a shelter whose address is secret.
    const shelter = await buildShelterUnit(owner, org.id);
    placeId = (
      await buildPlace(owner, {
        orgId: org.id,
        unitId: unitX.id,
        shelterUnitId: shelter.id,
        createdBy: manager.id,
        address: street,
      })
    ).id;
    const today = new Date().toISOString().slice(0, 10);
    await buildStay(owner, {
      orgId: org.id,
      caseId: xCase.id,
      createdBy: assigned.id,
      adultId: her.id,
      placeId,
      plannedFrom: today,
      arrivedOn: today,
    });
    // Her child's case names her as parent; it is in no barrier itself.
    const kid = await buildPerson(owner, org.id, assigned.id);
    const kidCase = await buildCase(owner, {
      orgId: org.id,
      unitId: unitX.id,
      personId: kid.id,
      openedBy: assigned.id,
    });
    await owner
      .insertInto("relation")
      .values({
        org_id: org.id,
        case_id: kidCase.id,
        person_id: kid.id,
        other_person_id: her.id,
        kind: "parent",
        recorded_by: assigned.id,
      })
      .execute();
    // His case, worked by `barred`, behind a barrier from hers.
    const him = await buildPerson(owner, org.id);
    const y = await buildCase(owner, {
      orgId: org.id,
      unitId: elsewhere.id,
      personId: him.id,
      openedBy: barred.id,
    });
    await owner
      .insertInto("barrier")
      .values({
        org_id: org.id,
        case_a_id: xCase.id,
        case_b_id: y.id,
        reason: "Partnerkontakt",
        purpose: "partner_contact",
        created_by: manager.id,
      })
      .execute();
    x = { id: xCase.id, reference: await referenceOf(xCase.id), personId: her.id };
    child = { id: kidCase.id, reference: await referenceOf(kidCase.id), personId: kid.id };
    ids = {
      orgId: org.id,
      worker: worker.id,
      assigned: assigned.id,
      former: former.id,
      barred: barred.id,
      manager: manager.id,
    };
    s = {
      worker: await login(t.app, worker.username),
      assigned: await login(t.app, assigned.username),
      former: await login(t.app, former.username),
      barred: await login(t.app, barred.username),
    };
  });
  afterAll(() => t?.close());

  const call = (who: Session, method: "GET" | "POST" | "PATCH", url: string, payload?: object) =>
    t.app.inject({ method, url, headers: as(who), ...(payload ? { payload } : {}) });
  const breakGlass = (who: Session, reference: string) =>
    call(who, "POST", "/api/break-glass", { reference, reason });
  const events = (action: string, userId: string) =>
    database()
      .owner.selectFrom("audit_event")
      .select(["outcome", "resource_id", "person_id", "person_ids", "case_ids", "data"])
      .where("action", "=", action)
      .where("actor_user_id", "=", userId)
      .orderBy("id")
      .execute();

  it("the shelter's address: her worker reads it, audited on her case and her", async () => {
    const res = await call(s.assigned, "GET", `/api/places/${placeId}/address`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().address.street).toBe(street);
    const [read] = await events("place.address_read", ids.assigned);
    expect(read).toMatchObject({
      outcome: "allowed",
      resource_id: placeId,
      person_ids: [x.personId],
      case_ids: [x.id],
    });
  });

  it("break-glass opens her case but never the shelter's address (404, audited)", async () => {
    expect((await call(s.worker, "GET", `/api/places/${placeId}/address`)).statusCode).toBe(404);
    expect((await breakGlass(s.worker, x.reference)).statusCode).toBe(201);
    expect((await call(s.worker, "GET", `/api/cases/${x.id}`)).statusCode).toBe(200);
    const res = await call(s.worker, "GET", `/api/places/${placeId}/address`);
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain(street);
    const place = (await call(s.worker, "GET", `/api/places/${placeId}`)).json();
    expect(JSON.stringify(place)).not.toContain(street);
    const reads = await events("place.address_read", ids.worker);
    expect(reads.map((r) => r.outcome)).toEqual(["denied", "denied"]);
  });

  it("break-glass reveals nothing of her contact details: 403 read-only, audited, no reveal", async () => {
    // The page offers no reveal to a break-glass reader; her own worker is offered one.
    const view = (await call(s.worker, "GET", `/api/persons/${x.personId}`)).json();
    expect(view.contactMasked).toBe(true);
    expect(view.abilities.reveal).toBe(false);
    const ownView = (await call(s.assigned, "GET", `/api/persons/${x.personId}`)).json();
    expect(ownView.abilities.reveal).toBe(true);
    const res = await call(s.worker, "POST", `/api/persons/${x.personId}/contact-reveal`, {
      reasonCode: "payment",
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toContain("Nödåtkomst ger bara läsning");
    for (const secret of [phone, street]) expect(res.body).not.toContain(secret);
    const reveals = await database()
      .owner.selectFrom("person_reveal")
      .select("id")
      .where("user_id", "=", ids.worker)
      .execute();
    expect(reveals).toEqual([]);
    const denied = await events("person.reveal", ids.worker);
    expect(denied).toMatchObject([
      { outcome: "denied", resource_id: x.personId, person_id: x.personId },
    ]);
    // Her own worker still reveals with a reason.
    const own = await call(s.assigned, "POST", `/api/persons/${x.personId}/contact-reveal`, {
      reasonCode: "payment",
    });
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json().details.phone).toBe(phone);
  });

  it("a draft written while assigned is neither edited nor signed through break-glass", async () => {
    const draft = await call(s.former, "POST", `/api/cases/${x.id}/journal`, {
      entryType: "conversation",
      occurredAt: new Date().toISOString(),
      body: "Utkast skrivet medan jag var handläggare.",
    });
    expect(draft.statusCode, draft.body).toBe(201);
    const entryId = draft.json().id as string;
    await database()
      .owner.updateTable("case_assignment")
      .set({ unassigned_at: new Date() })
      .where("case_id", "=", x.id)
      .where("user_id", "=", ids.former)
      .execute();
    expect((await breakGlass(s.former, x.reference)).statusCode).toBe(201);
    const patch = await call(s.former, "PATCH", `/api/journal/${entryId}`, {
      body: "Ändrat under nödåtkomst.",
    });
    expect(patch.statusCode).toBe(403);
    expect(patch.json().error.message).toContain("Nödåtkomst ger bara läsning");
    const sign = await call(s.former, "POST", `/api/journal/${entryId}/sign`);
    expect(sign.statusCode).toBe(403);
    const entry = await database()
      .owner.selectFrom("journal_entry")
      .select(["body", "signed_at"])
      .where("id", "=", entryId)
      .executeTakeFirstOrThrow();
    expect(entry).toEqual({ body: "Utkast skrivet medan jag var handläggare.", signed_at: null });
    for (const action of ["journal.update", "journal.sign"])
      expect(await events(action, ids.former)).toMatchObject([
        { outcome: "denied", resource_id: x.id, person_id: x.personId },
      ]);
  });

  it("refuses a case whose related person is behind a barrier from the worker, as unknown", async () => {
    const related = await breakGlass(s.barred, child.reference);
    const unknown = await breakGlass(s.barred, "1999-9999");
    expect(related.statusCode).toBe(404);
    expect(related.json().error.message).toBe(unknown.json().error.message);
    const grants = await database()
      .owner.selectFrom("access_grant")
      .select("id")
      .where("user_id", "=", ids.barred)
      .execute();
    expect(grants).toEqual([]);
    const denied = await events("break_glass.denied", ids.barred);
    expect(denied.find((d) => d.resource_id === child.id)?.data).toEqual({ why: "barred" });
    // Someone with no part on his side gets the child's case.
    expect((await breakGlass(s.worker, child.reference)).statusCode).toBe(201);
  });

  it("an ordinary grant is the unit manager's in the database too", async () => {
    const grant = (userId: string) =>
      withActor(database().db, { userId, orgId: ids.orgId }, (trx) =>
        sql`insert into access_grant (org_id, case_id, user_id, reason, granted_by, expires_at)
            values (${ids.orgId}, ${x.id}, ${ids.former}, 'Vikarie under semestern', ${userId},
                    now() + interval '1 day')`.execute(trx),
      );
    // The assigned worker and the break-glass reader both see X; neither may grant.
    await expect(grant(ids.assigned)).rejects.toThrow(/row-level security/);
    await expect(grant(ids.worker)).rejects.toThrow(/row-level security/);
    await expect(grant(ids.manager)).resolves.toBeDefined();
  });
});
