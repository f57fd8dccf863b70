import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../testing/app.ts";
import {
  type ActorKind,
  actors,
  buildAuthorizationWorld,
  type World,
} from "../testing/authorization-world.ts";
import { testDatabaseKinds, useTestDatabase } from "../testing/databases.ts";
import { as, login, type Session } from "../testing/factories.ts";
import { publicRoutes } from "./authorization.public.ts";
import { type Endpoint, endpoints, otherRoutes } from "./authorization.routes.ts";

/**
 * Every case/person endpoint × every kind of user, from the outside. The manager comes
 * last: their successful commands change what others could see.
 *
 * A NEW ROUTE JOINS THIS SUITE WITH ONE LINE in authorization.routes.ts (its place: which
 * request against which record of the fixture, and what each kind of user gets); the
 * coverage test below fails, naming the route, until it does.
 */
describe.each(testDatabaseKinds)("who may do what with a case or person (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let w: World;
  let sessions: Map<ActorKind, Session>;
  let ids: Map<ActorKind, string>;

  beforeAll(async () => {
    t = await buildTestApp(database());
    ({ w, sessions, ids } = await buildAuthorizationWorld(t.app, database().owner));
  });
  afterAll(() => t?.close());

  const state = async () => {
    const { owner } = database();
    const [assignments, grants, barriers, journal, status, person, relations] = await Promise.all([
      owner
        .selectFrom("case_assignment")
        .select(["user_id", "unassigned_at"])
        .where("case_id", "=", w.caseId)
        .orderBy("id")
        .execute(),
      owner.selectFrom("access_grant").select("id").where("case_id", "=", w.caseId).execute(),
      owner.selectFrom("barrier").select("id").where("case_a_id", "=", w.caseId).execute(),
      owner
        .selectFrom("journal_entry")
        .select(["id", "body", "signed_at"])
        .where("case_id", "=", w.caseId)
        .orderBy("id")
        .execute(),
      owner
        .selectFrom("case")
        .select(["status", "closed_reason"])
        .where("id", "=", w.caseId)
        .execute(),
      owner
        .selectFrom("person")
        .select(["safe_contact", "phone"])
        .where("id", "=", w.personId)
        .execute(),
      owner
        .selectFrom("relation")
        .select(["kind", "other_person_id"])
        .where("case_id", "=", w.caseId)
        .execute(),
    ]);
    // Every other table that holds rows of a case (assessments, plans, tasks, documents,
    // treatment …), found by its case_id column, so a new table cannot be forgotten here;
    // and the events that cross X's barrier.
    const tables = await sql<{ table_name: string }>`
      select table_name from information_schema.columns
       where table_schema = 'public' and column_name = 'case_id'
       order by table_name`.execute(owner);
    const rows: Record<string, string | null> = {};
    for (const { table_name } of tables.rows) {
      const { rows: r } = await sql<{ digest: string | null }>`
        select string_agg(t::text, '|' order by t::text) as digest
          from ${sql.table(table_name)} t where t.case_id = ${w.caseId}::uuid`.execute(owner);
      rows[table_name] = r[0]?.digest ?? null;
    }
    const crossings = await owner
      .selectFrom("barrier_event")
      .select(["id", "acknowledged_at"])
      .where((eb) => eb.or([eb("from_case_id", "=", w.caseId), eb("to_case_id", "=", w.caseId)]))
      .orderBy("id")
      .execute();
    return JSON.stringify({
      assignments,
      grants,
      barriers,
      journal,
      status,
      person,
      relations,
      rows,
      crossings,
    });
  };

  // Refusals that concern no record of X's person: a new person, a staff list, a user's log.
  const notAboutX = new Set([
    "POST /api/persons",
    "GET /api/units/{id}/staff",
    "GET /api/audit/users/{id}",
  ]);

  /**
   * Every refusal since `after` by this actor names the person whose record was tried (for a
   * case: that case's person), and that person's log review lists it. Another organisation's
   * user is refused in their own organisation's trail, which names no person of ours.
   */
  async function expectInHerLogReview(after: number, actor: ActorKind) {
    if (actor === "otherOrg") return;
    const { owner } = database();
    const refusals = await owner
      .selectFrom("audit_event")
      .select(["id", "action", "resource_type", "resource_id", "person_id"])
      .where("id", ">", after)
      .where("actor_user_id", "=", ids.get(actor)!)
      .where("outcome", "=", "denied")
      .execute();
    expect(refusals.length, "refusal audited").toBeGreaterThan(0);
    for (const r of refusals) {
      const tried =
        r.resource_type === "case"
          ? (
              await owner
                .selectFrom("case")
                .select("person_id")
                .where("id", "=", r.resource_id!)
                .executeTakeFirst()
            )?.person_id
          : w.personId;
      expect(r.person_id, `${r.action} names whose record was tried`).toBe(tried);
      const review = await t.app.inject({
        method: "GET",
        url: `/api/audit/persons/${r.person_id}`,
        headers: as(sessions.get("manager")!),
      });
      expect(review.statusCode, review.body).toBe(200);
      const listed = (review.json().events as { id: number }[]).map((e) => e.id);
      expect(listed, `${r.action} listed in the log review`).toContain(Number(r.id));
    }
  }

  /**
   * A 2xx wrote its "allowed" audit event, and a command wrote it in the same transaction as
   * its change: every row a transaction writes carries that transaction's id (xmin), so some
   * row of the data, besides the audit trail, must carry the id of the audit event's row. An
   * audit written in a transaction of its own (which could commit while the change rolls
   * back, or the other way round) carries another id and fails here.
   */
  async function expectAuditedWithTheChange(
    after: number,
    actor: ActorKind,
    endpoint: Endpoint,
    outcomes: string[],
  ) {
    const { owner } = database();
    const { rows: audited } = await sql<{ action: string; xid: string }>`
      select action, xmin::text as xid from audit_event
       where id > ${after} and actor_user_id = ${ids.get(actor)!}::uuid
         and outcome in (${sql.join(outcomes)})`.execute(owner);
    expect(audited.length, `${endpoint.route}: the allowed audit event`).toBeGreaterThan(0);
    // A delete leaves no row with the transaction's id; its audit event is still required.
    if (endpoint.request(w).method === "GET" || endpoint.read || endpoint.onlyDeletes) return;
    // A command may also audit the read that answers it, in a transaction of its own; the
    // change's own event must share the change's transaction.
    const xids = [...new Set(audited.map((a) => a.xid))];
    const { rows: tables } = await sql<{ name: string }>`
      select table_name as name from information_schema.tables
       where table_schema = 'public' and table_type = 'BASE TABLE'
         and table_name not in ('audit_event', 'audit_seal')`.execute(owner);
    const written: string[] = [];
    for (const { name } of tables) {
      const { rows } = await sql<{ n: number }>`
        select count(*)::int as n from ${sql.table(name)}
         where xmin::text in (${sql.join(xids)})`.execute(owner);
      if ((rows[0]?.n ?? 0) > 0) written.push(name);
    }
    expect(
      written,
      `${endpoint.route} (${audited.map((a) => a.action).join(", ")}): a row changed in the audit event's transaction`,
    ).not.toEqual([]);
  }

  const sessionFor = async (actor: ActorKind, endpoint: Endpoint) => {
    if (!endpoint.freshSession) return sessions.get(actor)!;
    const user = await database()
      .owner.selectFrom("app_user")
      .select("username")
      .where("id", "=", ids.get(actor)!)
      .executeTakeFirstOrThrow();
    return login(t.app, user.username);
  };

  for (const endpoint of [...endpoints, ...otherRoutes]) {
    for (const actor of actors) {
      const expected = endpoint.expect[actor] ?? endpoint.expect.otherwise;
      const shouldSee = actor === "assigned" || actor === "manager";
      it(`${endpoint.route} as ${actor} → ${expected}${endpoint.shows ? (shouldSee ? ", shows it" : ", hides it") : ""}`, async () => {
        // A fresh login writes its own audit event: made before the count starts.
        const session = await sessionFor(actor, endpoint);
        const before = await state();
        const lastAudit = await database()
          .owner.selectFrom("audit_event")
          .select((eb) => eb.fn.max("id").as("max"))
          .executeTakeFirst();
        const req = endpoint.request(w);
        const res = await t.app.inject({ ...req, headers: { ...req.headers, ...as(session) } });
        expect(res.statusCode, res.body).toBe(expected);
        // A search that finds her but must not show her records the refusal (asserted below).
        const outcomes = endpoint.shows && !shouldSee ? ["allowed", "denied"] : ["allowed"];
        if (expected < 300 && !endpoint.unaudited)
          await expectAuditedWithTheChange(Number(lastAudit?.max ?? 0), actor, endpoint, outcomes);

        if (endpoint.shows) {
          expect(endpoint.shows(res.json(), w)).toBe(shouldSee);
          if (!shouldSee) for (const secret of w.secrets) expect(res.body).not.toContain(secret);
          // A search by her exact number that shows her to nobody but her workers still
          // names her in the trail (another organisation has no such person).
          if (!shouldSee && endpoint.route === "POST /api/persons/search" && actor !== "otherOrg")
            await expectInHerLogReview(Number(lastAudit?.max ?? 0), actor);
          return;
        }
        if (expected >= 400) {
          for (const secret of w.secrets) expect(res.body).not.toContain(secret);
          expect(await state()).toBe(before);
        }
        if (expected === 404 || expected === 403) {
          const denials = await database()
            .owner.selectFrom("audit_event")
            .select(["action", "resource_id", "person_id"])
            .where("id", ">", Number(lastAudit?.max ?? 0))
            .where("actor_user_id", "=", ids.get(actor)!)
            .where("outcome", "=", "denied")
            .execute();
          // Refusals of someone else's record are audited (a unit's staff list is not a record).
          if (!endpoint.route.includes("/staff"))
            expect(denials.length, "denial audited").toBeGreaterThan(0);
          // …and name whose record was tried, so her log review lists them (issue 11, item 5).
          if (!notAboutX.has(endpoint.route) && endpoints.includes(endpoint))
            await expectInHerLogReview(Number(lastAudit?.max ?? 0), actor);
        }
      });
    }
  }

  /** The route table of the built app, as its OpenAPI document lists it (all but itself). */
  const routeTable = async () => {
    const doc = (await t.app.inject({ method: "GET", url: "/api/openapi.json" })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    return Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`),
    );
  };

  it("answers 401 without a session on every endpoint that is not public, before reading input", async () => {
    let checked = 0;
    for (const route of await routeTable()) {
      if (publicRoutes.has(route)) continue;
      const [method, path] = route.split(" ") as [string, string];
      const url = path.replace(/\{[^}]+\}/g, "00000000-0000-4000-8000-000000000000");
      const res = await t.app.inject({
        method: method as "GET",
        url,
        payload: method === "GET" ? undefined : {},
      });
      expect(res.statusCode, route).toBe(401);
      checked++;
    }
    expect(checked).toBeGreaterThan(20);
  });

  it("gives every logged-in route of the app its place in authorization.routes.ts", async () => {
    const placed = [...endpoints, ...otherRoutes].map((e) => e.route);
    const routes = (await routeTable()).filter((r) => !publicRoutes.has(r));
    const missing = routes.filter((r) => !placed.includes(r));
    expect(
      missing,
      `Routes without a place in src/server/access/authorization.routes.ts: ${missing.join(", ")}`,
    ).toEqual([]);
    // …and the table names no route the app does not have (a renamed path would go untested).
    expect(placed.filter((r) => !routes.includes(r))).toEqual([]);
    expect(new Set(placed).size, "each route has one place").toBe(placed.length);
  });
});
