import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import {
  as,
  buildCase,
  buildOrg,
  buildPerson,
  buildUnit,
  buildUser,
  login,
  type Session,
} from "../../testing/factories.ts";
import { race } from "../../testing/race.ts";

/**
 * A draft is its author's, but the author may have it open in two windows (issue 12): on
 * PostgreSQL an edit that raced the signing was answered 200 and not saved, and several
 * signings of one entry each succeeded. Every edit answered 200 must be in the signed text or
 * have been saved before the signing; one signing counts, the others get 409.
 */
const n = 20;

describe.each(testDatabaseKinds)("concurrent changes to a journal entry (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let caseId: string;
  let windows: [Session, Session];

  beforeAll(async () => {
    t = await buildTestApp(database());
    const { owner } = database();
    const org = await buildOrg(owner);
    const unit = await buildUnit(owner, org.id);
    const author = await buildUser(owner, org.id, [{ unitId: unit.id, role: "caseworker" }]);
    const person = await buildPerson(owner, org.id, author.id);
    caseId = (
      await buildCase(owner, {
        orgId: org.id,
        unitId: unit.id,
        personId: person.id,
        openedBy: author.id,
      })
    ).id;
    // The author logged in twice: two windows, two sessions, one draft.
    windows = [await login(t.app, author.username), await login(t.app, author.username)];
  });
  afterAll(() => t?.close());

  async function draft(): Promise<string> {
    const res = await t.app.inject({
      method: "POST",
      url: `/api/cases/${caseId}/journal`,
      headers: as(windows[0]),
      payload: {
        entryType: "conversation",
        occurredAt: "2026-11-20T09:30:00+01:00",
        body: "Första utkastet.",
      },
    });
    expect(res.statusCode).toBe(201);
    return res.json().id;
  }

  const sign = (s: Session, id: string) =>
    t.app.inject({ method: "POST", url: `/api/journal/${id}/sign`, headers: as(s) });
  const edit = (s: Session, id: string, body: string) =>
    t.app.inject({ method: "PATCH", url: `/api/journal/${id}`, headers: as(s), payload: { body } });

  const allowedAudit = async (entryId: string, action: string) =>
    (
      await database()
        .owner.selectFrom("audit_event")
        .select("data")
        .where("resource_id", "=", caseId)
        .where("action", "=", action)
        .where("outcome", "=", "allowed")
        .execute()
    ).filter((e) => (e.data as { entryId?: string }).entryId === entryId).length;

  it("signs an entry once when it is signed twenty times at once; the rest are told it is signed", async () => {
    const id = await draft();
    const outcome = await race(n, (i) => sign(windows[i % 2] as Session, id));
    expect(outcome.counts).toEqual({ 200: 1, 409: n - 1 });
    const loser = outcome.responses.find((r) => r.statusCode === 409);
    expect(loser?.json().error.message).toMatch(/redan signerad/);
    expect(await allowedAudit(id, "journal.sign")).toBe(1);
  });

  it("never answers 200 for an edit that raced the signing and was not kept", async () => {
    const id = await draft();
    const bodies = Array.from({ length: n }, (_, i) => `Utkast, version ${i + 1}.`);
    const signer = n / 2;
    const outcome = await race(n + 1, (i) =>
      i === signer
        ? sign(windows[1], id)
        : edit(windows[i % 2] as Session, id, bodies[i > signer ? i - 1 : i] as string),
    );
    const signed = outcome.responses[signer];
    expect(signed?.statusCode).toBe(200);
    const signedEntry = signed?.json();
    const edits = outcome.responses.filter((_, i) => i !== signer);
    const kept = edits.filter((r) => r.statusCode === 200);
    expect(kept.length + edits.filter((r) => r.statusCode === 409).length).toBe(n);
    for (const r of kept) {
      // The edit was saved, as a draft, before the signing…
      const entry = r.json();
      expect(entry.status).toBe("draft");
      expect(new Date(entry.updatedAt).getTime()).toBeLessThanOrEqual(
        new Date(signedEntry.signedAt).getTime(),
      );
    }
    // …and the signed text is the last edit that was kept (or the first draft, if none was).
    const latestKept = kept
      .map((r) => r.json())
      .sort((a, b) => new Date(a.updatedAt).getTime() - new Date(b.updatedAt).getTime())
      .at(-1);
    expect(signedEntry.body).toBe(latestKept?.body ?? "Första utkastet.");
    for (const r of edits.filter((e) => e.statusCode === 409))
      expect(r.json().error.message).toMatch(/signerats/);
    expect(await allowedAudit(id, "journal.update")).toBe(kept.length);
    expect(await allowedAudit(id, "journal.sign")).toBe(1);
  });
});
