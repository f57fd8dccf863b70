import { describe, expect, it } from "vitest";
import { RecordDecisionBody } from "../../../shared/api/decisions";
import { RecordFollowUpBody, SavePlanBody } from "../../../shared/api/plans";
import type { DecisionView, PlanView } from "../../api/endpoints";
import { decisionOutcomeLabel, followUpOutcomeLabels, interventionLabel } from "../../i18n/labels";
import type { PlainMessageKey } from "../../i18n/messages";
import { sv } from "../../i18n/sv";
import {
  checkDecisionDraft,
  checkFollowUp,
  checkPlan,
  decisionsNeedingPlan,
  emptyDecisionDraft,
  emptyFollowUpDraft,
  isDayPast,
  isInterventionKind,
  legalReferenceParts,
  needsPlan,
  withDecision,
} from "./decisions-model";

const t = (key: PlainMessageKey) => sv[key];
const caseId = "7a2b3c4d-5e6f-4a1b-8c9d-0e1f2a3b4c5d";
const id = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;

const decision = (
  n: number,
  outcome: DecisionView["outcome"],
  decidedAt: string,
  interventionKind: DecisionView["interventionKind"] = "sheltered_housing",
): DecisionView => ({
  id: id(n),
  caseId,
  interventionKind,
  interventionName: "Skyddat boende",
  legalReference: "SoL (2025:400) 9 kap. 6 §",
  oldLegalReference: "SoL (2001:453) 6 kap.",
  outcome,
  periodFrom: null,
  periodTo: null,
  reasoning: "Akut skyddsbehov.",
  appealInfo: outcome === "granted" ? null : "Överklaga till förvaltningsrätten inom tre veckor.",
  decidedBy: "Lina Ek",
  decidedAt,
  childPlacement: null,
  letterDelivery: { method: "post", reason: null, warning: null },
});

const plan = (decisionId: string): PlanView => ({
  id: id(9),
  caseId,
  decisionId,
  interventionName: "Skyddat boende",
  goals: "Trygghet.",
  activities: "Boende.",
  startDate: "2026-11-22",
  version: 1,
  nextFollowUpDate: "2026-12-22",
  followUps: [],
});

describe("names and outcomes in Swedish", () => {
  it("names every intervention and outcome", () => {
    expect(interventionLabel("sheltered_housing", "x", t)).toBe("Skyddat boende");
    expect(interventionLabel("financial_aid", "x", t)).toBe("Ekonomiskt bistånd");
    expect(interventionLabel("protected_data_help", "x", t)).toBe(
      "Hjälp med skyddade personuppgifter",
    );
    // A kind added to the catalogue later keeps the server's name.
    expect(interventionLabel("teleport", "Teleportering", t)).toBe("Teleportering");
    expect(decisionOutcomeLabel("granted", t)).toBe("Beviljas");
    expect(decisionOutcomeLabel("partly_granted", t)).toBe("Beviljas delvis");
    expect(decisionOutcomeLabel("denied", t)).toBe("Avslås");
    expect(t(followUpOutcomeLabels.goal_reached)).toBe("Målet uppnått");
    expect(t(followUpOutcomeLabels.partly_reached)).toBe("Delvis uppnått");
    expect(t(followUpOutcomeLabels.not_reached)).toBe("Inte uppnått");
  });

  it("tells catalogue kinds from other values", () => {
    expect(isInterventionKind("trauma_talks")).toBe(true);
    expect(isInterventionKind("")).toBe(false);
    expect(isInterventionKind("toString")).toBe(false);
  });
});

describe("legal references", () => {
  it("are split into the law and the place in it", () => {
    expect(legalReferenceParts("SoL (2025:400) 12 kap. 1 §")).toEqual([
      "SoL (2025:400)",
      "12 kap. 1 §",
    ]);
    expect(legalReferenceParts("SoL (2001:453) 6 kap.")).toEqual(["SoL (2001:453)", "6 kap."]);
    expect(legalReferenceParts("Annan lag")).toEqual(["Annan lag"]);
  });
});

describe("which decisions need a plan", () => {
  it("offers a plan for granted and partly granted decisions without one, oldest first", () => {
    expect(["granted", "partly_granted", "denied"].map((o) => needsPlan(o as never))).toEqual([
      true,
      true,
      false,
    ]);
    const decisions = [
      decision(4, "partly_granted", "2026-11-22T12:00:00Z", "support_talks"),
      decision(3, "denied", "2026-11-22T11:00:00Z", "financial_aid"),
      decision(2, "granted", "2026-11-22T10:00:00Z"),
      decision(1, "granted", "2026-11-21T10:00:00Z"),
    ];
    expect(decisionsNeedingPlan(decisions, [plan(id(1))]).map((d) => d.id)).toEqual([id(2), id(4)]);
    expect(decisionsNeedingPlan([], [])).toEqual([]);
  });

  it("adds a new decision first, as the server lists them", () => {
    const older = decision(1, "granted", "2026-11-21T10:00:00Z");
    const newer = decision(2, "denied", "2026-11-22T10:00:00Z");
    expect(withDecision([older], newer).map((d) => d.id)).toEqual([id(2), id(1)]);
    expect(withDecision([newer, older], newer)).toHaveLength(2);
  });

  it("tells a follow-up day that has passed", () => {
    expect(isDayPast("2026-11-21", "2026-11-22")).toBe(true);
    expect(isDayPast("2026-11-22", "2026-11-22")).toBe(false);
    expect(isDayPast("", "2026-11-22")).toBe(false);
  });
});

describe("the decision form", () => {
  it("asks for an intervention, an outcome and reasons", () => {
    expect(checkDecisionDraft(emptyDecisionDraft)).toEqual({
      ok: false,
      fields: {
        interventionKind: "decisions.chooseIntervention",
        outcome: "decisions.chooseOutcome",
        reasoning: "decisions.errorReasoning",
      },
    });
  });

  it("refuses a period that ends before it starts", () => {
    const checked = checkDecisionDraft({
      interventionKind: "support_talks",
      outcome: "granted",
      periodFrom: "2026-12-01",
      periodTo: "2026-11-01",
      reasoning: "x",
    });
    expect(checked).toEqual({ ok: false, fields: { periodTo: "decisions.errorPeriod" } });
  });

  it("sends what the server accepts, an empty period as null", () => {
    const checked = checkDecisionDraft({
      interventionKind: "financial_aid",
      outcome: "denied",
      periodFrom: "",
      periodTo: "",
      reasoning: " Inkomsten överstiger normen. ",
    });
    expect(checked).toEqual({
      ok: true,
      body: {
        interventionKind: "financial_aid",
        outcome: "denied",
        periodFrom: null,
        periodTo: null,
        reasoning: "Inkomsten överstiger normen.",
      },
    });
    if (checked.ok) expect(RecordDecisionBody.safeParse(checked.body).success).toBe(true);
  });
});

describe("the plan form", () => {
  it("asks for goals, activities and both dates, the follow-up not before the start", () => {
    expect(checkPlan({ goals: "", activities: " ", startDate: "", followUpDate: "" })).toEqual({
      ok: false,
      fields: {
        goals: "plans.errorGoals",
        activities: "plans.errorActivities",
        startDate: "plans.errorDate",
        followUpDate: "plans.errorDate",
      },
    });
    expect(
      checkPlan({
        goals: "a",
        activities: "b",
        startDate: "2026-12-01",
        followUpDate: "2026-11-01",
      }),
    ).toEqual({ ok: false, fields: { followUpDate: "plans.errorFollowUpBeforeStart" } });
  });

  it("sends what the server accepts", () => {
    const checked = checkPlan({
      goals: " Känna sig trygg. ",
      activities: "Stödsamtal varannan vecka med Lina Ek.",
      startDate: "2026-11-22",
      followUpDate: "2026-12-22",
    });
    expect(checked).toMatchObject({ ok: true, body: { goals: "Känna sig trygg." } });
    if (checked.ok) expect(SavePlanBody.safeParse(checked.body).success).toBe(true);
  });
});

describe("the follow-up form", () => {
  it("asks for an outcome and notes", () => {
    expect(checkFollowUp(emptyFollowUpDraft)).toEqual({
      ok: false,
      fields: { outcome: "plans.chooseOutcome", notes: "plans.errorNotes" },
    });
  });

  it("sends no next date as null", () => {
    const checked = checkFollowUp({
      outcome: "partly_reached",
      notes: " Tryggare. ",
      nextFollowUpDate: "",
    });
    expect(checked).toEqual({
      ok: true,
      body: { outcome: "partly_reached", notes: "Tryggare.", nextFollowUpDate: null },
    });
    if (checked.ok) expect(RecordFollowUpBody.safeParse(checked.body).success).toBe(true);
  });
});
