import { sql } from "kysely";
import type { Actor } from "../../access/actor.ts";
import { accessibleCases } from "../../access/scope.ts";
import type { Trx } from "../../access/transaction.ts";
import { AppError, invalidCursor, validationMessage } from "../../http/errors.ts";

/** The case a number names, if the caller may see it (one index probe per form tried). */
export function visibleCaseByReference(trx: Trx, actor: Actor, references: string[]) {
  return trx
    .selectFrom("case as c")
    .select(["c.id", "c.reference", "c.person_id", "c.unit_id", "c.case_type", "c.status"])
    .where("c.reference", "in", references)
    .where(accessibleCases(actor, "probe"))
    .execute();
}

/**
 * For the audit trail only: the case one of these numbers names in the caller's organisation,
 * and its person (frid_case_by_reference, frid_case_person: security definer, migration 0047).
 */
export async function hiddenCaseByReference(trx: Trx, references: string[]) {
  for (const reference of references) {
    const { rows } = await sql<{ id: string | null; person_id: string | null }>`
      select c.id, frid_case_person(c.id) as person_id
        from (select frid_case_by_reference(${reference}) as id) c`.execute(trx);
    const row = rows[0];
    if (row?.id) return { id: row.id, personId: row.person_id };
  }
  return null;
}

// The snippet's marks around a word found: control characters, which no journal text may
// hold (the text rule allows only tab and line breaks), so the page can tell them apart.
export const markStart = "\u0001";
export const markEnd = "\u0002";
// One fragment (the default way): MaxFragments costs ts_headline three times as much per entry.
const headlineOptions = `StartSel="${markStart}", StopSel="${markEnd}", MaxWords=20, MinWords=8`;

export const noWordsMessage =
  "Sökningen innehåller bara vanliga småord. Skriv ett ord som står i anteckningen, till exempel ”hembesök”.";

/**
 * A page of journal hits (up to `limit + 1`: the extra one only says there is more), newest
 * event first. The candidates come from frid_journal_search (migration 0047), which finds
 * them by the full-text index and applies the journal's visibility rule; the rows are read
 * here by id, under row-level security and the application's case rule as every read, in
 * the same statement. The snippet is made for the page's rows only.
 */
export async function journalHits(
  trx: Trx,
  actor: Actor,
  query: string,
  page: { limit: number; before?: string | undefined },
) {
  return trx
    .selectFrom("journal_entry as j")
    .innerJoin("case as c", "c.id", "j.case_id")
    .innerJoin("app_user as u", "u.id", "j.author_id")
    .select([
      "j.id",
      "j.case_id",
      "c.reference",
      "c.person_id",
      "c.unit_id",
      "j.entry_type",
      "j.occurred_at",
      "j.signed_at",
      "j.author_id",
      "u.display_name as author_name",
      sql<string>`ts_headline('swedish', j.body, frid_journal_tsquery(${query}), ${headlineOptions})`.as(
        "snippet",
      ),
    ])
    .where(
      sql<boolean>`j.id in (select entry_id from frid_journal_search(${query}, ${page.before ?? null}::uuid, ${page.limit + 1}::integer))`,
    )
    .where(accessibleCases(actor))
    .orderBy("j.occurred_at", "desc")
    .orderBy("j.written_at", "desc")
    .orderBy("j.id", "desc")
    .execute()
    .catch((error: unknown) => {
      const code = (error as { code?: string }).code;
      if (code === "22023") throw invalidCursor();
      if (code === "22000")
        throw new AppError(400, "validation_failed", validationMessage, { query: noWordsMessage });
      throw error;
    });
}

export type JournalHitRow = Awaited<ReturnType<typeof journalHits>>[number];

/** ts_headline's text as parts: the words found marked, whitespace made one space. */
export function snippetParts(headline: string): { text: string; match: boolean }[] {
  const parts: { text: string; match: boolean }[] = [];
  for (const [i, piece] of headline.replace(/\s+/g, " ").trim().split(markStart).entries()) {
    const [found, rest] = i === 0 ? [null, piece] : splitOnce(piece, markEnd);
    if (found) parts.push({ text: found, match: true });
    if (rest) parts.push({ text: rest, match: false });
  }
  return parts;
}

function splitOnce(text: string, mark: string): [string, string] {
  const at = text.indexOf(mark);
  return at < 0 ? [text, ""] : [text.slice(0, at), text.slice(at + mark.length)];
}
