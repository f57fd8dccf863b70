import { describe, expect, it } from "vitest";
import {
  childInvestigationDue,
  childrenReportDue,
  courtRulingDue,
  courtSubmissionDue,
  dueStatus,
  followUpDue,
  placementReviewDue,
  preliminaryAssessmentDue,
  protectionAssessmentDue,
  unsignedDraftDue,
} from "./deadlines.ts";

describe("deadlines from stored facts", () => {
  it("wants the protection assessment by the end of the day the report arrived (Swedish time)", () => {
    // 23:30 in Stockholm on 14 January is still 14 January.
    expect(protectionAssessmentDue(new Date("2026-01-14T22:30:00Z")).toISOString()).toBe(
      "2026-01-14T22:59:59.999Z",
    );
    // 00:30 in Stockholm on 15 January, though still 14 January in UTC.
    expect(protectionAssessmentDue(new Date("2026-01-14T23:30:00Z")).toISOString()).toBe(
      "2026-01-15T22:59:59.999Z",
    );
  });

  it("wants the preliminary assessment within 14 days of receipt, to the end of that day", () => {
    expect(preliminaryAssessmentDue(new Date("2026-02-20T09:00:00Z")).toISOString()).toBe(
      "2026-03-06T22:59:59.999Z",
    );
    // Across the start of summer time (29 March 2026): the day ends at 22:00 UTC.
    expect(preliminaryAssessmentDue(new Date("2026-03-20T09:00:00Z")).toISOString()).toBe(
      "2026-04-03T21:59:59.999Z",
    );
  });

  it("finishes a child's investigation within 4 months, clamped at month ends, unless extended by decision", () => {
    expect(childInvestigationDue(new Date("2026-10-31T10:00:00Z")).toISOString()).toBe(
      "2027-02-28T22:59:59.999Z",
    );
    expect(childInvestigationDue(new Date("2027-10-31T10:00:00Z")).toISOString()).toBe(
      "2028-02-29T22:59:59.999Z",
    );
    expect(
      childInvestigationDue(new Date("2026-01-10T10:00:00Z"), ["2026-06-30"]).toISOString(),
    ).toBe("2026-06-30T21:59:59.999Z");
    // An "extension" to an earlier date never shortens the statutory time.
    expect(
      childInvestigationDue(new Date("2026-01-10T10:00:00Z"), ["2026-03-01"]).toISOString(),
    ).toBe("2026-05-10T21:59:59.999Z");
  });

  it("runs follow-ups and unsigned drafts to the end of their day", () => {
    expect(followUpDue("2026-12-24").toISOString()).toBe("2026-12-24T22:59:59.999Z");
    expect(unsignedDraftDue(new Date("2026-05-04T08:00:00Z")).toISOString()).toBe(
      "2026-05-06T21:59:59.999Z",
    );
  });

  it("calls a deadline overdue once passed, due soon within 7 days, later otherwise", () => {
    const due = new Date("2026-03-10T22:59:59.999Z");
    expect(dueStatus(due, new Date("2026-03-11T00:00:00Z"))).toBe("overdue");
    expect(dueStatus(due, new Date("2026-03-10T22:00:00Z"))).toBe("due_soon");
    expect(dueStatus(due, new Date("2026-03-03T12:00:00Z"))).toBe("due_soon");
    expect(dueStatus(due, new Date("2026-03-02T12:00:00Z"))).toBe("later");
  });

  it("sends an immediate lag (2024:79) decision to the court within a week of the decision day, and expects the ruling a week after", () => {
    // Decided at 23:15 Stockholm time on Friday 30 October 2026 (22:15 UTC, winter time).
    expect(courtSubmissionDue(new Date("2026-10-30T22:15:00Z")).toISOString()).toBe(
      "2026-11-06T22:59:59.999Z",
    );
    // Decided on 0:30 Stockholm time, 1 November — still 31 October in UTC.
    expect(courtSubmissionDue(new Date("2026-10-31T23:30:00Z")).toISOString()).toBe(
      "2026-11-08T22:59:59.999Z",
    );
    // Across the end of summer time (25 October 2026).
    expect(courtRulingDue("2026-10-20").toISOString()).toBe("2026-10-27T22:59:59.999Z");
  });

  it("reviews a placement at least every six months from its start or last review, clamped at month ends", () => {
    expect(placementReviewDue("2026-08-31").toISOString()).toBe("2027-02-28T22:59:59.999Z");
    expect(placementReviewDue("2027-08-31").toISOString()).toBe("2028-02-29T22:59:59.999Z");
    expect(placementReviewDue("2026-05-15").toISOString()).toBe("2026-11-15T22:59:59.999Z");
  });

  it("wants children who witnessed violence reported by the end of the day it came to light", () => {
    expect(childrenReportDue(new Date("2026-06-10T21:30:00Z")).toISOString()).toBe(
      "2026-06-10T21:59:59.999Z",
    );
  });
});
