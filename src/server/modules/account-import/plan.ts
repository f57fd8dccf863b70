import type { Kysely } from "kysely";
import type { ImportChange, ImportRowResult } from "../../../shared/api/account-import.ts";
import type { Database } from "../../db/types.ts";
import type { CheckedRow, ImportedKind } from "./rows.ts";

/**
 * What importing the checked rows would do to the organisation's accounts as they are now:
 * each row's answer, and the writes that would give it. Read and written in the same
 * transaction when applied, so what is applied is what was planned. An import adds: it
 * never takes a role or an identifier away (that is done on the user's page, one at a time).
 */
export interface PlannedAccount {
  userId: string | null;
  username: string;
  name: string;
  nameChanged: boolean;
  roles: { role: string; unitId: string | null }[];
  identifiers: { kind: ImportedKind; stored: string }[];
  changes: ImportChange[];
}

export interface Plan {
  rows: ImportRowResult[];
  writes: PlannedAccount[];
}

/** A checked row with its identifiers as stored (a personal identity number hashed). */
export type HashedRow = CheckedRow & { stored: { kind: ImportedKind; stored: string }[] };

const identifierLabels: Record<ImportedKind, string> = {
  hsa_id: "HSA-id:t",
  email: "E-postadressen",
  personal_identity_number: "Personnumret",
};

async function currentState(db: Kysely<Database>, orgId: string, usernames: string[]) {
  const users =
    usernames.length === 0
      ? []
      : await db
          .selectFrom("app_user")
          .select(["id", "org_id", "username", "display_name"])
          .where("username", "in", usernames)
          .execute();
  const ids = users.filter((u) => u.org_id === orgId).map((u) => u.id);
  const [roleRows, identifierRows] = await Promise.all([
    ids.length === 0
      ? []
      : db
          .selectFrom("role_assignment")
          .select(["user_id", "role", "unit_id"])
          .where("org_id", "=", orgId)
          .where("user_id", "in", ids)
          .execute(),
    db
      .selectFrom("account_identifier")
      .select(["user_id", "kind", "value"])
      .where("org_id", "=", orgId)
      .where("provider_id", "is", null)
      .execute(),
  ]);
  return {
    users: new Map(users.map((u) => [u.username, u])),
    roles: new Set(roleRows.map((r) => `${r.user_id}|${r.role}|${r.unit_id ?? ""}`)),
    byValue: new Map(identifierRows.map((i) => [`${i.kind}|${i.value}`, i.user_id])),
    byUser: new Map(identifierRows.map((i) => [`${i.user_id}|${i.kind}`, i.value])),
  };
}

type State = Awaited<ReturnType<typeof currentState>>;

/** The row's problems with the rest of the file and the organisation's other accounts. */
function conflicts(row: HashedRow, state: State, seen: Map<string, number>, userId: string | null) {
  const errors: string[] = [];
  const username = row.username ?? "";
  const earlier = seen.get(`username|${username}`);
  if (earlier) errors.push(`Användarnamnet finns redan på rad ${earlier}.`);
  seen.set(`username|${username}`, earlier ?? row.line);
  for (const { kind, stored } of row.stored) {
    const key = `${kind}|${stored}`;
    const before = seen.get(key);
    const owner = state.byValue.get(key);
    if (before) errors.push(`${identifierLabels[kind]} finns redan på rad ${before}.`);
    else if (owner && owner !== userId)
      errors.push(`${identifierLabels[kind]} hör redan till ett annat konto i organisationen.`);
    seen.set(key, before ?? row.line);
  }
  return errors;
}

function changesOf(
  row: HashedRow,
  state: State,
  userId: string | null,
  currentName: string | null,
) {
  const changes: ImportChange[] = [];
  if (userId === null || currentName !== row.name) changes.push("name");
  if (row.roles.some((r) => !state.roles.has(`${userId}|${r.role}|${r.unitId ?? ""}`)))
    changes.push("roles");
  for (const { kind, stored } of row.stored)
    if (state.byUser.get(`${userId}|${kind}`) !== stored) changes.push(kind);
  return changes;
}

function rowResult(
  row: CheckedRow,
  outcome: ImportRowResult["outcome"],
  extra: Partial<ImportRowResult> = {},
) {
  return {
    line: row.line,
    username: row.username,
    name: row.name,
    outcome,
    changes: [],
    errors: [],
    ...extra,
  } satisfies ImportRowResult;
}

export async function planImport(
  db: Kysely<Database>,
  orgId: string,
  checked: HashedRow[],
): Promise<Plan> {
  const usernames = [...new Set(checked.flatMap((r) => (r.username ? [r.username] : [])))];
  const state = await currentState(db, orgId, usernames);
  const seen = new Map<string, number>();
  const plan: Plan = { rows: [], writes: [] };
  for (const row of checked) {
    const existing = row.username ? state.users.get(row.username) : undefined;
    const userId = existing?.org_id === orgId ? existing.id : null;
    const errors = [...row.errors, ...conflicts(row, state, seen, userId)];
    if (existing && !userId) errors.push("Användarnamnet är upptaget.");
    if (!existing && row.stored.length === 0)
      errors.push(
        "Ett importerat konto får inget lösenord: ange minst en identifierare (hsa_id, personal_identity_number eller email) så att personen kan logga in genom identitetsleverantören.",
      );
    if (errors.length > 0 || !row.username || !row.name) {
      plan.rows.push(rowResult(row, "error", { errors }));
      continue;
    }
    const changes = changesOf(row, state, userId, existing?.display_name ?? null);
    const outcome = userId === null ? "create" : changes.length > 0 ? "update" : "unchanged";
    plan.rows.push(rowResult(row, outcome, { changes: outcome === "unchanged" ? [] : changes }));
    if (outcome === "unchanged") continue;
    plan.writes.push({
      userId,
      username: row.username,
      name: row.name,
      nameChanged: changes.includes("name"),
      roles: row.roles.map(({ role, unitId }) => ({ role, unitId })),
      identifiers: row.stored.filter(({ kind }) => changes.includes(kind)),
      changes,
    });
  }
  return plan;
}
