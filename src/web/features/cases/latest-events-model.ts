import type { StatusChange } from "../../../shared/api/cases";
import type { JournalEntryView } from "../../../shared/api/journal";

export type LatestEvent =
  | { kind: "journal"; id: string; at: string; entry: JournalEntryView; excerpt: string }
  | { kind: "status"; id: string; at: string; change: StatusChange };

const excerptLength = 160;

/** The start of an entry's text, cut at a word, for a line of the overview. */
export function excerptOf(body: string, length = excerptLength): string {
  const flat = body.replace(/\s+/g, " ").trim();
  if (flat.length <= length) return flat;
  const cut = flat.slice(0, length);
  const lastSpace = cut.lastIndexOf(" ");
  return `${(lastSpace > length / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()} …`;
}

/**
 * The newest `count` events of the case: signed journal entries (by when they happened) and
 * status changes (by when they were made), newest first. Drafts are not events yet.
 */
export function latestEvents(
  entries: readonly JournalEntryView[],
  changes: readonly StatusChange[],
  count = 5,
): LatestEvent[] {
  const events: LatestEvent[] = [
    ...entries
      .filter((e) => e.status === "signed")
      .map(
        (e): LatestEvent => ({
          kind: "journal",
          id: e.id,
          at: e.occurredAt,
          entry: e,
          excerpt: excerptOf(e.body),
        }),
      ),
    ...changes.map((c): LatestEvent => ({ kind: "status", id: c.id, at: c.changedAt, change: c })),
  ];
  return events.sort((a, b) => Date.parse(b.at) - Date.parse(a.at)).slice(0, count);
}
