import { describe, expect, it } from "vitest";
import { crossFieldMessages } from "../validation-messages.ts";
import { RecordDecisionBody } from "./decisions.ts";
import { OfferSupportBody, RecordAttemptBody } from "./partner-contact.ts";
import { SavePlanBody } from "./plans.ts";
import { AddPartnerBody, PartnerRefusalBody } from "./treatment.ts";

/** The issues of a refused body as the server answers them: field path → message. */
function issues(result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) {
  return Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));
}

const plan = { goals: "Mål", activities: "Samtal", basedOnVersion: null };
const decision = { interventionKind: "support_talks", outcome: "granted", reasoning: "Behov." };
const refusal = { continueTreatment: false, reasoning: "Motivering." };

describe("rules between fields live in the shared schemas (the server answers their 400)", () => {
  it("a plan's follow-up may not lie before its start", () => {
    const before = SavePlanBody.safeParse({
      ...plan,
      startDate: "2026-12-01",
      followUpDate: "2026-11-01",
    });
    expect(issues(before)).toEqual({ followUpDate: crossFieldMessages.followUpBeforeStart });
    expect(
      SavePlanBody.safeParse({ ...plan, startDate: "2026-12-01", followUpDate: "2026-12-01" })
        .success,
    ).toBe(true);
  });

  it("is told beside the other fields' problems", () => {
    const both = SavePlanBody.safeParse({
      ...plan,
      goals: "",
      startDate: "2026-12-01",
      followUpDate: "2026-11-01",
    });
    expect(Object.keys(issues(both)).sort()).toEqual(["followUpDate", "goals"]);
  });

  it("a decision's period may not end before it starts; an open period is fine", () => {
    const backwards = RecordDecisionBody.safeParse({
      ...decision,
      periodFrom: "2026-12-01",
      periodTo: "2026-11-01",
    });
    expect(issues(backwards)).toEqual({ periodTo: crossFieldMessages.periodEndBeforeStart });
    expect(RecordDecisionBody.safeParse({ ...decision, periodFrom: "2026-12-01" }).success).toBe(
      true,
    );
  });

  it("the team decides after he said no to partner contact", () => {
    const early = PartnerRefusalBody.safeParse({
      ...refusal,
      refusedOn: "2026-10-05",
      teamDecidedOn: "2026-10-04",
    });
    expect(issues(early)).toEqual({ teamDecidedOn: crossFieldMessages.teamDecisionBeforeRefusal });
  });

  it("a call is not 'sent', and a referral says where to", () => {
    const call = RecordAttemptBody.safeParse({
      method: "phone",
      attemptedOn: "2026-10-05",
      outcome: "sent",
    });
    expect(issues(call)).toEqual({ outcome: crossFieldMessages.phoneNotSent });
    const referral = OfferSupportBody.safeParse({
      kind: "referral",
      note: "  ",
      offeredOn: "2026-10-05",
    });
    expect(issues(referral)).toEqual({ note: crossFieldMessages.referralNeedsWhere });
    expect(OfferSupportBody.safeParse({ kind: "in_house", offeredOn: "2026-10-05" }).success).toBe(
      true,
    );
  });

  it("a partner is added with his consent or an exception, and with consent she can be reached", () => {
    const neither = AddPartnerBody.safeParse({ relationship: "current" });
    expect(issues(neither)).toStrictEqual({ consent: crossFieldMessages.consentOrException });
    const noWay = AddPartnerBody.safeParse({
      relationship: "current",
      consent: { form: "oral", givenOn: "2026-10-05" },
      partner: { givenName: "Sara", familyName: "P", phone: null },
    });
    expect(issues(noWay)).toStrictEqual({ "partner.phone": crossFieldMessages.partnerNeedsReach });
    const reachable = { givenName: "Sara", familyName: "P", email: "sara@exempel.se" };
    expect(
      AddPartnerBody.safeParse({
        relationship: "current",
        consent: { form: "oral", givenOn: "2026-10-05" },
        partner: reachable,
      }).success,
    ).toBe(true);
  });

  it("a strongly controlling pattern needs the team's decision", () => {
    const exception = { kind: "controlling_pattern", reason: "Mönster." };
    const noTeam = AddPartnerBody.safeParse({ relationship: "former", exception });
    expect(issues(noTeam)).toStrictEqual({
      "exception.teamDecidedOn": crossFieldMessages.controllingNeedsTeamDecision,
    });
    const decided = { ...exception, teamDecidedOn: "2026-10-05" };
    expect(AddPartnerBody.safeParse({ relationship: "former", exception: decided }).success).toBe(
      true,
    );
  });

  it("names the rule on the issue, for the web to word it in the reader's language", () => {
    const call = RecordAttemptBody.safeParse({
      method: "phone",
      attemptedOn: "2026-10-05",
      outcome: "sent",
    });
    const issue = call.error?.issues[0];
    expect(issue?.code === "custom" && issue.params).toEqual({ rule: "phoneNotSent" });
  });
});
