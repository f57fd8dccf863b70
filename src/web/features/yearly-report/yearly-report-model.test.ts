import { describe, expect, it } from "vitest";
import { defaultYear, reportQuery, toggleUnit, yearOf } from "./yearly-report-model";

describe("the yearly report's choice", () => {
  it("puts the year, each unit and a CSV's table in the query", () => {
    expect(reportQuery({ year: 2026, unitIds: [] }).toString()).toBe("year=2026");
    expect(reportQuery({ year: 2026, unitIds: ["a", "b"] }, "decisions").toString()).toBe(
      "year=2026&unitId=a&unitId=b&table=decisions",
    );
  });

  it("offers the year just ended until the end of March", () => {
    expect(defaultYear(new Date(2027, 2, 31))).toBe(2026);
    expect(defaultYear(new Date(2027, 3, 1))).toBe(2027);
    expect(defaultYear(new Date(2026, 11, 6))).toBe(2026);
  });

  it("takes a year of four digits from 2000, and says what is wrong otherwise", () => {
    expect(yearOf(" 2026 ")).toEqual({ year: 2026 });
    expect(yearOf("26")).toEqual({ error: "yearlyReport.errorYear" });
    expect(yearOf("år")).toEqual({ error: "yearlyReport.errorYear" });
    expect(yearOf("1999")).toEqual({ error: "yearlyReport.errorYearEarly" });
  });

  it("keeps the units in the order they are offered", () => {
    const offered = [{ id: "a" }, { id: "b" }, { id: "c" }];
    expect(toggleUnit(offered, ["c"], "a")).toEqual(["a", "c"]);
    expect(toggleUnit(offered, ["a", "c"], "a")).toEqual(["c"]);
  });
});
