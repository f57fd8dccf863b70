import { describe, expect, it } from "vitest";
import { RecordDecisionBody } from "../../../shared/api/decisions";
import type { PlacementView } from "../../api/endpoints";
import {
  checkCourtRuling,
  checkDecisionDraft,
  checkPlacementReview,
  checkRevokeConsent,
  type DecisionDraft,
  emptyPlacementDraft,
  isTaskOverdue,
  needsPlacement,
  placementForms,
} from "./decisions-model";

const shelter: DecisionDraft = {
  interventionKind: "sheltered_housing",
  outcome: "granted",
  periodFrom: "",
  periodTo: "",
  reasoning: "Följer med mamma.",
  placement: emptyPlacementDraft,
};
const consent = (custodianName: string) =>
  ({ custodianName, form: "written", givenOn: "2026-11-20" }) as const;

describe("a child's placement in the decision form", () => {
  it("is asked for a child's sheltered housing unless denied", () => {
    expect(needsPlacement("child", shelter)).toBe(true);
    expect(needsPlacement("child", { ...shelter, outcome: "denied" })).toBe(false);
    expect(needsPlacement("adult_victim", shelter)).toBe(false);
    expect(needsPlacement("child", { ...shelter, interventionKind: "support_talks" })).toBe(false);
    // An adult's decision sends no placement at all.
    const adult = checkDecisionDraft(shelter, "adult_victim");
    expect(adult.ok && "childPlacement" in adult.body).toBe(false);
  });

  it("asks for the basis, and for what is missing in a consent row begun", () => {
    expect(checkDecisionDraft(shelter, "child")).toEqual({
      ok: false,
      fields: { "childPlacement.basis": "placement.chooseBasis" },
    });
    const begun = checkDecisionDraft(
      {
        ...shelter,
        placement: {
          ...emptyPlacementDraft,
          basis: "custodians_consent",
          consents: [
            { custodianName: "Amra", form: "", givenOn: "" },
            emptyPlacementDraft.consents[1],
          ],
        },
      },
      "child",
    );
    expect(begun).toEqual({
      ok: false,
      fields: {
        "childPlacement.consents.0.form": "placement.errorForm",
        "childPlacement.consents.0.givenOn": "placement.errorDate",
      },
    });
    // A row begun below an empty one is named by its own row on the form.
    const second = checkDecisionDraft(
      {
        ...shelter,
        placement: {
          ...emptyPlacementDraft,
          basis: "custodians_consent",
          consents: [
            emptyPlacementDraft.consents[0],
            { custodianName: "", form: "oral", givenOn: "" },
          ],
        },
      },
      "child",
    );
    expect(second).toEqual({
      ok: false,
      fields: {
        "childPlacement.consents.1.custodianName": "placement.errorName",
        "childPlacement.consents.1.givenOn": "placement.errorDate",
      },
    });
  });

  it("sends only what the basis offers: one optional consent and 'immediate' under lag (2024:79)", () => {
    const court = checkDecisionDraft(
      {
        ...shelter,
        placement: {
          basis: "court_2024_79",
          consents: [consent("Amra"), consent("Fredrik")],
          soleCustody: true,
          immediate: true,
          locationWithheld: true,
        },
      },
      "child",
    );
    expect(court.ok && court.body.childPlacement).toEqual({
      basis: "court_2024_79",
      consents: [consent("Amra")],
      soleCustody: false,
      immediate: true,
      locationWithheld: true,
    });
    if (court.ok) expect(RecordDecisionBody.safeParse(court.body).success).toBe(true);
    const both = checkDecisionDraft(
      {
        ...shelter,
        placement: {
          basis: "custodians_consent",
          consents: [consent("Amra"), consent("Fredrik")],
          soleCustody: false,
          immediate: true,
          locationWithheld: false,
        },
      },
      "child",
    );
    expect(both.ok && both.body.childPlacement).toMatchObject({
      consents: [consent("Amra"), consent("Fredrik")],
      immediate: false,
    });
  });
});

describe("the placement's forms", () => {
  const placement: PlacementView = {
    basis: "court_2024_79",
    consents: [],
    soleCustody: false,
    immediate: true,
    locationWithheld: false,
    courtSubmittedOn: null,
    courtSubmissionDue: "2026-11-29",
    courtSubmissionLastDay: { counted: "2026-11-29", last: "2026-11-30", movedBecause: "sunday" },
    courtRuledOn: null,
    courtOutcome: null,
    courtRulingDue: null,
    reviews: [],
    nextReviewDue: "2027-05-22",
    nextReviewLastDay: { counted: "2027-05-22", last: "2027-05-24", movedBecause: "saturday" },
    courtRulingLastDay: null,
    endedOn: null,
    consentRevoked: false,
    inForce: true,
  };

  it("offers the court's steps in order under lag (2024:79), and nothing once ended or closed", () => {
    expect(placementForms(placement, true)).toEqual({
      submission: true,
      ruling: false,
      review: true,
      revoke: false,
    });
    const submitted = { ...placement, courtSubmittedOn: "2026-11-22" };
    expect(placementForms(submitted, true)).toEqual({
      submission: false,
      ruling: true,
      review: true,
      revoke: false,
    });
    const ruled = { ...submitted, courtRuledOn: "2026-11-25", courtOutcome: "approved" as const };
    expect(placementForms(ruled, true)).toEqual({
      submission: false,
      ruling: false,
      review: true,
      revoke: false,
    });
    expect(placementForms({ ...placement, basis: "custodians_consent" }, true)).toEqual({
      submission: false,
      ruling: false,
      review: true,
      revoke: false,
    });
    expect(placementForms({ ...ruled, endedOn: "2026-12-01" }, true)).toEqual({
      submission: false,
      ruling: false,
      review: false,
      revoke: false,
    });
    expect(placementForms(placement, false)).toEqual({
      submission: false,
      ruling: false,
      review: false,
      revoke: false,
    });
  });

  it("offers to record a withdrawn consent only on an open consent placement with a standing consent", () => {
    const consent = {
      id: "00000000-0000-4000-8000-000000000001",
      custodianName: "Bo",
      form: "written" as const,
      givenOn: "2026-11-01",
      revokedOn: null,
      revokedReason: null,
    };
    const byConsent = { ...placement, basis: "custodians_consent" as const, consents: [consent] };
    expect(placementForms(byConsent, true).revoke).toBe(true);
    expect(placementForms({ ...byConsent, endedOn: "2026-12-01" }, true).revoke).toBe(false);
    const revoked = { ...consent, revokedOn: "2026-11-20", revokedReason: "Drog tillbaka." };
    expect(placementForms({ ...byConsent, consents: [revoked] }, true).revoke).toBe(false);
    expect(checkRevokeConsent({ consentId: "", revokedOn: "2026-11-20", reason: " " })).toEqual({
      ok: false,
      fields: { consentId: "placement.chooseConsent", reason: "placement.errorRevokeReason" },
    });
    expect(
      checkRevokeConsent({ consentId: consent.id, revokedOn: "2026-11-20", reason: " Ringde. " }),
    ).toEqual({
      ok: true,
      body: { consentId: consent.id, body: { revokedOn: "2026-11-20", reason: "Ringde." } },
    });
  });

  it("checks a ruling and a review before sending", () => {
    expect(checkCourtRuling({ ruledOn: "2026-11-25", outcome: "" })).toEqual({
      ok: false,
      fields: { outcome: "placement.chooseCourtOutcome" },
    });
    expect(
      checkPlacementReview({ reviewedOn: "2026-11-25", continues: "no", notes: " Slut. " }),
    ).toEqual({
      ok: true,
      body: { reviewedOn: "2026-11-25", continues: false, notes: "Slut." },
    });
  });

  it("calls a task overdue only when its deadline has passed and it is not done", () => {
    const now = new Date("2026-11-22T12:00:00Z");
    expect(isTaskOverdue({ due: "2026-11-21T22:59:59Z", doneAt: null }, now)).toBe(true);
    expect(isTaskOverdue({ due: "2026-11-22T22:59:59Z", doneAt: null }, now)).toBe(false);
    expect(
      isTaskOverdue({ due: "2026-11-21T22:59:59Z", doneAt: "2026-11-21T10:00:00Z" }, now),
    ).toBe(false);
  });
});
