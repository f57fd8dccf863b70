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

/*
 * A case's workspace says what is due in it, from the deadline module Att göra uses, also
 * when it is weeks away (Att göra shows only the coming 7 days).
 */
describe.each(testDatabaseKinds)("a case's deadlines (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let team: Awaited<ReturnType<typeof buildChildUnitTeam>>;

  beforeAll(async () => {
    t = await buildTestApp(database());
    team = await buildChildUnitTeam(t.app, database().owner);
  });
  afterAll(() => t?.close());

  const get = (url: string, s?: Session) =>
    t.app.inject({ method: "GET", url, headers: s ? as(s) : {} });
  const deniedReads = async (caseId: string) =>
    (
      await database()
        .owner.selectFrom("audit_event")
        .select("id")
        .where("resource_id", "=", caseId)
        .where("action", "=", "worklist.read")
        .where("outcome", "=", "denied")
        .execute()
    ).length;

  it("lists every deadline of the case soonest first, the later ones too, and audits the read", async () => {
    const fresh = (await recordReportOfConcern(t.app, database().owner, team, daysAgo(1))).case;
    const res = await get(`/api/cases/${fresh.id}/deadlines`, team.worker);
    expect(res.statusCode).toBe(200);
    const items = res.json().items as {
      kind: string;
      status: string;
      due: string;
      caseId: string;
    }[];
    const preliminary = items.find((i) => i.kind === "preliminary_assessment");
    expect(preliminary).toMatchObject({ caseId: fresh.id, status: "later" });
    expect(items.map((i) => i.due)).toEqual([...items.map((i) => i.due)].sort());
    expect(items.every((i) => i.caseId === fresh.id)).toBe(true);
    // Att göra keeps to its 7 days: the same deadline is not on it yet.
    const list = (await get("/api/worklist", team.worker)).json().items as {
      caseId: string;
      kind: string;
    }[];
    expect(list).not.toContainEqual(
      expect.objectContaining({ caseId: fresh.id, kind: "preliminary_assessment" }),
    );
    const allowed = await database()
      .owner.selectFrom("audit_event")
      .select("id")
      .where("resource_id", "=", fresh.id)
      .where("action", "=", "worklist.read")
      .where("outcome", "=", "allowed")
      .execute();
    expect(allowed.length).toBeGreaterThan(0);
  });

  it("shows only this case's lines, not the worker's other cases", async () => {
    const a = (await recordReportOfConcern(t.app, database().owner, team, daysAgo(20))).case;
    const b = (await recordReportOfConcern(t.app, database().owner, team, daysAgo(3))).case;
    const items = (await get(`/api/cases/${b.id}/deadlines`, team.worker)).json().items as {
      caseId: string;
    }[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.some((i) => i.caseId === a.id)).toBe(false);
  });

  it("answers 401 without a session, 400 for a malformed id and 404 (audited) on a case one may not see", async () => {
    const c = (await recordReportOfConcern(t.app, database().owner, team, daysAgo(2))).case;
    expect((await get(`/api/cases/${c.id}/deadlines`)).statusCode).toBe(401);
    const bad = await get("/api/cases/not-a-case/deadlines", team.worker);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toBeTruthy();
    const before = await deniedReads(c.id);
    const other = await buildChildUnitTeam(t.app, database().owner);
    expect((await get(`/api/cases/${c.id}/deadlines`, other.worker)).statusCode).toBe(404);
    expect(await deniedReads(c.id)).toBe(before + 1);
  });
});
