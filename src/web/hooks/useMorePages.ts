import { useCallback, useState } from "react";
import type { Page } from "../../shared/api/paging";

export interface MorePages<T> {
  /** The first page's rows, then every older page loaded so far. */
  items: T[];
  /** Whether an older page exists. */
  hasMore: boolean;
  pending: boolean;
  error: unknown;
  /** Loads the next older page; its first row (to move focus to), or null. */
  loadMore: () => Promise<T | null>;
}

interface Loaded<T> {
  first: Page<T> | null;
  older: T[];
  cursor: string | null;
}

/**
 * A history shown a page at a time (shared/api/paging.ts): the first page comes with the
 * record; "show older" asks for the page before the last row shown. A new first page (the
 * record loaded again or changed) starts over, so rows are never shown twice.
 */
export function useMorePages<T>(
  first: Page<T> | null,
  loadPage: (before: string) => Promise<Page<T>>,
): MorePages<T> {
  const start = (page: Page<T> | null): Loaded<T> => ({
    first: page,
    older: [],
    cursor: page?.nextCursor ?? null,
  });
  const [loaded, setLoaded] = useState<Loaded<T>>(() => start(first));
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const current = loaded.first === first ? loaded : start(first);
  const { cursor } = current;

  const loadMore = useCallback(async () => {
    if (cursor === null || pending) return null;
    setPending(true);
    setError(null);
    try {
      const page = await loadPage(cursor);
      const older = [...current.older, ...page.items];
      setLoaded({ first, older, cursor: page.nextCursor });
      return page.items[0] ?? null;
    } catch (e) {
      setError(e);
      return null;
    } finally {
      setPending(false);
    }
  }, [cursor, pending, loadPage, current.older, first]);

  return {
    items: [...(first?.items ?? []), ...current.older],
    hasMore: cursor !== null,
    pending,
    error,
    loadMore,
  };
}
