import { type QueryKey, useQueryClient, useQuery as useTanStackQuery } from "@tanstack/react-query";
import { useCallback, useMemo, useRef } from "react";

export type QueryState<T> =
  | { status: "loading" }
  | { status: "ready"; data: T }
  | { status: "error"; error: unknown };

export interface Query<T> {
  state: QueryState<T>;
  /**
   * Reads again now, keeping the shown data until the answer arrives: after a 409, when the
   * record changed meanwhile. After a command of one's own, invalidate the keys it changed
   * instead (useInvalidate), so every panel showing them follows.
   */
  reload: () => void;
  /** Puts a fresher copy in place for every panel showing it, e.g. what a command returned. */
  setData: (data: T) => void;
}

/**
 * A record read from the API through the page's QueryClient (api/query-client.ts). `key`
 * names the record (["case", caseId], ["case", caseId, "journal"]): every panel asking for
 * the same key shares one read, and a command invalidates the keys it changed. `key` null
 * means "nothing to read yet"; `keep: false` for what must be read afresh each time
 * it is shown. A new key shows loading, never the previous key's record.
 * The answer's state is the one the pages already show: loading, ready or error.
 */
export function useQuery<T>(
  key: QueryKey | null,
  load: (signal: AbortSignal) => Promise<T>,
  options: { keep?: boolean } = {},
): Query<T> {
  const client = useQueryClient();
  const keyText = JSON.stringify(key);
  // A new array each render names the same record: the key's content is what counts.
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyText is the key's content
  const queryKey = useMemo<QueryKey>(() => key ?? ["nothing"], [keyText]);
  const result = useTanStackQuery({
    queryKey,
    queryFn: ({ signal }) => load(signal),
    enabled: key !== null,
    // keep: false — read on every mount and forget when unmounted (as before this cache).
    ...(options.keep === false ? { staleTime: 0, gcTime: 0 } : {}),
  });
  const outdated = useOutdatedOnArrival(keyText, result);
  const reload = useCallback(
    () => void client.refetchQueries({ queryKey, exact: true }),
    [client, queryKey],
  );
  const setData = useCallback((data: T) => client.setQueryData(queryKey, data), [client, queryKey]);
  return { state: stateOf(key === null || outdated ? null : result), reload, setData };
}

/**
 * True while a screen that has just arrived shows a record the cache holds but no longer
 * counts as current (older than `freshFor`, or changed by a command since): the screen shows
 * loading until the new read is in, as it did before the cache, so a list never shows the
 * case just opened as missing. A read the screen itself asks for later (reload after a 409,
 * a command's invalidation) keeps what is shown until the answer arrives.
 */
function useOutdatedOnArrival(
  keyText: string,
  result: { isStale: boolean; isFetching: boolean; dataUpdatedAt: number },
): boolean {
  const arrival = useRef<{ keyText: string; at: number; stale: boolean } | null>(null);
  if (arrival.current === null || arrival.current.keyText !== keyText) {
    arrival.current = { keyText, at: Date.now(), stale: result.isStale };
  }
  const { at, stale } = arrival.current;
  return stale && result.isFetching && result.dataUpdatedAt < at;
}

function stateOf<T>(
  result: { status: string; data: T | undefined; error: unknown } | null,
): QueryState<T> {
  if (result === null || result.status === "pending") return { status: "loading" };
  if (result.status === "error") return { status: "error", error: result.error };
  return { status: "ready", data: result.data as T };
}

/**
 * After a command: marks records as changed, so what shows them reads them again (once, by
 * whoever shows them now) and what does not show them reads them when it next does. `exact`
 * keys only: ["case", id] is the case record, not everything under it.
 */
export function useInvalidate() {
  const client = useQueryClient();
  return useCallback(
    (...keys: QueryKey[]) =>
      Promise.all(keys.map((queryKey) => client.invalidateQueries({ queryKey, exact: true }))).then(
        () => undefined,
      ),
    [client],
  );
}
