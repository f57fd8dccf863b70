import { describe, expect, it } from "vitest";
import type { RestrainingOrder } from "../../api/endpoints";
import { asksForRenewal, given, orderChange } from "./police-collaboration-model";

const order: RestrainingOrder = {
  id: "00000000-0000-4000-8000-000000000001",
  kind: "contact",
  status: "granted",
  protectedPersonId: "00000000-0000-4000-8000-000000000002",
  protectedPersonName: "Sara Berg",
  againstRelationId: "00000000-0000-4000-8000-000000000003",
  againstName: "Johan Lind",
  appliedOn: null,
  validFrom: "2026-06-01",
  validUntil: "2026-12-10",
  endedOn: null,
  reference: "AM-1-26",
  decidedBy: null,
  policeAssessmentId: null,
  renewalConsideredOn: null,
  note: "",
  version: 3,
};

describe("the police panel's rules", () => {
  it("sends a change of an order as the whole record at its version, the relation not its name", () => {
    const change = orderChange(order, { renewalConsideredOn: "2026-12-01" });
    expect(change).toMatchObject({ renewalConsideredOn: "2026-12-01", version: 3 });
    expect(change.againstName).toBeNull();
    expect(orderChange({ ...order, againstRelationId: null }, {}).againstName).toBe("Johan Lind");
  });

  it("asks for a renewal only of a granted order not yet considered", () => {
    expect(asksForRenewal(order)).toBe(true);
    expect(asksForRenewal({ ...order, renewalConsideredOn: "2026-12-01" })).toBe(false);
    expect(asksForRenewal({ ...order, status: "ended_early" })).toBe(false);
  });

  it("treats a blank text as not given", () => {
    expect(given("  ")).toBeNull();
    expect(given(" AM-1 ")).toBe("AM-1");
  });
});
