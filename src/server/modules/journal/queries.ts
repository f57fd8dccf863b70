import { sql } from "kysely";
import { jsonArrayFrom, jsonObjectFrom } from "kysely/helpers/postgres";
import type { JournalEntryView, JournalPage } from "../../../shared/api/journal.ts";
import { pageFrom } from "../../../shared/api/paging.ts";
import type { Actor } from "../../access/actor.ts";
import type { Trx } from "../../access/transaction.ts";

/** An entry with its author and corrections (bench/lib/histories.ts reads the old whole list with it). */
export function entryQuery(trx: Trx) {
  return trx
    .selectFrom("journal_entry as j")
    .innerJoin("app_user as u", "u.id", "j.author_id")
    .select((eb) => [
      "j.id",
      "j.case_id",
      "j.entry_type",
      "j.occurred_at",
      "j.written_at",
      "j.updated_at",
      "j.body",
      "j.signed_at",
      "j.author_id",
      "u.display_name as author_name",
      "j.corrects_id",
      // Only signed entries can be corrected, so whoever sees the case sees this one.
      jsonObjectFrom(
        eb
          .selectFrom("journal_entry as o")
          .select(["o.id", "o.occurred_at"])
          .whereRef("o.id", "=", "j.corrects_id"),
      ).as("corrects"),
      jsonArrayFrom(
        eb
          .selectFrom("journal_entry as k")
          .select(["k.id", "k.written_at"])
          .whereRef("k.corrects_id", "=", "j.id")
          .where("k.signed_at", "is not", null)
          .orderBy("k.written_at"),
      ).as("corrected_by"),
    ]);
}

export type EntryRow = NonNullable<
  Awaited<ReturnType<ReturnType<typeof entryQuery>["executeTakeFirst"]>>
>;

export function toEntryView(actor: Actor, row: EntryRow): JournalEntryView {
  const draftOfMine = row.signed_at === null && row.author_id === actor.userId;
  return {
    id: row.id,
    caseId: row.case_id,
    entryType: row.entry_type,
    occurredAt: row.occurred_at.toISOString(),
    writtenAt: row.written_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    body: row.body,
    status: row.signed_at ? "signed" : "draft",
    signedAt: row.signed_at ? row.signed_at.toISOString() : null,
    author: { id: row.author_id, displayName: row.author_name },
    correctsId: row.corrects_id,
    // Read back from JSON, the times are text: made ISO like the rest.
    corrects: row.corrects && {
      id: row.corrects.id,
      occurredAt: new Date(row.corrects.occurred_at).toISOString(),
    },
    correctedBy: row.corrected_by.map((c) => ({
      id: c.id,
      writtenAt: new Date(c.written_at).toISOString(),
    })),
    abilities: { edit: draftOfMine, sign: draftOfMine },
  };
}

/** Where the keyset puts an entry: the journal's order, newest event first. */
interface EntryKey {
  occurred_at: Date;
  written_at: Date;
  id: string;
}

/**
 * Where a page of the journal starts: the signed entry of this case `id` names (a draft, or
 * an entry of another case, is not a cursor we give).
 */
export function signedEntryAt(trx: Trx, caseId: string, id: string): Promise<EntryKey | undefined> {
  return trx
    .selectFrom("journal_entry")
    .select(["occurred_at", "written_at", "id"])
    .where("id", "=", id)
    .where("case_id", "=", caseId)
    .where("signed_at", "is not", null)
    .executeTakeFirst();
}

/**
 * A page of the case's signed entries, newest event first; among entries about the same
 * moment the one written last first, and the id breaks the last ties (keyset below `after`).
 * 0003's (case_id, occurred_at desc) index serves it: PostgreSQL bounds the scan by the
 * cursor's occurred_at and sorts only the ties (EXPLAIN: a page of 21 reads 22 rows), so no
 * index of its own. The page's ids are chosen first; the author and the corrections are
 * read for those rows only.
 */
export async function signedEntriesPage(
  trx: Trx,
  actor: Actor,
  caseId: string,
  limit: number,
  after?: EntryKey,
): Promise<Omit<JournalPage, "drafts">> {
  const pageIds = trx
    .selectFrom("journal_entry")
    .select("id")
    .where("case_id", "=", caseId)
    .where("signed_at", "is not", null)
    .$if(after !== undefined, (q) =>
      q.where(
        sql<boolean>`(occurred_at, written_at, id) < (${after?.occurred_at}, ${after?.written_at}, ${after?.id}::uuid)`,
      ),
    )
    .orderBy("occurred_at", "desc")
    .orderBy("written_at", "desc")
    .orderBy("id", "desc")
    .limit(limit + 1);
  const rows = await inJournalOrder(entryQuery(trx).where("j.id", "in", pageIds)).execute();
  return pageFrom(
    rows,
    limit,
    (r) => r.id,
    (r) => toEntryView(actor, r),
  );
}

/** The caller's own drafts in the case, all of them, in journal order. */
export async function myDrafts(trx: Trx, actor: Actor, caseId: string) {
  const rows = await inJournalOrder(
    entryQuery(trx)
      .where("j.case_id", "=", caseId)
      .where("j.signed_at", "is", null)
      .where("j.author_id", "=", actor.userId),
  ).execute();
  return rows.map((r) => toEntryView(actor, r));
}

function inJournalOrder(query: ReturnType<typeof entryQuery>) {
  return query
    .orderBy("j.occurred_at", "desc")
    .orderBy("j.written_at", "desc")
    .orderBy("j.id", "desc");
}

export function findEntry(trx: Trx, actor: Actor, id: string) {
  return entryQuery(trx)
    .where("j.id", "=", id)
    .where((eb) => eb.or([eb("j.signed_at", "is not", null), eb("j.author_id", "=", actor.userId)]))
    .executeTakeFirst();
}
