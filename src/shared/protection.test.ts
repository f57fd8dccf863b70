import { describe, expect, it } from "vitest";
import {
  lowersProtection,
  protectionChoices,
  protectionLevels,
  type Showing,
  shownName,
  showPerson,
  showPersonRow,
  withheldName,
} from "./protection.ts";

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

describe("how a person appears (the one rule, issue 19)", () => {
  const sara = { name: "Sara Exempel", identityNumber: "19800101-0000" };
  const places: Showing[] = ["workspace", "list", "document"];

  it("shows an unprotected person whole, everywhere, without a badge", () => {
    for (const where of places)
      expect(showPerson({ ...sara, protectionLevel: "none" }, where)).toEqual({
        ...sara,
        badge: null,
        contact: "shown",
      });
  });

  it("masks a protected person's contact details on screen and withholds them elsewhere", () => {
    for (const level of protectionLevels.filter((l) => l !== "none")) {
      const p = { ...sara, protectionLevel: level };
      expect(showPerson(p, "workspace")).toMatchObject({ badge: level, contact: "masked" });
      expect(showPerson(p, "list").contact).toBe("withheld");
      expect(showPerson(p, "document").contact).toBe("withheld");
    }
  });

  it("keeps name and number under sekretessmarkering and skyddad folkbokföring", () => {
    for (const level of ["confidentiality_marking", "protected_registration"] as const)
      for (const where of places)
        expect(showPerson({ ...sara, protectionLevel: level }, where)).toMatchObject(sara);
  });

  it("never ties fingerade personuppgifter to the identity outside her case's own pages", () => {
    const p = { ...sara, protectionLevel: "fictitious_identity" as const };
    for (const where of ["list", "document"] as const)
      expect(showPerson(p, where)).toEqual({
        name: null,
        identityNumber: null,
        badge: "fictitious_identity",
        contact: "withheld",
      });
    expect(showPerson(p, "workspace")).toMatchObject(sara);
  });
});

describe("a person in a row (lists, exports, notices)", () => {
  const sara = { name: "Sara Exempel", identityNumber: "19800101-0000" };

  it("stands under the withheld name, without number, under fingerade personuppgifter", () => {
    const p = { ...sara, protectionLevel: "fictitious_identity" as const };
    for (const where of ["list", "document"] as const) {
      expect(showPersonRow(p, where)).toEqual({
        name: withheldName,
        identityNumber: null,
        protectionLevel: "fictitious_identity",
      });
      expect(shownName(p, where)).toBe(withheldName);
    }
    expect(showPersonRow(p, "workspace")).toEqual(p);
  });

  it("keeps name and number at the other levels, with the level for the badge", () => {
    for (const level of protectionLevels.filter((l) => l !== "fictitious_identity"))
      expect(showPersonRow({ ...sara, protectionLevel: level }, "list")).toEqual({
        ...sara,
        protectionLevel: level,
      });
  });
});
