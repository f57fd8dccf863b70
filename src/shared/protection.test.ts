import { describe, expect, it } from "vitest";
import { lowersProtection, protectionChoices } from "./protection.ts";

describe("the protection levels a person's page offers", () => {
  it("offers a worker who may not lower it only the current level and higher ones", () => {
    expect(protectionChoices("protected_registration", false)).toEqual([
      "protected_registration",
      "fictitious_identity",
    ]);
    expect(protectionChoices("none", false)).toHaveLength(4);
  });

  it("offers every level to someone who may lower it", () => {
    expect(protectionChoices("fictitious_identity", true)).toEqual([
      "none",
      "confidentiality_marking",
      "protected_registration",
      "fictitious_identity",
    ]);
  });

  it("calls only a step down lowering", () => {
    expect(lowersProtection("confidentiality_marking", "none")).toBe(true);
    expect(lowersProtection("confidentiality_marking", "confidentiality_marking")).toBe(false);
    expect(lowersProtection("none", "fictitious_identity")).toBe(false);
  });
});
