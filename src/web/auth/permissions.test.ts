import { describe, expect, it } from "vitest";
import type { Role } from "../../shared/api/roles";
import {
  caseUnits,
  isAdministrator,
  landingPath,
  managedUnits,
  mayOpenCases,
  mayRegisterPersons,
  mayToggleActive,
  navTargets,
  type RoleAssignment,
  worksWithCases,
} from "./permissions";

let n = 0;
function role(r: Role, unit: [string, string] | null): RoleAssignment {
  n += 1;
  return { id: `ra-${n}`, role: r, unitId: unit?.[0] ?? null, unitName: unit?.[1] ?? null };
}
const adult: [string, string] = ["u-adult", "IFO Vuxen"];
const crisis: [string, string] = ["u-crisis", "Kriscentrum"];

describe("what the menu offers", () => {
  it("gives a caseworker their cases, the person search and the places", () => {
    expect(navTargets([role("caseworker", adult)])).toEqual([
      "myCases",
      "personSearch",
      "search",
      "serviceContacts",
      "chat",
      "vacancies",
      "places",
      "agencies",
      "agreements",
      "routines",
    ]);
  });

  it("offers Serviceinsatser to those who give service, never to a consultant (issue 17)", () => {
    expect(navTargets([role("therapist", crisis)])).toContain("serviceContacts");
    expect(navTargets([role("consultant", crisis)])).not.toContain("serviceContacts");
    expect(navTargets([role("analyst", null)])).not.toContain("serviceContacts");
    expect(navTargets([role("administrator", null)])).not.toContain("serviceContacts");
  });

  it("starts a housing coordinator on Lediga platser (issue 16)", () => {
    expect(navTargets([role("housing_coordinator", adult)])).toEqual(["vacancies", "places"]);
    expect(landingPath([role("housing_coordinator", adult)])).toBe("/vacancies");
    expect(landingPath([role("housing_coordinator", adult), role("caseworker", adult)])).toBe(
      "/vacancies",
    );
  });

  it("adds Loggkontroll, Statistik and Kostnader for a unit manager", () => {
    expect(navTargets([role("unit_manager", adult)])).toEqual([
      "myCases",
      "personSearch",
      "search",
      "serviceContacts",
      "chat",
      "vacancies",
      "places",
      "agencies",
      "agreements",
      "competence",
      "audit",
      "retention",
      "statistics",
      "yearlyReport",
      "costs",
      "surveys",
      "routines",
      "actionPlans",
    ]);
  });

  it("starts a consultant on Konsultationer, with the competence register they keep (issue 17)", () => {
    const resource: [string, string] = ["u-resource", "Resursfunktion hedersrelaterat våld"];
    expect(navTargets([role("consultant", resource)])).toEqual([
      "consultations",
      "chat",
      "competence",
      "surveys",
    ]);
    expect(landingPath([role("consultant", resource)])).toBe("/consultations");
  });

  it("gives a consultant of the resource function Enkäter, and never lands them on a case list", () => {
    const resource: [string, string] = ["u-resource", "Resursfunktion hedersrelaterat våld"];
    expect(navTargets([role("consultant", resource)])).toContain("surveys");
    expect(navTargets([role("consultant", resource)])).not.toContain("myCases");
    expect(landingPath([role("consultant", resource)])).not.toBe("/");
  });

  it("offers a consultant of the resource function Chatt, never a housing coordinator (issue 17)", () => {
    const resource: [string, string] = ["u-resource", "Resursfunktion hedersrelaterat våld"];
    expect(navTargets([role("consultant", resource)])).toContain("chat");
    expect(navTargets([role("housing_coordinator", adult)])).not.toContain("chat");
  });

  it("gives an analyst only Statistik, Årsrapport and Handlingsplan", () => {
    expect(navTargets([role("analyst", null)])).toEqual([
      "statistics",
      "yearlyReport",
      "actionPlans",
    ]);
  });

  it("gives shelter staff Boendet, where they land, and the places they may look up", () => {
    const shelter: [string, string] = ["u-shelter", "Skyddat boende Lärkan"];
    expect(navTargets([role("shelter_staff", shelter)])).toEqual([
      "shelter",
      "vacancies",
      "places",
    ]);
    expect(landingPath([role("shelter_staff", shelter)])).toBe("/shelter");
  });

  it("lands each role where it works: case work on Mina ärenden, an analyst on Statistik", () => {
    expect(landingPath([role("caseworker", adult)])).toBe("/");
    expect(landingPath([role("unit_manager", adult)])).toBe("/");
    expect(landingPath([role("analyst", null)])).toBe("/statistics");
    expect(landingPath([role("administrator", null)])).toBe("/admin");
    expect(landingPath([role("analyst", null), role("caseworker", adult)])).toBe("/");
    // No role at all: the start page, which tells them they have nothing to work with.
    expect(landingPath([])).toBe("/");
  });

  it("gives a system administrator the administration and the retention rules they keep", () => {
    const roles = [role("administrator", null)];
    expect(navTargets(roles)).toEqual(["admin", "retention", "routines", "actionPlans"]);
    expect(isAdministrator(roles)).toBe(true);
    expect(worksWithCases(roles)).toBe(false);
  });

  it("gives nothing to someone without roles", () => {
    expect(navTargets([])).toEqual([]);
  });
});

describe("units", () => {
  it("lists each unit where cases may be opened once, by name", () => {
    const roles = [
      role("therapist", crisis),
      role("caseworker", adult),
      role("unit_manager", adult),
      role("analyst", null),
      role("consultant", ["u-x", "Resurscentrum"]),
    ];
    expect(caseUnits(roles)).toEqual([
      { id: "u-adult", name: "IFO Vuxen" },
      { id: "u-crisis", name: "Kriscentrum" },
    ]);
  });

  it("lists only the units a manager manages for Loggkontroll", () => {
    expect(managedUnits([role("caseworker", crisis), role("unit_manager", adult)])).toEqual([
      { id: "u-adult", name: "IFO Vuxen" },
    ]);
  });
});

describe("what a page offers, as the server allows it", () => {
  const everyRole = (unit: [string, string] | null) =>
    (["caseworker", "therapist", "protection_officer", "unit_manager"] as const).map((r) =>
      role(r, unit),
    );

  it("offers 'Nytt ärende' only to someone who works with cases in a unit", () => {
    for (const r of everyRole(adult)) expect(mayOpenCases([r])).toBe(true);
    expect(mayOpenCases([role("analyst", null)])).toBe(false);
    expect(mayOpenCases([role("administrator", null)])).toBe(false);
    expect(mayOpenCases([role("consultant", adult)])).toBe(false);
    expect(mayOpenCases([])).toBe(false);
  });

  it("offers the registration form only to the roles the server lets register a person", () => {
    for (const r of everyRole(adult)) expect(mayRegisterPersons([r])).toBe(true);
    expect(mayRegisterPersons([role("analyst", null)])).toBe(false);
    expect(mayRegisterPersons([role("administrator", null)])).toBe(false);
    expect(mayRegisterPersons([role("consultant", adult)])).toBe(false);
    expect(mayRegisterPersons([role("administrator", null), role("caseworker", crisis)])).toBe(
      true,
    );
  });
});

describe("switching an account off", () => {
  it("is offered for any account but one's own", () => {
    expect(mayToggleActive("me", { id: "other", active: true })).toBe(true);
    expect(mayToggleActive("me", { id: "other", active: false })).toBe(true);
    expect(mayToggleActive("me", { id: "me", active: true })).toBe(false);
  });
});
