import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";
import {
  type ListParamSpec,
  type ListParams,
  nextSort,
  readListParams,
  type SortOrder,
  writeListParams,
} from "../ui/list-params";

/**
 * One list's filters and sort, kept in the page's query string under `prefix`
 * (ui/list-params.ts): reading them, and changing some (the URL is replaced, not pushed, so
 * Back leaves the page rather than stepping through every filter tried).
 */
export function useListParams<K extends string>(
  prefix: string,
  spec: ListParamSpec<K>,
): [ListParams<K>, (changes: ListParams<K>) => void] {
  const [search, setSearch] = useSearchParams();
  const text = search.toString();
  // biome-ignore lint/correctness/useExhaustiveDependencies: the query string's text is what counts
  const values = useMemo(() => readListParams(search, prefix, spec), [text, prefix]);
  const change = useCallback(
    (changes: ListParams<K>) =>
      setSearch((current) => writeListParams(current, prefix, changes), {
        replace: true,
        preventScrollReset: true,
      }),
    [setSearch, prefix],
  );
  return [values, change];
}

/** A list's controls: its filters, its sort, and the changes the filter bar and headers make. */
export interface ListControls<F extends string, S extends string> {
  filters: ListParams<F>;
  sort: { sort: S; order: SortOrder };
  /** Whether any filter is set (the list then says "none match", not "none at all"). */
  filtered: boolean;
  setFilter: (name: F, value: string | undefined) => void;
  clearFilters: () => void;
  sortBy: (column: S) => void;
}

/**
 * The one way every list (my cases, the unit's cases, Att göra, the log review) keeps its
 * filters and sort: in the query string under `prefix`, each sort with its first order
 * (`firstOrder`), `defaultSort` when none is set.
 */
export function useListControls<F extends string, S extends string>(
  prefix: string,
  filterSpec: ListParamSpec<F>,
  sorts: { columns: readonly S[]; defaultSort: S; firstOrder: (sort: S) => SortOrder },
): ListControls<F, S> {
  // biome-ignore lint/correctness/useExhaustiveDependencies: a list's spec is constant
  const spec = useMemo(
    () => ({ ...filterSpec, sort: sorts.columns, order: ["asc", "desc"] as const }),
    [],
  ) as ListParamSpec<F | "sort" | "order">;
  const [values, change] = useListParams(prefix, spec);
  const { sort: sortValue, order: orderValue, ...rest } = values;
  const filters = rest as ListParams<F>;
  const column = (sortValue as S | undefined) ?? sorts.defaultSort;
  const sort = {
    sort: column,
    order: (orderValue as SortOrder | undefined) ?? sorts.firstOrder(column),
  };
  const names = Object.keys(filterSpec) as F[];
  return {
    filters,
    sort,
    filtered: names.some((n) => filters[n] !== undefined),
    setFilter: (name, value) => change({ [name]: value } as ListParams<F | "sort" | "order">),
    clearFilters: () =>
      change(
        Object.fromEntries(names.map((n) => [n, undefined])) as ListParams<F | "sort" | "order">,
      ),
    sortBy: (clicked) => {
      const next = nextSort(sort, clicked, sorts.firstOrder);
      change({ sort: next.sort, order: next.order } as ListParams<F | "sort" | "order">);
    },
  };
}
