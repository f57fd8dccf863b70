import { createHmac, randomBytes } from "node:crypto";
import type { IdentifierKind } from "../../../shared/api/identity-providers.ts";
import { parseIdentityNumber } from "../../../shared/personal-identity-number.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { rowKeyOf } from "../../db/sealed-columns.ts";

/**
 * An account identifier as stored and compared. Every kind is normalised the same way on the
 * administrator's side and on the login's, so an identifier typed once matches the claim:
 * an HSA-id in capitals (HSA treats it case-insensitively), an e-mail address in lower case,
 * a `sub` exactly as the issuer sends it, and a personal identity number as the keyed hash
 * (HMAC-SHA-256 under the organisation's identifier key) of its twelve digits — the number
 * itself is never stored, and equal numbers still find each other.
 */
export type Normalised = { ok: true; value: string } | { ok: false; message: string };

export function normaliseIdentifier(kind: IdentifierKind, raw: string): Normalised {
  const value = raw.trim();
  if (value.length === 0) return { ok: false, message: "Identifieraren saknas." };
  switch (kind) {
    case "hsa_id":
      return /^[A-Za-z0-9-]{3,64}$/.test(value)
        ? { ok: true, value: value.toUpperCase() }
        : {
            ok: false,
            message: "Ett HSA-id har bokstäver, siffror och bindestreck, t.ex. SE2321000032-abc1.",
          };
    case "email":
      return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)
        ? { ok: true, value: value.toLowerCase() }
        : { ok: false, message: "Skriv en e-postadress som namn@exempel.se." };
    case "personal_identity_number": {
      const parsed = parseIdentityNumber(value);
      if (!parsed.ok) return { ok: false, message: parsed.message };
      if (parsed.value.kind !== "personal_identity_number")
        return { ok: false, message: "Ange ett personnummer, inte ett samordningsnummer." };
      return { ok: true, value: parsed.value.normalized };
    }
    case "sub":
      return { ok: true, value };
  }
}

// One key per organisation and database handle, opened once: the login path asks for it.
const keys = new WeakMap<DatabaseHandle, Map<string, Promise<Buffer>>>();

/**
 * The organisation's identifier key: 32 random bytes, sealed under its data key, made at
 * first use (two processes making it at once: the first insert wins, both read that one).
 */
export function identifierKey(database: DatabaseHandle, orgId: string): Promise<Buffer> {
  const byOrg = keys.get(database) ?? new Map<string, Promise<Buffer>>();
  keys.set(database, byOrg);
  let key = byOrg.get(orgId);
  if (!key) {
    key = loadOrMakeKey(database, orgId);
    key.catch(() => byOrg.delete(orgId));
    byOrg.set(orgId, key);
  }
  return key;
}

async function loadOrMakeKey(database: DatabaseHandle, orgId: string): Promise<Buffer> {
  const field = "identifier_key.sealed_key";
  const row = rowKeyOf(orgId);
  const read = () =>
    database.db
      .selectFrom("identifier_key")
      .select("sealed_key")
      .where("org_id", "=", orgId)
      .executeTakeFirst();
  let stored = await read();
  if (!stored) {
    // Sealed before the insert: sealing may mint the data key over the owner connection.
    const sealed = await database.cipher.seal(
      orgId,
      field,
      randomBytes(32).toString("base64"),
      row,
    );
    await database.db
      .insertInto("identifier_key")
      .values({ org_id: orgId, sealed_key: sealed ?? "" })
      .onConflict((oc) => oc.column("org_id").doNothing())
      .execute();
    stored = await read();
  }
  const opened = await database.cipher.open(orgId, field, stored?.sealed_key ?? null, row);
  if (!opened) throw new Error("identifier key missing");
  return Buffer.from(opened, "base64");
}

/** What the database holds for a normalised identifier: the hash for a personal number. */
export async function storedIdentifier(
  database: DatabaseHandle,
  orgId: string,
  kind: IdentifierKind,
  normalised: string,
): Promise<string> {
  if (kind !== "personal_identity_number") return normalised;
  const key = await identifierKey(database, orgId);
  return `hmac:${createHmac("sha256", key).update(normalised).digest("hex")}`;
}
