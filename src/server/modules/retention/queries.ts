import { sql } from "kysely";
import type { RetentionExceptions } from "../../../shared/api/retention.ts";
import { stockholmDate } from "../../../shared/calendar.ts";
import type { Trx } from "../../access/transaction.ts";
import type { PersonFacts, Rule } from "./rules.ts";

/** What stands where a removed narrative was: the entry, its date and author remain. */
export const tombstonePrefix = "[Gallrad";
export const tombstone = (ruleCode: string, today: string) =>
  `${tombstonePrefix} ${today} enligt regel ${ruleCode}. Anteckningens text finns inte kvar.]`;

const day = (t: Date | string | null): string | null =>
  t === null ? null : typeof t === "string" ? t.slice(0, 10) : stockholmDate(t);

export async function activeRules(trx: Trx, orgId: string): Promise<Rule[]> {
  const rows = await trx
    .selectFrom("retention_rule")
    .select(["code", "subject", "document_kind", "years", "after_event", "exceptions"])
    .where("org_id", "=", orgId)
    .where("active", "=", true)
    .orderBy("code")
    .execute();
  return rows.map((r) => ({
    code: r.code,
    subject: r.subject as Rule["subject"],
    documentKind: r.document_kind,
    years: r.years,
    afterEvent: r.after_event as Rule["afterEvent"],
    exceptions: r.exceptions as RetentionExceptions,
  }));
}

/**
 * Dates and flags over all of each person's cases (0079 frid_retention_person_facts: the
 * persons with a case in a unit the actor manages, no content), keyed by person.
 */
export async function personFacts(trx: Trx): Promise<Map<string, PersonFacts>> {
  const { rows } = await sql<{
    person_id: string;
    birth_date: string | null;
    last_entry: Date | null;
    earliest_case_entry: Date | null;
    last_closed: Date | null;
    open_cases: number;
    other_unit_cases: number;
    child_placed: boolean;
    recorded_as_child: boolean;
  }>`select * from frid_retention_person_facts()`.execute(trx);
  return new Map(
    rows.map((r) => [
      r.person_id,
      {
        personId: r.person_id,
        birthDate: day(r.birth_date),
        lastEntry: day(r.last_entry),
        earliestCaseEntry: day(r.earliest_case_entry),
        lastClosed: day(r.last_closed),
        openCases: Number(r.open_cases),
        otherUnitCases: Number(r.other_unit_cases),
        childPlaced: r.child_placed,
        recordedAsChild: r.recorded_as_child,
      },
    ]),
  );
}

/** Documents of a kind still holding content, in closed cases of the managed units. */
export async function documentsOfKind(trx: Trx, units: string[], kind: string) {
  if (units.length === 0) return [];
  const rows = await trx
    .selectFrom("document as d")
    .innerJoin("case as c", "c.id", "d.case_id")
    .select(["d.id", "d.case_id", "c.person_id", "c.closed_at"])
    .where("c.unit_id", "in", units)
    .where("c.status", "=", "closed")
    .where("d.kind", "=", kind as never)
    .where("d.destroyed_at", "is", null)
    .orderBy("d.id")
    .execute();
  return rows.map((r) => ({ ...r, closed: day(r.closed_at) }));
}

/** Signed entries whose narrative is still there, in closed cases of the managed units. */
export async function narratives(trx: Trx, units: string[]) {
  if (units.length === 0) return [];
  const rows = await trx
    .selectFrom("journal_entry as j")
    .innerJoin("case as c", "c.id", "j.case_id")
    .select(["j.id", "j.case_id", "c.person_id", "c.closed_at"])
    .where("c.unit_id", "in", units)
    .where("c.status", "=", "closed")
    .where("j.signed_at", "is not", null)
    .where("j.body", "not like", `${tombstonePrefix}%`)
    .orderBy("j.id")
    .execute();
  return rows.map((r) => ({ ...r, closed: day(r.closed_at) }));
}

/** The persons a run names, for showPerson("list"). */
export function personsShown(trx: Trx, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return trx
    .selectFrom("person")
    .select(["id", "given_name", "family_name", "identity_number", "protection_level"])
    .where("id", "in", ids)
    .execute();
}
