import type { RiskHistory } from "../../../shared/api/assessments";

export type RiskPoint = RiskHistory["points"][number];

/** One instrument's line: a key safe for recharts' dataKey, its name and how it is drawn. */
export interface RiskSeries {
  key: string;
  instrumentId: string;
  name: string;
  /** Colour and dash pattern: lines differ by more than colour. */
  stroke: string;
  dash: string | undefined;
}

/**
 * One row per completed assessment, oldest first: the x position (its date) and, under its
 * instrument's series key, the level rank. Other series' keys are absent, so each line joins
 * only its own instrument's points (connectNulls). The point itself rides along for the
 * tooltip.
 */
export interface RiskRow {
  id: string;
  date: string;
  /** The date as a number (UTC midnight, ms) for a time axis: distances follow the calendar. */
  time: number;
  point: RiskPoint;
  ranks: Readonly<Record<string, number>>;
}

export interface RiskChartModel {
  series: RiskSeries[];
  rows: RiskRow[];
  /** Rank → the level names found at that rank (several instruments: joined with " / "). */
  rankLabels: string[];
  /** 0 … the highest rank any instrument has, for the y axis. */
  ticks: number[];
}

/** Colours with ≥ 3:1 contrast on white (WCAG 1.4.11), paired with distinct dash patterns. */
const strokes = ["#0b5d66", "#8a3b12", "#4b3f8f", "#1f6f2b", "#7a2250"] as const;
const dashes = [undefined, "6 4", "2 3", "10 3 2 3", "4 2"] as const;

/**
 * `levels` (optional): each instrument's level names, lowest first, from its definition, so
 * the axis names every level, also those nobody was judged at.
 */
export function riskChartModel(
  points: readonly RiskPoint[],
  levels: ReadonlyMap<string, readonly string[]> = new Map(),
): RiskChartModel {
  const series: RiskSeries[] = [];
  const keyOf = new Map<string, string>();
  for (const p of points) {
    if (keyOf.has(p.instrumentId)) continue;
    const i = series.length;
    const key = `s${i}`;
    keyOf.set(p.instrumentId, key);
    series.push({
      key,
      instrumentId: p.instrumentId,
      name: p.instrumentName,
      stroke: strokes[i % strokes.length] ?? strokes[0],
      dash: dashes[i % dashes.length],
    });
  }

  const sorted = [...points].sort((a, b) => a.assessedOn.localeCompare(b.assessedOn));
  const rows: RiskRow[] = sorted.map((point) => {
    const key = keyOf.get(point.instrumentId) ?? "";
    return {
      id: point.assessmentId,
      date: point.assessedOn,
      time: dayTime(point.assessedOn),
      point,
      ranks: { [key]: point.levelRank },
    };
  });

  const top = Math.max(0, ...points.map((p) => Math.max(p.levelCount - 1, p.levelRank)));
  const ticks = Array.from({ length: top + 1 }, (_, rank) => rank);
  const rankLabels = ticks.map((rank) => {
    const names: string[] = [];
    const add = (name: string | undefined) => {
      if (name && !names.includes(name)) names.push(name);
    };
    for (const s of series) add(levels.get(s.instrumentId)?.[rank]);
    for (const p of points) if (p.levelRank === rank) add(p.levelLabel);
    return names.join(" / ");
  });
  return { series, rows, rankLabels, ticks };
}

/**
 * The name of a level code of the point's instrument: from the instrument's definition when
 * known, else from any point that was judged at that level, else the code itself.
 */
export function levelName(
  points: readonly RiskPoint[],
  definitions: ReadonlyMap<string, ReadonlyMap<string, string>>,
  instrumentId: string,
  version: number,
  code: string,
): string {
  const fromDefinition = definitions.get(`${instrumentId}@${version}`)?.get(code);
  if (fromDefinition) return fromDefinition;
  const judged = points.find((p) => p.instrumentId === instrumentId && p.level === code);
  return judged?.levelLabel ?? code;
}

/** YYYY-MM-DD (or an ISO instant: its UTC day) → UTC midnight in ms. */
export function dayTime(day: string): number {
  const [y, m, d] = day.slice(0, 10).split("-").map(Number);
  return Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1);
}

/** Back from dayTime to YYYY-MM-DD, for the axis' labels. */
export function timeDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}
