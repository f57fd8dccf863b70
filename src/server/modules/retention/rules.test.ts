import { describe, expect, it } from "vitest";
import { judge, type PersonFacts, type Rule } from "./rules.ts";

/** The rules' arithmetic on its own: the day a record falls due, and each exception. */
const personakt: Rule = {
  code: "personakt_5_ar",
  subject: "person_record",
  documentKind: null,
  years: 5,
  afterEvent: "last_entry",
  exceptions: { birthDays: [5, 15, 25], childPlaced: true, childYearsFromBirth: 30 },
};
const facts = (over: Partial<PersonFacts> = {}): PersonFacts => ({
  personId: "p",
  birthDate: "1970-03-03",
  lastEntry: "2020-06-30",
  earliestCaseEntry: "2020-06-30",
  lastClosed: "2020-06-30",
  openCases: 0,
  otherUnitCases: 0,
  childPlaced: false,
  recordedAsChild: false,
  ...over,
});

describe("judge", () => {
  it("is due on the day five years after the last entry, not the day before", () => {
    expect(judge(personakt, facts(), "2025-06-29").action).toBeNull();
    expect(judge(personakt, facts(), "2025-06-30")).toEqual({
      eventDate: "2020-06-30",
      dueOn: "2025-06-30",
      action: "remove",
      keptBecause: null,
    });
  });

  it("keeps those born on the 5th, 15th and 25th, and only them", () => {
    for (const day of ["05", "15", "25"])
      expect(
        judge(personakt, facts({ birthDate: `1970-03-${day}` }), "2026-01-01").keptBecause,
      ).toBe("birth_day");
    expect(judge(personakt, facts({ birthDate: "1970-03-16" }), "2026-01-01").action).toBe(
      "remove",
    );
  });

  it("keeps a child's records until 30 years from her birth, then lets them go", () => {
    const child = facts({ birthDate: "1996-02-10", recordedAsChild: true });
    expect(judge(personakt, child, "2026-02-09").keptBecause).toBe("child_years");
    expect(judge(personakt, child, "2026-02-10").action).toBe("remove");
  });

  it("keeps a whole record while one of her cases is recent, open or in another unit", () => {
    expect(judge(personakt, facts({ lastEntry: "2025-01-01" }), "2026-01-01").keptBecause).toBe(
      "recent_entry",
    );
    expect(judge(personakt, facts({ openCases: 1 }), "2026-01-01").keptBecause).toBe("open_case");
    expect(judge(personakt, facts({ otherUnitCases: 1 }), "2026-01-01").keptBecause).toBe(
      "other_unit",
    );
  });

  it("counts a partial rule from the record's own case, without the whole-record checks", () => {
    const form: Rule = {
      ...personakt,
      code: "samtycke",
      subject: "document_kind",
      documentKind: "partner_contact_consent",
      years: 0,
      afterEvent: "case_closed",
      exceptions: {},
    };
    const v = judge(
      form,
      facts({ openCases: 1, lastClosed: "2024-01-01" }),
      "2026-01-01",
      "2025-12-31",
    );
    expect(v).toMatchObject({ eventDate: "2025-12-31", action: "remove" });
  });
});
