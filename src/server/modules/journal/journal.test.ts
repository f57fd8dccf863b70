import { sql } from "kysely";
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

describe.each(testDatabaseKinds)("the case journal (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let author: Session;
  let colleague: Session;
  let caseId: string;

  beforeAll(async () => {
    t = await buildTestApp(database());
    const { owner } = database();
    const org = await buildOrg(owner);
    const unit = await buildUnit(owner, org.id);
    const a = await buildUser(owner, org.id, [{ unitId: unit.id, role: "caseworker" }]);
    const b = await buildUser(owner, org.id, [{ unitId: unit.id, role: "caseworker" }]);
    const person = await buildPerson(owner, org.id, a.id);
    caseId = (
      await buildCase(owner, {
        orgId: org.id,
        unitId: unit.id,
        personId: person.id,
        openedBy: a.id,
        assignees: [a.id, b.id],
      })
    ).id;
    author = await login(t.app, a.username);
    colleague = await login(t.app, b.username);
  });
  afterAll(() => t?.close());

  const req = (s: Session, method: "GET" | "POST" | "PATCH", url: string, payload?: object) =>
    t.app.inject({ method, url, headers: as(s), ...(payload ? { payload } : {}) });
  const write = (s: Session, body: string, extra: object = {}) =>
    req(s, "POST", `/api/cases/${caseId}/journal`, {
      entryType: "conversation",
      occurredAt: "2026-11-20T09:30:00+01:00",
      body,
      ...extra,
    });
  // Signed entries and the caller's own drafts (all on the first page while they are few).
  const journalOf = async (s: Session) => {
    const page = (await req(s, "GET", `/api/cases/${caseId}/journal`)).json();
    return [...page.items, ...page.drafts] as {
      id: string;
      status: string;
      correctedBy: { id: string }[];
    }[];
  };

  it("keeps a draft its author's alone, editable, with the time of the event and of writing", async () => {
    const res = await write(author, "Samtal med klienten om boendet.");
    expect(res.statusCode).toBe(201);
    const draft = res.json();
    expect(draft).toMatchObject({
      status: "draft",
      occurredAt: "2026-11-20T08:30:00.000Z",
      abilities: { edit: true, sign: true },
    });
    expect(new Date(draft.writtenAt).getTime()).toBeGreaterThan(
      new Date(draft.occurredAt).getTime(),
    );
    expect((await journalOf(colleague)).map((e) => e.id)).not.toContain(draft.id);

    const edited = await req(author, "PATCH", `/api/journal/${draft.id}`, {
      body: "Samtal med klienten om boende och skola.",
    });
    expect(edited.json().body).toBe("Samtal med klienten om boende och skola.");
    expect(
      (await req(colleague, "PATCH", `/api/journal/${draft.id}`, { body: "x" })).statusCode,
    ).toBe(404);
  });

  it("never changes a signed entry: the API says so, and the database refuses even its owner", async () => {
    const draft = (await write(author, "Hembesök genomfört.")).json();
    const signed = await req(author, "POST", `/api/journal/${draft.id}/sign`);
    expect(signed.json()).toMatchObject({
      status: "signed",
      abilities: { edit: false, sign: false },
    });
    expect((await journalOf(colleague)).map((e) => e.id)).toContain(draft.id);

    const edit = await req(author, "PATCH", `/api/journal/${draft.id}`, {
      body: "Ändrat i efterhand",
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.message).toBe(
      "Anteckningen har signerats och ändras inte längre, så din ändring sparades inte. Skriv en rättelse om något behöver ändras.",
    );
    expect((await req(colleague, "POST", `/api/journal/${draft.id}/sign`)).statusCode).toBe(403);
    await expect(
      sql`update journal_entry set body = 'x' where id = ${draft.id}`.execute(database().owner),
    ).rejects.toThrow(/signed and cannot be changed/);
    await expect(
      sql`delete from journal_entry where id = ${draft.id}`.execute(database().owner),
    ).rejects.toThrow(/signed and cannot be changed/);
  });

  it("corrects a signed entry with a new one that points to it", async () => {
    const original = (await write(author, "Klienten har tre barn.")).json();
    await req(author, "POST", `/api/journal/${original.id}/sign`);
    const correction = await write(author, "Rättelse: klienten har två barn.", {
      correctsId: original.id,
    });
    expect(correction.statusCode).toBe(201);
    expect(correction.json().correctsId).toBe(original.id);
    await req(author, "POST", `/api/journal/${correction.json().id}/sign`);
    const entries = await journalOf(colleague);
    expect(entries.find((e) => e.id === original.id)?.correctedBy.map((c) => c.id)).toEqual([
      correction.json().id,
    ]);
  });

  it("refuses a correction of a draft, and an event in the future", async () => {
    const draft = (await write(author, "Utkast")).json();
    const bad = await write(author, "Rättelse", { correctsId: draft.id });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.correctsId).toBeDefined();
    const future = await write(author, "Framtid", {
      occurredAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.fields).toEqual({
      occurredAt: "Händelsen kan inte ligga i framtiden.",
    });
    const empty = await req(author, "POST", `/api/cases/${caseId}/journal`, {
      entryType: "letter",
      occurredAt: "x",
      body: "",
    });
    expect(Object.keys(empty.json().error.fields).sort()).toEqual([
      "body",
      "entryType",
      "occurredAt",
    ]);
  });
});
