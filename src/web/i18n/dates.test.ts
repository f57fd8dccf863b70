import { describe, expect, it } from "vitest";
import { endOfDayIso, formatDate, formatDateTime, formatDay, localDateInput } from "./dates";

describe("dates", () => {
  it("formats dates the Swedish way in Swedish", () => {
    expect(formatDate("2026-11-22T10:00:00Z", "sv", "Europe/Stockholm")).toBe("2026-11-22");
    expect(formatDateTime("2026-11-22T13:03:07Z", "sv", "Europe/Stockholm")).toBe(
      "2026-11-22 14:03:07",
    );
  });

  it("formats dates in English too, and leaves unreadable ones as they are", () => {
    expect(formatDate("2026-11-22T10:00:00Z", "en", "UTC")).toBe("22/11/2026");
    expect(formatDate("not a date", "sv")).toBe("not a date");
  });

  it("turns a chosen day into the last second of that day", () => {
    const iso = endOfDayIso("2026-12-01");
    const local = new Date(iso);
    expect([local.getFullYear(), local.getMonth(), local.getDate()]).toEqual([2026, 11, 1]);
    expect([local.getHours(), local.getMinutes(), local.getSeconds()]).toEqual([23, 59, 59]);
    expect(iso).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  it("passes anything else on for the server to explain", () => {
    expect(endOfDayIso("")).toBe("");
    expect(endOfDayIso("1 dec")).toBe("1 dec");
  });

  it("gives date-input values days ahead", () => {
    expect(localDateInput(new Date(2026, 11, 28), 7)).toBe("2027-01-04");
  });

  it("shows a calendar day from the server as that day, in any time zone", () => {
    expect(formatDay("2026-11-25", "sv")).toBe("2026-11-25");
    expect(formatDay("2026-11-25", "en")).toBe("25/11/2026");
    expect(formatDay("2026-01-01", "sv")).toBe("2026-01-01");
    expect(formatDay("soon", "sv")).toBe("soon");
  });
});
