import type {
  Compilable,
  ExpressionBuilder,
  InferResult,
  Kysely,
  RawBuilder,
  Selectable,
} from "kysely";
import type { jsonArrayFrom } from "kysely/helpers/postgres";
import type { StatutoryLastDay } from "../../../shared/api/deadlines.ts";
import type { WorklistItem } from "../../../shared/api/worklist.ts";
import { type ProtectionLevel, shownName } from "../../../shared/protection.ts";
import { type Actor, unitsWithRole } from "../../access/actor.ts";
import { accessibleCases, isAssigned } from "../../access/scope.ts";
import type { Trx } from "../../access/transaction.ts";
import type { Database } from "../../db/types.ts";

/** What every row of the list says about its case and person. */
export const caseColumns = ["c.id", "c.reference", "c.person_id", "c.unit_id"] as const;

export function rowOf(r: {
  id: string;
  reference: string;
  person_id: string;
  unit_id: string;
  given_name: string;
  family_name: string;
  protection_level: ProtectionLevel;
}) {
  return {
    caseId: r.id,
    reference: r.reference,
    ...shownNames(r),
    personId: r.person_id,
    unitId: r.unit_id,
  };
}

/**
 * A line Att göra may show. dueAt is the end of the counted day: status and order key to it.
 * A statutory limit's lastDay (lag 1930:173) is shown beside it, never warned from.
 */
export type Candidate = Omit<
  WorklistItem,
  "status" | "due" | "dueDate" | "lastDay" | "responsible" | "subject"
> & {
  dueAt: Date;
  lastDay?: StatutoryLastDay;
  /** null on a line about no case (subject says what it is about). */
  personId: string | null;
  unitId: string | null;
  subject?: WorklistItem["subject"];
  /** A line about no case: who it is for (a case's line: who works the case, read later). */
  responsible?: WorklistItem["responsible"];
};

/**
 * Whose lines: mine, my units' (a manager's), or one case's (its workspace: the case's own
 * deadlines, whoever may see it — the access rule still decides that).
 */
export type WorklistScope = "mine" | "unit" | { caseId: string };

/** Mine: cases I am assigned to. Unit: every case of the units I manage. One case: that case. */
export function inScope(actor: Actor, scope: WorklistScope) {
  const managed = [
    ...unitsWithRole(actor, ["unit_manager"]),
    "00000000-0000-0000-0000-000000000000",
  ];
  return (eb: ExpressionBuilder<Database & { c: Database["case"] }, "c">) =>
    typeof scope === "object"
      ? eb("c.id", "=", scope.caseId)
      : scope === "mine"
        ? isAssigned(eb, actor.userId)
        : eb("c.unit_id", "in", managed);
}

/** What the lines need of a case in scope. */
export type ScopeRow = Pick<
  Selectable<Database["case"]>,
  "id" | "reference" | "person_id" | "unit_id" | "case_type" | "status" | "opened_at"
>;

/**
 * Queries over the cases in scope, `sc`: taken ONCE per request, under the access rule
 * (accessibleCases, and case_select underneath), as the first part of the one statement that
 * reads every kind of line (service.ts). Each kind joins its rows to `sc`; none asks the rule
 * or the scope of the organisation again.
 */
export type Scoped = Kysely<Database & { sc: ScopeRow }>;

/**
 * The cases in scope. Mine: every case I am assigned to (a notice across the barrier shows
 * whatever the case's status; the other lines ask for open cases themselves). Unit: the open
 * cases of the units I manage (every line of a manager's is about an open case, but the risk
 * alerts, which are read with the rule on their own: partner-contact.ts).
 */
export function scopeCases(trx: Trx, actor: Actor, scope: WorklistScope) {
  const q = trx
    .selectFrom("case as c")
    .select([
      "c.id",
      "c.reference",
      "c.person_id",
      "c.unit_id",
      "c.case_type",
      "c.status",
      "c.opened_at",
    ])
    .where(accessibleCases(actor))
    .where(inScope(actor, scope));
  return scope === "unit" ? q.where("c.status", "<>", "closed") : q;
}

/**
 * Lines arrive as JSON (one array per kind in one row): its timestamps are text. Turns the
 * named ones back into the Dates the deadline module counts from (dates stay "YYYY-MM-DD",
 * as the driver gives them).
 */
export function withDates<T extends object, K extends keyof T>(
  rows: T[],
  keys: K[],
): (Omit<T, K> & Record<K, Date>)[] {
  return rows.map((r) => {
    const out: Record<string, unknown> = { ...(r as Record<string, unknown>) };
    for (const k of keys) {
      const v = out[k as string];
      if (v !== null && v !== undefined) out[k as string] = new Date(v as string);
    }
    return out as Omit<T, K> & Record<K, Date>;
  });
}

/** A line of query Q as it arrives in its JSON array. */
export type JsonLine<Q extends Compilable<object>> =
  ReturnType<typeof jsonArrayFrom<InferResult<Q>[number]>> extends RawBuilder<(infer L)[]>
    ? L
    : never;

/** A line of query Q with its timestamps K made Dates again (withDates). */
export type Line<Q extends Compilable<object>, K extends keyof JsonLine<Q>> = Omit<JsonLine<Q>, K> &
  Record<K, Date> &
  Names;

/** The name a line shows, read once for all lines (personNames), and her protection. */
export type Names = { given_name: string; family_name: string; protection_level: ProtectionLevel };

/** A line's person through the one rule for lists (issue 19, item 1), with her badge. */
export function shownNames(n: Names) {
  const protectionLevel = n.protection_level;
  return {
    personName: shownName({ name: `${n.given_name} ${n.family_name}`, protectionLevel }, "list"),
    protectionLevel,
  };
}

/**
 * The names of the persons the lines are about, in one small statement after the lines
 * (person_select decides, as the join did): joined into every kind's query, the person's
 * policy was planned again in each (17–56 ms of planning per request at scale).
 */
export async function personNames(trx: Trx, ids: string[]): Promise<Map<string, Names>> {
  if (ids.length === 0) return new Map();
  const rows = await trx
    .selectFrom("person as p")
    .select(["p.id", "p.given_name", "p.family_name", "p.protection_level"])
    .where("p.id", "in", [...new Set(ids)])
    .execute();
  return new Map(rows.map(({ id, ...names }) => [id, names]));
}

/** The lines with their person's name; a line whose person the actor may not see is dropped. */
export function named<T extends { person_id: string }>(rows: T[], names: Map<string, Names>) {
  return rows.flatMap((r) => {
    const n = names.get(r.person_id);
    return n ? [{ ...r, ...n }] : [];
  });
}
