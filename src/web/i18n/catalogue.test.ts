import { describe, expect, it } from "vitest";
import { en } from "./en";
import { format, placeholders } from "./format";
import { sv } from "./sv";

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
