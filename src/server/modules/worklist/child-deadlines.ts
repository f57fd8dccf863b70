import {
  childInvestigationDue,
  childInvestigationLastDay,
  preliminaryAssessmentDue,
  preliminaryAssessmentLastDay,
} from "../../../shared/deadlines.ts";
import { type Candidate, type Line, rowOf, type Scoped } from "./rows.ts";

/** Children's cases in scope in preliminary assessment or investigation, with their clocks' facts. */
export function childCases(db: Scoped) {
  return db
    .selectFrom("sc as c")
    .select((eb) => [
      "c.id",
      "c.reference",
      "c.case_type",
      "c.status",
      "c.opened_at",
      "c.person_id",
      "c.unit_id",
      eb
        .selectFrom("intake as i")
        .select((e) => e.fn.min("i.received_at").as("first"))
        .whereRef("i.case_id", "=", "c.id")
        .where("i.kind", "=", "report_of_concern")
        .as("first_report_at"),
      eb
        .selectFrom("case_status_change as h")
        .select((e) => e.fn.max("h.changed_at").as("last"))
        .whereRef("h.case_id", "=", "c.id")
        .where("h.to_status", "=", "investigation")
        .as("investigation_opened_at"),
      eb
        .selectFrom("investigation_extension as x")
        .select((e) => e.fn.max("x.extended_until").as("until"))
        .whereRef("x.case_id", "=", "c.id")
        .as("extended_until"),
    ])
    .where("c.case_type", "=", "child")
    .where("c.status", "in", ["preliminary_assessment", "investigation"]);
}

type ChildCaseRow = Line<ReturnType<typeof childCases>, "opened_at">;

/** A child's case's statutory clock: the preliminary assessment's, or the investigation's. */
export function childCaseCandidate(c: ChildCaseRow): Candidate {
  const base = rowOf(c);
  if (c.status === "preliminary_assessment") {
    const received = c.first_report_at ? new Date(c.first_report_at) : c.opened_at;
    return {
      ...base,
      kind: "preliminary_assessment",
      dueAt: preliminaryAssessmentDue(received),
      lastDay: preliminaryAssessmentLastDay(received),
    };
  }
  const opened = c.investigation_opened_at ? new Date(c.investigation_opened_at) : c.opened_at;
  // A decided extension is the deadline now (the manager's decision, with reasons).
  const extended = c.extended_until ? [String(c.extended_until)] : [];
  return {
    ...base,
    kind: "child_investigation",
    dueAt: childInvestigationDue(opened, extended),
    lastDay: childInvestigationLastDay(opened, extended),
  };
}
