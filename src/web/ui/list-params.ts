/**
 * A list's filters and sort in the page's query string (issue 15), so a filtered list is a
 * link. Several lists share one page (the start page has four): each list's values are
 * named with its prefix, `all.worker=none&all.sort=reference`. A value the list does not
 * know (an old or edited link) is left out, so the list shows as if it were not set.
 */

/**
 * Each parameter a list reads, with the values it accepts (null: any text, e.g. an id); a
 * parameter left out is not this list's (the own cases have no worker filter).
 */
export type ListParamSpec<K extends string> = Readonly<
  Partial<Record<K, readonly string[] | null>>
>;

export type ListParams<K extends string> = Partial<Record<K, string>>;

export function readListParams<K extends string>(
  search: URLSearchParams,
  prefix: string,
  spec: ListParamSpec<K>,
): ListParams<K> {
  const out: ListParams<K> = {};
  for (const key of Object.keys(spec) as K[]) {
    const value = search.get(`${prefix}.${key}`);
    const allowed = spec[key];
    if (allowed === undefined || !value || value.length > 100) continue;
    if (allowed === null || allowed.includes(value)) {
      out[key] = value;
    }
  }
  return out;
}

/**
 * The query string with this list's values changed (undefined or "" removes one) and
 * every other list's left as it was.
 */
export function writeListParams<K extends string>(
  search: URLSearchParams,
  prefix: string,
  changes: ListParams<K>,
): URLSearchParams {
  const next = new URLSearchParams(search);
  for (const [key, value] of Object.entries(changes) as [K, string | undefined][]) {
    if (value) next.set(`${prefix}.${key}`, value);
    else next.delete(`${prefix}.${key}`);
  }
  return next;
}

export type SortOrder = "asc" | "desc";

/**
 * A click on a column's header: the same column turns its order around; another column
 * starts in its own first order (a date newest first, text from A).
 */
export function nextSort<S extends string>(
  current: { sort: S; order: SortOrder },
  clicked: S,
  firstOrder: (sort: S) => SortOrder,
): { sort: S; order: SortOrder } {
  if (current.sort === clicked) {
    return { sort: clicked, order: current.order === "asc" ? "desc" : "asc" };
  }
  return { sort: clicked, order: firstOrder(clicked) };
}

/** What a sortable header tells assistive technology (aria-sort), or nothing when unsorted. */
export function ariaSort(
  current: { sort: string; order: SortOrder },
  column: string,
): "ascending" | "descending" | undefined {
  if (current.sort !== column) return undefined;
  return current.order === "asc" ? "ascending" : "descending";
}

/** The values a list sends to the server: only those set. */
export function definedParams(values: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== ""),
  );
}
