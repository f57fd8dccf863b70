import { describe, expect, it } from "vitest";
import type { YearlyReportTable } from "./api/yearly-report.ts";
import {
  cellText,
  cellValue,
  chartData,
  chartMax,
  formatNumber,
  tableNotes,
} from "./yearly-report-format.ts";

const table = (over: Partial<YearlyReportTable> = {}): YearlyReportTable => ({
  id: "t",
  title: "T",
  chart: "bar",
  columns: [
    { id: "w", label: "Kvinnor", kind: "count", isTotal: false },
    { id: "m", label: "Män", kind: "count", isTotal: false },
    { id: "p", label: "Andel", kind: "percent", isTotal: false },
    { id: "s", label: "Summa", kind: "count", isTotal: true },
  ],
  rows: [
    {
      id: "a",
      label: "A",
      isTotal: false,
      cells: [
        { value: 7, suppressed: false },
        { value: 3, suppressed: true },
        { value: 50, suppressed: false },
        { value: null, suppressed: true },
      ],
    },
    {
      id: "sum",
      label: "Summa",
      isTotal: true,
      cells: [
        { value: 20, suppressed: false },
        { value: 10, suppressed: false },
        { value: null, suppressed: false },
        { value: 30, suppressed: false },
      ],
    },
  ],
  ...over,
});

describe("the yearly report's figures as text", () => {
  it("writes each kind as Swedish (and English) readers write it", () => {
    expect(formatNumber(1234567, "count")).toBe("1\u00a0234\u00a0567");
    expect(formatNumber(42.857, "percent")).toBe("42,9 %");
    expect(formatNumber(-1500.4, "kronor")).toBe("-1\u00a0500 kr");
    expect(formatNumber(21.44, "per10000")).toBe("21,4");
    expect(formatNumber(1234.5, "days", "en")).toBe("1,234.5");
    expect(formatNumber(42.857, "percent", "en")).toBe("42.9%");
  });

  it("never shows a hidden figure, even one that came with a value", () => {
    expect(cellText({ value: 3, suppressed: true }, "count")).toBe("–");
    expect(cellValue({ value: 3, suppressed: true }, "count")).toBe("–");
    expect(cellText({ value: null, suppressed: false }, "count")).toBe("..");
    expect(cellValue({ value: 12, suppressed: false }, "count")).toBe(12);
    expect(cellText({ value: null, suppressed: false, text: "Ja" }, "text")).toBe("Ja");
  });

  it("explains only the marks a table uses, after its own note", () => {
    expect(tableNotes(table({ note: "Räknat per person." }))).toEqual([
      "Räknat per person.",
      "– = färre än 5, eller dold för att en dold siffra inte ska kunna räknas ut från summorna.",
      ".. = uppgift saknas.",
    ]);
    expect(tableNotes(table({ rows: [] }))).toEqual([]);
  });
});

describe("what a table's chart draws", () => {
  it("rows but not totals, columns of the first kind but not totals, hidden as null", () => {
    const data = chartData(table())!;
    expect(data.kind).toBe("count");
    expect(data.series.map((s) => s.column.label)).toEqual(["Kvinnor", "Män"]);
    expect(data.categories).toEqual([{ label: "A", values: [7, null], suppressed: [false, true] }]);
    expect(data.stacked).toBe(false);
    expect(chartMax(data)).toBe(7);
  });

  it("stacks only when asked and when there is more than one series", () => {
    expect(chartData(table({ chart: "stacked-bar" }))!.stacked).toBe(true);
    expect(chartData(table({ chart: "none" }))).toBeNull();
    expect(chartData(table({ rows: [] }))).toBeNull();
    const texts = table({ columns: [{ id: "x", label: "Svar", kind: "text", isTotal: false }] });
    expect(chartData(texts)).toBeNull();
  });
});
