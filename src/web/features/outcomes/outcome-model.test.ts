import { describe, expect, it } from "vitest";
import {
  draftOf,
  emptyOutcome,
  outcomeConflict,
  outcomeFieldError,
  outcomeInput,
  withChange,
} from "./outcome-model";

describe("the outcome in the close form", () => {
  it("asks for a choice first", () => {
    expect(outcomeInput(emptyOutcome)).toEqual({
      ok: false,
      fields: { outcome: "outcome.chooseGoal" },
    });
  });

  it("asks why when not assessed, and sends the reason only then", () => {
    const notAssessed = { ...emptyOutcome, goalReached: "not_assessed" as const };
    expect(outcomeInput(notAssessed)).toEqual({
      ok: false,
      fields: { "outcome.notAssessedReason": "outcome.reasonRequired" },
    });
    expect(outcomeInput({ ...notAssessed, notAssessedReason: " Flyttade. " })).toEqual({
      ok: true,
      body: { goalReached: "not_assessed", ownView: null, notAssessedReason: "Flyttade." },
    });
    expect(
      outcomeInput({ goalReached: "partly", ownView: " Tryggare. ", notAssessedReason: "kvar" }),
    ).toEqual({
      ok: true,
      body: { goalReached: "partly", ownView: "Tryggare.", notAssessedReason: null },
    });
  });

  it("gives each measure its change since the one before", () => {
    expect(withChange([{ total: 12 }, { total: 18 }, { total: 15 }])).toEqual([
      { total: 12, change: null },
      { total: 18, change: 6 },
      { total: 15, change: -3 },
    ]);
  });
});

describe("changing a recorded outcome", () => {
  it("starts from the outcome recorded now, or from nothing", () => {
    expect(draftOf(null)).toEqual(emptyOutcome);
    expect(
      draftOf({ goalReached: "not_assessed", ownView: null, notAssessedReason: "Flyttade." }),
    ).toEqual({ goalReached: "not_assessed", ownView: "", notAssessedReason: "Flyttade." });
  });

  it("finds the server's field message under the close form's name or its own", () => {
    const errors: Record<string, string> = { goalReached: "Välj.", outcome: "Saknas." };
    const fieldError = (name: string) => errors[name];
    expect(outcomeFieldError(fieldError, "outcome.goalReached")).toBe("Välj.");
    expect(outcomeFieldError(fieldError, "outcome")).toBe("Saknas.");
    expect(outcomeFieldError(fieldError, "outcome.ownView")).toBeUndefined();
  });
});

describe("a refused outcome", () => {
  it("is told apart by the server's code, whatever its message says", () => {
    expect(outcomeConflict({ status: 409, code: "case_not_closed" })).toBe("reopened");
    expect(outcomeConflict({ status: 409, code: "stale_version" })).toBe("changedMeanwhile");
  });

  it("is no conflict of the outcome when another code or status answers", () => {
    expect(outcomeConflict({ status: 409, code: "conflict" })).toBeNull();
    expect(outcomeConflict({ status: 400, code: "stale_version" })).toBeNull();
    expect(outcomeConflict({ status: 403, code: "forbidden" })).toBeNull();
  });
});
