import { describe, expect, it } from "vitest";
import {
  type CostSegment,
  hasAtMostTwoDecimals,
  invoiceByMonth,
  kronorToOre,
  monthWindow,
  nightsByMonth,
  oreToKronor,
  stayCostByMonth,
  totalOre,
} from "./stay-costs.ts";

const segment = (over: Partial<CostSegment>): CostSegment => ({
  placeId: "A",
  fromOn: "2026-01-01",
  toOn: null,
  priceAdultOre: 100_000,
  priceChildOre: 50_000,
  ...over,
});

describe("nights of a stay", () => {
  it("counts from the first day to the day of leaving, which is not a night", () => {
    expect(nightsByMonth("2026-03-10", "2026-03-11")).toEqual([["2026-03", 1]]);
    expect(nightsByMonth("2026-03-10", "2026-03-10")).toEqual([]);
  });

  it("gives each night to the month of its date over a month boundary", () => {
    expect(nightsByMonth("2026-01-30", "2026-02-03")).toEqual([
      ["2026-01", 2],
      ["2026-02", 2],
    ]);
    expect(nightsByMonth("2026-12-31", "2027-01-01")).toEqual([["2026-12", 1]]);
  });

  it("counts the leap day 2028-02-29 as a night of February", () => {
    expect(nightsByMonth("2028-02-27", "2028-03-02")).toEqual([
      ["2028-02", 3],
      ["2028-03", 1],
    ]);
    expect(nightsByMonth("2027-02-27", "2027-03-02")).toEqual([
      ["2027-02", 2],
      ["2027-03", 1],
    ]);
  });

  it("spans whole months between", () => {
    expect(nightsByMonth("2026-01-15", "2026-04-02")).toEqual([
      ["2026-01", 17],
      ["2026-02", 28],
      ["2026-03", 31],
      ["2026-04", 1],
    ]);
  });
});

describe("the cost of a stay", () => {
  it("prices adult and children per night, split by month", () => {
    const lines = stayCostByMonth(
      { segments: [segment({ fromOn: "2026-01-30", toOn: "2026-02-03" })], adults: 1, children: 2 },
      "2026-06-01",
    );
    // 1 × 1000 kr + 2 × 500 kr = 2000 kr a night
    expect(lines).toEqual([
      {
        month: "2026-01",
        placeId: "A",
        nights: 2,
        adultNights: 2,
        childNights: 4,
        costOre: 400_000n,
      },
      {
        month: "2026-02",
        placeId: "A",
        nights: 2,
        adultNights: 2,
        childNights: 4,
        costOre: 400_000n,
      },
    ]);
  });

  it("prices the leap day like any other night", () => {
    const lines = stayCostByMonth(
      { segments: [segment({ fromOn: "2028-02-28", toOn: "2028-03-01" })], adults: 1, children: 1 },
      "2028-12-01",
    );
    expect(lines.map((l) => [l.month, l.nights, l.costOre])).toEqual([["2028-02", 2, 300_000n]]);
  });

  it("prices a move mid-month at the new place's price from the day of the move", () => {
    const lines = stayCostByMonth(
      {
        segments: [
          segment({ placeId: "A", fromOn: "2026-03-01", toOn: "2026-03-10" }),
          segment({
            placeId: "B",
            fromOn: "2026-03-10",
            toOn: null,
            priceAdultOre: 145_050,
            priceChildOre: 0,
          }),
        ],
        adults: 1,
        children: 2,
      },
      "2026-04-03",
    );
    expect(lines.map((l) => [l.month, l.placeId, l.nights, l.costOre])).toEqual([
      ["2026-03", "A", 9, 9n * 200_000n],
      ["2026-03", "B", 22, 22n * 145_050n],
      ["2026-04", "B", 2, 2n * 145_050n],
    ]);
    expect(totalOre(lines)).toBe(1_800_000n + 3_481_200n);
  });

  it("counts an ongoing stay to the report's window and a left stay to its day of leaving", () => {
    const stay = { segments: [segment({ fromOn: "2026-01-20" })], adults: 1, children: 0 };
    const feb = stayCostByMonth(stay, "2026-12-31", monthWindow("2026-02"));
    expect(feb.map((l) => [l.month, l.nights])).toEqual([["2026-02", 28]]);
    const left = stayCostByMonth({ ...stay, leftOn: "2026-02-05" }, "2026-12-31");
    expect(left.map((l) => [l.month, l.nights])).toEqual([
      ["2026-01", 12],
      ["2026-02", 4],
    ]);
    expect(stayCostByMonth(stay, "2026-01-20")).toEqual([]);
  });

  it("gives nights and no cost at a place that costs nothing", () => {
    const lines = stayCostByMonth(
      {
        segments: [
          segment({ fromOn: "2026-05-01", toOn: "2026-05-08", priceAdultOre: 0, priceChildOre: 0 }),
        ],
        adults: 1,
        children: 3,
      },
      "2026-06-01",
    );
    expect(lines).toEqual([
      { month: "2026-05", placeId: "A", nights: 7, adultNights: 7, childNights: 21, costOre: 0n },
    ]);
  });

  it("sums large amounts exactly, past what a float holds", () => {
    const lines = stayCostByMonth(
      {
        segments: [
          segment({
            fromOn: "2000-01-01",
            toOn: "2099-12-31",
            priceAdultOre: 10_000_000,
            priceChildOre: 10_000_000,
          }),
        ],
        adults: 1,
        children: 19,
      },
      "2100-01-01",
    );
    const nights = BigInt(lines.reduce((n, l) => n + l.nights, 0));
    expect(nights).toBe(36_524n);
    const total = totalOre(lines);
    expect(total).toBe(nights * 20n * 10_000_000n);
    const many = totalOre(Array.from({ length: 2000 }, () => ({ costOre: total })));
    expect(many).toBe(total * 2000n);
    expect(many > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
  });
});

describe("kronor at the edge", () => {
  it("turns kronor with two decimals into exact öre", () => {
    expect(kronorToOre(1450)).toBe(145_000n);
    expect(kronorToOre(1450.5)).toBe(145_050n);
    expect(kronorToOre(0.29)).toBe(29n); // 0.29 × 100 is 28.999… as a float
    expect(kronorToOre(1_000_000_000)).toBe(100_000_000_000n);
    expect(oreToKronor(145_050n)).toBe(1450.5);
  });

  it("knows an amount with more than two decimals", () => {
    expect(hasAtMostTwoDecimals(1450.55)).toBe(true);
    expect(hasAtMostTwoDecimals(0.29)).toBe(true);
    expect(hasAtMostTwoDecimals(1450.555)).toBe(false);
    expect(hasAtMostTwoDecimals(Number.NaN)).toBe(false);
  });
});

describe("an invoice over the months of its period", () => {
  it("spreads the amount by days and keeps every öre", () => {
    expect(invoiceByMonth("2026-01-01", "2026-01-31", 3_100_000n)).toEqual([
      ["2026-01", 3_100_000n],
    ]);
    // 16 days: 2 in January, 14 in February (2028-02-29 is not in the period)
    expect(invoiceByMonth("2028-01-30", "2028-02-14", 100n)).toEqual([
      ["2028-01", 12n],
      ["2028-02", 88n],
    ]);
    const parts = invoiceByMonth("2028-02-15", "2028-04-10", 1_000_001n);
    expect(parts.map(([m]) => m)).toEqual(["2028-02", "2028-03", "2028-04"]);
    expect(parts.reduce((s, [, v]) => s + v, 0n)).toBe(1_000_001n);
    expect(parts[0]?.[1]).toBe((1_000_001n * 15n) / 56n); // 15 February days with the 29th
  });
});
