import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, addMonths, stockholmDate } from "../../../shared/calendar.ts";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { buildAgency, buildAgencyContact } from "../../testing/collaboration.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import {
  as,
  buildOrg,
  buildUnit,
  buildUser,
  login,
  type Session,
} from "../../testing/factories.ts";

/*
 * The agency directory (issue 18, item 1): read by everyone doing case work, kept by the
 * agency's owner, unit managers and administrators — a reader who may not change is refused
 * 403 and the refusal audited; another organisation's agency answers 404, audited. A contact
 * not confirmed for 12 months is flagged in the directory and on the owner's Att göra.
 */
describe.each(testDatabaseKinds)("the agency directory (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let orgId: string;
  let s: Record<"manager" | "owner" | "worker" | "admin" | "analyst" | "otherOrg", Session>;
  let ids: Record<"owner" | "worker" | "manager", string>;
  const today = stockholmDate(new Date());

  beforeAll(async () => {
    t = await buildTestApp(database());
    const { owner } = database();
    orgId = (await buildOrg(owner)).id;
    const unitId = (await buildUnit(owner, orgId)).id;
    const manager = await buildUser(owner, orgId, [{ unitId, role: "unit_manager" }]);
    const agencyOwner = await buildUser(owner, orgId, [{ unitId, role: "caseworker" }]);
    const worker = await buildUser(owner, orgId, [{ unitId, role: "caseworker" }]);
    const admin = await buildUser(owner, orgId, [{ unitId: null, role: "administrator" }]);
    const analyst = await buildUser(owner, orgId, [{ unitId: null, role: "analyst" }]);
    const other = await buildOrg(owner);
    const otherUnit = await buildUnit(owner, other.id);
    const otherOrg = await buildUser(owner, other.id, [
      { unitId: otherUnit.id, role: "unit_manager" },
    ]);
    ids = { owner: agencyOwner.id, worker: worker.id, manager: manager.id };
    s = {
      manager: await login(t.app, manager.username),
      owner: await login(t.app, agencyOwner.username),
      worker: await login(t.app, worker.username),
      admin: await login(t.app, admin.username),
      analyst: await login(t.app, analyst.username),
      otherOrg: await login(t.app, otherOrg.username),
    };
  });
  afterAll(() => t?.close());

  const call = (
    who: Session | null,
    method: "GET" | "POST" | "PUT",
    url: string,
    payload?: object,
  ) => t.app.inject({ method, url, headers: who ? as(who) : {}, ...(payload ? { payload } : {}) });
  const denied = (action: string, resourceId: string | null) =>
    database()
      .owner.selectFrom("audit_event")
      .select(["actor_user_id", "resource_id"])
      .where("action", "=", action)
      .where("outcome", "=", "denied")
      .$if(resourceId !== null, (q) => q.where("resource_id", "=", resourceId))
      .execute();

  const newAgency = async (over: Record<string, unknown> = {}) => {
    const res = await call(s.manager, "POST", "/api/agencies", {
      kind: "health_centre",
      name: `Vårdcentralen Norr ${Math.random()}`,
      municipality: "Demostad",
      ownerId: ids.owner,
      ...over,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; version: number; owner: { userId: string } };
  };

  it("answers 401 without a session and 400 with a clear message for bad input", async () => {
    expect((await call(null, "GET", "/api/agencies")).statusCode).toBe(401);
    const bad = await call(s.manager, "POST", "/api/agencies", { kind: "bakery", name: " " });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toMatchObject({
      kind: "Välj vilken sorts aktör det är.",
      name: "Ange aktörens namn.",
    });
  });

  it("lets a unit manager add an agency owned by a caseworker, and everyone doing case work find it", async () => {
    const made = await newAgency({ name: "Polisen Syd", kind: "police", municipality: "Söderby" });
    expect(made.owner.userId).toBe(ids.owner);
    const byKind = await call(
      s.worker,
      "GET",
      "/api/agencies?kind=police&q=syd&municipality=söder",
    );
    expect(byKind.statusCode).toBe(200);
    expect(byKind.json().agencies.map((a: { id: string }) => a.id)).toEqual([made.id]);
    expect(byKind.json().mayAdd).toBe(false);
    const one = await call(s.worker, "GET", `/api/agencies/${made.id}`);
    expect(one.json()).toMatchObject({ name: "Polisen Syd", mayChange: false });
  });

  it("lets the administrator keep the directory too, and refuses an analyst (403, audited)", async () => {
    const res = await call(s.admin, "POST", "/api/agencies", {
      kind: "school",
      name: "Skolan i Demostad",
    });
    expect(res.statusCode, res.body).toBe(201);
    expect((await call(s.admin, "GET", "/api/agencies")).statusCode).toBe(200);
    expect((await call(s.analyst, "GET", "/api/agencies")).statusCode).toBe(403);
    expect(await denied("agency.read", null)).not.toHaveLength(0);
  });

  it("refuses a caseworker who does not own the agency a change (403, audited), lets the owner make it", async () => {
    const a = await newAgency();
    const body = { kind: "health_centre", name: "Vårdcentralen Väst", version: 1 };
    const refused = await call(s.worker, "PUT", `/api/agencies/${a.id}`, body);
    expect(refused.statusCode).toBe(403);
    expect(await denied("agency.update", a.id)).toEqual([
      { actor_user_id: ids.worker, resource_id: a.id },
    ]);
    const create = await call(s.worker, "POST", "/api/agencies", {
      kind: "school",
      name: "X-skolan",
    });
    expect(create.statusCode).toBe(403);
    const changed = await call(s.owner, "PUT", `/api/agencies/${a.id}`, body);
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ name: "Vårdcentralen Väst", version: 2 });
  });

  it("answers another organisation's agency as missing (404) and audits the attempt", async () => {
    const a = await newAgency();
    const res = await call(s.otherOrg, "GET", `/api/agencies/${a.id}`);
    expect(res.statusCode).toBe(404);
    expect(await denied("agency.read", a.id)).toHaveLength(1);
    const change = await call(s.otherOrg, "POST", `/api/agencies/${a.id}/units`, { name: "Enhet" });
    expect(change.statusCode).toBe(404);
  });

  it("keeps units and contacts; confirming a contact sets today and me, a stale version answers 409", async () => {
    const a = await newAgency();
    const withUnit = await call(s.owner, "POST", `/api/agencies/${a.id}/units`, { name: "BVC" });
    expect(withUnit.statusCode, withUnit.body).toBe(201);
    const unitId = withUnit.json().units[0].id as string;
    const added = await call(s.owner, "POST", `/api/agencies/${a.id}/contacts`, {
      agencyUnitId: unitId,
      name: "Kim Kurator",
      role: "Kurator",
      phone: "010-111 22 33",
      email: "kim@example.org",
    });
    expect(added.statusCode, added.body).toBe(201);
    const contact = added.json().contacts[0];
    expect(contact).toMatchObject({ confirmedOn: today, unconfirmed: false, version: 1 });
    const url = `/api/agencies/${a.id}/contacts/${contact.id}`;
    const edit = { name: "Kim Kurator", role: "Skolkurator", version: 1 };
    // Two keepers at once on the version both saw: one change, the other told to reload.
    const [first, second] = await Promise.all([
      call(s.owner, "PUT", url, edit),
      call(s.manager, "POST", `${url}/confirm`, { version: 1 }),
    ]);
    expect([first.statusCode, second.statusCode].sort()).toEqual([200, 409]);
    const loser = first.statusCode === 409 ? first : second;
    expect(loser.json().error.message).toContain("ladda om sidan");
    const current = (await call(s.owner, "GET", `/api/agencies/${a.id}`)).json().contacts[0];
    expect(current.version).toBe(2);
    const confirmed = await call(s.manager, "POST", `${url}/confirm`, { version: 2 });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json().contacts[0]).toMatchObject({ confirmedOn: today, version: 3 });
    const foreignUnit = await call(s.owner, "PUT", url, {
      ...edit,
      agencyUnitId: a.id,
      version: 3,
    });
    expect(foreignUnit.statusCode).toBe(400);
    expect(foreignUnit.json().error.fields.agencyUnitId).toBe("Välj en av aktörens enheter.");
  });

  it("flags a contact not confirmed for 12 months in the directory and on the owner's Att göra only", async () => {
    const { owner } = database();
    const agencyId = await buildAgency(owner, {
      orgId,
      ownerId: ids.owner,
      name: "Psykiatrin Öst",
    });
    const old = addDays(addMonths(today, -12), -3);
    const current = addDays(addMonths(today, -12), 20);
    await buildAgencyContact(owner, {
      orgId,
      agencyId,
      confirmedBy: ids.owner,
      confirmedOn: old,
      name: "Gammal Kontakt",
    });
    await buildAgencyContact(owner, {
      orgId,
      agencyId,
      confirmedBy: ids.owner,
      confirmedOn: current,
      name: "Färsk Kontakt",
    });
    const list = (await call(s.worker, "GET", "/api/agencies?q=Psykiatrin Öst")).json().agencies;
    expect(list).toEqual([expect.objectContaining({ contacts: 2, unconfirmedContacts: 1 })]);
    const view = (await call(s.worker, "GET", `/api/agencies/${agencyId}`)).json();
    expect(
      view.contacts.map((c: { name: string; unconfirmed: boolean }) => [c.name, c.unconfirmed]),
    ).toEqual([
      ["Färsk Kontakt", false],
      ["Gammal Kontakt", true],
    ]);
    const lines = async (who: Session) =>
      (
        (await call(who, "GET", "/api/worklist?scope=mine")).json().items as {
          kind: string;
          caseId: string | null;
          subject: { type: string; id: string; title: string } | null;
          status: string;
        }[]
      ).filter((i) => i.kind === "agency_contact_unconfirmed");
    expect(await lines(s.owner)).toEqual([
      expect.objectContaining({
        caseId: null,
        status: "overdue",
        subject: { type: "agency", id: agencyId, title: "Psykiatrin Öst: Gammal Kontakt" },
      }),
    ]);
    expect(await lines(s.worker)).toEqual([]);
    expect(await lines(s.manager)).toEqual([]);
  });
});
