import { describe, expect, it } from "vitest";
import { emptyOutcome, outcomeInput, withChange } from "./outcome-model";

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
