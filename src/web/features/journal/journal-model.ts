import { type JournalEntryType, WriteJournalEntryBody } from "../../../shared/api/journal";
import type { JournalEntryView, UpdateJournalDraftInput } from "../../api/endpoints";
import { localDateTimeInputs, localDateTimeIso } from "../../i18n/dates";
import type { PlainMessageKey } from "../../i18n/messages";
import { formIssues } from "../../ui/form-issues";

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

/** A signed correction of an entry: the entry itself once loaded, else when it was written. */
/**
 * The entries to show: those loaded, page by page, and the ones changed here (a new draft,
 * an edit, a signing), each entry once — the copy changed last (a list loaded again after
 * a change here wins over it; one loaded before it does not), in journal order.
 */
export function mergeEntries(
  loaded: readonly JournalEntryView[],
  changed: readonly JournalEntryView[],
): JournalEntryView[] {
  const byId = new Map<string, JournalEntryView>();
  // On a tie the loaded copy: it may name corrections signed since.
  for (const e of [...changed, ...loaded]) {
    const seen = byId.get(e.id);
    if (!seen || time(e.updatedAt) >= time(seen.updatedAt)) byId.set(e.id, e);
  }
  return sortEntries([...byId.values()]);
}

export interface Correction {
  id: string;
  writtenAt: string;
  entry: JournalEntryView | null;
}

export interface EntryLinks {
  /**
   * What this entry corrects: the entry when it is in the list, else its id and time of
   * event (it is on an older page, not loaded yet), or null for no correction.
   */
  corrects: JournalEntryView | { id: string; occurredAt: string } | null;
  /** Signed corrections of this entry: the entry is corrected (oldest correction first). */
  correctedBy: Correction[];
  /** Corrections of this entry still in draft (only their author sees them). */
  draftCorrections: JournalEntryView[];
}

/**
 * For each entry, what it corrects and what corrects it. The server names both for every
 * entry (the other one may be on a page not loaded); a correction signed here since the list
 * was loaded is found from its own correctsId. A correction the viewer cannot see (someone
 * else's draft) is never named, and a draft does not make an entry "corrected" until signed.
 */
export function entryLinks(entries: readonly JournalEntryView[]): Map<string, EntryLinks> {
  const byId = new Map(entries.map((e) => [e.id, e]));
  const corrections = new Map<string, Map<string, string>>();
  const add = (correctedId: string, correctionId: string, writtenAt: string) => {
    const found = corrections.get(correctedId) ?? new Map<string, string>();
    found.set(correctionId, writtenAt);
    corrections.set(correctedId, found);
  };
  for (const e of entries) {
    if (e.correctsId && e.status === "signed") add(e.correctsId, e.id, e.writtenAt);
    for (const c of e.correctedBy) add(e.id, c.id, c.writtenAt);
  }

  const links = new Map<string, EntryLinks>();
  for (const e of entries) {
    const correctedBy = [...(corrections.get(e.id) ?? [])]
      .map(([id, writtenAt]) => ({ id, writtenAt, entry: byId.get(id) ?? null }))
      .sort((a, b) => time(a.writtenAt) - time(b.writtenAt));
    links.set(e.id, {
      corrects: e.correctsId ? (byId.get(e.correctsId) ?? e.corrects) : null,
      correctedBy,
      draftCorrections: entries
        .filter((d) => d.correctsId === e.id && d.status === "draft")
        .sort((a, b) => time(a.writtenAt) - time(b.writtenAt)),
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
  const checked = formIssues(
    WriteJournalEntryBody,
    {
      entryType: draft.entryType,
      occurredAt: localDateTimeIso(draft.date, draft.time) ?? "",
      body: draft.body,
    },
    { entryType: "journal.chooseType", occurredAt: "journal.occurredAtInvalid" },
  );
  if (!checked.ok) return checked;
  // The text goes as typed: an edit compares it with the saved one.
  const { entryType, occurredAt } = checked.body;
  return { ok: true, entryType, occurredAt, body: draft.body };
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

export type PeriodErrors = Partial<Record<"from" | "to", PlainMessageKey>>;

/** What is wrong with a period to print (YYYY-MM-DD days; the same days compare as text). */
export function periodErrors(from: string, to: string): PeriodErrors {
  const errors: PeriodErrors = {};
  if (!from) errors.from = "journal.pdfMissing";
  if (!to) errors.to = "journal.pdfMissing";
  if (from && to && to < from) errors.to = "journal.pdfReversed";
  return errors;
}
