import { describe, expect, it } from "vitest";
import { likelyNames } from "./likely-names.ts";
import { containsIdentityNumber, luhnCheckDigit } from "./personal-identity-number.ts";

describe("what looks like a person's name (the consultation log's warning)", () => {
  it("finds a common first name before a capitalised word", () => {
    expect(likelyNames("Kuratorn ringde om Sara Ahmed i åk 8.")).toEqual(["Sara Ahmed"]);
    expect(likelyNames("mamma till Mohammed Ali-Hassan")).toEqual(["Mohammed Ali-Hassan"]);
  });

  it("finds any capitalised word before a common Swedish surname ending", () => {
    expect(likelyNames("Pappan Kenneth Bergström hämtar")).toEqual(["Kenneth Bergström"]);
    expect(likelyNames("Kalle Svensson och Kalle Svensson")).toEqual(["Kalle Svensson"]);
  });

  it("leaves organisations, roles and places alone", () => {
    expect(likelyNames("Rektor på Skogsbackaskolan i Trollhättan frågar om en elev.")).toEqual([]);
    expect(likelyNames("Socialtjänsten Vänersborg, Barnahus Fyrbodal")).toEqual([]);
    expect(likelyNames("sara ahmed")).toEqual([]);
  });
});

describe("an identity number inside a text (the one detector: log scrubbing and the log's refusal)", () => {
  const nine = "100315238";
  const number = `20${nine}${luhnCheckDigit(nine)}`;

  it("finds a valid personal identity or coordination number in any written form", () => {
    expect(containsIdentityNumber(`eleven ${number} i klass 8`)).toBe(true);
    expect(containsIdentityNumber(`eleven ${number.slice(2, 8)}-${number.slice(8)}`)).toBe(true);
    const coordination = "100375238";
    expect(containsIdentityNumber(`${coordination}${luhnCheckDigit(coordination)}`)).toBe(true);
  });

  it("leaves other numbers: a wrong check digit, an impossible date, a UUID", () => {
    const wrong = (luhnCheckDigit(nine) + 1) % 10;
    expect(containsIdentityNumber(`20${nine}${wrong}`)).toBe(false);
    expect(containsIdentityNumber("Diarienummer 20261399-1234")).toBe(false);
    expect(containsIdentityNumber("19121212-1212-4a1b-9c3d-0123456789ab")).toBe(false);
  });
});
