import { describe, expect, it } from "vitest";
import type { CoordinatedPlan, CoordinatedPlanChoices } from "./api";
import { agencyChoices, bodyOf, draftOf, freshKey } from "./plan-draft";

const health = "00000000-0000-4000-8000-000000000001";
const psychiatry = "00000000-0000-4000-8000-000000000002";
const plan: CoordinatedPlan = {
  id: "00000000-0000-4000-8000-000000000010",
  caseId: "00000000-0000-4000-8000-000000000011",
  openedOn: "2026-11-20",
  version: 4,
  agencies: [
    {
      agencyId: health,
      name: "Vårdcentralen",
      kind: "health_centre",
      consentId: "00000000-0000-4000-8000-000000000020",
      joinedOn: "2026-11-20",
      consentValid: true,
    },
  ],
  goals: ["Sova bättre"],
  participants: [],
  responsibilities: [
    { key: "r1", participantKey: "p1", what: "Remiss", dueOn: "2026-12-01", doneOn: null },
  ],
  meetings: [],
  coordinatorKey: null,
  followUpOn: null,
  followedUpOn: null,
  followUpFindings: "",
  updatedAt: "2026-11-20T10:00:00.000Z",
  updatedBy: "Handläggare",
};
const choices: CoordinatedPlanChoices = {
  consents: [
    {
      id: "00000000-0000-4000-8000-000000000030",
      agencyId: psychiatry,
      agencyName: "Psykiatrin",
      agencyKind: "psychiatry",
      information: "Allt",
      givenOn: "2026-11-01",
      expiresOn: null,
      valid: false,
    },
    {
      id: "00000000-0000-4000-8000-000000000031",
      agencyId: psychiatry,
      agencyName: "Psykiatrin",
      agencyKind: "psychiatry",
      information: "Allt",
      givenOn: "2026-11-15",
      expiresOn: null,
      valid: true,
    },
  ],
  contacts: [],
};

describe("the SIP's draft", () => {
  it("sends empty dates as null and the version it was read at", () => {
    const body = bodyOf(plan, draftOf(plan), choices);
    expect(body).toMatchObject({
      version: 4,
      coordinatorKey: null,
      followUpOn: null,
      newAgencies: [],
    });
    expect(body.responsibilities[0]?.doneOn).toBeNull();
  });

  it("joins a new agency on her valid consent to it, never on a lapsed one", () => {
    const draft = draftOf(plan);
    draft.participants.push({
      key: "p1",
      kind: "agency",
      agencyId: psychiatry,
      contactId: null,
      userId: null,
      name: "Psykolog",
      role: "",
    });
    expect(bodyOf(plan, draft, choices).newAgencies).toEqual([
      { agencyId: psychiatry, consentId: "00000000-0000-4000-8000-000000000031" },
    ]);
    expect(agencyChoices(plan, choices).map((a) => a.id)).toEqual([health, psychiatry]);
  });

  it("finds a key no row has", () => {
    expect(freshKey("p", [{ key: "p1" }, { key: "p2" }])).toBe("p3");
    expect(freshKey("p", [{ key: "p2" }])).toBe("p3");
  });
});
