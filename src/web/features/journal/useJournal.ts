import { useCallback, useMemo, useState } from "react";
import type { JournalPage } from "../../../shared/api/journal";
import type { JournalEntryView } from "../../api/endpoints";
import { useApi } from "../../auth/useAuth";
import { type MorePages, useMorePages } from "../../hooks/useMorePages";
import type { QueryState } from "../../hooks/useQuery";
import { useQuery } from "../../hooks/useQuery";
import { mergeEntries } from "./journal-model";

const noChanges: JournalEntryView[] = [];

export interface JournalEntries {
  state: QueryState<JournalPage>;
  /** Signed entries loaded so far and my drafts, with changes made here, in journal order. */
  entries: JournalEntryView[] | null;
  pages: MorePages<JournalEntryView>;
  /** Shows an entry as a change here returned it (new draft, edit, signing). */
  upsert: (entry: JournalEntryView) => void;
  reload: () => void;
}

/**
 * The journal a page at a time (shared/api/paging.ts): the first page brings the newest
 * signed entries and all my drafts, "Visa äldre anteckningar" the signed ones before them.
 * Entries changed here are kept beside the pages, so a signing does not unload the older
 * pages already shown, and a reload (which starts the pages over) does not lose them.
 */
export function useJournal(caseId: string): JournalEntries {
  const api = useApi();
  const query = useQuery(["case", caseId, "journal"], (signal) =>
    api.journal(caseId, undefined, signal),
  );
  const first = query.state.status === "ready" ? query.state.data : null;
  const loadPage = useCallback((before: string) => api.journal(caseId, before), [api, caseId]);
  const pages = useMorePages(first, loadPage);
  // Kept per case, not per page loaded: an answer may arrive after the list was loaded
  // again, and must still show. mergeEntries keeps whichever copy changed last.
  const [changes, setChanges] = useState<{ caseId: string; list: JournalEntryView[] }>({
    caseId,
    list: [],
  });
  const changed = changes.caseId === caseId ? changes.list : noChanges;
  const upsert = useCallback(
    (entry: JournalEntryView) =>
      setChanges((c) => ({
        caseId: entry.caseId,
        list: [
          ...(c.caseId === entry.caseId ? c.list : []).filter((e) => e.id !== entry.id),
          entry,
        ],
      })),
    [],
  );
  const loaded = pages.items;
  const entries = useMemo(
    () => (first ? mergeEntries([...first.drafts, ...loaded], changed) : null),
    [first, loaded, changed],
  );
  return { state: query.state, entries, pages, upsert, reload: query.reload };
}
