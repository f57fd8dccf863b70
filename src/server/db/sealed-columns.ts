import type { SafeContact } from "./types.ts";

/**
 * Every column Frid stores sealed (issue 19 item 4, ADR 0022), with the primary key that a
 * value is bound to. One list: writers and readers name their table here, the rotation
 * script (scripts/keys-rotate.ts) walks it, and the dump test checks it. A column added to
 * it must be added to a writer's sealColumns and a reader's openColumns — nothing else.
 *
 * Not here, on purpose (docs/security.md): names and identity numbers (searched, unique,
 * ordered in SQL), professionals' contact details (place_contact, agency_contact, unit.*),
 * staff e-mail addresses.
 */
export const sealedTables = {
  person: { key: ["id"], columns: ["phone", "email", "postal_address", "safe_contact"] },
  app_user: { key: ["id"], columns: ["totp_secret"] },
  session: { key: ["id_hash"], columns: ["pending_totp_secret"] },
  place_address: { key: ["place_id"], columns: ["street", "postal_code", "city", "directions"] },
  partner_contact: { key: ["case_id"], columns: ["given_phone", "given_address", "given_email"] },
  intake: { key: ["id"], columns: ["reporter_phone", "reporter_email"] },
  stay: { key: ["id"], columns: ["went_to"] },
  stay_member: { key: ["stay_id", "person_id"], columns: ["school_name"] },
  // The whole plan as one JSON text: its code words, safe places and emergency numbers.
  safety_plan_version: { key: ["id"], columns: ["measures"] },
  // The organisation's blind-index key for personal identity numbers (auth/oidc/identifiers.ts).
  identifier_key: { key: ["org_id"], columns: ["sealed_key"] },
} as const satisfies Record<string, { key: readonly string[]; columns: readonly string[] }>;

export type SealedTable = keyof typeof sealedTables;

/** What seals and opens: the database handle's FieldCipher (db/field-cipher.ts). */
export interface Cipher {
  seal(orgId: string, field: string, text: string | null, row: string): Promise<string | null>;
  open(orgId: string, field: string, stored: string | null, row: string): Promise<string | null>;
}

/** A row's key as bound into its values: the primary key's parts joined with "/". */
export function rowKeyOf(...parts: string[]): string {
  return parts.join("/");
}

type Values = Record<string, unknown>;

async function each<T extends Values>(
  table: SealedTable,
  values: T,
  fn: (field: string, value: string) => Promise<string | null>,
): Promise<T> {
  const out: Values = { ...values };
  for (const column of sealedTables[table].columns) {
    const value = values[column];
    if (typeof value === "string") out[column] = await fn(`${table}.${column}`, value);
  }
  return out as T;
}

/**
 * `values` with the table's sealed columns it carries sealed (others, null and absent ones
 * as they are): for an insert or an update of the row `row` (rowKeyOf). Seal before the
 * transaction opens (field-cipher.ts says why).
 */
export function sealColumns<T extends Values>(
  cipher: Cipher,
  table: SealedTable,
  orgId: string,
  row: string,
  values: T,
): Promise<T> {
  return each(table, values, (field, value) => cipher.seal(orgId, field, value, row));
}

/** A row read back with the table's sealed columns opened (legacy plaintext passes through). */
export function openColumns<T extends Values>(
  cipher: Cipher,
  table: SealedTable,
  orgId: string,
  row: string,
  values: T,
): Promise<T> {
  return each(table, values, (field, value) => cipher.open(orgId, field, value, row));
}

/** The opened safe_contact text as the instructions; an empty or unreadable text is none given. */
export function parseSafeContact(text: string | null | undefined): SafeContact {
  if (!text) return {};
  const parsed: unknown = JSON.parse(text);
  return parsed && typeof parsed === "object" ? (parsed as SafeContact) : {};
}
