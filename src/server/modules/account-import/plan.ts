import type { Kysely } from "kysely";
import type { ImportChange, ImportRowResult } from "../../../shared/api/account-import.ts";
import type { Database } from "../../db/types.ts";
import type { CheckedRow, ImportedKind } from "./rows.ts";

/**
 * What importing the checked rows would do to the organisation's accounts as they are now:
 * each row's answer, and the writes that would give it. Read and written in the same
 * transaction when applied, so what is applied is what was planned. An import adds: it
 * never takes a role or an identifier away (that is done on the user's page, one at a time).
 * A person with roles in several units has a row per unit under one username: each row adds
 * its roles in its unit to the one account, and the rows must agree on the name and on each
 * identifier they give (a row may leave an identifier empty; the first row naming it counts).
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

/** What the file says of one username, from the row it first appears on. */
interface Person {
  line: number;
  name: string | null;
  /** Each identifier kind's value and the row that first gave it. */
  identifiers: Map<ImportedKind, { stored: string; line: number }>;
  lead: { failed: boolean; write: PlannedAccount | null; planned: Set<string> } | null;
}

const sameUsername = (line: number) => `för samma användarnamn på rad ${line}`;

/** The username's rows gathered first: a later row may give the identifier an earlier lacks. */
function peopleOf(checked: HashedRow[]) {
  const people = new Map<string, Person>();
  for (const row of checked) {
    if (!row.username) continue;
    const person = people.get(row.username) ?? {
      line: row.line,
      name: row.name,
      identifiers: new Map(),
      lead: null,
    };
    people.set(row.username, person);
    for (const { kind, stored } of row.stored)
      if (!person.identifiers.has(kind)) person.identifiers.set(kind, { stored, line: row.line });
  }
  return people;
}

/** A later row of a username that says something else than the rows before it. */
function disagreements(row: HashedRow, person: Person): string[] {
  const errors: string[] = [];
  if (row.line !== person.line && row.name !== null && row.name !== person.name)
    errors.push(`Namnet skiljer sig från namnet ${sameUsername(person.line)}.`);
  for (const { kind, stored } of row.stored) {
    const first = person.identifiers.get(kind);
    if (first && first.stored !== stored)
      errors.push(`${identifierLabels[kind]} skiljer sig från det ${sameUsername(first.line)}.`);
  }
  return errors;
}

/** The row's problems with the other usernames of the file and the organisation's accounts. */
function conflicts(
  row: HashedRow,
  state: State,
  seen: Map<string, { line: number; username: string }>,
  userId: string | null,
) {
  const errors: string[] = [];
  const username = row.username ?? "";
  for (const { kind, stored } of row.stored) {
    const key = `${kind}|${stored}`;
    const before = seen.get(key);
    const owner = state.byValue.get(key);
    if (before && before.username !== username)
      errors.push(`${identifierLabels[kind]} finns redan på rad ${before.line}.`);
    else if (owner && owner !== userId)
      errors.push(`${identifierLabels[kind]} hör redan till ett annat konto i organisationen.`);
    if (!before) seen.set(key, { line: row.line, username });
  }
  return errors;
}

const roleKey = (userId: string | null, r: { role: string; unitId: string | null }) =>
  `${userId}|${r.role}|${r.unitId ?? ""}`;

/** What the row adds: to the account as it is, and to what the username's earlier rows add. */
function changesOf(
  row: HashedRow,
  state: State,
  account: { userId: string | null; currentName: string | null; lead: boolean },
  planned: Set<string>,
) {
  const { userId } = account;
  const changes: ImportChange[] = [];
  if (account.lead && (userId === null || account.currentName !== row.name)) changes.push("name");
  const added = (key: string) => !state.roles.has(key) && !planned.has(key);
  if (row.roles.some((r) => added(roleKey(userId, r)))) changes.push("roles");
  for (const { kind, stored } of row.stored)
    if (state.byUser.get(`${userId}|${kind}`) !== stored && !planned.has(`${kind}|${stored}`))
      changes.push(kind);
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

/** The row's errors: its own, against the username's other rows, the file and the accounts. */
function errorsOf(row: HashedRow, person: Person | undefined, state: State, context: RowContext) {
  const { existing, userId, seen } = context;
  const errors = [...row.errors];
  if (person && row.line !== person.line && person.lead?.failed)
    errors.push(`Raden ${sameUsername(person.line)} har fel; rätta den först.`);
  if (person) errors.push(...disagreements(row, person));
  errors.push(...conflicts(row, state, seen, userId));
  if (existing && !userId) errors.push("Användarnamnet är upptaget.");
  if (!existing && person?.line === row.line && (person?.identifiers.size ?? 0) === 0)
    errors.push(
      "Ett importerat konto får inget lösenord: ange minst en identifierare (hsa_id, personal_identity_number eller email) så att personen kan logga in genom identitetsleverantören.",
    );
  return errors;
}

interface RowContext {
  existing: { id: string; org_id: string; display_name: string } | undefined;
  userId: string | null;
  seen: Map<string, { line: number; username: string }>;
}

/** One row planned: its answer, and its writes added to the username's account. */
function planRow(
  plan: Plan,
  row: HashedRow,
  person: Person | undefined,
  state: State,
  context: RowContext,
) {
  const errors = errorsOf(row, person, state, context);
  const isLead = person?.line === row.line;
  if (errors.length > 0 || !row.username || !row.name || !person) {
    if (person && isLead) person.lead = { failed: true, write: null, planned: new Set() };
    plan.rows.push(rowResult(row, "error", { errors }));
    return;
  }
  const { userId } = context;
  const lead = person.lead ?? { failed: false, write: null, planned: new Set<string>() };
  person.lead = lead;
  const changes = changesOf(
    row,
    state,
    { userId, currentName: context.existing?.display_name ?? null, lead: isLead },
    lead.planned,
  );
  const outcome =
    isLead && userId === null ? "create" : changes.length > 0 ? "update" : "unchanged";
  plan.rows.push(rowResult(row, outcome, { changes: outcome === "unchanged" ? [] : changes }));
  if (outcome === "unchanged") return;
  if (!lead.write) {
    lead.write = {
      userId,
      username: row.username,
      name: row.name,
      nameChanged: false,
      roles: [],
      identifiers: [],
      changes: [],
    };
    plan.writes.push(lead.write);
  }
  const write = lead.write;
  write.nameChanged ||= changes.includes("name");
  for (const r of row.roles) lead.planned.add(roleKey(userId, r));
  write.roles.push(...row.roles.map(({ role, unitId }) => ({ role, unitId })));
  for (const id of row.stored.filter(({ kind }) => changes.includes(kind))) {
    lead.planned.add(`${id.kind}|${id.stored}`);
    write.identifiers.push(id);
  }
  for (const change of changes) if (!write.changes.includes(change)) write.changes.push(change);
}

export async function planImport(
  db: Kysely<Database>,
  orgId: string,
  checked: HashedRow[],
): Promise<Plan> {
  const usernames = [...new Set(checked.flatMap((r) => (r.username ? [r.username] : [])))];
  const state = await currentState(db, orgId, usernames);
  const people = peopleOf(checked);
  const seen = new Map<string, { line: number; username: string }>();
  const plan: Plan = { rows: [], writes: [] };
  for (const row of checked) {
    const existing = row.username ? state.users.get(row.username) : undefined;
    const userId = existing?.org_id === orgId ? existing.id : null;
    const person = row.username ? people.get(row.username) : undefined;
    planRow(plan, row, person, state, { existing, userId, seen });
  }
  return plan;
}
