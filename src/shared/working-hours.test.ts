import { describe, expect, it } from "vitest";
import { addWorkingHours, isWorkingDay, swedishHolidays } from "./working-hours.ts";

/** An instant given as Stockholm wall-clock time. */
const at = (local: string, offset = "+01:00") => new Date(`${local}${offset}`);

describe("Swedish public holidays and days off", () => {
  it("knows the movable and fixed days of 2026", () => {
    expect([...swedishHolidays(2026)].sort()).toEqual([
      "2026-01-01", // nyårsdagen
      "2026-01-06", // trettondedag jul
      "2026-04-03", // långfredagen
      "2026-04-05", // påskdagen
      "2026-04-06", // annandag påsk
      "2026-05-01",
      "2026-05-14", // Kristi himmelsfärds dag
      "2026-05-24", // pingstdagen
      "2026-06-06", // nationaldagen
      "2026-06-19", // midsommarafton
      "2026-06-20", // midsommardagen
      "2026-10-31", // alla helgons dag
      "2026-12-24",
      "2026-12-25",
      "2026-12-26",
      "2026-12-31",
    ]);
  });

  it("finds Easter by the calendar, not a table (2025: 20 April; 2027: 28 March)", () => {
    expect(swedishHolidays(2025).has("2025-04-20")).toBe(true);
    expect(swedishHolidays(2027).has("2027-03-28")).toBe(true);
    expect(swedishHolidays(2027).has("2027-03-26")).toBe(true); // långfredagen
  });

  it("weekends and holidays are not working days", () => {
    expect(isWorkingDay("2026-11-20")).toBe(true); // Friday
    expect(isWorkingDay("2026-11-21")).toBe(false); // Saturday
    expect(isWorkingDay("2026-12-24")).toBe(false);
    expect(isWorkingDay("2026-04-03")).toBe(false);
  });
});

describe("four working hours after a risk alert", () => {
  it("within one working day", () => {
    expect(addWorkingHours(at("2026-11-18T09:30:00"), 4)).toEqual(at("2026-11-18T13:30:00"));
  });

  it("carries over the evening to the next morning", () => {
    expect(addWorkingHours(at("2026-11-18T15:00:00"), 4)).toEqual(at("2026-11-19T10:00:00"));
  });

  it("an alert sent at night counts from the next morning at eight", () => {
    expect(addWorkingHours(at("2026-11-18T22:00:00"), 4)).toEqual(at("2026-11-19T12:00:00"));
    expect(addWorkingHours(at("2026-11-19T06:00:00"), 4)).toEqual(at("2026-11-19T12:00:00"));
  });

  it("skips the weekend and the holidays", () => {
    // Friday afternoon → Monday morning.
    expect(addWorkingHours(at("2026-11-20T16:00:00"), 4)).toEqual(at("2026-11-23T11:00:00"));
    // Before Christmas: 23 December at 16 → 28 December (24–27 are off) at 11.
    expect(addWorkingHours(at("2026-12-23T16:00:00"), 4)).toEqual(at("2026-12-28T11:00:00"));
  });

  it("keeps Stockholm wall-clock time across the change to summer time", () => {
    // Friday 27 March 2026 at 15 (winter) → Monday 30 March at 10 (summer time).
    expect(addWorkingHours(at("2026-03-27T15:00:00"), 4)).toEqual(
      at("2026-03-30T10:00:00", "+02:00"),
    );
  });
});
