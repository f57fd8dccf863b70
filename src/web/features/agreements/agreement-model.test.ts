import { describe, expect, it } from "vitest";
import { followUpDefaults, latestFollowUpOffered, toggled } from "./agreement-model";

describe("the follow-up form's defaults and limits", () => {
  it("starts from today with the next follow-up a year on", () => {
    expect(followUpDefaults("2026-12-05")).toEqual({
      followedUpOn: "2026-12-05",
      findings: "",
      nextFollowUpOn: "2027-12-05",
    });
  });

  it("offers the next follow-up no later than 24 months on, a month's end clamped", () => {
    expect(latestFollowUpOffered("2026-12-05")).toBe("2028-12-05");
    expect(latestFollowUpOffered("2028-02-29")).toBe("2030-02-28");
    expect(latestFollowUpOffered("2026-")).toBeUndefined();
    expect(latestFollowUpOffered("")).toBeUndefined();
  });
});

describe("a checkbox list's value", () => {
  const order = ["a", "b", "c"] as const;
  it("adds in the list's order and removes", () => {
    expect(toggled(order, ["c"], "a", true)).toEqual(["a", "c"]);
    expect(toggled(order, ["a", "c"], "a", false)).toEqual(["c"]);
    expect(toggled(order, [], "b", false)).toEqual([]);
  });
});
