import { describe, expect, it } from "vitest";
import {
  addDays,
  addMonths,
  daysBetween,
  endOfDay,
  startOfDay,
  stockholmDate,
} from "./calendar.ts";

describe("calendar arithmetic in Swedish time", () => {
  it("reads the Stockholm date of an instant, across midnight and daylight saving", () => {
    expect(stockholmDate(new Date("2026-01-15T22:59:59Z"))).toBe("2026-01-15"); // 23:59:59 CET
    expect(stockholmDate(new Date("2026-01-15T23:00:00Z"))).toBe("2026-01-16"); // 00:00 CET
    expect(stockholmDate(new Date("2026-07-15T21:59:59Z"))).toBe("2026-07-15"); // 23:59:59 CEST
    expect(stockholmDate(new Date("2026-07-15T22:00:00Z"))).toBe("2026-07-16");
  });

  it("adds days over month and year ends and leap days", () => {
    expect(addDays("2026-01-25", 14)).toBe("2026-02-08");
    expect(addDays("2026-12-25", 14)).toBe("2027-01-08");
    expect(addDays("2028-02-20", 14)).toBe("2028-03-05"); // 2028 is a leap year
    expect(addDays("2026-02-20", 14)).toBe("2026-03-06");
  });

  it("adds months, clamping to the month's last day", () => {
    expect(addMonths("2026-01-15", 4)).toBe("2026-05-15");
    expect(addMonths("2026-10-31", 4)).toBe("2027-02-28");
    expect(addMonths("2027-10-31", 4)).toBe("2028-02-29");
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2026-11-30", 2)).toBe("2027-01-30");
  });

  it("finds the start and end of a day in Stockholm, also on daylight-saving changeover days", () => {
    expect(startOfDay("2026-01-15").toISOString()).toBe("2026-01-14T23:00:00.000Z");
    expect(endOfDay("2026-01-15").toISOString()).toBe("2026-01-15T22:59:59.999Z");
    expect(startOfDay("2026-07-15").toISOString()).toBe("2026-07-14T22:00:00.000Z");
    // Summer time begins 2026-03-29 at 02:00: that day is 23 hours long.
    expect(startOfDay("2026-03-29").toISOString()).toBe("2026-03-28T23:00:00.000Z");
    expect(endOfDay("2026-03-29").toISOString()).toBe("2026-03-29T21:59:59.999Z");
    // Winter time returns 2026-10-25 at 03:00: that day is 25 hours long.
    expect(startOfDay("2026-10-25").toISOString()).toBe("2026-10-24T22:00:00.000Z");
    expect(endOfDay("2026-10-25").toISOString()).toBe("2026-10-25T22:59:59.999Z");
  });

  it("counts whole days between dates", () => {
    expect(daysBetween("2026-02-27", "2026-03-01")).toBe(2);
    expect(daysBetween("2028-02-27", "2028-03-01")).toBe(3);
    expect(daysBetween("2026-03-01", "2026-02-27")).toBe(-2);
  });
});

describe("stockholmDate across the clock changes", () => {
  it("is the date Stockholm's clocks show, minute by minute around each change and hour by hour over years", () => {
    const byIntl = new Intl.DateTimeFormat("en-CA", {
      timeZone: "Europe/Stockholm",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    });
    const instants: number[] = [];
    for (let t = Date.UTC(2024, 0, 1); t < Date.UTC(2028, 0, 1); t += 3_600_000 - 61_000)
      instants.push(t);
    // The changes: last Sunday of March and of October, 01:00 UTC, ± two hours by the minute.
    for (const change of [Date.UTC(2026, 2, 29, 1), Date.UTC(2026, 9, 25, 1)])
      for (let t = change - 7_200_000; t <= change + 7_200_000; t += 60_000)
        instants.push(t - 1, t);
    for (const t of instants)
      expect(stockholmDate(new Date(t)), new Date(t).toISOString()).toBe(byIntl.format(t));
  });
});
