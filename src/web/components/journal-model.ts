import type { JournalEntryType } from "../../shared/api/journal";
import type { JournalEntryView, UpdateJournalDraftInput } from "../api/endpoints";
import { localDateTimeInputs, localDateTimeIso } from "../i18n/dates";
import type { PlainMessageKey } from "../i18n/messages";

/*
 * Pure logic behind the journal on the case page: order, merging a changed entry into the
 * list, and which entries correct which. No React here, so it is tested on its own.
 */

function time(iso: string): number {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? 0 : ms;
}

/**
 * Newest event first, as the server sends them; among entries about the same moment the one
 * written last comes first. Compared as moments, so offsets (+01:00, Z) do not matter.
 */
export function sortEntries(entries: readonly JournalEntryView[]): JournalEntryView[] {
  return [...entries].sort(
    (a, b) => time(b.occurredAt) - time(a.occurredAt) || time(b.writtenAt) - time(a.writtenAt),
  );
}

/** The list with `entry` added, or replacing the entry with its id, in journal order. */
export function upsertEntry(
  entries: readonly JournalEntryView[],
  entry: JournalEntryView,
): JournalEntryView[] {
  return sortEntries([...entries.filter((e) => e.id !== entry.id), entry]);
}

export interface EntryLinks {
  /**
   * What this entry corrects: the entry, "hidden" when it points to an entry not in the list
   * (should not happen: only signed entries can be corrected), or null for no correction.
   */
  corrects: JournalEntryView | "hidden" | null;
  /** Signed corrections of this entry: the entry is corrected (oldest correction first). */
  correctedBy: JournalEntryView[];
  /** Corrections of this entry still in draft (only their author sees them). */
  draftCorrections: JournalEntryView[];
}

/**
 * For each entry, what it corrects and what corrects it. Corrections are found both from the
 * server's correctedByIds and from the corrections' own correctsId, and only among the
 * entries in the list: a correction the viewer cannot see (someone else's draft) is never
 * linked to, and a draft does not make an entry "corrected" until it is signed.
 */
export function entryLinks(entries: readonly JournalEntryView[]): Map<string, EntryLinks> {
  const byId = new Map(entries.map((e) => [e.id, e]));
  const correctors = new Map<string, Set<string>>();
  const add = (correctedId: string, correctionId: string) => {
    if (!byId.has(correctionId)) return;
    const set = correctors.get(correctedId) ?? new Set<string>();
    set.add(correctionId);
    correctors.set(correctedId, set);
  };
  for (const e of entries) {
    if (e.correctsId) add(e.correctsId, e.id);
    for (const id of e.correctedByIds) add(e.id, id);
  }

  const links = new Map<string, EntryLinks>();
  for (const e of entries) {
    const corrections = [...(correctors.get(e.id) ?? [])]
      .map((id) => byId.get(id))
      .filter((c): c is JournalEntryView => c !== undefined)
      .sort((a, b) => time(a.writtenAt) - time(b.writtenAt));
    links.set(e.id, {
      corrects: e.correctsId ? (byId.get(e.correctsId) ?? "hidden") : null,
      correctedBy: corrections.filter((c) => c.status === "signed"),
      draftCorrections: corrections.filter((c) => c.status === "draft"),
    });
  }
  return links;
}

/** Id of the element that shows an entry, for links ("#…") and for moving focus to it. */
export const entryElementId = (entryId: string) => `journal-entry-${entryId}`;

/** What the entry form holds: the inputs' values, as typed. */
export interface EntryDraft {
  entryType: JournalEntryType | "";
  date: string;
  time: string;
  body: string;
}

export type DraftCheck =
  | { ok: true; entryType: JournalEntryType; occurredAt: string; body: string }
  | { ok: false; fields: Partial<Record<"entryType" | "occurredAt", PlainMessageKey>> };

/**
 * What can be told before sending: a type is chosen, and date and time make a real moment
 * (sent as ISO 8601 with the browser's offset). The text and the rest are the server's to
 * judge, so its message reaches the field.
 */
export function checkDraft(draft: EntryDraft): DraftCheck {
  const occurredAt = localDateTimeIso(draft.date, draft.time);
  const fields: Partial<Record<"entryType" | "occurredAt", PlainMessageKey>> = {};
  if (draft.entryType === "") fields.entryType = "journal.chooseType";
  if (occurredAt === null) fields.occurredAt = "journal.occurredAtInvalid";
  if (draft.entryType === "" || occurredAt === null) return { ok: false, fields };
  return { ok: true, entryType: draft.entryType, occurredAt, body: draft.body };
}

/** The form's starting values for editing `entry`, in the browser's local time. */
export function draftOf(entry: JournalEntryView): EntryDraft {
  return { entryType: entry.entryType, ...localDateTimeInputs(entry.occurredAt), body: entry.body };
}

/**
 * Only what was changed in the edit form, so an untouched time of event keeps its seconds
 * and an unchanged draft is not sent at all (an empty object: nothing to save).
 */
export function draftChanges(
  entry: JournalEntryView,
  checked: { entryType: JournalEntryType; occurredAt: string; body: string },
  edited: EntryDraft,
): UpdateJournalDraftInput {
  const start = draftOf(entry);
  const changes: UpdateJournalDraftInput = {};
  if (checked.entryType !== entry.entryType) changes.entryType = checked.entryType;
  if (edited.date !== start.date || edited.time !== start.time) {
    changes.occurredAt = checked.occurredAt;
  }
  if (checked.body !== entry.body) changes.body = checked.body;
  return changes;
}
