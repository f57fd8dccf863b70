import { describe, expect, it } from "vitest";
import {
  defaultFollowUpYear,
  followUpDraft,
  parseAmount,
  planYears,
  rebaseDraft,
} from "./plan-model";

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

  it("offers the plan's years, first to last", () => {
    expect(planYears({ fromYear: 2025, toYear: 2027 })).toEqual([2025, 2026, 2027]);
  });

  it("fills in the follow-up saved for the chosen year, and empty fields for a year without one", () => {
    const saved = {
      status: "partly_reached" as const,
      computedAt: null,
      recordedAt: "2026-02-01T10:00:00.000Z",
      recordedBy: "Maria Strand",
    };
    const goal = {
      followUps: [
        { ...saved, year: 2025, done: "Utbildning hölls.", value: 12, computed: false },
        { ...saved, year: 2024, done: "Kartläggning.", value: 9, computed: true },
      ],
    };
    expect(followUpDraft(goal, 2025)).toEqual({
      year: 2025,
      status: "partly_reached",
      done: "Utbildning hölls.",
      value: "12",
    });
    expect(followUpDraft(goal, 2024)).toMatchObject({ done: "Kartläggning.", value: "" });
    expect(followUpDraft(goal, 2026)).toEqual({ year: 2026, status: "", done: "", value: "" });
  });
});

describe("a change form open while the plan changes under it", () => {
  const seen = { title: "Plan – remiss", adoptedBy: "Socialnämnden", fromYear: "2026" };

  it("keeps what the person changed and shows the rest as the plan is now", () => {
    // She renamed the plan; meanwhile another manager wrote a new adopter (the 409's case).
    const draft = { ...seen, title: "Plan – antagen" };
    const now = { ...seen, adoptedBy: "Kommunfullmäktige" };
    expect(rebaseDraft(draft, seen, now)).toEqual({
      title: "Plan – antagen",
      adoptedBy: "Kommunfullmäktige",
      fromYear: "2026",
    });
  });

  it("keeps her value where both changed the same field: saving again is her choice", () => {
    const draft = { ...seen, adoptedBy: "Kommunstyrelsen" };
    const now = { ...seen, adoptedBy: "Kommunfullmäktige" };
    expect(rebaseDraft(draft, seen, now).adoptedBy).toBe("Kommunstyrelsen");
  });

  it("follows the plan wholly when she has changed nothing", () => {
    const now = { title: "Ny plan", adoptedBy: "Kommunfullmäktige", fromYear: "2027" };
    expect(rebaseDraft(seen, seen, now)).toEqual(now);
  });
});
