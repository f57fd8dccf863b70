import { describe, expect, it } from "vitest";
import type { CoordinatedPlanView } from "../../shared/api/coordinated-plans.ts";
import { pdfWords, unicodeNames } from "../testing/pdf.ts";
import { renderCoordinatedPlan } from "./coordinated-plan-pdf.ts";

/* The SIP on paper: what a protected person's plan may say to the other agencies. */
const plan: CoordinatedPlanView = {
  id: "00000000-0000-4000-8000-000000000001",
  caseId: "00000000-0000-4000-8000-000000000002",
  openedOn: "2026-11-20",
  version: 3,
  agencies: [
    {
      agencyId: "00000000-0000-4000-8000-000000000003",
      name: "Vårdcentralen Demo",
      kind: "health_centre",
      consentId: "00000000-0000-4000-8000-000000000004",
      joinedOn: "2026-11-20",
      consentValid: true,
    },
  ],
  goals: ["Jag vill känna mig trygg hemma."],
  participants: [
    {
      key: "her",
      kind: "person",
      agencyId: null,
      contactId: null,
      userId: null,
      name: "Sara Exempel",
      role: "",
    },
    {
      key: "vc",
      kind: "agency",
      agencyId: "00000000-0000-4000-8000-000000000003",
      contactId: null,
      userId: null,
      name: unicodeNames.arabic,
      role: "Läkare",
    },
  ],
  responsibilities: [
    {
      key: "r1",
      participantKey: "vc",
      what: "Uppföljande läkarbesök.",
      dueOn: "2026-12-10",
      doneOn: null,
    },
  ],
  meetings: [{ plannedOn: "2026-12-01", heldOn: "2026-12-01", notes: "Alla var med." }],
  coordinatorKey: "vc",
  followUpOn: "2027-02-01",
  followedUpOn: null,
  followUpFindings: "",
  updatedAt: "2026-12-01T10:00:00.000Z",
  updatedBy: "Handläggare Fiktiv",
};
const print = (protectionLevel: "none" | "protected_registration" | "fictitious_identity") =>
  renderCoordinatedPlan({
    organisation: "Demo kommun",
    unit: "Vuxenenheten",
    reference: "VUX-2026-0042",
    printedOn: "2026-12-05",
    person: { name: "Sara Exempel", protectionLevel },
    plan,
  }).then(pdfWords);

describe("the SIP's PDF", () => {
  it("names her, her goals and who does what, and prints names as written", async () => {
    const text = await print("none");
    expect(text).toContain("Samordnad individuell plan för Sara Exempel");
    expect(text).toContain("Jag vill känna mig trygg hemma.");
    expect(text).toContain("Uppföljande läkarbesök.");
    expect(text).toContain(`${unicodeNames.arabic}, Läkare, Vårdcentralen Demo – huvudansvarig`);
    expect(text).toContain("VUX-2026-0042");
    expect(text).not.toContain("Skyddad");
    // Handed to the other agencies, it is a disclosure and says so.
    expect(text).toContain("SEKRETESSPRÖVAD UPPGIFT — utlämnad med personens samtycke");
  });

  it("warns on protected registration, and names nobody under a police-decided identity", async () => {
    expect(await print("protected_registration")).toContain("Skyddad folkbokföring");
    const hidden = await print("fictitious_identity");
    expect(hidden).not.toContain("Sara Exempel");
    expect(hidden).not.toContain("VUX-2026-0042");
    expect(hidden).toContain("personen namnges inte");
    expect(hidden).toContain("Personen själv");
  });
});
