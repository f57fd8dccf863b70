import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withActor } from "../../access/transaction.ts";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
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
 * Who keeps and who reads the competence register (issue 17, item 5): unit managers and
 * consultants keep it, anyone doing case work or consulting reads it, administrators and
 * analysts do not; another organisation's entries answer as missing ones. Checked through
 * the API and, as frid_app, by row-level security.
 */
type Who = "manager" | "consultant" | "caseworker" | "administrator" | "otherOrg";

describe.each(testDatabaseKinds)("keeping the competence register (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let orgId: string;
  let s: Record<Who, Session>;
  let ids: Record<Who, string>;

  beforeAll(async () => {
    t = await buildTestApp(database());
    const { owner } = database();
    orgId = (await buildOrg(owner)).id;
    const unit = (await buildUnit(owner, orgId)).id;
    const resource = (await buildUnit(owner, orgId, "resource_function")).id;
    const other = await buildOrg(owner);
    const otherUnit = (await buildUnit(owner, other.id)).id;
    const users = {
      manager: await buildUser(owner, orgId, [{ unitId: unit, role: "unit_manager" }]),
      consultant: await buildUser(owner, orgId, [{ unitId: resource, role: "consultant" }]),
      caseworker: await buildUser(owner, orgId, [{ unitId: unit, role: "caseworker" }]),
      administrator: await buildUser(owner, orgId, [{ unitId: null, role: "administrator" }]),
      otherOrg: await buildUser(owner, other.id, [{ unitId: otherUnit, role: "unit_manager" }]),
    };
    s = {} as Record<Who, Session>;
    ids = {} as Record<Who, string>;
    for (const [who, u] of Object.entries(users) as [Who, { id: string; username: string }][]) {
      s[who] = await login(t.app, u.username);
      ids[who] = u.id;
    }
  });
  afterAll(() => t?.close());

  const call = (
    who: Who,
    method: "GET" | "POST" | "PUT" | "DELETE",
    url: string,
    payload?: object,
  ) => t.app.inject({ method, url, headers: as(s[who]), ...(payload ? { payload } : {}) });
  const training = {
    kind: "course",
    title: "Hedersrelaterat våld – grundkurs",
    startsOn: "2026-04-14",
    hours: 3.5,
    organiser: "Resursfunktionen",
    targetGroup: "Skolkuratorer",
    participants: [{ organisation: "Elevhälsan", role: "kurator", participants: 18 }],
  };
  const lastEvent = async (who: Who, action: string) =>
    await database()
      .owner.selectFrom("audit_event")
      .select(["outcome", "data"])
      .where("actor_user_id", "=", ids[who])
      .where("action", "=", action)
      .orderBy("id", "desc")
      .executeTakeFirst();

  it("is kept by managers and consultants; a reader may not change it (403, audited)", async () => {
    const made = await call("consultant", "POST", "/api/competence/trainings", training);
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json()).toMatchObject({
      hours: 3.5,
      participants: [{ participants: 18 }],
      version: 1,
    });
    expect(await lastEvent("consultant", "competence.change")).toMatchObject({
      outcome: "allowed",
      data: { record: "training", recordId: made.json().id, change: "created" },
    });
    const refused = await call("caseworker", "POST", "/api/competence/trainings", training);
    expect(refused.statusCode).toBe(403);
    expect((await lastEvent("caseworker", "competence.change"))?.outcome).toBe("denied");
    const changed = await call("caseworker", "PUT", `/api/competence/trainings/${made.json().id}`, {
      ...training,
      version: 1,
    });
    expect(changed.statusCode).toBe(403);
  });

  it("is read by case workers and consultants, not by administrators (403, audited)", async () => {
    for (const who of ["caseworker", "consultant", "manager"] as const) {
      const res = await call(who, "GET", "/api/competence?year=2026");
      expect(res.statusCode, who).toBe(200);
      expect(res.json().mayKeep, who).toBe(who !== "caseworker");
      expect((await lastEvent(who, "competence.read"))?.outcome).toBe("allowed");
    }
    expect((await call("administrator", "GET", "/api/competence?year=2026")).statusCode).toBe(403);
    expect((await lastEvent("administrator", "competence.read"))?.outcome).toBe("denied");
    expect(
      (await call("administrator", "GET", "/api/competence/figures?year=2026")).statusCode,
    ).toBe(403);
  });

  it("keeps each organisation's register to itself: another's entry answers 404", async () => {
    const register = (await call("otherOrg", "GET", "/api/competence?year=2026")).json();
    expect(register.trainings).toEqual([]);
    const [mine] = (await call("manager", "GET", "/api/competence?year=2026")).json().trainings;
    const res = await call("otherOrg", "PUT", `/api/competence/trainings/${mine.id}`, {
      ...training,
      version: 1,
    });
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain(training.title);
    expect((await lastEvent("otherOrg", "competence.change"))?.outcome).toBe("denied");
  });

  it("changes from the version read (409 when stale), removes entries, refuses unknown instructors", async () => {
    const [mine] = (await call("manager", "GET", "/api/competence?year=2026")).json().trainings;
    const ok = await call("manager", "PUT", `/api/competence/trainings/${mine.id}`, {
      ...training,
      hours: 7,
      version: 1,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ hours: 7, version: 2 });
    const stale = await call("consultant", "PUT", `/api/competence/trainings/${mine.id}`, {
      ...training,
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    const unknown = await call("manager", "POST", "/api/competence/meetings", {
      heldOn: "2026-05-01",
      topic: "Uppföljning",
      attendeeIds: [crypto.randomUUID()],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields.attendeeIds).toBe(
      "Välj instruktörer som finns i registret.",
    );
    const badHours = await call("manager", "POST", "/api/competence/supervision", {
      heldOn: "2026-05-01",
      staffGroup: "Fritidsgården",
      hours: 1.25,
      givenBy: "Kriscentrum",
    });
    expect(badHours.statusCode).toBe(400);
    const removed = await call("manager", "DELETE", `/api/competence/trainings/${mine.id}`);
    expect(removed.statusCode).toBe(204);
    expect(
      (await call("manager", "DELETE", `/api/competence/trainings/${mine.id}`)).statusCode,
    ).toBe(404);
    expect(await lastEvent("manager", "competence.change")).toMatchObject({ outcome: "denied" });
  });

  it("checks the rule in the database too: row-level security as frid_app", async () => {
    const { db } = database();
    const insert = (who: Who) =>
      withActor(db, { userId: ids[who], orgId }, (trx) =>
        sql`insert into study_visit (id, org_id, visited_on, visitors_organisation, visitors, created_by)
            values (gen_random_uuid(), ${orgId}::uuid, '2026-06-01', 'Polisen', 4, ${ids[who]}::uuid)`.execute(
          trx,
        ),
      );
    await expect(insert("caseworker")).rejects.toThrow(/row-level security/);
    await insert("consultant");
    const seen = (who: Who) =>
      withActor(db, { userId: ids[who], orgId }, (trx) =>
        trx.selectFrom("study_visit").select("id").execute(),
      );
    expect(await seen("caseworker")).toHaveLength(1);
    expect(await seen("administrator")).toEqual([]);
  });
});
