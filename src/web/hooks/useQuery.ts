import { useCallback, useEffect, useRef, useState } from "react";
import { isAbort } from "../api/errors";

export type QueryState<T> =
  | { status: "loading" }
  | { status: "ready"; data: T }
  | { status: "error"; error: unknown };

export interface Query<T> {
  state: QueryState<T>;
  /** Loads again (e.g. after a change elsewhere), keeping the shown data until it arrives. */
  reload: () => void;
  /** Replaces the data with a fresher copy, e.g. the record a successful change returned. */
  setData: (data: T) => void;
}

/**
 * Loads data for a page. It loads again whenever `key` changes (write into it whatever the
 * request depends on); an older request still under way is aborted, so a slow answer for a
 * previous key never overwrites the current one. `key` null means "nothing to load yet".
 */
export function useQuery<T>(
  key: string | null,
  load: (signal: AbortSignal) => Promise<T>,
): Query<T> {
  // Each answer remembers the key it is for: after a key change (the same page component
  // showing another record) the old record is never shown as if it were the new one.
  const [stored, setStored] = useState<{ key: string | null; state: QueryState<T> }>({
    key: null,
    state: { status: "loading" },
  });
  const [generation, setGeneration] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  // biome-ignore lint/correctness/useExhaustiveDependencies: generation is the reload trigger
  useEffect(() => {
    if (key === null) return;
    const controller = new AbortController();
    loadRef.current(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setStored({ key, state: { status: "ready", data } });
      },
      (error: unknown) => {
        if (!controller.signal.aborted && !isAbort(error)) {
          setStored({ key, state: { status: "error", error } });
        }
      },
    );
    return () => controller.abort();
  }, [key, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const setData = useCallback(
    (data: T) => setStored({ key, state: { status: "ready", data } }),
    [key],
  );
  const state: QueryState<T> = stored.key === key ? stored.state : { status: "loading" };
  return { state, reload, setData };
}
