import { afterAll, beforeAll, describe, expect, it } from "vitest";
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

/**
 * The investigation under two people at once (issue 12): completed once, and a save that
 * raced the completion is either in the completed record or refused — never answered 200
 * and then changed after completion, or lost.
 */
const n = 20;

describe.each(testDatabaseKinds)("concurrent changes to an investigation (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let pair: [Session, Session];
  let newCase: () => Promise<string>;

  beforeAll(async () => {
    t = await buildTestApp(database());
    const { owner } = database();
    const worked = await buildWorkedCase(t.app, owner);
    const manager = await buildUser(owner, worked.orgId, [
      { unitId: worked.unitId, role: "unit_manager" },
    ]);
    pair = [worked.session, await login(t.app, manager.username)];
    newCase = async () => {
      const person = await buildPerson(owner, worked.orgId, worked.userId);
      const { id } = await buildCase(owner, {
        orgId: worked.orgId,
        unitId: worked.unitId,
        personId: person.id,
        openedBy: worked.userId,
      });
      const moved = await post(pair[0], `/api/cases/${id}/status`, { to: "investigation" });
      expect(moved.statusCode).toBe(200);
      return id;
    };
  });
  afterAll(() => t?.close());

  const post = (s: Session, url: string, payload?: object) =>
    t.app.inject({ method: "POST", url, headers: as(s), ...(payload ? { payload } : {}) });
  const save = (s: Session, caseId: string, summary: string) =>
    t.app.inject({
      method: "PUT",
      url: `/api/cases/${caseId}/investigation`,
      headers: as(s),
      payload: {
        sections: { acute_needs: "Behöver skyddat boende." },
        summary,
        assessment: "Behov av skyddat boende och stödsamtal.",
      },
    });
  const allowedAudit = async (caseId: string, action: string) =>
    (
      await database()
        .owner.selectFrom("audit_event")
        .select("id")
        .where("resource_id", "=", caseId)
        .where("action", "=", action)
        .where("outcome", "=", "allowed")
        .execute()
    ).length;

  it("completes an investigation once when two complete it at once", async () => {
    const caseId = await newCase();
    expect((await save(pair[0], caseId, "Våld av sambo sedan två år.")).statusCode).toBe(200);
    const outcome = await race(n, (i) =>
      post(pair[i % 2] as Session, `/api/cases/${caseId}/investigation/complete`),
    );
    expect(outcome.counts).toEqual({ 200: 1, 409: n - 1 });
    expect(outcome.responses.find((r) => r.statusCode === 409)?.json().error.message).toMatch(
      /avslutad/,
    );
    expect(await allowedAudit(caseId, "investigation.complete")).toBe(1);
  });

  it("keeps every save it answered 200 for in the record as it was completed", async () => {
    const caseId = await newCase();
    expect((await save(pair[0], caseId, "Första versionen.")).statusCode).toBe(200);
    const completer = n / 2;
    const summaries = Array.from({ length: n + 1 }, (_, i) => `Sammanfattning ${i + 1}.`);
    const outcome = await race(n + 1, (i) =>
      i === completer
        ? post(pair[1], `/api/cases/${caseId}/investigation/complete`)
        : save(pair[i % 2] as Session, caseId, summaries[i] as string),
    );
    const completed = outcome.responses[completer]?.json();
    expect(outcome.responses[completer]?.statusCode).toBe(200);
    const saves = outcome.responses.filter((_, i) => i !== completer);
    const kept = saves.filter((r) => r.statusCode === 200).map((r) => r.json());
    expect(kept.length + saves.filter((r) => r.statusCode === 409).length).toBe(n);
    for (const v of kept) {
      expect(v.completedAt).toBeNull();
      expect(new Date(v.updatedAt).getTime()).toBeLessThanOrEqual(
        new Date(completed.completedAt).getTime(),
      );
    }
    const latest = kept.sort((a, b) => a.updatedAt.localeCompare(b.updatedAt)).at(-1);
    const stored = (
      await t.app.inject({
        method: "GET",
        url: `/api/cases/${caseId}/investigation`,
        headers: as(pair[0]),
      })
    ).json();
    expect(stored.summary).toBe(latest?.summary ?? "Första versionen.");
    expect(stored.completedAt).toBe(completed.completedAt);
    expect(await allowedAudit(caseId, "investigation.save")).toBe(kept.length + 1);
  });
});
