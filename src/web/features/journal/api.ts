import { type JournalEntryType, JournalEntryView, JournalPage } from "../../../shared/api/journal";
import { parseWith, patchJson } from "../../api/client";
import type { Transport } from "../../api/transport";

/** A new journal entry (a draft until signed); occurredAt is ISO 8601 with an offset. */
export interface WriteJournalEntryInput {
  entryType: JournalEntryType;
  occurredAt: string;
  body: string;
  /** The signed entry this one corrects, or null. */
  correctsId: string | null;
}
export type UpdateJournalDraftInput = Partial<Omit<WriteJournalEntryInput, "correctsId">>;

/** The journal calls of the Api (api/endpoints.ts assembles every feature's). */
export function journalApi({ call, get, post, opts, id }: Transport) {
  return {
    // The case journal. Drafts are their author's alone; a signed entry never changes.
    // A page of signed entries (the newest without `before`; that one brings my drafts too).
    journal: (caseId: string, before?: string, signal?: AbortSignal) =>
      get(
        `/api/cases/${id(caseId)}/journal${before === undefined ? "" : `?${new URLSearchParams({ before })}`}`,
        JournalPage,
        signal,
      ),
    writeJournalEntry: (caseId: string, input: WriteJournalEntryInput) =>
      post(`/api/cases/${id(caseId)}/journal`, input, JournalEntryView),
    updateJournalDraft: (entryId: string, changes: UpdateJournalDraftInput) =>
      call(async () =>
        parseWith(
          JournalEntryView,
          await patchJson(`/api/journal/${id(entryId)}`, changes, opts()),
        ),
      ),
    signJournalEntry: (entryId: string) =>
      post(`/api/journal/${id(entryId)}/sign`, {}, JournalEntryView),
    /** The journal of a period as a PDF: a plain GET form sends `from` and `to` here. */
    journalPdfUrl: (caseId: string) => `/api/cases/${id(caseId)}/journal/pdf`,
  };
}
