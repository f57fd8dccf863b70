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
    for (const input of ["", "abc", "12-12-12-1212", "19121212/1212", "19121212-12123"]) {
      expect(parseIdentityNumber(input, today)).toMatchObject({ ok: false, error: "format" });
    }
  });
});

describe("parseIdentityNumber by Skatteverket's rules (issue 11)", () => {
  it("accepts twelve digits with '+' for someone who has turned 100, this year included", () => {
    expect(parseIdentityNumber("19121212+1212", today)).toMatchObject({
      ok: true,
      value: { normalized: "191212121212", birthDate: "1912-12-12" },
    });
    // 1926-12-24 turns 100 in 2026: from 1 January the separator is '+' (18 § FOL).
    expect(parseIdentityNumber("19261224+9801", today)).toMatchObject({
      ok: true,
      value: { birthDate: "1926-12-24" },
    });
  });

  it("refuses twelve digits with '+' for someone who does not turn 100 this year", () => {
    expect(parseIdentityNumber("20150101+9804", today)).toEqual({
      ok: false,
      error: "plus",
      message: "Plustecknet används bara för den som fyller 100 år i år eller är äldre.",
    });
  });

  it("puts a ten-digit '+' number in the century in which the person has turned 100 this year or earlier", () => {
    // Turns 100 on 2026-12-24: written 261224+9801 all of 2026, and that is 1926, not 1826.
    const r = parseIdentityNumber("261224+9801", today);
    expect(r).toMatchObject({ ok: true, value: { birthDate: "1926-12-24" } });
    expect(parseIdentityNumber("261122+9804", today)).toMatchObject({
      ok: true,
      value: { birthDate: "1926-11-22" },
    });
  });

  it("refuses the serial number 000, which is never issued", () => {
    for (const input of ["640823-0008", "6408230008", "19640823-0008", "121212+0008"]) {
      expect(parseIdentityNumber(input, today)).toEqual({
        ok: false,
        error: "serial",
        message: "Födelsenumret 000 delas aldrig ut – kontrollera de fyra sista siffrorna.",
      });
    }
  });

  it("refuses whitespace inside the number rather than guess the century (a '+' sent in a form can arrive as a space)", () => {
    for (const input of [
      "090527 1474",
      "20090527 1474",
      "0905 27-1474",
      "090527\t1474",
      "090527- 1474",
    ]) {
      expect(parseIdentityNumber(input, today)).toEqual({
        ok: false,
        error: "whitespace",
        message:
          "Skriv numret utan mellanslag, med - eller + mellan födelsedatumet och de fyra sista siffrorna.",
      });
    }
    // Space around the number is only space.
    expect(parseIdentityNumber("  090527-1474 ", today)).toMatchObject({
      ok: true,
      value: { normalized: "200905271474" },
    });
  });

  it("refuses a birth date in the future, and accepts one born today", () => {
    for (const input of ["20270101-9800", "202701019800", "20261123-9803", "20270161-9807"]) {
      expect(parseIdentityNumber(input, today)).toEqual({
        ok: false,
        error: "future",
        message: "Födelsedatumet i numret ligger i framtiden – kontrollera numret.",
      });
    }
    expect(parseIdentityNumber("20261122-9804", today)).toMatchObject({
      ok: true,
      value: { birthDate: "2026-11-22" },
    });
  });

  it("reads the future and the turn of a century in Swedish time, not UTC", () => {
    // 23:30 UTC on 21 November is 00:30 on 22 November in Stockholm: born that day is not future.
    const lateEvening = new Date("2026-11-21T23:30:00Z");
    expect(parseIdentityNumber("20261122-9804", lateEvening)).toMatchObject({ ok: true });
    expect(parseIdentityNumber("261122-9804", lateEvening)).toMatchObject({
      ok: true,
      value: { birthDate: "2026-11-22" },
    });
  });

  it("keeps coordination numbers (day plus 60) working in ten and twelve digits, with '-' and '+'", () => {
    const cases: [string, string][] = [
      ["7010632383", "1970-10-03"],
      ["701063-2383", "1970-10-03"],
      ["197010632383", "1970-10-03"],
      ["19701063-2383", "1970-10-03"],
      ["201063+2384", "1920-10-03"],
      ["19201063+2384", "1920-10-03"],
    ];
    for (const [input, birthDate] of cases) {
      expect(parseIdentityNumber(input, today), input).toMatchObject({
        ok: true,
        value: { kind: "coordination_number", birthDate },
      });
    }
  });
});

describe("formatIdentityNumber", () => {
  it("shows the stored form with a hyphen", () => {
    expect(formatIdentityNumber("191212121212")).toBe("19121212-1212");
  });
});
