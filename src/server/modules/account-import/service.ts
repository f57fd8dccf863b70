import { type Kysely, sql } from "kysely";
import type { ImportResult } from "../../../shared/api/account-import.ts";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import { withActor } from "../../access/transaction.ts";
import { type AuditEntry, auditContext, recordAudit } from "../../audit/record.ts";
import { storedIdentifier } from "../../auth/oidc/identifiers.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import type { Database, RoleName } from "../../db/types.ts";
import { AppError } from "../../http/errors.ts";
import { type HashedRow, type PlannedAccount, planImport } from "./plan.ts";
import { readImportFile } from "./read-file.ts";
import { checkRow } from "./rows.ts";

/**
 * Importing accounts from a CSV file (issue 21, item 3). A dry run answers per row what
 * would happen and writes nothing; applying writes the whole file in one transaction or
 * nothing at all, and a second import of the same file changes nothing. Accounts made here
 * have no password: they log in through the identity provider by the identifiers given.
 */
async function hashedRows(database: DatabaseHandle, orgId: string, bytes: Uint8Array) {
  const units = await database.db
    .selectFrom("unit")
    .select(["id", "name"])
    .where("org_id", "=", orgId)
    .execute();
  const byName = new Map(units.map((u) => [u.name.toLowerCase(), u]));
  const rows: HashedRow[] = [];
  // Hashed before the transaction: the identifier key may be made over the owner connection.
  for (const fileRow of readImportFile(bytes)) {
    const row = checkRow(fileRow, byName);
    const stored = [];
    for (const { kind, value } of row.identifiers)
      stored.push({ kind, stored: await storedIdentifier(database, orgId, kind, value) });
    rows.push({ ...row, stored });
  }
  return rows;
}

function counts(rows: ImportResult["rows"]): ImportResult["counts"] {
  const count = (outcome: string) => rows.filter((r) => r.outcome === outcome).length;
  return {
    create: count("create"),
    update: count("update"),
    unchanged: count("unchanged"),
    error: count("error"),
  };
}

async function writeAccount(db: Kysely<Database>, actor: Actor, account: PlannedAccount) {
  let userId = account.userId;
  if (userId === null) {
    ({ id: userId } = await db
      .insertInto("app_user")
      .values({ org_id: actor.orgId, username: account.username, display_name: account.name })
      .returning("id")
      .executeTakeFirstOrThrow());
  } else if (account.nameChanged) {
    await db
      .updateTable("app_user")
      .set({ display_name: account.name })
      .where("id", "=", userId)
      .where("org_id", "=", actor.orgId)
      .execute();
  }
  const base = { org_id: actor.orgId, user_id: userId, created_by: actor.userId };
  if (account.roles.length > 0)
    await db
      .insertInto("role_assignment")
      .values(account.roles.map((r) => ({ ...base, role: r.role as RoleName, unit_id: r.unitId })))
      .onConflict((oc) => oc.doNothing())
      .execute();
  for (const { kind, stored } of account.identifiers) {
    // One identifier of a kind per account: the file's replaces the one it had.
    await db
      .deleteFrom("account_identifier")
      .where("user_id", "=", userId)
      .where("kind", "=", kind)
      .where("provider_id", "is", null)
      .execute();
    await db
      .insertInto("account_identifier")
      .values({ ...base, kind, value: stored })
      .execute();
  }
  return userId;
}

export async function importAccounts(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  bytes: Uint8Array,
  apply: boolean,
): Promise<ImportResult> {
  const rows = await hashedRows(database, actor.orgId, bytes);
  return withActor(database.db, actor, async (db) => {
    // Two applies of one organisation take turns: the second plans against what the first
    // committed (the same file again is then unchanged), never against what both saw before.
    if (apply)
      await sql`select pg_advisory_xact_lock(hashtextextended(${`account-import:${actor.orgId}`}, 0))`.execute(
        db,
      );
    const plan = await planImport(db, actor.orgId, rows);
    const result = { applied: false, counts: counts(plan.rows), rows: plan.rows };
    if (!apply) return result;
    const wrong = plan.rows.filter((r) => r.outcome === "error");
    if (wrong.length > 0) {
      const fields = Object.fromEntries(
        wrong.slice(0, 50).map((r) => [`line.${r.line}`, `Rad ${r.line}: ${r.errors.join(" ")}`]),
      );
      throw new AppError(
        400,
        "validation_failed",
        `${wrong.length === 1 ? "En rad" : `${wrong.length} rader`} i filen har fel, så inget importerades. Rätta raderna och gör en ny provkörning.`,
        fields,
      );
    }
    const entries: AuditEntry[] = [];
    for (const account of plan.writes) {
      const userId = await writeAccount(db, actor, account).catch(changedMeanwhile);
      entries.push({
        action: "admin.user.import",
        resourceType: "user",
        resourceId: userId,
        data: { outcome: account.userId === null ? "create" : "update", changes: account.changes },
      });
    }
    if (entries.length > 0) await recordAudit(db, auditContext(actor, meta), entries);
    return { ...result, applied: true };
  });
}

/**
 * A unique index refused a write the plan found free: an administrator's change on the users'
 * page (not an import: those take turns) came between. Nothing of the file is kept.
 */
function changedMeanwhile(error: unknown): never {
  if ((error as { code?: string }).code === "23505")
    throw new AppError(
      409,
      "conflict",
      "Kontona ändrades samtidigt som importen, så inget importerades. Gör en ny provkörning och försök igen.",
    );
  throw error;
}
