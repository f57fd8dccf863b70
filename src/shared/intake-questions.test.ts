import { describe, expect, it } from "vitest";
import { intakeKinds, intakeSources } from "./api/intake.ts";
import { intakeQuestions } from "./intake-questions.ts";

describe("intakeQuestions", () => {
  it("does not ask a child about violence on a report of concern, whoever reported it", () => {
    for (const source of intakeSources)
      expect(intakeQuestions("report_of_concern", source).askedAboutViolence).toBe(false);
  });

  it("asks about violence on a person's own application and a request for information", () => {
    expect(intakeQuestions("application", "the_person").askedAboutViolence).toBe(true);
    expect(intakeQuestions("request_for_information", "the_person").askedAboutViolence).toBe(true);
  });

  it("asks for a reporter only when someone else, known, reported", () => {
    const withReporter = intakeSources.filter(
      (source) => intakeQuestions("report_of_concern", source).reporter,
    );
    expect(withReporter).toEqual([
      "police",
      "health_care",
      "school",
      "other_authority",
      "ngo",
      "other",
    ]);
    for (const kind of intakeKinds) {
      expect(intakeQuestions(kind, "the_person").reporter).toBe(false);
      expect(intakeQuestions(kind, "anonymous").reporter).toBe(false);
      expect(intakeQuestions(kind, "").reporter).toBe(false);
    }
  });
});
