import { describe, expect, it } from "vitest";
import { en, enParts } from "./en";
import { format, placeholders } from "./format";
import { sv, svParts } from "./sv";

const svKeys = Object.keys(sv).sort();
const enKeys = Object.keys(en).sort();

describe("message catalogues", () => {
  it("have exactly the same keys in Swedish and English", () => {
    expect(enKeys).toEqual(svKeys);
  });

  it.each([
    ["sv", sv],
    ["en", en],
  ] as const)("have no empty values in %s", (_lang, catalogue) => {
    const empty = Object.entries(catalogue)
      .filter(([, value]) => typeof value !== "string" || value.trim() === "")
      .map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it("use the same placeholders in English as in Swedish", () => {
    const mismatches = svKeys.flatMap((key) => {
      const svNames = placeholders(sv[key as keyof typeof sv]).sort();
      const enNames = placeholders(en[key as keyof typeof en] ?? "").sort();
      return JSON.stringify(svNames) === JSON.stringify(enNames) ? [] : [{ key, svNames, enNames }];
    });
    expect(mismatches).toEqual([]);
  });

  // The catalogue is spread together from the features' parts: a key written in two parts
  // would silently take the later text, so each key must live in exactly one.
  it.each([
    ["sv", sv, svParts],
    ["en", en, enParts],
  ] as const)("put every %s key in exactly one feature's part", (_lang, catalogue, parts) => {
    const seen = new Map<string, number>();
    for (const part of parts) {
      for (const key of Object.keys(part)) seen.set(key, (seen.get(key) ?? 0) + 1);
    }
    const twice = [...seen].filter(([, count]) => count > 1).map(([key]) => key);
    expect(twice).toEqual([]);
    expect([...seen.keys()].sort()).toEqual(Object.keys(catalogue).sort());
  });

  it("give each English part exactly the keys of its Swedish part", () => {
    expect(enParts.map((part) => Object.keys(part).sort())).toEqual(
      svParts.map((part) => Object.keys(part).sort()),
    );
  });

  // End-to-end tests and the product owner rely on this exact wording.
  it("label demo data exactly", () => {
    expect(sv["shell.demoBanner"]).toBe("DEMO – fiktiva uppgifter");
    expect(en["shell.demoBanner"]).toBe("DEMO – fictitious data");
  });
});

describe("format", () => {
  it("fills placeholders and leaves unknown ones visible", () => {
    expect(format("{page} – {app}", { page: "Sök person", app: "Frid" })).toBe("Sök person – Frid");
    expect(format("Version {version}", {})).toBe("Version {version}");
  });

  it("finds placeholder names once each", () => {
    expect(placeholders("{a} och {b} och {a}")).toEqual(["a", "b"]);
    expect(placeholders("inga")).toEqual([]);
  });
});
