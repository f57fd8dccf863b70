import { describe, expect, it } from "vitest";
import { consentState } from "./validity.ts";

/** The one rule of a consent's state (issue 18, item 3): pure, so every edge is cheap to name. */
const adult = {
  given_on: "2026-11-01",
  expires_on: null,
  revoked_on: null,
  custodians_required: null,
};
const self = [{ kind: "self" as const, given_on: "2026-11-01" }];

describe("consentState", () => {
  it("holds from the day it was given, and not before", () => {
    expect(consentState(adult, self, "2026-11-01")).toBe("valid");
    expect(consentState(adult, self, "2026-10-31")).toBe("not_yet_valid");
  });

  it("ends on the day it is revoked, and after the day it expires", () => {
    expect(consentState({ ...adult, revoked_on: "2026-11-05" }, self, "2026-11-04")).toBe("valid");
    expect(consentState({ ...adult, revoked_on: "2026-11-05" }, self, "2026-11-05")).toBe(
      "revoked",
    );
    expect(consentState({ ...adult, expires_on: "2026-11-30" }, self, "2026-11-30")).toBe("valid");
    expect(consentState({ ...adult, expires_on: "2026-11-30" }, self, "2026-12-01")).toBe(
      "expired",
    );
  });

  it("names the revocation before the expiry when both have passed", () => {
    const both = { ...adult, expires_on: "2026-11-10", revoked_on: "2026-11-05" };
    expect(consentState(both, self, "2026-12-01")).toBe("revoked");
  });

  it("needs every custodian a child's consent requires", () => {
    const child = { ...adult, custodians_required: 2 };
    const one = [{ kind: "custodian" as const, given_on: "2026-11-01" }];
    const two = [...one, { kind: "custodian" as const, given_on: "2026-11-03" }];
    expect(consentState(child, one, "2026-11-02")).toBe("incomplete");
    expect(consentState(child, two, "2026-11-02")).toBe("incomplete");
    expect(consentState(child, two, "2026-11-03")).toBe("valid");
    expect(consentState({ ...adult, custodians_required: 1 }, one, "2026-11-01")).toBe("valid");
  });

  it("does not count the child herself, nor a custodian for an adult", () => {
    const child = { ...adult, custodians_required: 1 };
    expect(consentState(child, self, "2026-11-02")).toBe("incomplete");
    const custodian = [{ kind: "custodian" as const, given_on: "2026-11-01" }];
    expect(consentState(adult, custodian, "2026-11-02")).toBe("incomplete");
  });

  it("is not yet valid without any giver", () => {
    expect(consentState(adult, [], "2026-11-02")).toBe("not_yet_valid");
  });
});
