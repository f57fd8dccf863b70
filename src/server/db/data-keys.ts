import type { Kysely } from "kysely";
import type { KeyService } from "../crypto/key-service.ts";
import { type DataKeyRow, Keyring, mintDataKey } from "../crypto/keyring.ts";
import type { Database } from "./types.ts";

/**
 * The organisations' data keys as the keyring reads them (crypto/keyring.ts), over the owner
 * connection: the application's role may not read the data_key table at all (0074). Read
 * once at start and after a rotation, never per request.
 */
export function dataKeySource(owner: Kysely<Database>) {
  return async (): Promise<DataKeyRow[]> => {
    const rows = await owner
      .selectFrom("data_key")
      .select(["id", "org_id", "wrapped", "kek_id", "state"])
      .where("purpose", "=", "contact")
      .orderBy("created_at")
      .execute();
    return rows.map((r) => ({
      id: r.id,
      orgId: r.org_id,
      wrapped: r.wrapped,
      kekId: r.kek_id,
      state: r.state as DataKeyRow["state"],
    }));
  };
}

/**
 * Gives every organisation without an active data key a new one, wrapped under the current
 * key-encryption key, then loads the keyring. Two processes starting at once: the partial
 * unique index (one active per organisation) lets one insert win; the other's conflict is
 * ignored and both load the same key.
 */
export async function loadKeyring(owner: Kysely<Database>, keys: KeyService): Promise<Keyring> {
  const missing = await owner
    .selectFrom("organisation as o")
    .select("o.id")
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("data_key as k")
            .select("k.id")
            .whereRef("k.org_id", "=", "o.id")
            .where("k.purpose", "=", "contact")
            .where("k.state", "=", "active"),
        ),
      ),
    )
    .execute();
  for (const { id: orgId } of missing) await insertActiveKey(owner, keys, orgId);
  return Keyring.load(keys, dataKeySource(owner));
}

/**
 * Mints and stores an organisation's active data key: its first, or in a rotation the one
 * after the old was made decrypt_only. Two at once (two processes, or two seals): the
 * partial unique index (one active per organisation) lets one insert win and the other's
 * conflict is ignored; the caller reads the winner back.
 */
export async function insertActiveKey(
  owner: Kysely<Database>,
  keys: KeyService,
  orgId: string,
): Promise<void> {
  const row = await mintDataKey(keys, orgId);
  await owner
    .insertInto("data_key")
    .values({
      id: row.id,
      org_id: orgId,
      wrapped: Buffer.from(row.wrapped),
      kek_id: row.kekId,
      state: "active",
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
}
