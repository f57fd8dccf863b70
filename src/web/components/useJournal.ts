import { useCallback, useMemo, useState } from "react";
import type { JournalPage } from "../../shared/api/journal";
import type { JournalEntryView } from "../api/endpoints";
import { useApi } from "../auth/useAuth";
import { type MorePages, useMorePages } from "../hooks/useMorePages";
import type { QueryState } from "../hooks/useQuery";
import { useQuery } from "../hooks/useQuery";
import { mergeEntries } from "./journal-model";

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
 * pages already shown; a reload starts over.
 */
export function useJournal(caseId: string): JournalEntries {
  const api = useApi();
  const query = useQuery(caseId, (signal) => api.journal(caseId, undefined, signal));
  const first = query.state.status === "ready" ? query.state.data : null;
  const loadPage = useCallback((before: string) => api.journal(caseId, before), [api, caseId]);
  const pages = useMorePages(first, loadPage);
  const [changes, setChanges] = useState<{ first: JournalPage | null; list: JournalEntryView[] }>({
    first: null,
    list: [],
  });
  const changed = changes.first === first ? changes.list : [];
  const upsert = useCallback(
    (entry: JournalEntryView) =>
      setChanges((c) => ({
        first,
        list: [...(c.first === first ? c.list : []).filter((e) => e.id !== entry.id), entry],
      })),
    [first],
  );
  const loaded = pages.items;
  const entries = useMemo(
    () => (first ? mergeEntries([...first.drafts, ...loaded], changed) : null),
    [first, loaded, changed],
  );
  return { state: query.state, entries, pages, upsert, reload: query.reload };
}
