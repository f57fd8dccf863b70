import { describe, expect, it } from "vitest";
import {
  attendanceKinds,
  EndTreatmentBody,
  RecordSessionBody,
  RegisterTreatmentBody,
  referralSources,
  StartTreatmentBody,
  treatmentEndKinds,
  treatmentPhases,
} from "../../../shared/api/treatment";
import type { Treatment } from "../../api/endpoints";
import { en } from "../../i18n/en";
import { sv } from "../../i18n/sv";
import { emptyOutcome } from "../outcomes/outcome-model";
import {
  attendanceLabels,
  attendanceOptions,
  checkEnd,
  checkRegister,
  checkSession,
  checkStart,
  emptyRegisterDraft,
  endFields,
  endKindLabels,
  endKindOptions,
  phaseLabels,
  referralSourceLabels,
  referralSourceOptions,
  registerFields,
  sessionFields,
  startFields,
  treatmentForms,
} from "./treatment-model";

function treatment(phase: Treatment["phase"]): Treatment {
  return {
    referralSource: "social_services",
    referredOn: "2026-10-01",
    phase,
    startedOn: phase === "assessment" ? null : "2026-10-15",
    ended:
      phase === "ended"
        ? { on: "2026-11-20", kind: "completed", reason: "Klar.", by: "Lina Ek" }
        : null,
    sessions: [],
    partnerContact: { informedOn: null, refusal: null, partners: [] },
  };
}

describe("checkRegister", () => {
  it("asks for how he came and the date when nothing is filled in", () => {
    expect(checkRegister(emptyRegisterDraft)).toEqual({
      ok: false,
      fields: {
        referralSource: "treatment.errorReferralSource",
        referredOn: "treatment.errorReferredOn",
      },
    });
  });

  it("sends what the server takes", () => {
    const checked = checkRegister({ referralSource: "self", referredOn: "2026-11-02" });
    expect(checked).toEqual({
      ok: true,
      body: { referralSource: "self", referredOn: "2026-11-02" },
    });
    if (checked.ok) expect(RegisterTreatmentBody.safeParse(checked.body).success).toBe(true);
  });
});

describe("checkStart", () => {
  it("refuses what is not a date and sends a date", () => {
    expect(checkStart("")).toEqual({
      ok: false,
      fields: { startedOn: "treatment.errorStartedOn" },
    });
    const checked = checkStart("2026-11-10");
    expect(checked).toEqual({ ok: true, body: { startedOn: "2026-11-10" } });
    if (checked.ok) expect(StartTreatmentBody.safeParse(checked.body).success).toBe(true);
  });
});

describe("checkSession", () => {
  it("asks for the date and whether he came", () => {
    expect(checkSession({ heldOn: "x", attendance: "" })).toEqual({
      ok: false,
      fields: { heldOn: "treatment.errorHeldOn", attendance: "treatment.errorAttendance" },
    });
  });

  it("sends a no-show as the server takes it", () => {
    const checked = checkSession({ heldOn: "2026-11-18", attendance: "no_show" });
    expect(checked).toEqual({ ok: true, body: { heldOn: "2026-11-18", attendance: "no_show" } });
    if (checked.ok) expect(RecordSessionBody.safeParse(checked.body).success).toBe(true);
  });
});

describe("checkEnd", () => {
  const partly = { goalReached: "partly", ownView: "", notAssessedReason: "" } as const;

  it("asks for date, kind, a reason and the outcome, counting blanks as nothing written", () => {
    expect(checkEnd({ endedOn: "", kind: "", reason: "  \n" }, emptyOutcome)).toEqual({
      ok: false,
      fields: {
        endedOn: "treatment.errorEndedOn",
        kind: "treatment.errorEndKind",
        reason: "treatment.errorEndReason",
        outcome: "outcome.chooseGoal",
      },
    });
  });

  it("asks why the goal was not assessed, by that field", () => {
    const end = { endedOn: "2026-11-20", kind: "dropped_out", reason: "Slutade." } as const;
    const notAssessed = { ...emptyOutcome, goalReached: "not_assessed" } as const;
    expect(checkEnd(end, notAssessed)).toEqual({
      ok: false,
      fields: { "outcome.notAssessedReason": "outcome.reasonRequired" },
    });
  });

  it("sends the reason trimmed, with the outcome the case closes with", () => {
    const checked = checkEnd(
      { endedOn: "2026-11-20", kind: "dropped_out", reason: " Slutade. " },
      { ...partly, ownView: " Det hjälpte lite. " },
    );
    expect(checked).toEqual({
      ok: true,
      body: {
        endedOn: "2026-11-20",
        kind: "dropped_out",
        reason: "Slutade.",
        outcome: { goalReached: "partly", ownView: "Det hjälpte lite.", notAssessedReason: null },
      },
    });
    if (checked.ok) expect(EndTreatmentBody.safeParse(checked.body).success).toBe(true);
  });
});

describe("field names", () => {
  it("name every field of the server's bodies, so its messages show by the controls", () => {
    expect([...registerFields].sort()).toEqual(Object.keys(RegisterTreatmentBody.shape).sort());
    expect([...startFields]).toEqual(Object.keys(StartTreatmentBody.shape));
    expect([...sessionFields].sort()).toEqual(Object.keys(RecordSessionBody.shape).sort());
    expect([...endFields].sort()).toEqual(Object.keys(EndTreatmentBody.shape).sort());
  });
});

describe("labels", () => {
  it("offer every code the API has, each with words in both languages", () => {
    expect([...referralSourceOptions].sort()).toEqual([...referralSources].sort());
    expect([...attendanceOptions].sort()).toEqual([...attendanceKinds].sort());
    expect([...endKindOptions].sort()).toEqual([...treatmentEndKinds].sort());
    // Every code its own words: two codes never read the same, in either language.
    for (const keys of [
      referralSources.map((c) => referralSourceLabels[c]),
      attendanceKinds.map((c) => attendanceLabels[c]),
      treatmentEndKinds.map((c) => endKindLabels[c]),
      treatmentPhases.map((c) => phaseLabels[c]),
    ])
      for (const catalogue of [sv, en])
        expect(new Set(keys.map((k) => catalogue[k])).size).toBe(keys.length);
    expect(sv["treatment.phase.assessment"]).toBe("Bedömningsfas");
  });
});

describe("treatmentForms", () => {
  it("offers registration only before there is a treatment", () => {
    expect(treatmentForms(null, true)).toEqual({
      register: true,
      start: false,
      session: false,
      end: false,
    });
    expect(treatmentForms(null, false).register).toBe(false);
  });

  it("offers the start only in the assessment phase, sessions and the end until it ends", () => {
    expect(treatmentForms(treatment("assessment"), true)).toEqual({
      register: false,
      start: true,
      session: true,
      end: true,
    });
    expect(treatmentForms(treatment("treatment"), true)).toEqual({
      register: false,
      start: false,
      session: true,
      end: true,
    });
  });

  it("offers nothing once ended, or to someone who may not write", () => {
    const none = { register: false, start: false, session: false, end: false };
    expect(treatmentForms(treatment("ended"), true)).toEqual(none);
    expect(treatmentForms(treatment("treatment"), false)).toEqual(none);
  });
});
