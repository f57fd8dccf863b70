import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import {
  as,
  buildChildUnitTeam,
  recordReportOfConcern,
  type Session,
} from "../../testing/factories.ts";

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();

interface Item {
  id: string;
  category: string;
  kind: string | null;
  caseId: string;
  reference: string;
  date: string;
  read: boolean;
}

/*
 * The notification centre (issue 15, "Be told"), from the outside. The safety rules first: a
 * notification is about a case the reader may see, or it does not exist — and a look at one
 * that is not theirs is refused as if it did not exist, and recorded.
 */
describe.each(testDatabaseKinds)("notifications (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let team: Awaited<ReturnType<typeof buildChildUnitTeam>>;
  let colleagueId: string;

  beforeAll(async () => {
    t = await buildTestApp(database());
    team = await buildChildUnitTeam(t.app, database().owner);
    const me = await t.app.inject({ method: "GET", url: "/api/me", headers: as(team.colleague) });
    colleagueId = me.json().user.id;
  });
  afterAll(() => t?.close());

  const call = (
    s: Session | null,
    method: "GET" | "POST" | "PUT" | "DELETE",
    url: string,
    payload?: object,
  ) => t.app.inject({ method, url, headers: s ? as(s) : {}, ...(payload ? { payload } : {}) });
  const list = async (s: Session) => {
    const res = await call(s, "GET", "/api/notifications");
    expect(res.statusCode).toBe(200);
    return res.json() as { items: Item[]; unread: number };
  };
  const report = async (received: string) =>
    (await recordReportOfConcern(t.app, database().owner, team, received)).case;
  const auditRows = (action: string, actorId?: string) => {
    let q = database()
      .owner.selectFrom("audit_event")
      .select(["outcome", "case_ids", "resource_id", "data"])
      .where("action", "=", action);
    if (actorId) q = q.where("actor_user_id", "=", actorId);
    return q.orderBy("id").execute();
  };

  it("answers 401 without a session, on every notification route", async () => {
    for (const [method, url] of [
      ["GET", "/api/notifications"],
      ["POST", "/api/notifications/read-all"],
      ["GET", "/api/notifications/settings"],
    ] as const) {
      expect((await call(null, method, url)).statusCode, url).toBe(401);
    }
  });

  it("tells a deadline within 3 days, one overdue and one new on Att göra, from Att göra's own lines", async () => {
    const soon = await report(daysAgo(12));
    const later = await report(daysAgo(9));
    const late = await report(daysAgo(20));
    const { items, unread } = await list(team.worker);
    const about = (caseId: string, kind: string) =>
      items.find((i) => i.caseId === caseId && i.kind === kind)?.category;
    expect(about(soon.id, "preliminary_assessment")).toBe("due_soon");
    expect(about(later.id, "preliminary_assessment")).toBe("new");
    expect(about(late.id, "preliminary_assessment")).toBe("overdue");
    // The same-day protection assessment, never made: overdue.
    expect(about(later.id, "protection_assessment")).toBe("overdue");
    expect(unread).toBe(items.length);
    // Exactly the lines of Att göra, no more and no fewer.
    const worklist = (await call(team.worker, "GET", "/api/worklist")).json().items as {
      kind: string;
      caseId: string;
    }[];
    const keys = (xs: { kind: string | null; caseId: string }[]) =>
      [...new Set(xs.map((x) => `${x.kind}:${x.caseId}`))].sort();
    expect(keys(items)).toEqual(keys(worklist));
    // Most urgent first; no person's name in what the header shows.
    expect(items[0]?.category).toBe("overdue");
    const names = await database().owner.selectFrom("person").select(["given_name"]).execute();
    const body = JSON.stringify(items);
    for (const n of names) expect(body).not.toContain(n.given_name);
  });

  it("shows a colleague none of another's cases, and refuses a look at one as if it did not exist (audited)", async () => {
    const c = await report(daysAgo(12));
    const mine = (await list(team.worker)).items.find((i) => i.caseId === c.id);
    expect(mine).toBeDefined();
    const theirs = await list(team.colleague);
    expect(theirs.items.map((i) => i.caseId)).not.toContain(c.id);
    const refused = await call(
      team.colleague,
      "POST",
      `/api/notifications/${encodeURIComponent(mine?.id ?? "")}/read`,
    );
    expect(refused.statusCode).toBe(404);
    expect(refused.body).not.toContain(c.reference);
    const denied = (await auditRows("notification.mark_read", colleagueId)).filter(
      (e) => e.outcome === "denied",
    );
    expect(denied.map((e) => e.resource_id)).toContain(c.id);
    // The worker's own notification is untouched by the refused attempt.
    const again = (await list(team.worker)).items.find((i) => i.id === mine?.id);
    expect(again?.read).toBe(false);
  });

  it("tells a case assigned to me, and forgets it and its deadlines when I am taken off it", async () => {
    const c = await report(daysAgo(12));
    const assigned = await call(team.manager, "POST", `/api/cases/${c.id}/assignments`, {
      userId: colleagueId,
    });
    expect(assigned.statusCode).toBe(200);
    const now = await list(team.colleague);
    const notice = now.items.find((i) => i.caseId === c.id && i.category === "assigned");
    expect(notice).toMatchObject({ kind: null, reference: c.reference, read: false });
    expect(now.items.some((i) => i.caseId === c.id && i.category === "due_soon")).toBe(true);

    const off = await call(team.manager, "DELETE", `/api/cases/${c.id}/assignments/${colleagueId}`);
    expect(off.statusCode).toBe(200);
    expect((await list(team.colleague)).items.map((i) => i.caseId)).not.toContain(c.id);
    const gone = await call(
      team.colleague,
      "POST",
      `/api/notifications/${encodeURIComponent(notice?.id ?? "")}/read`,
    );
    expect(gone.statusCode).toBe(404);
  });

  it("keeps 'read' across recomputation, per user; marks all read", async () => {
    const before = await list(team.worker);
    const first = before.items[0] as Item;
    const marked = await call(
      team.worker,
      "POST",
      `/api/notifications/${encodeURIComponent(first.id)}/read`,
    );
    expect(marked.statusCode).toBe(200);
    expect(marked.json().unread).toBe(before.unread - 1);
    const after = await list(team.worker);
    expect(after.items.find((i) => i.id === first.id)?.read).toBe(true);
    expect(after.unread).toBe(before.unread - 1);
    // Reading it again is no error, and changes nothing.
    const twice = await call(
      team.worker,
      "POST",
      `/api/notifications/${encodeURIComponent(first.id)}/read`,
    );
    expect(twice.json().unread).toBe(after.unread);
    // The manager's own state is theirs: the worker's read is not the manager's.
    const all = await call(team.worker, "POST", "/api/notifications/read-all");
    expect(all.statusCode).toBe(200);
    expect(all.json().unread).toBe(0);
    expect((await list(team.worker)).unread).toBe(0);
    // A new fact is a new, unread notification.
    await report(daysAgo(1));
    expect((await list(team.worker)).unread).toBeGreaterThan(0);
  });

  it("answers 400 to an id it never gives", async () => {
    const uuid = "3f2b1c1e-0000-4000-8000-000000000000";
    for (const bad of ["x", "overdue:follow_up:not-a-uuid:2026-01-01", `later:case:${uuid}:idag`]) {
      const res = await call(team.worker, "POST", `/api/notifications/${bad}/read`);
      expect(res.statusCode, bad).toBe(400);
      expect(res.json().error.message).toBeTruthy();
    }
  });

  it("writes one audit event per read, naming every case shown", async () => {
    const before = (await auditRows("notification.list", undefined)).length;
    const { items } = await list(team.worker);
    const events = await auditRows("notification.list");
    expect(events.length).toBe(before + 1);
    const last = events[events.length - 1];
    expect([...(last?.case_ids ?? [])].sort()).toEqual(
      [...new Set(items.map((i) => i.caseId))].sort(),
    );
  });

  it("keeps the daily digest off until I turn it on, with an address", async () => {
    expect((await call(team.worker, "GET", "/api/notifications/settings")).json()).toEqual({
      digest: false,
      email: null,
      mailConfigured: false,
    });
    const noAddress = await call(team.worker, "PUT", "/api/notifications/settings", {
      digest: true,
      email: null,
    });
    expect(noAddress.statusCode).toBe(400);
    expect(noAddress.json().error.fields.email).toBe(
      "Ange en e-postadress för sammanfattningen, eller stäng av den.",
    );
    const bad = await call(team.worker, "PUT", "/api/notifications/settings", {
      digest: true,
      email: "inte en adress",
    });
    expect(bad.statusCode).toBe(400);
    const on = await call(team.worker, "PUT", "/api/notifications/settings", {
      digest: true,
      email: "handlaggare@exempel.se",
    });
    expect(on.statusCode).toBe(200);
    expect((await call(team.worker, "GET", "/api/notifications/settings")).json()).toEqual({
      digest: true,
      email: "handlaggare@exempel.se",
      mailConfigured: false,
    });
    // Mine only: a colleague's setting is still off.
    expect((await call(team.colleague, "GET", "/api/notifications/settings")).json().digest).toBe(
      false,
    );
    expect((await auditRows("notification.settings")).length).toBe(1);
  });
});
