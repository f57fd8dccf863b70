import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RetentionRunView } from "../../../shared/api/retention.ts";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import { as } from "../../testing/factories.ts";
import { race } from "../../testing/race.ts";
import { buildRetentionWorld } from "../../testing/retention.ts";

/**
 * Gallring (issue 19, item 8): the manager's decision on a dry run sent twice at once (a
 * double click, two windows). One decision removes and gives its receipts (200); the other
 * is told the run is decided (409) and removes nothing, so each record has one receipt and
 * one audit event, not two.
 */
describe.each(testDatabaseKinds)("a retention decision, two at once (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let w: Awaited<ReturnType<typeof buildRetentionWorld>>;
  let run: RetentionRunView;

  beforeAll(async () => {
    t = await buildTestApp(database());
    w = await buildRetentionWorld(t.app, database());
    const res = await t.app.inject({
      method: "POST",
      url: "/api/retention/runs",
      headers: as(w.manager),
    });
    expect(res.statusCode, res.body).toBe(201);
    run = res.json();
  });
  afterAll(() => t?.close());

  it("decides once: one 200 with its receipts, one 409, one receipt and one event per record", async () => {
    const both = await race(2, () =>
      t.app.inject({
        method: "POST",
        url: `/api/retention/runs/${run.id}/decision`,
        headers: as(w.manager),
      }),
    );
    expect(both.counts).toEqual({ 200: 1, 409: 1 });
    const refused = both.responses.find((r) => r.statusCode === 409)!;
    expect(refused.json().error.message).toBe("Beslut om den här provkörningen är redan fattat.");
    const decided: RetentionRunView = both.responses.find((r) => r.statusCode === 200)!.json();
    // Every record the run listed is still due: the six it listed (retention.test.ts), and
    // with each whole person her case — two persons, so eight receipts; none skipped.
    expect(run.items.filter((i) => i.action === "remove")).toHaveLength(6);
    expect(decided.decision).toMatchObject({ removed: 8, skipped: 0 });
    const removed = 8;

    const owner = database().owner;
    const receipts = await owner
      .selectFrom("retention_receipt")
      .select("record_id")
      .where("run_id", "=", run.id)
      .execute();
    expect(receipts).toHaveLength(removed);
    expect(new Set(receipts.map((r) => r.record_id)).size).toBe(removed);
    const events = await owner
      .selectFrom("audit_event")
      .select("outcome")
      .where("action", "=", "retention.remove")
      .where("resource_id", "=", run.id)
      .execute();
    expect(events).toEqual(Array.from({ length: removed }, () => ({ outcome: "allowed" })));
  });
});
