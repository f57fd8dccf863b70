import { describe, expect, it } from "vitest";
import {
  type CriteriaInput,
  conferenceCriteria,
  countedLevel,
} from "./risk-conference-criteria.ts";

const order = ["low", "medium", "high", "very_high"];
const today = "2026-12-05";
const none: CriteriaInput = { today, assessment: null, incidentDates: [], lastConferenceOn: null };
const assessed = (suggestedLevel: string | null, judgedLevel: string | null) => ({
  ...none,
  assessment: {
    order,
    suggestedLevel,
    judgedLevel,
    assessedOn: "2026-11-20",
    instrumentName: "Farlighetsbedömning",
  },
});

describe("the risk conference's referral criteria", () => {
  it("meets none without an assessment, incidents or an earlier conference", () => {
    const c = conferenceCriteria(none);
    expect(c.met).toBe(false);
    expect(c.highRisk.met).toBe(false);
    expect(c.highRisk.reason).toContain("ingen slutförd riskbedömning");
    expect(c.escalation).toMatchObject({ met: false, incidents: 0 });
    expect(c.repeat.flagged).toBe(false);
  });

  it("meets high risk at high or very high, not at medium", () => {
    expect(conferenceCriteria(assessed("high", "high")).highRisk.met).toBe(true);
    expect(conferenceCriteria(assessed("very_high", "very_high")).met).toBe(true);
    expect(conferenceCriteria(assessed("medium", "medium")).highRisk.met).toBe(false);
  });

  it("is raised by the professional's judgement", () => {
    const c = conferenceCriteria(assessed("medium", "high"));
    expect(c.highRisk).toMatchObject({ met: true, level: "high", raisedByJudgement: true });
    expect(c.highRisk.reason).toContain("höjde");
  });

  it("is never lowered by the professional's judgement", () => {
    const c = conferenceCriteria(assessed("high", "medium"));
    expect(c.highRisk).toMatchObject({ met: true, level: "high", raisedByJudgement: false });
    expect(c.highRisk.reason).toContain("sänker den inte");
    expect(countedLevel({ order, suggestedLevel: "very_high", judgedLevel: "low" })).toBe(
      "very_high",
    );
  });

  it("counts a judgement alone when the instrument suggests nothing", () => {
    expect(conferenceCriteria(assessed(null, "very_high")).highRisk.met).toBe(true);
    expect(conferenceCriteria(assessed(null, null)).highRisk.level).toBeNull();
  });

  it("escalates at 3 police-reported incidents in 12 months, not at 2", () => {
    const two = conferenceCriteria({ ...none, incidentDates: ["2026-03-01", "2026-11-01"] });
    expect(two.escalation).toMatchObject({ met: false, incidents: 2 });
    expect(two.met).toBe(false);
    const three = conferenceCriteria({
      ...none,
      incidentDates: ["2026-03-01", "2026-11-01", "2026-12-05"],
    });
    expect(three.escalation).toMatchObject({ met: true, incidents: 3 });
    expect(three.met).toBe(true);
  });

  it("counts an incident 11 months back and not one 13 months back", () => {
    const c = conferenceCriteria({
      ...none,
      incidentDates: ["2026-01-05", "2025-11-05", "2026-06-01", "2026-10-01"],
    });
    expect(c.escalation.incidents).toBe(3);
    const older = conferenceCriteria({
      ...none,
      incidentDates: ["2025-11-05", "2026-06-01", "2026-10-01"],
    });
    expect(older.escalation.met).toBe(false);
  });

  it("flags a repeat within 12 months of the last conference, not after", () => {
    const within = conferenceCriteria({ ...none, lastConferenceOn: "2026-01-05" });
    expect(within.repeat.flagged).toBe(true);
    expect(within.repeat.reason).toContain("2026-01-05");
    expect(within.met).toBe(false);
    const after = conferenceCriteria({ ...none, lastConferenceOn: "2025-11-05" });
    expect(after.repeat.flagged).toBe(false);
  });
});
