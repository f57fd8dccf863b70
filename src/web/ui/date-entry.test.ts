import { describe, expect, it } from "vitest";
import { entryText, readSegments, type SegmentView, toCalendarDate } from "./date-entry";

/** The segments of an sv-SE date field (year, month, day with "-" between), null = not typed. */
function segments(year: number | null, month: number | null, day: number | null): SegmentView[] {
  const part = (type: string, value: number | null): SegmentView => ({
    type,
    value,
    isPlaceholder: value === null,
    isEditable: true,
  });
  const literal: SegmentView = { type: "literal", isPlaceholder: false, isEditable: false };
  return [part("year", year), literal, part("month", month), literal, part("day", day)];
}

describe("a date field's segments read as the text a form sends", () => {
  it("gives YYYY-MM-DD for a whole day, with leading zeros", () => {
    expect(readSegments(segments(2026, 3, 5))).toEqual({ kind: "date", text: "2026-03-05" });
    expect(readSegments(segments(2024, 2, 29))).toEqual({ kind: "date", text: "2024-02-29" });
  });

  it("gives nothing for an empty field", () => {
    const entry = readSegments(segments(null, null, null));
    expect(entry).toEqual({ kind: "empty" });
    expect(entryText(entry)).toBe("");
  });

  it("never gives a whole day for a half-cleared one (react-spectrum #9624)", () => {
    // The library still holds 2026-10-31 as its value when the month is cleared.
    const entry = readSegments(segments(2026, null, 31));
    expect(entry).toEqual({ kind: "unfinished", text: "2026-MM-31" });
    expect(toCalendarDate(entryText(entry))).toBeNull();
    expect(readSegments(segments(null, 10, null))).toEqual({
      kind: "unfinished",
      text: "ÅÅÅÅ-10-DD",
    });
  });

  it("treats a day the month does not have as unfinished, not as a nearby day", () => {
    expect(readSegments(segments(2026, 2, 30))).toEqual({ kind: "unfinished", text: "2026-02-30" });
    expect(readSegments(segments(2025, 2, 29))).toEqual({ kind: "unfinished", text: "2025-02-29" });
  });

  it("reads the parts by type, whatever order the locale puts them in", () => {
    const [year, dash, month, , day] = segments(2026, 12, 1);
    if (!year || !dash || !month || !day) throw new Error("five segments");
    expect(readSegments([day, dash, month, dash, year])).toEqual({
      kind: "date",
      text: "2026-12-01",
    });
  });

  it("pads a short year to four digits", () => {
    expect(readSegments(segments(999, 1, 2))).toEqual({ kind: "date", text: "0999-01-02" });
  });
});

describe("a form's text as the field's day", () => {
  it("takes only a real YYYY-MM-DD day", () => {
    expect(toCalendarDate("2026-11-22")?.toString()).toBe("2026-11-22");
    for (const text of [
      "",
      "2026-11-31",
      "2026-1-5",
      "22/11/2026",
      "2026-MM-31",
      "2026-11-22T10:00",
    ]) {
      expect(toCalendarDate(text)).toBeNull();
    }
  });
});
