import { describe, expect, it } from "vitest";
import {
  formatIdentityNumber,
  luhnCheckDigit,
  parseIdentityNumber,
} from "./personal-identity-number.ts";

const today = new Date(Date.UTC(2026, 10, 22));

describe("parseIdentityNumber", () => {
  it("accepts the twelve-digit form with and without a hyphen", () => {
    for (const input of ["191212121212", "19121212-1212"]) {
      const r = parseIdentityNumber(input, today);
      expect(r).toEqual({
        ok: true,
        value: {
          kind: "personal_identity_number",
          normalized: "191212121212",
          birthDate: "1912-12-12",
        },
      });
    }
  });

  it("puts a ten-digit number in the latest century that is not in the future", () => {
    const r = parseIdentityNumber("640823-3234", today);
    expect(r.ok && r.value.normalized).toBe("196408233234");
    const young = parseIdentityNumber("1501019804", today);
    expect(young.ok && young.value.birthDate).toBe("2015-01-01");
  });

  it("moves a '+' number one century further back, for people who have turned 100", () => {
    const r = parseIdentityNumber("121212+1212", today);
    expect(r.ok && r.value.normalized).toBe("191212121212");
  });

  it("treats a birthday later this year as last century", () => {
    // 26-12-24 has not happened yet on 2026-11-22, so the person was born 1926.
    const nine = "261224980";
    const r = parseIdentityNumber(
      `${nine.slice(0, 6)}-${nine.slice(6)}${luhnCheckDigit(nine)}`,
      today,
    );
    expect(r.ok && r.value.birthDate).toBe("1926-12-24");
  });

  it("recognises a coordination number by the day plus 60", () => {
    const nine = "701063238";
    const r = parseIdentityNumber(`${nine}${luhnCheckDigit(nine)}`, today);
    expect(r).toMatchObject({
      ok: true,
      value: { kind: "coordination_number", birthDate: "1970-10-03" },
    });
  });

  it("rejects a wrong check digit with a message a person understands", () => {
    const r = parseIdentityNumber("19121212-1213", today);
    expect(r).toEqual({
      ok: false,
      error: "checksum",
      message: "Kontrollsiffran stämmer inte – kontrollera numret.",
    });
  });

  it("rejects dates that do not exist", () => {
    expect(parseIdentityNumber("19230229-0006", today)).toMatchObject({ ok: false, error: "date" });
    expect(parseIdentityNumber("19121312-1212", today)).toMatchObject({ ok: false, error: "date" });
  });

  it("rejects other shapes", () => {
    for (const input of ["", "abc", "12-12-12-1212", "19121212+1212", "19121212-12123"]) {
      expect(parseIdentityNumber(input, today)).toMatchObject({ ok: false, error: "format" });
    }
  });
});

describe("formatIdentityNumber", () => {
  it("shows the stored form with a hyphen", () => {
    expect(formatIdentityNumber("191212121212")).toBe("19121212-1212");
  });
});
