import { type Kysely, sql } from "kysely";
import { rewrapDataKey } from "../crypto/key-service.ts";
import { insertActiveKey } from "./data-keys.ts";
import type { FieldCipher } from "./field-cipher.ts";
import { rowKeyOf, type SealedTable, sealedTables } from "./sealed-columns.ts";
import type { Database } from "./types.ts";

/**
 * Key rotation while Frid runs (issue 19 item 4; `npm run keys:rotate`, ADR 0021):
 *
 * 1. Re-wrap: every data key not wrapped under the current KEK is unwrapped with the one it
 *    names (FRID_KEK_PREVIOUS) and wrapped again. The data keys themselves do not change,
 *    so no stored value changes and running servers notice nothing.
 * 2. With `newDataKeys`: each organisation gets a new active data key; the old one becomes
 *    decrypt_only, so every value still opens. Servers pick the new key up within
 *    keyringMaxAgeMs (field-cipher.ts); the rotation waits `graceMs` for that.
 * 3. Re-seal in batches: every sealed value not under its organisation's active key — an
 *    older key, or plaintext from before 0077 — is opened and sealed again. Each update is
 *    conditional on the value it read, so a value a user changed meanwhile is left as the
 *    user wrote it (and is looked at again on the next pass).
 * 4. When no value is left under a decrypt_only key, that key is retired: the keyring no
 *    longer unwraps it.
 */

export interface RotationOptions {
  newDataKeys: boolean;
  /** Rows read per statement; the updates go one row at a time (short locks). */
  batchSize?: number;
  /** A pause after each batch, to leave the database to the users on a busy day. */
  pauseMs?: number;
  /** How long to wait after making new keys, so every running server seals with them. */
  graceMs?: number;
  progress?: (line: string) => void;
}

export interface RotationReport {
  rewrapped: number;
  newKeys: number;
  /** Values sealed again, by `table.column`. */
  resealed: Record<string, number>;
  retired: number;
  /** Values still not under the active key after the last pass (0 unless writes raced it). */
  remaining: number;
}

type Target = { owner: Kysely<Database>; cipher: FieldCipher };

const maxPasses = 3;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function rotateKeys(
  target: Target,
  options: RotationOptions,
): Promise<RotationReport> {
  const say = options.progress ?? (() => {});
  const rewrapped = await rewrapDataKeys(target);
  say(`re-wrapped ${rewrapped} data keys under KEK ${target.cipher.keyService.kekId}`);
  let newKeys = 0;
  if (options.newDataKeys) {
    newKeys = await replaceActiveKeys(target);
    await target.cipher.refresh();
    say(`made ${newKeys} new data keys; the old ones only open values now`);
    const grace = options.graceMs ?? 0;
    if (grace > 0) {
      say(`waiting ${Math.round(grace / 1000)} s for running servers`);
      await sleep(grace);
    }
  }
  const { resealed, remaining } = await resealAll(target, options, say);
  const retired = remaining === 0 ? await retireUnusedKeys(target.owner) : 0;
  if (retired > 0) await target.cipher.refresh();
  return { rewrapped, newKeys, resealed, retired, remaining };
}

/**
 * Seals every contact detail still stored in plaintext, once per database: start-up calls
 * it, and it marks the task done (0082) so later starts skip the scan. The demo seed and an
 * installation from before 0077 leave such rows; the services never write them.
 */
export async function sealPlaintext(target: Target): Promise<number | null> {
  const done = await target.owner
    .selectFrom("maintenance_task")
    .select("task")
    .where("task", "=", "seal_plaintext")
    .executeTakeFirst();
  if (done) return null;
  const { resealed, remaining } = await resealAll(target, {}, () => {});
  const sealed = Object.values(resealed).reduce((a, b) => a + b, 0);
  if (remaining === 0) {
    await target.owner
      .insertInto("maintenance_task")
      .values({ task: "seal_plaintext", detail: JSON.stringify({ sealed }) })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  return sealed;
}

/** Step 3: passes over every sealed column until none is left (or writes keep racing). */
async function resealAll(
  target: Target,
  options: Pick<RotationOptions, "batchSize" | "pauseMs">,
  say: (line: string) => void,
): Promise<{ resealed: Record<string, number>; remaining: number }> {
  const resealed: Record<string, number> = {};
  let remaining = 0;
  for (let pass = 0; pass < maxPasses; pass++) {
    let thisPass = 0;
    for (const [table, column] of sealedColumnList()) {
      const n = await resealColumn(target, table, column, options);
      const field = `${table}.${column}`;
      resealed[field] = (resealed[field] ?? 0) + n;
      thisPass += n;
      if (n > 0) say(`sealed ${n} values of ${table}.${column} again`);
    }
    remaining = await countNotUnderActive(target.owner);
    if (remaining === 0 || thisPass === 0) break;
  }
  return { resealed, remaining };
}

function sealedColumnList(): [SealedTable, string][] {
  return Object.entries(sealedTables).flatMap(([table, { columns }]) =>
    columns.map((column) => [table as SealedTable, column] as [SealedTable, string]),
  );
}

/** Step 1. A key under an unknown KEK stops the rotation with the key service's message. */
async function rewrapDataKeys({ owner, cipher }: Target): Promise<number> {
  const service = cipher.keyService;
  const stale = await owner
    .selectFrom("data_key")
    .select(["id", "wrapped", "kek_id"])
    .where("state", "!=", "retired")
    .where("kek_id", "!=", service.kekId)
    .execute();
  for (const key of stale) {
    const next = await rewrapDataKey(service, Buffer.from(key.wrapped), key.kek_id);
    await owner
      .updateTable("data_key")
      .set({ wrapped: next.wrapped, kek_id: next.kekId })
      .where("id", "=", key.id)
      .where("kek_id", "=", key.kek_id)
      .execute();
  }
  return stale.length;
}

/** Step 2: one transaction per organisation, so it never has two active keys or none. */
async function replaceActiveKeys({ owner, cipher }: Target): Promise<number> {
  const orgs = await owner.selectFrom("organisation").select("id").execute();
  for (const { id: orgId } of orgs) {
    await owner.transaction().execute(async (trx) => {
      await trx
        .updateTable("data_key")
        .set({ state: "decrypt_only" })
        .where("org_id", "=", orgId)
        .where("purpose", "=", "contact")
        .where("state", "=", "active")
        .execute();
      await insertActiveKey(trx, cipher.keyService, orgId);
    });
  }
  return orgs.length;
}

/** A value is under the organisation's active key when it starts with `f1.<key id>.`. */
const notUnderActive = (column: string) =>
  sql`(k.id is null or not starts_with(${sql.ref(`t.${column}`)}, 'f1.' || k.id::text || '.'))`;

const activeKeyJoin = sql`left join data_key k
  on k.org_id = t.org_id and k.purpose = 'contact' and k.state = 'active'`;

/** The sealed tables named at run time (sealedTables), so the builder takes any name. */
// biome-ignore lint/suspicious/noExplicitAny: table and column come from sealedTables.
type AnyTables = Record<string, Record<string, any>>;

interface StaleRow {
  org_id: string;
  value: string;
  [key: string]: string;
}

/** Step 3 for one column: pages through the table by its primary key, once. */
async function resealColumn(
  { owner, cipher }: Target,
  table: SealedTable,
  column: string,
  options: Pick<RotationOptions, "batchSize" | "pauseMs">,
): Promise<number> {
  const batchSize = options.batchSize ?? 500;
  const keys = sealedTables[table].key as readonly string[];
  const keyTuple = sql.join(keys.map((k) => sql.ref(`t.${k}`)));
  let after: string[] | null = null;
  let count = 0;
  for (;;) {
    const page: StaleRow[] = (
      await sql<StaleRow>`
        select t.org_id::text as org_id, ${sql.ref(`t.${column}`)} as value,
          ${sql.join(keys.map((k) => sql`${sql.ref(`t.${k}`)}::text as ${sql.id(`key_${k}`)}`))}
        from ${sql.table(table)} t ${activeKeyJoin}
        where ${sql.ref(`t.${column}`)} is not null and ${notUnderActive(column)}
          ${after ? sql`and (${keyTuple}) > (${sql.join(after)})` : sql``}
        order by ${keyTuple}
        limit ${batchSize}`.execute(owner)
    ).rows;
    for (const row of page) {
      const parts = keys.map((k) => row[`key_${k}`] as string);
      const rowKey = rowKeyOf(...parts);
      const field = `${table}.${column}`;
      const text = await cipher.open(row.org_id, field, row.value, rowKey);
      const sealed = await cipher.seal(row.org_id, field, text, rowKey);
      // The builder, not raw SQL: it reports the rows changed on both drivers.
      let update = (owner as unknown as Kysely<AnyTables>)
        .updateTable(table)
        .set({ [column]: sealed })
        .where(column, "=", row.value);
      for (const [i, k] of keys.entries()) update = update.where(k, "=", parts[i]);
      const result = await update.executeTakeFirst();
      count += Number(result.numUpdatedRows);
    }
    if (page.length < batchSize) return count;
    if (options.pauseMs) await sleep(options.pauseMs);
    const last = page[page.length - 1] as StaleRow;
    after = keys.map((k) => last[`key_${k}`] as string);
  }
}

/** Every sealed column, counted in one pass each: values not under the active key. */
async function countNotUnderActive(owner: Kysely<Database>): Promise<number> {
  let total = 0;
  for (const [table, column] of sealedColumnList()) {
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from ${sql.table(table)} t ${activeKeyJoin}
      where ${sql.ref(`t.${column}`)} is not null and ${notUnderActive(column)}`.execute(owner);
    total += rows[0]?.n ?? 0;
  }
  return total;
}

/**
 * Step 4: decrypt_only keys with nothing left under them stop being unwrapped, and their
 * wrapped bytes are cleared: from the next backup on, the database no longer holds them.
 */
async function retireUnusedKeys(owner: Kysely<Database>): Promise<number> {
  const result = await owner
    .updateTable("data_key")
    .set({ state: "retired", retired_at: sql<Date>`now()`, wrapped: Buffer.alloc(0) })
    .where("state", "=", "decrypt_only")
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
