import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RetentionRunView } from "../../../shared/api/retention.ts";
import { withheldName } from "../../../shared/protection.ts";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import { as, type Session } from "../../testing/factories.ts";
import { buildRetentionWorld } from "../../testing/retention.ts";

/**
 * Gallring (issue 19, item 8) on generated records: exact counts per rule, the exceptions of
 * the law (born on the 15th, a placed child, a child's records, an old case beside a recent
 * one, an open case, a case in another unit), removal with a receipt per record, the
 * re-check at removal, and nobody else's records in the list.
 */
describe.each(testDatabaseKinds)("retention (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let w: Awaited<ReturnType<typeof buildRetentionWorld>>;
  let run: RetentionRunView;

  const call = (s: Session | null, method: "GET" | "POST" | "PUT", url: string, payload?: object) =>
    t.app.inject({ method, url, headers: s ? as(s) : {}, ...(payload ? { payload } : {}) });
  const itemsOf = (r: RetentionRunView, personId: string) =>
    r.items.filter((i) => i.personId === personId);

  beforeAll(async () => {
    t = await buildTestApp(database());
    w = await buildRetentionWorld(t.app, database());
    const res = await call(w.manager, "POST", "/api/retention/runs");
    expect(res.statusCode, res.body).toBe(201);
    run = res.json();
  });
  afterAll(() => t?.close());

  it("counts exactly per rule what would go and what is kept", () => {
    expect(run.counts).toEqual([
      { ruleCode: "berattelse_5_ar", remove: 2, kept: 1 },
      { ruleCode: "personakt_5_ar", remove: 2, kept: 6 },
      { ruleCode: "samtycke_partnerkontakt", remove: 2, kept: 0 },
    ]);
    const whole = (id: string) => itemsOf(run, id).find((i) => i.recordType === "person");
    const p = w.persons;
    expect(whole(p.old)?.action).toBe("remove");
    expect(whole(p.hidden)?.action).toBe("remove");
    expect(whole(p.born15)?.keptBecause).toBe("birth_day");
    expect(whole(p.placed)?.keptBecause).toBe("child_placed");
    expect(whole(p.young)?.keptBecause).toBe("child_years");
    expect(whole(p.mixed)?.keptBecause).toBe("recent_entry");
    expect(whole(p.open)?.keptBecause).toBe("open_case");
    expect(whole(p.shared)?.keptBecause).toBe("other_unit");
    expect(itemsOf(run, p.recent)).toEqual([]);
    const born15Entry = run.items.find((i) => i.recordId === w.entries.born15Entry);
    expect(born15Entry?.keptBecause).toBe("birth_day");
  });

  it("names a fictitious identity as lists do: never her name", () => {
    const hidden = itemsOf(run, w.persons.hidden);
    expect(hidden.map((i) => i.person)).toEqual([withheldName]);
    expect(JSON.stringify(run)).not.toContain("Hemlignamn");
  });

  it("never lists another unit's records; that unit's manager sees its own", async () => {
    expect(itemsOf(run, w.persons.onlyB)).toEqual([]);
    const res = await call(w.managerB, "POST", "/api/retention/runs");
    expect(res.statusCode, res.body).toBe(201);
    const b: RetentionRunView = res.json();
    expect(b.counts.find((c) => c.ruleCode === "personakt_5_ar")).toEqual({
      ruleCode: "personakt_5_ar",
      remove: 1,
      kept: 1,
    });
    expect(new Set(b.items.map((i) => i.personId))).toEqual(
      new Set([w.persons.onlyB, w.persons.shared]),
    );
    const other = await call(w.managerB, "GET", `/api/retention/runs/${run.id}`);
    expect(other.statusCode).toBe(404);
    const denied = await database()
      .owner.selectFrom("audit_event")
      .select("outcome")
      .where("action", "=", "retention.read")
      .where("resource_id", "=", run.id)
      .execute();
    expect(denied).toEqual([{ outcome: "denied" }]);
  });

  it("refuses those who do not decide on gallring", async () => {
    expect((await call(null, "POST", "/api/retention/runs")).statusCode).toBe(401);
    expect((await call(w.worker, "POST", "/api/retention/runs")).statusCode).toBe(403);
    expect((await call(w.worker, "GET", "/api/retention/rules")).statusCode).toBe(403);
    expect(
      (await call(w.worker, "POST", `/api/retention/runs/${run.id}/decision`)).statusCode,
    ).toBe(403);
    expect((await call(w.admin, "POST", "/api/retention/runs")).statusCode).toBe(403);
  });

  it("removes on the decision, checks each record again, and gives a receipt per record", async () => {
    // Since the dry run, a new entry in the hidden person's case: she is no longer due.
    await w.entry(w.cases.hiddenCase, 0);
    const formKeys = (
      await database()
        .owner.selectFrom("document")
        .select("content_key_id")
        .where("id", "in", [w.forms.oldForm, w.forms.born15Form])
        .execute()
    ).map((d) => d.content_key_id as string);
    expect(formKeys).toHaveLength(2);
    for (const keyId of formKeys) expect(await database().recordKeys.key(keyId)).not.toBeNull();
    const res = await call(w.manager, "POST", `/api/retention/runs/${run.id}/decision`);
    expect(res.statusCode, res.body).toBe(200);
    const decided: RetentionRunView = res.json();
    expect(decided.decision).toMatchObject({ removed: 6, skipped: 1 });
    const receipts = (await call(w.manager, "GET", `/api/retention/runs/${run.id}/receipts`)).json()
      .receipts as { recordType: string; recordId: string }[];
    expect(receipts).toHaveLength(6);
    expect(receipts.map((r) => r.recordType).sort()).toEqual(
      ["case", "document", "document", "journal_narrative", "journal_narrative", "person"].sort(),
    );
    expect(JSON.stringify(receipts)).not.toMatch(/Samtal|Testperson|Gallringsson/);

    const owner = database().owner;
    const gone = await owner
      .selectFrom("person")
      .select("id")
      .where("id", "in", [w.persons.old, w.persons.hidden, w.persons.born15])
      .execute();
    expect(gone.map((p) => p.id).sort()).toEqual([w.persons.hidden, w.persons.born15].sort());
    const narrative = await owner
      .selectFrom("journal_entry")
      .select(["body", "signed_at"])
      .where("id", "=", w.entries.mixedEntry)
      .executeTakeFirstOrThrow();
    expect(narrative.body).toMatch(/^\[Gallrad .* enligt regel berattelse_5_ar/);
    expect(narrative.signed_at).not.toBeNull();
    const form = await owner
      .selectFrom("document")
      .select(["content", "destroyed_at"])
      .where("id", "=", w.forms.born15Form)
      .executeTakeFirstOrThrow();
    expect(form.content).toBeNull();
    expect(form.destroyed_at).not.toBeNull();
    // Both forms' keys are gone — also the one whose row left with her whole record, so
    // no backup of either can be read (documents/content.ts shredAfterCommit).
    for (const keyId of formKeys) expect(await database().recordKeys.key(keyId)).toBeNull();
    const events = await owner
      .selectFrom("audit_event")
      .select(["action", "outcome"])
      .where("org_id", "=", w.org.id)
      .where("action", "=", "retention.remove")
      .execute();
    // Six removals, and the caseworker's refused attempt above.
    expect(events.filter((e) => e.outcome === "allowed")).toHaveLength(6);
    expect(events.filter((e) => e.outcome === "denied")).toHaveLength(1);
  });

  it("decides a run once", async () => {
    const again = await call(w.manager, "POST", `/api/retention/runs/${run.id}/decision`);
    expect(again.statusCode).toBe(409);
  });

  it("keeps signed entries final outside the retention functions", async () => {
    const owner = database().owner;
    await expect(
      owner
        .updateTable("journal_entry")
        .set({ body: "ändrad" })
        .where("id", "=", w.entries.born15Entry)
        .execute(),
    ).rejects.toThrow(/signed/);
  });

  it("lets an administrator record who verified a rule's source, and nobody else", async () => {
    const url = "/api/retention/rules/personakt_5_ar";
    expect((await call(w.manager, "PUT", url, { verifiedOn: "2026-01-10" })).statusCode).toBe(403);
    const bad = await call(w.admin, "PUT", url, { years: -1 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.years).toBe("Antalet år kan inte vara negativt.");
    const res = await call(w.admin, "PUT", url, { verifiedOn: "2026-01-10" });
    expect(res.statusCode, res.body).toBe(200);
    const rule = res.json().rules.find((r: { code: string }) => r.code === "personakt_5_ar");
    expect(rule.verified?.on).toBe("2026-01-10");
    const list = await call(w.manager, "GET", "/api/retention/rules");
    const unverified = list.json().rules.filter((r: { verified: unknown }) => r.verified === null);
    expect(unverified.map((r: { code: string }) => r.code)).toEqual([
      "berattelse_5_ar",
      "samtycke_partnerkontakt",
    ]);
  });
});
