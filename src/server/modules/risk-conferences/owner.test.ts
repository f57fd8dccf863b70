import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stockholmDate } from "../../../shared/calendar.ts";
import { withActor } from "../../access/transaction.ts";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import {
  as,
  buildCase,
  buildPerson,
  buildUser,
  buildWorkedCase,
  login,
  type Session,
} from "../../testing/factories.ts";
import { race } from "../../testing/race.ts";
import { buildEscalation } from "../../testing/risk-conferences.ts";

type World = Awaited<ReturnType<typeof buildWorkedCase>>;

/**
 * A conference action's owner who does not work the case (issue 18, item 8): their Att göra
 * line is about no case, and they read and complete their own action — and learn nothing else
 * of the case. Anyone else outside the case gets 404, audited.
 */
describe.each(testDatabaseKinds)("a conference action's owner outside the case (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let w: World;
  const today = stockholmDate(new Date());

  beforeAll(async () => {
    t = await buildTestApp(database());
    w = await buildWorkedCase(t.app, database().owner);
  });
  afterAll(() => t?.close());

  const req = (method: "GET" | "POST" | "PATCH", url: string, s: Session, payload?: object) =>
    t.app.inject({ method, url, headers: as(s), ...(payload ? { payload } : {}) });

  /** A conference in a new case of w's, with an action owned by a colleague outside it. */
  async function ownedOutside() {
    const owner = database().owner;
    const person = await buildPerson(owner, w.orgId, w.userId);
    const c = await buildCase(owner, {
      orgId: w.orgId,
      unitId: w.unitId,
      personId: person.id,
      openedBy: w.userId,
    });
    await buildEscalation(owner, { orgId: w.orgId, caseId: c.id, recordedBy: w.userId, today });
    const conf = await req("POST", `/api/cases/${c.id}/risk-conferences`, w.session, {
      secrecyRule: "serious_crime",
    });
    const conferenceId = conf.json().id as string;
    await req("PATCH", `/api/risk-conferences/${conferenceId}`, w.session, {
      version: 1,
      agenda: "Hemlig dagordning",
    });
    const user = await buildUser(owner, w.orgId, [{ unitId: w.unitId, role: "caseworker" }]);
    const added = await req("POST", `/api/risk-conferences/${conferenceId}/actions`, w.session, {
      description: "Kontakta skolan om larmet",
      ownerUserId: user.id,
      dueOn: today,
    });
    expect(added.statusCode).toBe(201);
    const actionId = added.json().actions[0].id as string;
    const { reference } = await owner
      .selectFrom("case")
      .select("reference")
      .where("id", "=", c.id)
      .executeTakeFirstOrThrow();
    return {
      caseId: c.id,
      person,
      reference,
      conferenceId,
      actionId,
      user,
      session: await login(t.app, user.username),
    };
  }

  const lines = async (s: Session) =>
    (
      (await req("GET", "/api/worklist?scope=mine", s)).json().items as {
        kind: string;
        subject: { id: string } | null;
      }[]
    ).filter((i) => i.kind === "conference_action");

  const eventsOf = (userId: string, action: string) =>
    database()
      .owner.selectFrom("audit_event")
      .select(["outcome", "resource_id", "person_id"])
      .where("actor_user_id", "=", userId)
      .where("action", "=", action)
      .execute();

  it("reads and completes the action, seeing nothing of the case; the line then goes", async () => {
    const o = await ownedOutside();
    const [line] = await lines(o.session);
    expect(line).toMatchObject({ caseId: null, subject: { id: o.actionId } });
    expect(
      (await req("GET", `/api/risk-conferences/${o.conferenceId}`, o.session)).statusCode,
    ).toBe(404);

    const read = await req("GET", `/api/risk-conference-actions/${o.actionId}`, o.session);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual({
      id: o.actionId,
      description: "Kontakta skolan om larmet",
      conferenceDay: today,
      dueOn: today,
      doneOn: null,
      notes: "",
      version: 1,
    });
    const done = await req("PATCH", `/api/risk-conference-actions/${o.actionId}`, o.session, {
      version: 1,
      done: true,
      notes: "Skolan är kontaktad.",
    });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toEqual({
      ...read.json(),
      doneOn: today,
      notes: "Skolan är kontaktad.",
      version: 2,
    });
    for (const text of [JSON.stringify(read.json()), done.body, JSON.stringify(line)])
      for (const hidden of [
        o.caseId,
        o.reference,
        o.person.id,
        o.conferenceId,
        "Hemlig dagordning",
      ])
        expect(text).not.toContain(hidden);
    expect(await lines(o.session)).toEqual([]);

    // Audited on the case and its person (the trail), as the case's workers' reads are.
    for (const action of ["risk_conference.action_read", "risk_conference.action_update"])
      expect(await eventsOf(o.user.id, action)).toEqual([
        { outcome: "allowed", resource_id: o.caseId, person_id: o.person.id },
      ]);
    const stale = await req("PATCH", `/api/risk-conference-actions/${o.actionId}`, o.session, {
      version: 1,
      done: false,
    });
    expect(stale.statusCode).toBe(409);
    // The case's worker sees the owner's follow-up in the conference.
    const conf = await req("GET", `/api/risk-conferences/${o.conferenceId}`, w.session);
    expect(conf.json().actions[0]).toMatchObject({ doneOn: today, notes: "Skolan är kontaktad." });
  });

  it("answers anyone else outside the case 404, audited; the case's worker reads it", async () => {
    const o = await ownedOutside();
    const third = await buildUser(database().owner, w.orgId, [
      { unitId: w.unitId, role: "caseworker" },
    ]);
    const s = await login(t.app, third.username);
    const url = `/api/risk-conference-actions/${o.actionId}`;
    expect((await req("GET", url, s)).statusCode).toBe(404);
    expect((await req("PATCH", url, s, { version: 1, done: true })).statusCode).toBe(404);
    for (const action of ["risk_conference.action_read", "risk_conference.action_update"])
      expect(await eventsOf(third.id, action)).toEqual([
        { outcome: "denied", resource_id: o.caseId, person_id: o.person.id },
      ]);
    expect((await t.app.inject({ method: "GET", url })).statusCode).toBe(401);
    expect((await req("GET", "/api/risk-conference-actions/nej", o.session)).statusCode).toBe(400);
    const worker = await req("GET", url, w.session);
    expect(worker.statusCode).toBe(200);
    expect(worker.json()).toMatchObject({ id: o.actionId, conferenceDay: today, version: 1 });
  });

  it("lets the owner change only done and notes of the row, and nothing in a closed case", async () => {
    const o = await ownedOutside();
    const actor = { userId: o.user.id, orgId: w.orgId };
    await expect(
      withActor(database().db, actor, (trx) =>
        trx
          .updateTable("risk_conference_action")
          .set({ description: "Något annat" })
          .where("id", "=", o.actionId)
          .execute(),
      ),
    ).rejects.toThrow(/permission denied/);
    const conference = await withActor(database().db, actor, (trx) =>
      trx.selectFrom("risk_conference").select("id").execute(),
    );
    expect(conference).toEqual([]);
    await database()
      .owner.updateTable("case")
      .set({ status: "closed", closed_reason: "other" })
      .where("id", "=", o.caseId)
      .execute();
    const closed = await req("PATCH", `/api/risk-conference-actions/${o.actionId}`, o.session, {
      version: 1,
      done: true,
    });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.message).toMatch(/^Ärendet är avslutat\./);
  });

  it("keeps the action from an owner on the other side of an information barrier", async () => {
    const o = await ownedOutside();
    const owner = database().owner;
    // The owner then works the case of the person she is kept from (his side).
    const him = await buildPerson(owner, w.orgId, w.userId);
    const his = await buildCase(owner, {
      orgId: w.orgId,
      unitId: w.unitId,
      personId: him.id,
      openedBy: w.userId,
      assignees: [o.user.id],
    });
    await owner
      .insertInto("barrier")
      .values({
        org_id: w.orgId,
        case_a_id: o.caseId,
        case_b_id: his.id,
        reason: "Partnerkontakt",
        purpose: "partner_contact",
        created_by: w.userId,
      })
      .execute();
    const url = `/api/risk-conference-actions/${o.actionId}`;
    expect((await req("GET", url, o.session)).statusCode).toBe(404);
    expect((await req("PATCH", url, o.session, { version: 1, done: true })).statusCode).toBe(404);
    expect(await lines(o.session)).toEqual([]);
    const rows = await withActor(database().db, { userId: o.user.id, orgId: w.orgId }, (trx) =>
      trx.selectFrom("risk_conference_action").select("description").execute(),
    );
    expect(rows).toEqual([]);
    // Nor is a new action, the chair or a seat given to someone barred from her.
    const added = await req("POST", `/api/risk-conferences/${o.conferenceId}/actions`, w.session, {
      description: "Hembesök på nya adressen",
      ownerUserId: o.user.id,
      dueOn: today,
    });
    expect(added.statusCode).toBe(400);
    expect(added.json().error.fields.ownerUserId).toMatch(/får arbeta med ärendet/);
    const chair = await req("PATCH", `/api/risk-conferences/${o.conferenceId}`, w.session, {
      version: 2,
      chairId: o.user.id,
    });
    expect(chair.statusCode).toBe(400);
  });

  it("follows up once when the owner's two follow-ups from one version arrive at once", async () => {
    const o = await ownedOutside();
    const url = `/api/risk-conference-actions/${o.actionId}`;
    const outcome = await race(2, (i) =>
      req("PATCH", url, o.session, { version: 1, done: true, notes: `Klart (${i + 1}).` }),
    );
    expect(outcome.counts).toEqual({ 200: 1, 409: 1 });
    const winner = outcome.responses.find((r) => r.statusCode === 200)?.json();
    const row = await database()
      .owner.selectFrom("risk_conference_action")
      .select(["notes", "version"])
      .where("id", "=", o.actionId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ notes: winner.notes, version: 2 });
    expect(await eventsOf(o.user.id, "risk_conference.action_update")).toHaveLength(1);
  });
});
