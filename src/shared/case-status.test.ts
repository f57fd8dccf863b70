import { describe, expect, it } from "vitest";
import { allowedNextStatuses, checkTransition } from "./case-status.ts";

describe("the case status flow", () => {
  it("sends a child's case through the preliminary assessment, an adult's straight to investigation", () => {
    expect(allowedNextStatuses("child", "intake")).toEqual(["preliminary_assessment", "closed"]);
    expect(allowedNextStatuses("adult_victim", "intake")).toEqual(["investigation", "closed"]);
    expect(checkTransition("child", "intake", "investigation", null, null)).toBe("not_allowed");
    expect(checkTransition("adult_victim", "intake", "preliminary_assessment", null, null)).toBe(
      "not_allowed",
    );
  });

  it("leaves a child's preliminary assessment only by the preliminary decision, not a status change", () => {
    expect(allowedNextStatuses("child", "preliminary_assessment")).toEqual([]);
    expect(checkTransition("child", "preliminary_assessment", "investigation", null, null)).toBe(
      "not_allowed",
    );
  });

  it("walks intake → investigation → implementation → follow-up → closed", () => {
    expect(checkTransition("adult_victim", "intake", "investigation", null, null)).toBeNull();
    expect(
      checkTransition("adult_victim", "investigation", "implementation", null, null),
    ).toBeNull();
    expect(checkTransition("adult_victim", "implementation", "follow_up", null, null)).toBeNull();
    expect(checkTransition("adult_victim", "follow_up", "closed", "goal_reached", null)).toBeNull();
  });

  it("never skips steps or goes back except from follow-up to implementation", () => {
    expect(checkTransition("adult_victim", "intake", "implementation", null, null)).toBe(
      "not_allowed",
    );
    expect(checkTransition("adult_victim", "implementation", "investigation", null, null)).toBe(
      "not_allowed",
    );
    expect(checkTransition("adult_victim", "follow_up", "implementation", null, null)).toBeNull();
  });

  it("closes only with a reason, and with a comment when the reason is 'other'", () => {
    expect(checkTransition("adult_victim", "investigation", "closed", null, null)).toBe(
      "reason_required",
    );
    expect(checkTransition("adult_victim", "investigation", "closed", "other", " ")).toBe(
      "comment_required",
    );
    expect(
      checkTransition("adult_victim", "investigation", "closed", "other", "Avliden"),
    ).toBeNull();
  });

  it("reopens a closed case only to intake, with a written reason", () => {
    expect(checkTransition("adult_victim", "closed", "investigation", null, "Ny anmälan")).toBe(
      "not_allowed",
    );
    expect(checkTransition("adult_victim", "closed", "intake", null, null)).toBe(
      "comment_required",
    );
    expect(
      checkTransition("adult_victim", "closed", "intake", null, "Ny anmälan har kommit in"),
    ).toBeNull();
  });
});
