import { describe, expect, it } from "vitest";
import { levelName, type RiskPoint, riskChartModel, timeDay } from "./risk-history-model";

let n = 0;
function point(changes: Partial<RiskPoint>): RiskPoint {
  n += 1;
  return {
    assessmentId: `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
    caseId: "00000000-0000-4000-8000-000000000100",
    caseReference: "VO-2026-0001",
    instrumentId: "danger_assessment",
    instrumentName: "Farlighetsbedömning",
    version: 1,
    assessedOn: "2026-01-10",
    level: "low",
    levelLabel: "Låg",
    levelRank: 0,
    levelCount: 4,
    suggestedLevel: null,
    mainScore: null,
    reasons: "Skäl.",
    ...changes,
  };
}

describe("riskChartModel", () => {
  it("draws nothing for no points, but keeps an axis", () => {
    const model = riskChartModel([]);
    expect(model.series).toEqual([]);
    expect(model.rows).toEqual([]);
    expect(model.ticks).toEqual([0]);
  });

  it("gives each instrument its own series, in order of first appearance, differing by more than colour", () => {
    const model = riskChartModel([
      point({ assessedOn: "2026-01-10" }),
      point({
        instrumentId: "patriark",
        instrumentName: "PATRIARK",
        assessedOn: "2026-02-01",
        level: "moderate",
        levelLabel: "Måttlig",
        levelRank: 1,
        levelCount: 3,
      }),
      point({ assessedOn: "2026-03-01", level: "high", levelLabel: "Hög", levelRank: 2 }),
    ]);
    expect(model.series.map((s) => [s.key, s.name])).toEqual([
      ["s0", "Farlighetsbedömning"],
      ["s1", "PATRIARK"],
    ]);
    expect(model.series[0]?.dash).not.toEqual(model.series[1]?.dash);
    expect(model.series[0]?.stroke).not.toEqual(model.series[1]?.stroke);
  });

  it("puts each assessment in a row of its own, oldest first, with its rank under its own series only", () => {
    const later = point({
      assessedOn: "2026-03-01",
      level: "high",
      levelLabel: "Hög",
      levelRank: 2,
    });
    const earlier = point({ assessedOn: "2026-01-10" });
    const other = point({
      instrumentId: "patriark",
      instrumentName: "PATRIARK",
      assessedOn: "2026-02-01",
      levelRank: 1,
      levelLabel: "Måttlig",
    });
    const { rows } = riskChartModel([later, earlier, other]);
    expect(rows.map((r) => r.date)).toEqual(["2026-01-10", "2026-02-01", "2026-03-01"]);
    expect(rows[0]).toMatchObject({ point: earlier, id: earlier.assessmentId });
    expect(rows.map((r) => r.ranks)).toEqual([{ s0: 0 }, { s1: 1 }, { s0: 2 }]);
    expect(rows[2]?.point).toBe(later);
    // A time axis: the distance between points follows the calendar.
    expect(rows.map((r) => timeDay(r.time))).toEqual(["2026-01-10", "2026-02-01", "2026-03-01"]);
    expect((rows[1]?.time ?? 0) - (rows[0]?.time ?? 0)).toBe(22 * 86_400_000);
  });

  it("labels the y axis by rank up to the highest level any instrument has, naming each level once", () => {
    const model = riskChartModel([
      point({ levelRank: 0, levelLabel: "Låg" }),
      point({ levelRank: 0, levelLabel: "Låg" }),
      point({ levelRank: 2, levelLabel: "Hög" }),
      point({ instrumentId: "other", levelRank: 2, levelLabel: "Förhöjd", levelCount: 3 }),
    ]);
    expect(model.ticks).toEqual([0, 1, 2, 3]);
    expect(model.rankLabels).toEqual(["Låg", "", "Hög / Förhöjd", ""]);
  });

  it("names every level on the axis from the instruments' definitions, also those nobody was judged at", () => {
    const model = riskChartModel(
      [point({ levelRank: 1, levelLabel: "Medel" })],
      new Map([["danger_assessment", ["Låg", "Medel", "Hög", "Mycket hög"]]]),
    );
    expect(model.rankLabels).toEqual(["Låg", "Medel", "Hög", "Mycket hög"]);
  });
});

describe("levelName", () => {
  const points = [point({ level: "medium", levelLabel: "Medel", levelRank: 1 })];
  it("takes the name from the instrument's definition first", () => {
    const definitions = new Map([["danger_assessment@1", new Map([["high", "Hög"]])]]);
    expect(levelName(points, definitions, "danger_assessment", 1, "high")).toBe("Hög");
  });
  it("falls back to a point judged at that level, then to the code", () => {
    expect(levelName(points, new Map(), "danger_assessment", 1, "medium")).toBe("Medel");
    expect(levelName(points, new Map(), "danger_assessment", 1, "severe")).toBe("severe");
  });
});
