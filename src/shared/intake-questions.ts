import type { intakeKinds, intakeSources } from "./api/intake.ts";

type IntakeKind = (typeof intakeKinds)[number];
type IntakeSource = (typeof intakeSources)[number];

/** Which of the intake's questions fit a matter: who reported it, and what kind it is. */
export interface IntakeQuestions {
  /** "Har personen fått frågan om våld?" and what the person answered. */
  askedAboutViolence: boolean;
  /** The reporter's organisation and contact person (name, phone, e-mail). */
  reporter: boolean;
}

/**
 * The one rule for which questions an intake asks; the server refuses an answer to a
 * question that does not fit, and the form shows only the fitting ones.
 *
 * - A report of concern is about a child (it opens a child's case): the child is not asked
 *   about violence at intake — talking with the child belongs to the assessment and the
 *   investigation. Everything else is the adult's own matter, and the worker asks
 *   (HSLF-FS 2022:39).
 * - A reporter is someone other than the person: a person's own contact has none to record,
 *   and an anonymous report has none by definition.
 */
export function intakeQuestions(kind: IntakeKind, source: IntakeSource | ""): IntakeQuestions {
  return {
    askedAboutViolence: kind !== "report_of_concern",
    reporter: source !== "" && source !== "the_person" && source !== "anonymous",
  };
}
