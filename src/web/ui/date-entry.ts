import { type CalendarDate, parseDate } from "@internationalized/date";

/*
 * What a date field holds, read from what it shows. Forms keep a date as text, "YYYY-MM-DD"
 * as the API takes it; the field (React Aria's segments: year, month, day) is read back into
 * that text from its segments, never from the library's value alone: after one segment is
 * cleared the library keeps the last whole date as its value while the field shows a
 * half-cleared one (react-spectrum #9624), and a form must not send a day the person no
 * longer sees.
 */

/** The parts of a React Aria date segment this reads (react-stately's DateSegment). */
export interface SegmentView {
  type: string;
  value?: number | null | undefined;
  isPlaceholder: boolean;
  isEditable: boolean;
}

/** Nothing typed; a whole, real day; or something that is neither. */
export type DateEntry =
  | { kind: "empty" }
  | { kind: "date"; text: string }
  | { kind: "unfinished"; text: string };

/** What a missing part is written as in an unfinished date's text: ÅÅÅÅ-MM-DD, as the hint says. */
const missing = { year: "ÅÅÅÅ", month: "MM", day: "DD" } as const;
type Part = keyof typeof missing;
const parts: readonly Part[] = ["year", "month", "day"];

/** The calendar day a "YYYY-MM-DD" text names; null for "" and anything else. */
export function toCalendarDate(text: string): CalendarDate | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  try {
    const date = parseDate(text);
    return date.toString() === text ? date : null;
  } catch {
    // Out of range (2026-02-30): not a day.
    return null;
  }
}

/**
 * Reads the field's segments: "" when nothing is typed, "YYYY-MM-DD" for a real day, and for
 * a half-filled or impossible one a text no date check accepts ("2026-MM-31", "2026-02-30"),
 * so that the form's own check, or the server's, says "Ange ett datum som ÅÅÅÅ-MM-DD".
 */
export function readSegments(segments: readonly SegmentView[]): DateEntry {
  const found = new Map<Part, number | null>();
  for (const segment of segments) {
    if (!segment.isEditable || !(parts as readonly string[]).includes(segment.type)) continue;
    found.set(segment.type as Part, segment.isPlaceholder ? null : (segment.value ?? null));
  }
  const values = parts.map((part) => found.get(part) ?? null);
  if (values.every((v) => v === null)) return { kind: "empty" };
  const text = parts
    .map((part, i) => {
      const value = values[i];
      return value === null || value === undefined
        ? missing[part]
        : String(value).padStart(missing[part].length, "0");
    })
    .join("-");
  if (values.some((v) => v === null)) return { kind: "unfinished", text };
  return toCalendarDate(text) ? { kind: "date", text } : { kind: "unfinished", text };
}

/** The text a form holds for an entry: what it sends ("" for no date). */
export function entryText(entry: DateEntry): string {
  return entry.kind === "empty" ? "" : entry.text;
}
