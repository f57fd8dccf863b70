import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, addMonths, stockholmDate } from "../../../shared/calendar.ts";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { buildAgency } from "../../testing/collaboration.ts";
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
 * Collaboration agreements (issue 18, item 2): the next follow-up no later than 24 months
 * after the signing or the last follow-up (refused 400 with a clear message otherwise);
 * follow-ups recorded with what was found; an overdue or near follow-up on Att göra for the
 * owning unit's managers ("unit") and the responsible users ("mine"), never anyone else's.
 */
describe.each(testDatabaseKinds)("collaboration agreements (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let orgId: string;
  let unitId: string;
  let s: Record<"manager" | "responsible" | "worker" | "otherManager" | "otherOrg", Session>;
  let ids: Record<"responsible" | "police" | "shelter", string>;
  const today = stockholmDate(new Date());

  beforeAll(async () => {
    t = await buildTestApp(database());
    const { owner } = database();
    orgId = (await buildOrg(owner)).id;
    unitId = (await buildUnit(owner, orgId)).id;
    const otherUnit = (await buildUnit(owner, orgId)).id;
    const manager = await buildUser(owner, orgId, [{ unitId, role: "unit_manager" }]);
    const responsible = await buildUser(owner, orgId, [{ unitId, role: "caseworker" }]);
    const worker = await buildUser(owner, orgId, [{ unitId, role: "caseworker" }]);
    const otherManager = await buildUser(owner, orgId, [
      { unitId: otherUnit, role: "unit_manager" },
    ]);
    const other = await buildOrg(owner);
    const otherOrgUnit = await buildUnit(owner, other.id);
    const otherOrg = await buildUser(owner, other.id, [
      { unitId: otherOrgUnit.id, role: "unit_manager" },
    ]);
    ids = {
      responsible: responsible.id,
      police: await buildAgency(owner, {
        orgId,
        ownerId: manager.id,
        kind: "police",
        name: "Polisen",
      }),
      shelter: await buildAgency(owner, {
        orgId,
        ownerId: manager.id,
        kind: "voluntary_shelter",
        name: "Kvinnojouren",
      }),
    };
    s = {
      manager: await login(t.app, manager.username),
      responsible: await login(t.app, responsible.username),
      worker: await login(t.app, worker.username),
      otherManager: await login(t.app, otherManager.username),
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
  const body = (over: Record<string, unknown> = {}) => ({
    title: `Överenskommelse med polisen ${Math.random()}`,
    unitId,
    partyIds: [ids.police],
    areas: ["reports_of_concern", "protected_personal_data"],
    goals: "Snabb kontakt vid oro för ett barn.",
    responsibleUserIds: [ids.responsible],
    signedOn: addMonths(today, -6),
    nextFollowUpOn: addMonths(today, 6),
    ...over,
  });
  const create = async (over: Record<string, unknown> = {}) => {
    const res = await call(s.manager, "POST", "/api/agreements", body(over));
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; version: number };
  };
  const lines = async (who: Session, scope: "mine" | "unit") =>
    (
      (await call(who, "GET", `/api/worklist?scope=${scope}`)).json().items as {
        kind: string;
        status: string;
        caseId: string | null;
        subject: { id: string } | null;
        responsible: { userId: string }[];
      }[]
    ).filter((i) => i.kind === "agreement_follow_up");

  it("answers 401 without a session, and 400 with clear messages for a missing party and area", async () => {
    expect((await call(null, "GET", "/api/agreements")).statusCode).toBe(401);
    const res = await call(s.manager, "POST", "/api/agreements", body({ partyIds: [], areas: [] }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toMatchObject({
      partyIds: "Välj minst en part ur aktörsregistret.",
      areas: "Välj minst ett område.",
    });
  });

  it("refuses a next follow-up later than 24 months after the signing, naming the last day", async () => {
    const signedOn = "2026-01-15";
    const late = await call(
      s.manager,
      "POST",
      "/api/agreements",
      body({ signedOn, nextFollowUpOn: "2028-01-16" }),
    );
    expect(late.statusCode).toBe(400);
    expect(late.json().error.fields.nextFollowUpOn).toBe(
      "Nästa uppföljning ska ske senast 24 månader efter undertecknandet, alltså senast 2028-01-15.",
    );
    const edge = await call(
      s.manager,
      "POST",
      "/api/agreements",
      body({ signedOn, nextFollowUpOn: "2028-01-15" }),
    );
    expect(edge.statusCode, edge.body).toBe(201);
  });

  it("lets only the owning unit's manager add or change one (403 audited), others read it", async () => {
    const refused = await call(s.worker, "POST", "/api/agreements", body());
    expect(refused.statusCode).toBe(403);
    const wrongUnit = await call(s.otherManager, "POST", "/api/agreements", body());
    expect(wrongUnit.statusCode).toBe(400);
    expect(wrongUnit.json().error.fields.unitId).toBe("Välj en enhet där du är enhetschef.");
    const a = await create();
    const read = await call(s.worker, "GET", `/api/agreements/${a.id}`);
    expect(read.json()).toMatchObject({
      mayChange: false,
      mayFollowUp: false,
      parties: [{ name: "Polisen" }],
    });
    const { nextFollowUpOn: _n, ...update } = body();
    const change = await call(s.otherManager, "PUT", `/api/agreements/${a.id}`, {
      ...update,
      version: 1,
    });
    expect(change.statusCode).toBe(403);
    const events = await database()
      .owner.selectFrom("audit_event")
      .select("outcome")
      .where("action", "=", "agreement.update")
      .where("resource_id", "=", a.id)
      .execute();
    expect(events).toEqual([{ outcome: "denied" }]);
    expect((await call(s.otherOrg, "GET", `/api/agreements/${a.id}`)).statusCode).toBe(404);
  });

  it("answers the second of two changes on one version 409", async () => {
    const a = await create();
    const { nextFollowUpOn: _n, ...update } = body();
    const [x, y] = await Promise.all([
      call(s.manager, "PUT", `/api/agreements/${a.id}`, { ...update, title: "A", version: 1 }),
      call(s.manager, "PUT", `/api/agreements/${a.id}`, { ...update, title: "B", version: 1 }),
    ]);
    expect([x.statusCode, y.statusCode].sort()).toEqual([200, 409]);
  });

  it("shows a follow-up due on Att göra to the unit's manager and the responsible user, not to others; a follow-up takes it away", async () => {
    const overdue = await create({
      signedOn: addMonths(today, -24),
      nextFollowUpOn: addDays(today, -2),
    });
    const soon = await create({ nextFollowUpOn: addDays(today, 5), responsibleUserIds: [] });
    const later = await create({ nextFollowUpOn: addDays(today, 30) });
    const ofUnit = await lines(s.manager, "unit");
    const subjects = ofUnit.map((l) => l.subject?.id);
    expect(subjects).toEqual(expect.arrayContaining([overdue.id, soon.id]));
    expect(subjects).not.toContain(later.id);
    expect(ofUnit.find((l) => l.subject?.id === overdue.id)).toMatchObject({
      status: "overdue",
      caseId: null,
      responsible: [{ userId: ids.responsible }],
    });
    expect(ofUnit.find((l) => l.subject?.id === soon.id)?.status).toBe("due_soon");
    // The worker filter: nobody responsible matches "none", the responsible user their id.
    const none = (await call(s.manager, "GET", "/api/worklist?scope=unit&worker=none")).json()
      .items;
    expect(none.map((i: { subject: { id: string } | null }) => i.subject?.id)).toContain(soon.id);
    expect(none.map((i: { subject: { id: string } | null }) => i.subject?.id)).not.toContain(
      overdue.id,
    );
    const mine = (await lines(s.responsible, "mine")).map((l) => l.subject?.id);
    expect(mine).toContain(overdue.id);
    expect(mine).not.toContain(soon.id);
    expect(await lines(s.worker, "mine")).toEqual([]);
    expect(await lines(s.otherManager, "unit")).toEqual([]);

    const tooLate = await call(s.responsible, "POST", `/api/agreements/${overdue.id}/follow-ups`, {
      followedUpOn: today,
      findings: "Rutinen fungerar.",
      nextFollowUpOn: addDays(addMonths(today, 24), 1),
      version: overdue.version,
    });
    expect(tooLate.statusCode).toBe(400);
    expect(tooLate.json().error.fields.nextFollowUpOn).toContain(
      "senast 24 månader efter uppföljningen",
    );
    const done = await call(s.responsible, "POST", `/api/agreements/${overdue.id}/follow-ups`, {
      followedUpOn: today,
      findings: "Rutinen fungerar; kontaktlistan uppdaterad.",
      nextFollowUpOn: addMonths(today, 12),
      version: overdue.version,
    });
    expect(done.statusCode, done.body).toBe(201);
    expect(done.json()).toMatchObject({
      nextFollowUpOn: addMonths(today, 12),
      followUpOverdue: false,
      followUps: [{ findings: "Rutinen fungerar; kontaktlistan uppdaterad." }],
    });
    expect((await lines(s.manager, "unit")).map((l) => l.subject?.id)).not.toContain(overdue.id);
    const byWorker = await call(s.worker, "POST", `/api/agreements/${soon.id}/follow-ups`, {
      followedUpOn: today,
      findings: "x",
      nextFollowUpOn: addMonths(today, 1),
      version: soon.version,
    });
    expect(byWorker.statusCode).toBe(403);
  });

  it("gives the notification of an agreement's line an id from its subject", async () => {
    const a = await create({ nextFollowUpOn: addDays(today, 1) });
    const list = (await call(s.responsible, "GET", "/api/notifications")).json().items as {
      id: string;
      caseId: string | null;
      subject: { id: string } | null;
    }[];
    const notice = list.find((n) => n.subject?.id === a.id);
    expect(notice).toMatchObject({
      caseId: null,
      id: `due_soon:agreement_follow_up:${a.id}:${addDays(today, 1)}`,
    });
    const read = await call(
      s.responsible,
      "POST",
      `/api/notifications/${encodeURIComponent(notice?.id ?? "")}/read`,
    );
    expect(read.statusCode, read.body).toBe(200);
  });

  it("records an assignment to the women's shelter, refuses one to the police", async () => {
    const assignment = {
      unitId,
      agencyId: ids.shelter,
      decidedOn: "2026-02-20",
      decisionReference: "SN 2026/14 § 32",
      legalBasis: "Idéburet offentligt partnerskap (IOP)",
      scope: "Stödsamtal och skyddat boende för våldsutsatta kvinnor.",
      validFrom: "2026-03-01",
      validUntil: "2027-12-31",
      followUpOn: "2026-12-01",
    };
    const made = await call(s.manager, "POST", "/api/assignments", assignment);
    expect(made.statusCode, made.body).toBe(201);
    const police = await call(s.manager, "POST", "/api/assignments", {
      ...assignment,
      agencyId: ids.police,
    });
    expect(police.statusCode).toBe(400);
    const backwards = await call(s.manager, "POST", "/api/assignments", {
      ...assignment,
      validUntil: "2026-01-01",
    });
    expect(backwards.statusCode).toBe(400);
    const id = made.json().id as string;
    const stale = await call(s.manager, "PUT", `/api/assignments/${id}`, {
      ...assignment,
      version: 2,
    });
    expect(stale.statusCode).toBe(409);
    const byWorker = await call(s.worker, "PUT", `/api/assignments/${id}`, {
      ...assignment,
      version: 1,
    });
    expect(byWorker.statusCode).toBe(403);
    const list = (await call(s.worker, "GET", "/api/agreements")).json();
    expect(list.assignments).toEqual([
      expect.objectContaining({ id, agency: { id: ids.shelter, name: "Kvinnojouren" } }),
    ]);
  });
});
