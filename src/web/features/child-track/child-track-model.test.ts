import { describe, expect, it } from "vitest";
import {
  ExtensionBody,
  PreliminaryDecisionBody,
  ProtectionAssessmentBody,
} from "../../../shared/api/child-track";
import type { WorklistItem } from "../../api/endpoints";
import {
  checkAssessment,
  checkDecision,
  checkExtension,
  groupWorklist,
  isPast,
} from "./child-track-model";

const intakeId = "6f1c1c7e-2a4b-4c4e-9d7a-0b1c2d3e4f50";
const caseId = "7a2b3c4d-5e6f-4a1b-8c9d-0e1f2a3b4c5d";

const item = (
  kind: WorklistItem["kind"],
  status: WorklistItem["status"],
  dueDate: string,
): WorklistItem => ({
  kind,
  caseId,
  reference: "BU-2026-0001",
  personName: "Ilias Sjövik",
  subject: null,
  due: `${dueDate}T22:59:59.999Z`,
  dueDate,
  status,
  responsible: [],
  lastDay: null,
});

describe("Att göra", () => {
  it("splits overdue from due within 7 days and keeps the order by due", () => {
    const items = [
      item("protection_assessment", "overdue", "2026-11-20"),
      item("unsigned_draft", "overdue", "2026-11-21"),
      item("preliminary_assessment", "due_soon", "2026-11-24"),
      item("child_investigation", "due_soon", "2026-11-27"),
    ];
    const groups = groupWorklist(items);
    expect(groups.overdue.map((i) => i.kind)).toEqual(["protection_assessment", "unsigned_draft"]);
    expect(groups.dueSoon.map((i) => i.dueDate)).toEqual(["2026-11-24", "2026-11-27"]);
  });

  it("has empty groups for an empty list", () => {
    expect(groupWorklist([])).toEqual({ overdue: [], dueSoon: [] });
  });

  it("tells a passed deadline from one still ahead", () => {
    const now = new Date("2026-11-22T12:00:00Z");
    expect(isPast("2026-11-21T22:59:59Z", now)).toBe(true);
    expect(isPast("2026-11-22T22:59:59Z", now)).toBe(false);
    expect(isPast("not a date", now)).toBe(false);
  });
});

describe("the protection assessment form", () => {
  it("asks for an answer and an assessment", () => {
    expect(checkAssessment(intakeId, { needsImmediateProtection: "", reasoning: " " })).toEqual({
      ok: false,
      fields: { needsImmediateProtection: "child.errorYesNo", reasoning: "child.errorAssessment" },
    });
  });

  it("sends what the server accepts", () => {
    const checked = checkAssessment(intakeId, {
      needsImmediateProtection: "no",
      reasoning: " Barnet bor hos mormor. ",
    });
    expect(checked).toEqual({
      ok: true,
      body: { intakeId, needsImmediateProtection: false, reasoning: "Barnet bor hos mormor." },
    });
    if (checked.ok) expect(ProtectionAssessmentBody.safeParse(checked.body).success).toBe(true);
  });
});

describe("the preliminary decision form", () => {
  it("asks for a decision and reasons", () => {
    expect(checkDecision({ decision: "", reasoning: "" })).toEqual({
      ok: false,
      fields: { openInvestigation: "child.errorDecision", reasoning: "child.errorReasoning" },
    });
    expect(checkDecision({ decision: "open", reasoning: "" })).toEqual({
      ok: false,
      fields: { reasoning: "child.errorReasoning" },
    });
  });

  it("sends the decision as a boolean", () => {
    const open = checkDecision({ decision: "open", reasoning: "Oro kvarstår." });
    expect(open).toEqual({
      ok: true,
      body: { openInvestigation: true, reasoning: "Oro kvarstår." },
    });
    if (open.ok) expect(PreliminaryDecisionBody.safeParse(open.body).success).toBe(true);
    expect(checkDecision({ decision: "not_open", reasoning: "Inget stöd behövs." })).toMatchObject({
      ok: true,
      body: { openInvestigation: false },
    });
  });
});

describe("the extension form", () => {
  it("asks for a date and a reason of at least 10 characters", () => {
    expect(checkExtension({ extendedUntil: "", reason: "för kort" })).toEqual({
      ok: false,
      fields: { extendedUntil: "child.errorDate", reason: "child.errorExtendReason" },
    });
    expect(checkExtension({ extendedUntil: "2027-04-30", reason: "  123456789  " })).toEqual({
      ok: false,
      fields: { reason: "child.errorExtendReason" },
    });
  });

  it("sends the day as it was chosen", () => {
    const checked = checkExtension({
      extendedUntil: "2027-04-30",
      reason: " Väntar på BBIC-underlag från skolan. ",
    });
    expect(checked).toEqual({
      ok: true,
      body: { extendedUntil: "2027-04-30", reason: "Väntar på BBIC-underlag från skolan." },
    });
    if (checked.ok) expect(ExtensionBody.safeParse(checked.body).success).toBe(true);
  });
});
