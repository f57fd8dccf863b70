import type {
  RetentionExceptions,
  retentionEvents,
  retentionKeptReasons,
  retentionSubjects,
} from "../../../shared/api/retention.ts";
import { addMonths } from "../../../shared/calendar.ts";

/**
 * The retention rules applied to what is known about a person: pure, so the law's cases
 * (a birth day of 5/15/25, a placed child, a recent case beside an old one) are tested on
 * their own and the dry run and the removal's re-check decide the same way.
 */
export interface Rule {
  code: string;
  subject: (typeof retentionSubjects)[number];
  documentKind: string | null;
  years: number;
  afterEvent: (typeof retentionEvents)[number];
  exceptions: RetentionExceptions;
}

/** Dates are Swedish calendar days (YYYY-MM-DD); null where the event has not happened. */
export interface PersonFacts {
  personId: string;
  birthDate: string | null;
  lastEntry: string | null;
  /** The oldest of her cases' own last entries: past due while lastEntry is not → kept. */
  earliestCaseEntry: string | null;
  lastClosed: string | null;
  openCases: number;
  otherUnitCases: number;
  childPlaced: boolean;
  recordedAsChild: boolean;
}

export type KeptReason = (typeof retentionKeptReasons)[number];

export interface Verdict {
  eventDate: string | null;
  dueOn: string | null;
  /** null: not yet due (not listed); otherwise remove, or keep with the reason. */
  action: "remove" | "keep" | null;
  keptBecause: KeptReason | null;
}

export const addYears = (date: string, years: number) => addMonths(date, years * 12);

function eventOf(rule: Rule, facts: PersonFacts, caseClosed: string | null): string | null {
  if (rule.afterEvent === "birth") return facts.birthDate;
  if (rule.afterEvent === "case_closed") return caseClosed ?? facts.lastClosed;
  return facts.lastEntry;
}

/** The exceptions, in the order a reader of the law would check them. */
function exceptionFor(rule: Rule, facts: PersonFacts, today: string): KeptReason | null {
  const x = rule.exceptions;
  if (rule.subject === "person_record") {
    // 12:1: not while any record about her is still in use or inside its time elsewhere.
    if (facts.openCases > 0) return "open_case";
    if (facts.otherUnitCases > 0) return "other_unit";
  }
  const day = facts.birthDate ? Number(facts.birthDate.slice(8, 10)) : null;
  if (day !== null && x.birthDays?.includes(day)) return "birth_day";
  if (x.childPlaced && facts.childPlaced) return "child_placed";
  if (
    x.childYearsFromBirth &&
    facts.recordedAsChild &&
    facts.birthDate &&
    addYears(facts.birthDate, x.childYearsFromBirth) > today
  )
    return "child_years";
  return null;
}

/**
 * Whether a record under `rule` is due on `today`, and if so removed or kept by which
 * exception. `caseClosed`: the closing of the record's own case, for rules counted from it.
 */
export function judge(
  rule: Rule,
  facts: PersonFacts,
  today: string,
  caseClosed: string | null = null,
): Verdict {
  const eventDate = eventOf(rule, facts, caseClosed);
  if (!eventDate) return { eventDate, dueOn: null, action: null, keptBecause: null };
  const dueOn = addYears(eventDate, rule.years);
  if (dueOn > today) {
    // An old case beside a recent one: listed as kept, so the manager sees why (12:1).
    const old = rule.subject === "person_record" && rule.afterEvent === "last_entry";
    const oldDue =
      old && facts.earliestCaseEntry ? addYears(facts.earliestCaseEntry, rule.years) : null;
    if (oldDue && oldDue <= today)
      return { eventDate, dueOn, action: "keep", keptBecause: "recent_entry" };
    return { eventDate, dueOn, action: null, keptBecause: null };
  }
  const kept = exceptionFor(rule, facts, today);
  return { eventDate, dueOn, action: kept ? "keep" : "remove", keptBecause: kept };
}
