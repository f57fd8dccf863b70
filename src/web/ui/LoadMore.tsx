import type { MorePages } from "../hooks/useMorePages";
import { QueryError } from "./QueryError";

/**
 * "Show older …" under a paged history: loads the next page, then moves focus to its first
 * row (`focusRow`), so a keyboard or screen-reader user goes on reading where the new rows
 * begin — also when the button goes away because that was the last page.
 */
export function LoadMore<T>({
  pages,
  label,
  focusRow,
}: {
  pages: MorePages<T>;
  label: string;
  focusRow: (item: T) => void;
}) {
  if (!pages.hasMore && !pages.error) return null;
  async function more() {
    const firstNew = await pages.loadMore();
    if (firstNew !== null) focusRow(firstNew);
  }
  return (
    <div className="load-more">
      {pages.error !== null && <QueryError error={pages.error} />}
      {pages.hasMore && (
        <button
          type="button"
          className="button button--secondary"
          disabled={pages.pending}
          aria-busy={pages.pending}
          onClick={more}
        >
          {label}
        </button>
      )}
    </div>
  );
}
