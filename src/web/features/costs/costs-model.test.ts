import { describe, expect, it } from "vitest";
import {
  checkInvoice,
  emptyInvoiceDraft,
  formatKronor,
  monthOf,
  monthPattern,
  parseKronor,
} from "./costs-model";

describe("the costs screens' rules", () => {
  it("reads an amount as a Swedish reader types it", () => {
    expect(parseKronor("14 505,50")).toBe(14505.5);
    expect(parseKronor("1450")).toBe(1450);
    expect(parseKronor("1450.5")).toBe(1450.5);
    expect(parseKronor("1450,555")).toBeNull();
    expect(parseKronor("-5")).toBeNull();
    expect(parseKronor("")).toBeNull();
  });

  it("checks an invoice before it is sent and leaves out what was not given", () => {
    expect(checkInvoice(emptyInvoiceDraft)).toEqual({
      ok: false,
      fields: {
        amount: "costs.errorAmount",
        periodFrom: "costs.errorPeriodFrom",
        periodTo: "costs.errorPeriodTo",
      },
    });
    expect(
      checkInvoice({
        ...emptyInvoiceDraft,
        periodFrom: "2026-02-01",
        periodTo: "2026-02-28",
        amount: "29 010,50",
      }),
    ).toEqual({
      ok: true,
      body: { periodFrom: "2026-02-01", periodTo: "2026-02-28", amount: 29010.5 },
    });
  });

  it("names months and kronor", () => {
    expect(monthOf(new Date(2026, 0, 31))).toBe("2026-01");
    expect(monthPattern.test("2026-13")).toBe(false);
    expect(formatKronor(29010.5, "en")).toBe("29,010.50 kr");
    expect(formatKronor(29010.5, "sv").replace(/\s/g, " ")).toBe("29 010,50 kr");
  });
});
