import { jsonArrayFrom } from "kysely/helpers/postgres";
import type { JournalEntryView } from "../../../shared/api/journal.ts";
import type { Actor } from "../../access/actor.ts";
import type { Trx } from "../../access/transaction.ts";

function entryQuery(trx: Trx) {
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
      jsonArrayFrom(
        eb
          .selectFrom("journal_entry as k")
          .select("k.id")
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
    correctedByIds: row.corrected_by.map((c) => c.id),
    abilities: { edit: draftOfMine, sign: draftOfMine },
  };
}

/**
 * Entries of a case the caller may see: signed ones, and their own drafts. Row-level
 * security says the same; the query says it too, so the rule reads where it is used.
 */
export function listEntries(trx: Trx, actor: Actor, caseId: string) {
  return entryQuery(trx)
    .where("j.case_id", "=", caseId)
    .where((eb) => eb.or([eb("j.signed_at", "is not", null), eb("j.author_id", "=", actor.userId)]))
    .orderBy("j.occurred_at", "desc")
    .orderBy("j.written_at", "desc")
    .execute();
}

export function findEntry(trx: Trx, actor: Actor, id: string) {
  return entryQuery(trx)
    .where("j.id", "=", id)
    .where((eb) => eb.or([eb("j.signed_at", "is not", null), eb("j.author_id", "=", actor.userId)]))
    .executeTakeFirst();
}
