import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stockholmDate } from "../../../shared/calendar.ts";
import { withActor } from "../../access/transaction.ts";
import { openRecordBytes } from "../../crypto/record-keys.ts";
import { openPglite } from "../../db/connection.ts";
import { migrate } from "../../db/migrate.ts";
import { actorOf } from "../../testing/access-world.ts";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import { as, buildTreatmentTeam } from "../../testing/factories.ts";
import { findVisibleCase } from "../cases/queries.ts";
import { finishShredding, missingDocumentKeys, sealLegacyDocuments } from "./content.ts";
import { destroyDocuments } from "./service.ts";

/*
 * Crypto-shredding (issue 19 item 5): a document's content is stored sealed under a key of
 * its own, kept outside the database; destroying the document destroys the key, so a copy of
 * the database taken before — a dump, a backup — no longer gives the content back.
 */

const today = stockholmDate(new Date());
const sentinel = "Blankett-Sentinel-Hemligvägen-17";
const scannedPdf = Buffer.from(`%PDF-1.4\n% ${sentinel}\n%%EOF\n`);

/** The content column of one row in a `pg_dump --data-only` of the document table. */
function dumpedContent(dump: string, documentId: string): Buffer {
  const header = dump.match(/^COPY public\.document \(([^)]*)\) FROM stdin;$/m);
  if (!header?.[1]) throw new Error("no document table in the dump");
  const column = header[1].split(", ").indexOf("content");
  const line = dump.split("\n").find((l) => l.startsWith(`${documentId}\t`));
  if (!line) throw new Error("the document is not in the dump");
  const value = line.split("\t")[column] ?? "";
  // COPY's text format writes bytea as \\x<hex> (its backslash escaped).
  return Buffer.from(value.replace(/^\\\\x/, ""), "hex");
}

describe.each(testDatabaseKinds)("crypto-shredding of documents (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let team: Awaited<ReturnType<typeof buildTreatmentTeam>>;
  let documentId: string;
  let keyId: string;
  const his = (p = "") => `/api/cases/${team.caseId}${p}`;
  const get = (url: string) => t.app.inject({ method: "GET", url, headers: as(team.therapist) });
  const stored = () =>
    database()
      .owner.selectFrom("document")
      .selectAll()
      .where("id", "=", documentId)
      .executeTakeFirstOrThrow();

  beforeAll(async () => {
    t = await buildTestApp(database());
    team = await buildTreatmentTeam(t.app, database().owner);
    await t.app.inject({
      method: "POST",
      url: his("/treatment"),
      headers: as(team.therapist),
      payload: { referralSource: "self", referredOn: "2026-10-01" },
    });
  });
  afterAll(() => t?.close());

  it("stores a document sealed under its own key, and reads it back whole", async () => {
    const saved = await t.app.inject({
      method: "POST",
      url: his("/documents?kind=partner_contact_consent"),
      headers: { ...as(team.therapist), "content-type": "application/pdf" },
      payload: scannedPdf,
    });
    expect(saved.statusCode).toBe(201);
    documentId = saved.json().documents[0].id;
    const row = await stored();
    keyId = row.content_key_id as string;
    expect(keyId).toMatch(/^[0-9a-f-]{36}$/);
    const content = Buffer.from(row.content as Uint8Array);
    expect(content.includes(Buffer.from(sentinel))).toBe(false);
    expect(content.includes(Buffer.from("%PDF"))).toBe(false);
    expect(await database().recordKeys.key(keyId)).not.toBeNull();
    const read = await get(his(`/documents/${documentId}/content`));
    expect(read.statusCode).toBe(200);
    expect(read.rawPayload.equals(scannedPdf)).toBe(true);
  });

  it("a destruction that rolls back destroys no key: the document stays readable", async () => {
    const actor = await actorOf(database().owner, team.therapistId);
    const meta = { requestId: randomUUID(), clientAddress: null };
    const attempt = withActor(database().db, actor, async (trx) => {
      const c = await findVisibleCase(trx, actor, team.caseId);
      if (!c) throw new Error("the therapist sees his case");
      const ids = await destroyDocuments(
        trx,
        database(),
        actor,
        meta,
        c,
        { documentIds: [documentId] },
        "Prov.",
      );
      expect(ids).toEqual([documentId]);
      // Inside the transaction the row is destroyed; the key waits for the commit.
      expect(await database().recordKeys.key(keyId)).not.toBeNull();
      throw new Error("rolled back on purpose");
    });
    await expect(attempt).rejects.toThrow("rolled back on purpose");
    expect(await database().recordKeys.key(keyId)).not.toBeNull();
    expect((await stored()).destroyed_at).toBeNull();
    expect((await get(his(`/documents/${documentId}/content`))).statusCode).toBe(200);
  });

  it("ending the treatment destroys the form's key: gone, 410, and the receipt says so", async () => {
    // What a thief of a dump and an old copy of the key would have: the key's bytes.
    const key = (await database().recordKeys.key(keyId)) as Buffer;
    const dumped = kind === "postgres" ? dumpDocuments(database().url as string) : null;
    if (dumped) {
      // A dump taken BEFORE the destruction holds the sealed bytes, never the text; while
      // the key exists they open (so the check after the destruction can fail).
      expect(dumped.includes(sentinel)).toBe(false);
      const box = dumpedContent(dumped, documentId);
      const opened = openRecordBytes(key, keyId, box, `document.content:${documentId}`);
      expect(opened.equals(scannedPdf)).toBe(true);
    }
    const ended = await t.app.inject({
      method: "POST",
      url: his("/treatment/end"),
      headers: as(team.therapist),
      payload: {
        endedOn: today,
        kind: "completed",
        reason: "Programmet genomfört.",
        outcome: { goalReached: "wholly" },
      },
    });
    expect(ended.statusCode).toBe(200);
    expect(await database().recordKeys.key(keyId)).toBeNull();
    const row = await stored();
    expect(row.content).toBeNull();
    expect(row.content_key_id).toBe(keyId);
    expect(row.key_destroyed_at).toBeInstanceOf(Date);
    expect((await get(his(`/documents/${documentId}/content`))).statusCode).toBe(410);
    const [doc] = (await get(his("/documents"))).json().documents;
    expect(doc.destroyed).toMatchObject({
      reason: expect.stringContaining("förstörs"),
      keyDestroyedAt: row.key_destroyed_at?.toISOString(),
    });
    const event = await database()
      .owner.selectFrom("audit_event")
      .select(["data", "reason"])
      .where("action", "=", "document.destroy")
      .where("resource_id", "=", team.caseId)
      .executeTakeFirstOrThrow();
    expect(event.data).toMatchObject({ documentId, keyId });
    // The key is nowhere in the store any more: the old dump's bytes have nothing to open them.
    expect(filesHolding(database().recordKeys.location, key)).toEqual([]);
    if (dumped) {
      const box = dumpedContent(dumped, documentId);
      const stillThere = await database().recordKeys.key(keyId);
      expect(stillThere).toBeNull();
      // The database itself has no copy of the sealed bytes now either.
      expect(dumpDocuments(database().url as string)).not.toContain(box.toString("hex"));
    }
  });

  it("seals documents from before (plaintext rows) and finishes destructions left pending", async () => {
    const owner = database().owner;
    const legacyId = randomUUID();
    await owner
      .insertInto("document")
      .values({
        id: legacyId,
        org_id: team.orgId,
        case_id: team.caseId,
        kind: "sharing_consent",
        filename: "samtycke.pdf",
        media_type: "application/pdf",
        size_bytes: scannedPdf.length,
        sha256: "0".repeat(64),
        content: new Uint8Array(scannedPdf),
        uploaded_by: team.therapistId,
      })
      .execute();
    expect(await sealLegacyDocuments(database())).toBe(1);
    expect(await sealLegacyDocuments(database())).toBe(0);
    const sealed = await owner
      .selectFrom("document")
      .select(["content", "content_key_id"])
      .where("id", "=", legacyId)
      .executeTakeFirstOrThrow();
    const legacyKey = sealed.content_key_id as string;
    expect(Buffer.from(sealed.content as Uint8Array).includes(Buffer.from(sentinel))).toBe(false);
    const key = (await database().recordKeys.key(legacyKey)) as Buffer;
    const opened = openRecordBytes(
      key,
      legacyKey,
      sealed.content as Uint8Array,
      `document.content:${legacyId}`,
    );
    expect(opened.equals(scannedPdf)).toBe(true);
    // Bound to its row: the same bytes under another document's id do not open.
    expect(() =>
      openRecordBytes(
        key,
        legacyKey,
        sealed.content as Uint8Array,
        `document.content:${documentId}`,
      ),
    ).toThrow(/does not open/);
    expect(await missingDocumentKeys(database())).toMatchObject({ missing: 0 });

    // Destroyed in the database, the key not yet (a crash right after the commit): the sweep.
    await owner
      .updateTable("document")
      .set({
        content: null,
        destroyed_at: new Date(),
        destroyed_by: team.therapistId,
        destroyed_reason: "Prov.",
      })
      .where("id", "=", legacyId)
      .execute();
    expect(await finishShredding(database())).toBe(1);
    expect(await database().recordKeys.key(legacyKey)).toBeNull();
    expect(await finishShredding(database())).toBe(0);
  });

  it("counts living documents whose key the store lacks (an empty folder stops the start)", async () => {
    const owner = database().owner;
    const id = randomUUID();
    await owner
      .insertInto("document")
      .values({
        id,
        org_id: team.orgId,
        case_id: team.caseId,
        kind: "sharing_consent",
        filename: "samtycke.pdf",
        media_type: "application/pdf",
        size_bytes: 3,
        sha256: "0".repeat(64),
        content: new Uint8Array([1, 2, 3]),
        content_key_id: randomUUID(),
        uploaded_by: team.therapistId,
      })
      .execute();
    expect(await missingDocumentKeys(database())).toEqual({ missing: 1, of: 1 });
    // Reading it answers 410 (its key is gone), never 500.
    expect((await get(his(`/documents/${id}/content`))).statusCode).toBe(410);
  });
});

describe("a PGlite data folder", () => {
  it("never holds a document's text, before or after its destruction", async () => {
    const dir = mkdtempSync(join(tmpdir(), "frid-shred-folder-"));
    const database = await openPglite(dir);
    try {
      await migrate(database.owner);
      const t = await buildTestApp(database);
      const team = await buildTreatmentTeam(t.app, database.owner);
      const his = (p: string) => `/api/cases/${team.caseId}${p}`;
      const call = (method: "GET" | "POST", url: string, payload?: object | Buffer) =>
        t.app.inject({
          method,
          url,
          headers: {
            ...as(team.therapist),
            ...(Buffer.isBuffer(payload) ? { "content-type": "application/pdf" } : {}),
          },
          ...(payload ? { payload } : {}),
        });
      await call("POST", his("/treatment"), { referralSource: "self", referredOn: "2026-10-01" });
      const saved = await call("POST", his("/documents?kind=partner_contact_consent"), scannedPdf);
      expect(saved.statusCode).toBe(201);
      const id = saved.json().documents[0].id;
      const read = await call("GET", his(`/documents/${id}/content`));
      expect(read.rawPayload.equals(scannedPdf)).toBe(true);
      const ended = await call("POST", his("/treatment/end"), {
        endedOn: today,
        kind: "completed",
        reason: "Programmet genomfört.",
        outcome: { goalReached: "wholly" },
      });
      expect(ended.statusCode).toBe(200);
      await t.close();
    } finally {
      await database.close();
    }
    // Closed: everything PGlite wrote (tables, WAL) is in the files now.
    expect(filesHolding(dir, Buffer.from(sentinel))).toEqual([]);
    // The check can fail: the audit trail's own words are there in plain text.
    expect(filesHolding(dir, Buffer.from("partner_contact_consent")).length).toBeGreaterThan(0);
    rmSync(dir, { recursive: true, force: true });
  }, 180_000);
});

/** The files under `root` whose bytes contain `needle`. */
function filesHolding(root: string, needle: Buffer): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(root, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const file = join(entry.parentPath, entry.name);
    if (readFileSync(file).includes(needle)) found.push(file);
  }
  return found;
}

function dumpDocuments(url: string): string {
  return execFileSync("/usr/bin/pg_dump", ["--data-only", "--table=public.document", url], {
    encoding: "utf8",
  });
}
