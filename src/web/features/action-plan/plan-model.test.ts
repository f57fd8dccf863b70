import { describe, expect, it } from "vitest";
import { defaultFollowUpYear, parseAmount } from "./plan-model";

describe("the action plan's follow-up form", () => {
  it("starts on last year, kept inside the plan's period", () => {
    const plan = { fromYear: 2024, toYear: 2027 };
    expect(defaultFollowUpYear(new Date(2026, 1, 15), plan)).toBe(2025);
    expect(defaultFollowUpYear(new Date(2024, 5, 1), plan)).toBe(2024);
    expect(defaultFollowUpYear(new Date(2030, 0, 1), plan)).toBe(2027);
  });

  it("reads a number with a decimal comma or point, and nothing else", () => {
    expect(parseAmount("12")).toBe(12);
    expect(parseAmount(" 12,5 ")).toBe(12.5);
    expect(parseAmount("12.5")).toBe(12.5);
    expect(parseAmount("")).toBeNull();
    expect(parseAmount("tolv")).toBeNull();
    expect(parseAmount("1,2,3")).toBeNull();
  });
});
