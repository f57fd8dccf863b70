import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AnomalyList, AnomalyView } from "../../../shared/api/log-review.ts";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import { as, login, type Session } from "../../testing/factories.ts";
import { race } from "../../testing/race.ts";
import { type LogReviewWorld, seedLogReviewWorld } from "./log-review-world.ts";

/**
 * Issue 19, item 7: two reviewers (or one in two windows) conclude the same anomaly at once.
 * One conclusion stands (201); the other is told to reload (409) and leaves no row and no
 * audit event — on PostgreSQL side by side, where the unique indexes of migration 0083
 * decide. A later conclusion names the one it replaces; naming one already replaced is 409.
 */
describe.each(testDatabaseKinds)("an anomaly concluded twice at once (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let w: LogReviewWorld;
  let windows: [Session, Session];
  let anomaly: AnomalyView;

  const conclude = (s: Session, payload: object) =>
    t.app.inject({
      method: "POST",
      url: "/api/audit/anomalies/conclusions",
      headers: as(s),
      payload,
    });
  const stored = () =>
    database()
      .owner.selectFrom("audit_conclusion")
      .select(["id", "conclusion", "replaces"])
      .where("anomaly_key", "=", anomaly.key)
      .orderBy("concluded_at")
      .execute();
  const events = async () =>
    (
      await database()
        .owner.selectFrom("audit_event")
        .select("data")
        .where("action", "=", "audit.conclusion")
        .where("resource_id", "=", anomaly.key)
        .where("outcome", "=", "allowed")
        .orderBy("id")
        .execute()
    ).map((e) => (e.data as { conclusion: string }).conclusion);

  beforeAll(async () => {
    t = await buildTestApp(database());
    w = await seedLogReviewWorld(database().owner);
    windows = [await login(t.app, w.managerA.username), await login(t.app, w.managerA.username)];
    const res = await t.app.inject({
      method: "GET",
      url: "/api/audit/anomalies?from=2026-03-02&to=2026-03-08&kind=after_hours",
      headers: as(windows[0]),
    });
    const first = (res.json() as AnomalyList).anomalies[0];
    if (!first) throw new Error("no after_hours line");
    anomaly = first;
  });
  afterAll(() => t?.close());

  it("an open anomaly: one 201, one 409, one row, one event", async () => {
    const both = await race(2, (i) =>
      conclude(windows[i % 2] as Session, {
        key: anomaly.key,
        conclusion: i === 0 ? "justified" : "needs_follow_up",
      }),
    );
    expect(both.counts).toEqual({ 201: 1, 409: 1 });
    const refused = both.responses.find((r) => r.statusCode === 409)!;
    expect(refused.json().error.message).toBe(
      "Avvikelsen har just bedömts av någon annan. Ladda om listan.",
    );
    const rows = await stored();
    expect(rows).toHaveLength(1);
    const standing = both.responses.find((r) => r.statusCode === 201)!.json() as AnomalyView;
    expect(standing.conclusion?.id).toBe(rows[0]?.id);
    expect(await events()).toEqual([rows[0]?.conclusion]);
  });

  it("a concluded anomaly: a second conclusion names the first; two at once, one stands", async () => {
    const [first] = await stored();
    // Without naming the conclusion it saw, a form opened on the open anomaly is stale.
    const stale = await conclude(windows[0], { key: anomaly.key, conclusion: "unjustified" });
    expect(stale.statusCode).toBe(409);
    const both = await race(2, (i) =>
      conclude(windows[i % 2] as Session, {
        key: anomaly.key,
        conclusion: "unjustified",
        note: "Samtal med medarbetaren bokat.",
        replaces: first?.id,
      }),
    );
    expect(both.counts).toEqual({ 201: 1, 409: 1 });
    const rows = await stored();
    expect(rows.map((r) => r.replaces)).toEqual([null, first?.id]);
    expect((await events()).length).toBe(2);
    // The newest is shown, and naming the first again (replaced already) is 409.
    const again = await conclude(windows[1], {
      key: anomaly.key,
      conclusion: "justified",
      replaces: first?.id,
    });
    expect(again.statusCode).toBe(409);
    const list = await t.app.inject({
      method: "GET",
      url: "/api/audit/anomalies?from=2026-03-02&to=2026-03-08&kind=after_hours",
      headers: as(windows[0]),
    });
    const shown = (list.json() as AnomalyList).anomalies.find((a) => a.key === anomaly.key);
    expect(shown?.conclusion).toMatchObject({ id: rows[1]?.id, conclusion: "unjustified" });
  });
});
