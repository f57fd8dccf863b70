import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import type {
  JournalEntryType,
  JournalEntryView,
  JournalPage,
} from "../../../shared/api/journal.ts";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import { breakGlassReadOnly, seesOnlyByBreakGlass } from "../../access/break-glass-access.ts";
import { runCaseCommand } from "../../access/case-command.ts";
import { recordCaseRefusal } from "../../access/case-guard.ts";
import { type Trx, withActor } from "../../access/transaction.ts";
import { auditContext, recordAudit } from "../../audit/record.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { AppError, invalidCursor } from "../../http/errors.ts";
import { findVisibleCase } from "../cases/queries.ts";
import {
  type EntryRow,
  findEntry,
  myDrafts,
  signedEntriesPage,
  signedEntryAt,
  toEntryView,
} from "./queries.ts";

/**
 * The case journal (SoL 2025:400 14 kap. 3, 7 §§ (verify): documentation). Anyone who may
 * see the case reads its signed entries and may write; a draft is its author's alone until
 * signed; a signed entry never changes (the database refuses too) — a correction is a new
 * entry pointing to it. The time of the event and the time of writing are both kept.
 */
const invalid = (fields: Record<string, string>) =>
  new AppError(400, "validation_failed", "Några uppgifter behöver rättas.", fields);
const entryNotFound = () =>
  new AppError(404, "not_found", "Anteckningen finns inte, eller så saknar du behörighet.");
const signedIsFinal = () =>
  new AppError(
    409,
    "conflict",
    "Anteckningen har signerats och ändras inte längre, så din ändring sparades inte. Skriv en rättelse om något behöver ändras.",
  );
const alreadySigned = () =>
  new AppError(409, "conflict", "Anteckningen är redan signerad. Ladda om sidan för att se den.");

// A little slack for clocks: "now" from a browser may be a minute ahead of the server.
const futureSlackMs = 5 * 60_000;

function checkOccurredAt(occurredAt: string): Date {
  const at = new Date(occurredAt);
  if (at.getTime() > Date.now() + futureSlackMs) {
    throw invalid({ occurredAt: "Händelsen kan inte ligga i framtiden." });
  }
  return at;
}

/**
 * A page of the journal (shared/api/paging.ts): the newest signed entries, or those before
 * `before`; the first page also brings the caller's drafts. One journal.read per request.
 */
export async function readJournal(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
  page: { limit: number; before?: string | undefined },
): Promise<JournalPage> {
  return runCaseCommand(database, actor, meta, {
    caseId,
    action: "journal.read",
    run: async ({ trx }) => {
      const after =
        page.before === undefined ? undefined : await signedEntryAt(trx, caseId, page.before);
      if (page.before !== undefined && !after) throw invalidCursor();
      const signed = await signedEntriesPage(trx, actor, caseId, page.limit, after);
      const drafts = after ? [] : await myDrafts(trx, actor, caseId);
      return { ...signed, drafts };
    },
  });
}

export async function writeEntry(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
  input: {
    entryType: JournalEntryType;
    occurredAt: string;
    body: string;
    correctsId: string | null;
  },
): Promise<JournalEntryView> {
  const occurredAt = checkOccurredAt(input.occurredAt);
  const id = randomUUID();
  return runCaseCommand(database, actor, meta, {
    caseId,
    action: "journal.write",
    // Locked like every change: "not on a closed case" is checked against the current status,
    // so an entry and the case's closing never cross (closed-case.race.test.ts).
    changes: true,
    requires: ["writeJournal"],
    closedMessage: "Ärendet är avslutat. Öppna det igen för att skriva i journalen.",
    run: async ({ trx }) => {
      if (input.correctsId) {
        const original = await findEntry(trx, actor, input.correctsId);
        if (!original || original.case_id !== caseId || original.signed_at === null) {
          throw invalid({
            correctsId: "Det går bara att rätta en signerad anteckning i samma ärende.",
          });
        }
      }
      await trx
        .insertInto("journal_entry")
        .values({
          id,
          org_id: actor.orgId,
          case_id: caseId,
          author_id: actor.userId,
          entry_type: input.entryType,
          occurred_at: occurredAt,
          body: input.body,
          corrects_id: input.correctsId,
        })
        .execute();
      return toEntryView(actor, (await findEntry(trx, actor, id)) as EntryRow);
    },
    event: () => ({ data: { entryId: id, correctsId: input.correctsId } }),
  });
}

/**
 * Runs a change to one's own draft: 404 if not visible, 403 if someone else's or seen only
 * through break-glass, 409 if signed.
 */
async function changeDraft(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  entryId: string,
  action: "journal.update" | "journal.sign",
  change: (trx: Trx, row: EntryRow) => Promise<void>,
): Promise<JournalEntryView> {
  const outcome = await withActor(database.db, actor, async (trx) => {
    // Lock the draft before reading it: an edit and the signing (or two signings) run one
    // after the other, and the second reads what the first did. Row-level security lets only
    // the author lock an unsigned entry; a signed one is final anyway and needs no lock.
    await trx
      .selectFrom("journal_entry")
      .select("id")
      .where("id", "=", entryId)
      .forUpdate()
      .execute();
    const row = await findEntry(trx, actor, entryId);
    if (!row) return "not_found" as const;
    if (row.author_id !== actor.userId) return "forbidden" as const;
    if (row.signed_at !== null) return "signed" as const;
    const c = await findVisibleCase(trx, actor, row.case_id);
    if (!c) return "not_found" as const;
    // A draft written while assigned stays unsigned if the author now only reads by
    // break-glass (outside runCaseCommand, so asked here as the runner asks it).
    if (await seesOnlyByBreakGlass(trx, actor, c)) return "read_only" as const;
    await change(trx, row);
    await recordAudit(trx, auditContext(actor, meta), [
      {
        action,
        resourceType: "case",
        resourceId: row.case_id,
        personId: c.person_id,
        unitId: c.unit_id,
        data: { entryId },
      },
    ]);
    return toEntryView(actor, (await findEntry(trx, actor, entryId)) as EntryRow);
  });
  if (typeof outcome !== "string") return outcome;
  // The refusal names the entry's case and person (issue 11, item 5): a draft tried across a
  // barrier belongs in her log review like any other look at her record.
  const caseId = await withActor(database.db, actor, async (trx) => {
    const { rows } = await sql<{
      case_id: string | null;
    }>`select frid_journal_entry_case(${entryId}::uuid) as case_id`.execute(trx);
    return rows[0]?.case_id ?? null;
  });
  await recordCaseRefusal(database, actor, meta, caseId, action, { entryId });
  if (outcome === "forbidden")
    throw new AppError(
      403,
      "forbidden",
      "Bara den som skrivit utkastet kan ändra eller signera det.",
    );
  if (outcome === "read_only") throw new AppError(403, "forbidden", breakGlassReadOnly);
  if (outcome === "signed") throw action === "journal.sign" ? alreadySigned() : signedIsFinal();
  throw entryNotFound();
}

export function updateDraft(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  entryId: string,
  input: {
    entryType?: JournalEntryType | undefined;
    occurredAt?: string | undefined;
    body?: string | undefined;
  },
) {
  const occurredAt = input.occurredAt === undefined ? undefined : checkOccurredAt(input.occurredAt);
  return changeDraft(database, actor, meta, entryId, "journal.update", async (trx) => {
    const changed = await trx
      .updateTable("journal_entry")
      .set({
        ...(input.entryType ? { entry_type: input.entryType } : {}),
        ...(occurredAt ? { occurred_at: occurredAt } : {}),
        ...(input.body !== undefined ? { body: input.body } : {}),
        updated_at: new Date(),
      })
      .where("id", "=", entryId)
      .where("signed_at", "is", null)
      .executeTakeFirst();
    if (changed.numUpdatedRows !== 1n) throw signedIsFinal();
  });
}

export function signEntry(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  entryId: string,
) {
  return changeDraft(database, actor, meta, entryId, "journal.sign", async (trx) => {
    const signed = await trx
      .updateTable("journal_entry")
      .set({ signed_at: new Date(), updated_at: new Date() })
      .where("id", "=", entryId)
      .where("signed_at", "is", null)
      .executeTakeFirst();
    // Under the lock this always changes the row; checked anyway, so a sign is never
    // answered 200 without having signed.
    if (signed.numUpdatedRows !== 1n) throw alreadySigned();
  });
}
