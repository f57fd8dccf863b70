import { describe, expect, it } from "vitest";
import {
  childInvestigationDue,
  childInvestigationLastDay,
  childrenReportDue,
  courtRulingDue,
  courtRulingLastDay,
  courtSubmissionDue,
  courtSubmissionLastDay,
  dueStatus,
  followUpDue,
  lastDayUnderLaw,
  placementReviewDue,
  placementReviewLastDay,
  preliminaryAssessmentDue,
  preliminaryAssessmentLastDay,
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

/** A report received at 10:00 Stockholm time (winter) on a date. */
const receivedOn = (date: string) => new Date(`${date}T09:00:00Z`);

describe("lag (1930:173) 2 §: a last day on a day off moves to the next weekday", () => {
  it("moves a Saturday, Sunday, public holiday, midsommarafton, julafton or nyårsafton, and names it", () => {
    expect(lastDayUnderLaw("2026-11-13")).toEqual({
      counted: "2026-11-13",
      last: "2026-11-13",
      movedBecause: null,
    });
    expect(lastDayUnderLaw("2026-11-14")).toEqual({
      counted: "2026-11-14",
      last: "2026-11-16",
      movedBecause: "saturday",
    });
    expect(lastDayUnderLaw("2026-11-15")).toMatchObject({
      last: "2026-11-16",
      movedBecause: "sunday",
    });
    // Easter 2027: långfredagen 26 March, påskdagen 28, annandag påsk 29 → tisdag 30 March.
    expect(lastDayUnderLaw("2027-03-26")).toMatchObject({
      last: "2027-03-30",
      movedBecause: "good_friday",
    });
    expect(lastDayUnderLaw("2027-03-28")).toMatchObject({
      last: "2027-03-30",
      movedBecause: "easter_sunday",
    });
    // Midsommarafton (Friday 19 June 2026) is not a public holiday, but the law names it.
    expect(lastDayUnderLaw("2026-06-19")).toMatchObject({
      last: "2026-06-22",
      movedBecause: "midsummer_eve",
    });
    // Kristi himmelsfärdsdag on a Thursday: Friday is a weekday again.
    expect(lastDayUnderLaw("2026-05-14")).toMatchObject({
      last: "2026-05-15",
      movedBecause: "ascension_day",
    });
    expect(lastDayUnderLaw("2026-12-24")).toMatchObject({
      last: "2026-12-28",
      movedBecause: "christmas_eve",
    });
    // Nyårsafton, nyårsdagen, then a weekend: over the turn of the year to Monday 4 January.
    expect(lastDayUnderLaw("2026-12-31")).toMatchObject({
      last: "2027-01-04",
      movedBecause: "new_years_eve",
    });
    // Alla helgons dag is a Saturday: its name says more than "a Saturday".
    expect(lastDayUnderLaw("2026-10-31")).toMatchObject({
      last: "2026-11-02",
      movedBecause: "all_saints_day",
    });
  });

  it("gives the preliminary assessment's 14 days their last weekday", () => {
    // Received Saturday 31 October 2026: day 14 is Saturday 14 November → Monday 16 November.
    expect(preliminaryAssessmentLastDay(receivedOn("2026-10-31"))).toEqual({
      counted: "2026-11-14",
      last: "2026-11-16",
      movedBecause: "saturday",
    });
    // Received 18 December 2026: day 14 is nyårsdagen 2027, then a weekend → Monday 4 January.
    expect(preliminaryAssessmentLastDay(receivedOn("2026-12-18"))).toEqual({
      counted: "2027-01-01",
      last: "2027-01-04",
      movedBecause: "new_years_day",
    });
    // Easter and midsummer.
    expect(preliminaryAssessmentLastDay(receivedOn("2027-03-12"))).toMatchObject({
      counted: "2027-03-26",
      last: "2027-03-30",
    });
    expect(preliminaryAssessmentLastDay(receivedOn("2026-06-05"))).toMatchObject({
      counted: "2026-06-19",
      last: "2026-06-22",
    });
    // A leap day that is a Tuesday stays; counted in Swedish time across the month end.
    expect(preliminaryAssessmentLastDay(receivedOn("2028-02-15"))).toEqual({
      counted: "2028-02-29",
      last: "2028-02-29",
      movedBecause: null,
    });
  });

  it("moves the investigation's four months at month ends and leap years, and a decided extension", () => {
    // 31 October + 4 months = 28 February 2027 (1 §: the month's last day), a Sunday.
    expect(childInvestigationLastDay(new Date("2026-10-31T10:00:00Z"))).toEqual({
      counted: "2027-02-28",
      last: "2027-03-01",
      movedBecause: "sunday",
    });
    // 29 February 2028 is a Tuesday: it stays.
    expect(childInvestigationLastDay(new Date("2027-10-31T10:00:00Z"))).toMatchObject({
      counted: "2028-02-29",
      last: "2028-02-29",
      movedBecause: null,
    });
    // Extended by decision to nationaldagen, Saturday 6 June 2026.
    expect(childInvestigationLastDay(new Date("2026-01-10T10:00:00Z"), ["2026-06-06"])).toEqual({
      counted: "2026-06-06",
      last: "2026-06-08",
      movedBecause: "national_day",
    });
  });

  it("moves the lag (2024:79) weeks and the six-monthly placement review", () => {
    // Decided Saturday 31 October 2026: one week on is Saturday 7 November → Monday 9.
    expect(courtSubmissionLastDay(new Date("2026-10-31T10:00:00Z"))).toMatchObject({
      counted: "2026-11-07",
      last: "2026-11-09",
      movedBecause: "saturday",
    });
    expect(courtRulingLastDay("2026-12-17")).toMatchObject({
      counted: "2026-12-24",
      last: "2026-12-28",
      movedBecause: "christmas_eve",
    });
    // 31 August 2031 + 6 months = 29 February 2032, a Sunday → Monday 1 March.
    expect(placementReviewLastDay("2031-08-31")).toEqual({
      counted: "2032-02-29",
      last: "2032-03-01",
      movedBecause: "sunday",
    });
  });

  it("keeps the warning on the counted day and same-day duties on their day", () => {
    // Att göra warns from the end of day 14 (Saturday), not from the moved Monday.
    expect(preliminaryAssessmentDue(receivedOn("2026-10-31")).toISOString()).toBe(
      "2026-11-14T22:59:59.999Z",
    );
    // On Sunday 15 November the assessment is late by Frid's reckoning, though the law's
    // last day is the Monday.
    expect(
      dueStatus(
        preliminaryAssessmentDue(receivedOn("2026-10-31")),
        new Date("2026-11-15T10:00:00Z"),
      ),
    ).toBe("overdue");
    // A report received on a Saturday is assessed for protection that Saturday.
    expect(protectionAssessmentDue(receivedOn("2026-11-14")).toISOString()).toBe(
      "2026-11-14T22:59:59.999Z",
    );
  });
});
