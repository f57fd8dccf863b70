import { describe, expect, it } from "vitest";
import { firstContactOptions } from "./first-contact.ts";

const given = {
  protectionLevel: "none" as const,
  safeContact: null,
  address: "Väg 1",
  phone: "070",
};
const allowed = (r: Parameters<typeof firstContactOptions>[0]) =>
  Object.fromEntries(firstContactOptions(r).map((o) => [o.method, o.allowed ? "yes" : o.refusal]));

describe("the first contact with a partner", () => {
  it("nobody has asked her yet: every way he gave is open, marked as not asked", () => {
    expect(allowed(given)).toEqual({ letter: "yes", sms: "yes", phone: "yes" });
    expect(firstContactOptions(given).every((o) => o.notAsked)).toBe(true);
  });

  it("a letter is refused when she said no to letters, whatever address is known", () => {
    expect(allowed({ ...given, safeContact: { maySendLetters: false } }).letter).toBe(
      "letters_not_allowed",
    );
  });

  it("a protected identity gets no letter to an address", () => {
    expect(allowed({ ...given, protectionLevel: "protected_registration" }).letter).toBe(
      "protected_identity",
    );
    expect(allowed({ ...given, protectionLevel: "fictitious_identity" }).letter).toBe(
      "protected_identity",
    );
  });

  it("no calls means no texts either, unless she said texts are fine", () => {
    expect(allowed({ ...given, safeContact: { mayCall: false } })).toEqual({
      letter: "yes",
      sms: "sms_not_allowed",
      phone: "calls_not_allowed",
    });
    expect(allowed({ ...given, safeContact: { mayCall: false, maySendSms: true } }).sms).toBe(
      "yes",
    );
  });

  it("without a phone number or address the way is closed, and says why", () => {
    expect(allowed({ ...given, address: null, phone: " " })).toEqual({
      letter: "no_address",
      sms: "no_phone",
      phone: "no_phone",
    });
    // Her own letter address is enough.
    expect(
      allowed({ ...given, address: null, safeContact: { letterAddress: "Box 7" } }).letter,
    ).toBe("yes");
  });
});
