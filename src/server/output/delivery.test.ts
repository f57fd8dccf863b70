import { describe, expect, it } from "vitest";
import { planLetterDelivery, type Recipient } from "./delivery.ts";

const safe = { maySendLetters: true, letterAddress: "Box 12, 123 45 Lillstad" };
const base: Recipient = { protectionLevel: "none", safeContact: safe, postalAddress: "Hemgatan 1" };

describe("how a letter may reach a person", () => {
  it("posts only to the address the person said is safe, before the registered one", () => {
    expect(planLetterDelivery(base)).toEqual({
      method: "post",
      reason: null,
      warning: null,
      address: "Box 12, 123 45 Lillstad",
    });
    expect(
      planLetterDelivery({ ...base, safeContact: { maySendLetters: true, letterAddress: null } })
        .address,
    ).toBe("Hemgatan 1");
  });

  it("never posts when the person said no to letters, even with an address and no protection", () => {
    const plan = planLetterDelivery({
      ...base,
      safeContact: { ...safe, maySendLetters: false },
    });
    expect(plan).toMatchObject({
      method: "hand_over",
      reason: "letters_not_allowed",
      address: null,
    });
  });

  it("hands over in person when nobody has asked about letters yet, or no address is known", () => {
    expect(planLetterDelivery({ ...base, safeContact: null })).toMatchObject({
      method: "hand_over",
      reason: "not_asked",
    });
    expect(
      planLetterDelivery({ ...base, safeContact: { maySendLetters: null, letterAddress: "X" } }),
    ).toMatchObject({ method: "hand_over", reason: "not_asked", address: null });
    expect(
      planLetterDelivery({
        ...base,
        postalAddress: null,
        safeContact: { maySendLetters: true, letterAddress: "  " },
      }),
    ).toMatchObject({ method: "hand_over", reason: "no_address" });
  });

  it("sends protected registration via Skatteverket with no address, and never posts under a fictitious identity", () => {
    expect(planLetterDelivery({ ...base, protectionLevel: "protected_registration" })).toEqual({
      method: "forwarding",
      reason: "protected_registration",
      warning: null,
      address: null,
    });
    expect(planLetterDelivery({ ...base, protectionLevel: "fictitious_identity" })).toMatchObject({
      method: "hand_over",
      reason: "fictitious_identity",
      address: null,
    });
  });

  it("posts under a confidentiality marking but warns the worker to check secrecy first", () => {
    expect(
      planLetterDelivery({ ...base, protectionLevel: "confidentiality_marking" }),
    ).toMatchObject({
      method: "post",
      warning: "confidentiality_marking",
    });
  });

  it("never addresses a child's placement letter when the housing is kept secret or placed under lag (2024:79)", () => {
    const secret = { basis: "custodians_consent" as const, locationWithheld: true };
    expect(planLetterDelivery(base, { childPlacement: secret })).toMatchObject({
      method: "hand_over",
      reason: "location_withheld",
      address: null,
    });
    const court = { basis: "court_2024_79" as const, locationWithheld: false };
    expect(planLetterDelivery(base, { childPlacement: court }).address).toBeNull();
    const open = { basis: "custodians_consent" as const, locationWithheld: false };
    expect(planLetterDelivery(base, { childPlacement: open }).method).toBe("post");
  });
});
