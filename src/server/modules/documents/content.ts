import { sql } from "kysely";
import type { Trx } from "../../access/transaction.ts";
import { afterCommit } from "../../access/transaction.ts";
import { openRecordBytes, type RecordKeyStore, sealRecordBytes } from "../../crypto/record-keys.ts";
import type { DatabaseHandle } from "../../db/connection.ts";

/**
 * A document's content at rest (issue 19 item 5, docs/adr/0023): sealed under a record key
 * of its own from the record-key store, never in the database; destroying the document
 * destroys that key, so the content cannot be read from the database, its old row versions,
 * its WAL or its backups. This file is the one place that seals, opens and shreds a
 * document's bytes: uploads, disclosure documents, reads and destruction go through it.
 */

/** What a record's bytes are bound to: a sealed file copied to another row does not open. */
const where = (documentId: string) => `document.content:${documentId}`;

/** The columns of a new document's content: the sealed bytes and the id of their key. */
export async function sealedContent(keys: RecordKeyStore, documentId: string, bytes: Uint8Array) {
  const keyId = await keys.create();
  const key = (await keys.key(keyId)) as Buffer;
  return {
    content: new Uint8Array(sealRecordBytes(key, keyId, bytes, where(documentId))),
    content_key_id: keyId,
  };
}

/**
 * A stored document's bytes, or null when its key is gone (destroyed — e.g. the database was
 * restored from a backup taken before the destruction: the row looks whole, the key is not).
 * A row without a key id is a document from before 0078 that start-up has not sealed yet.
 */
export async function openContent(
  keys: RecordKeyStore,
  row: { id: string; content: Uint8Array; content_key_id: string | null },
): Promise<Buffer | null> {
  if (row.content_key_id === null) return Buffer.from(row.content);
  const key = await keys.key(row.content_key_id);
  return key && openRecordBytes(key, row.content_key_id, row.content, where(row.id));
}

/**
 * After the destroying transaction commits: the keys of the documents it destroyed go. Not
 * before: a destruction that rolls back (a treatment end that lost a race) must leave the
 * document readable. A key that could not be destroyed now stays pending (key_destroyed_at
 * null, the receipt says "förstörs") and start-up's sweep finishes it.
 */
export function shredAfterCommit(
  trx: Trx,
  database: ShredTarget,
  destroyed: { id: string; content_key_id: string | null }[],
): void {
  if (destroyed.length === 0) return;
  afterCommit(trx, async () => {
    // The keys as the destroying statement returned them: the same transaction may have
    // deleted the rows since (gallring of a whole person), so they are not read again.
    for (const { content_key_id: keyId } of destroyed) {
      if (keyId) await database.recordKeys.destroy(keyId).catch(() => {});
    }
    await finishShredding(
      database,
      destroyed.map((d) => d.id),
    ).catch(() => 0);
  });
}

export type ShredTarget = Pick<DatabaseHandle, "owner" | "recordKeys">;

/**
 * Destroys the keys of destroyed documents whose key is still there (all of them, or the
 * given ones) and stamps key_destroyed_at. Over the owner connection: a system step of a
 * destruction the actor's transaction already decided and audited. Returns how many.
 */
export async function finishShredding(
  database: ShredTarget,
  documentIds?: string[],
): Promise<number> {
  let query = database.owner
    .selectFrom("document")
    .select(["id", "content_key_id"])
    .where("destroyed_at", "is not", null)
    .where("content_key_id", "is not", null)
    .where("key_destroyed_at", "is", null);
  if (documentIds) query = query.where("id", "in", documentIds);
  let done = 0;
  for (const row of await query.execute()) {
    await database.recordKeys.destroy(row.content_key_id as string);
    await database.owner
      .updateTable("document")
      .set({ key_destroyed_at: new Date() })
      .where("id", "=", row.id)
      .execute();
    done += 1;
  }
  return done;
}

const legacyBatch = 50;

/**
 * Seals documents stored before 0078 (content_key_id null), in batches, so the promise holds
 * for them too; run at start-up (main.ts) before Frid listens. A row changed meanwhile (it
 * cannot be: Frid is not yet serving) keeps its content and the new key is destroyed. When
 * anything was sealed, VACUUM FULL rewrites the table so no dead row version keeps the old
 * plaintext; the WAL and backups made before still hold it (docs/security.md).
 */
export async function sealLegacyDocuments(database: ShredTarget): Promise<number> {
  let sealed = 0;
  for (;;) {
    const rows = await database.owner
      .selectFrom("document")
      .select(["id", "content"])
      .where("content_key_id", "is", null)
      .where("content", "is not", null)
      .orderBy("id")
      .limit(legacyBatch)
      .execute();
    for (const row of rows) {
      const next = await sealedContent(database.recordKeys, row.id, row.content as Uint8Array);
      const updated = await database.owner
        .updateTable("document")
        .set(next)
        .where("id", "=", row.id)
        .where("content_key_id", "is", null)
        .executeTakeFirst();
      if (updated.numUpdatedRows === 1n) sealed += 1;
      else await database.recordKeys.destroy(next.content_key_id);
    }
    if (rows.length < legacyBatch) break;
  }
  if (sealed > 0) await sql`vacuum full document`.execute(database.owner);
  return sealed;
}

/**
 * How many living documents' keys the store lacks, of how many. All of them missing means
 * the wrong or an empty folder (start-up stops); a few means keys destroyed after the backup
 * this database was restored from — those documents stay unreadable, as they should.
 */
export async function missingDocumentKeys(
  database: ShredTarget,
): Promise<{ missing: number; of: number }> {
  const rows = await database.owner
    .selectFrom("document")
    .select("content_key_id")
    .where("destroyed_at", "is", null)
    .where("content_key_id", "is not", null)
    .execute();
  let missing = 0;
  for (const row of rows) {
    if ((await database.recordKeys.key(row.content_key_id as string)) === null) missing += 1;
  }
  return { missing, of: rows.length };
}
