import { addMonths } from "./calendar.ts";

/**
 * When a case is referred to a multi-agency risk conference (issue 18, item 8; the MARAC
 * model): computed from recorded facts, never typed.
 *
 * (a) High risk: the latest completed risk assessment's level is high or very_high. The level
 *     counted is the higher of the instrument's suggestion and the professional's judgement:
 *     judgement may raise the level for this purpose but never lower it (a worker who judges a
 *     "high" suggestion as "medium" still refers). Frid has no 24-item DASH; its danger
 *     assessment suggests "high" at 8 "yes" and "very_high" at 12 (and "high" on any sign of
 *     lethal violence), so a yes-count counts through the suggestion.
 * (b) Escalation: 3 or more police-reported incidents that occurred in the last 12 months.
 * (c) Repeat: the case's person had a conference within 12 months of this one — flagged, not a
 *     criterion of its own.
 */

export const highRiskLevels = ["high", "very_high"] as const;
export const escalationIncidents = 3;
export const lookbackMonths = 12;

export interface AssessmentLevels {
  /** The instrument's levels, lowest first. */
  order: readonly string[];
  suggestedLevel: string | null;
  judgedLevel: string | null;
}

/** The higher of suggestion and judgement on the instrument's order; null if neither. */
export function countedLevel({ order, suggestedLevel, judgedLevel }: AssessmentLevels) {
  const rank = (l: string | null) => (l === null ? -1 : order.indexOf(l));
  if (suggestedLevel === null && judgedLevel === null) return null;
  return rank(judgedLevel) >= rank(suggestedLevel) ? judgedLevel : suggestedLevel;
}

export interface CriteriaInput {
  today: string;
  /** The latest completed assessment's levels, or null when the case has none. */
  assessment: (AssessmentLevels & { assessedOn: string; instrumentName: string }) | null;
  /** The days police-reported incidents occurred on. */
  incidentDates: readonly string[];
  /** The day of the person's latest conference (held, or referred when not yet held). */
  lastConferenceOn: string | null;
}

export interface Criteria {
  highRisk: { met: boolean; level: string | null; raisedByJudgement: boolean; reason: string };
  escalation: { met: boolean; incidents: number; reason: string };
  repeat: { flagged: boolean; lastConferenceOn: string | null; reason: string };
  /** Whether a referral may be made: (a) or (b). */
  met: boolean;
}

const levelNames: Record<string, string> = {
  low: "låg",
  medium: "medel",
  high: "hög",
  very_high: "mycket hög",
};
const named = (level: string | null) => (level ? (levelNames[level] ?? level) : "ingen nivå");

function highRisk(a: CriteriaInput["assessment"]): Criteria["highRisk"] {
  if (!a)
    return {
      met: false,
      level: null,
      raisedByJudgement: false,
      reason: "Ärendet har ingen slutförd riskbedömning.",
    };
  const level = countedLevel(a);
  const met = level !== null && (highRiskLevels as readonly string[]).includes(level);
  const raised = level !== null && level === a.judgedLevel && level !== a.suggestedLevel;
  const lowered =
    a.judgedLevel !== null &&
    a.suggestedLevel !== null &&
    level === a.suggestedLevel &&
    a.judgedLevel !== a.suggestedLevel;
  const base = `Senaste slutförda riskbedömningen (${a.instrumentName}, ${a.assessedOn}) räknas som ${named(level)} risk`;
  const why = raised
    ? " – den professionella bedömningen höjde nivån."
    : lowered
      ? ` – instrumentets nivå räknas, den professionella bedömningen (${named(a.judgedLevel)}) sänker den inte här.`
      : ".";
  return { met, level, raisedByJudgement: raised, reason: base + why };
}

/** Incidents that occurred after the day 12 months before today, up to today. */
export function incidentsInLookback(today: string, dates: readonly string[]) {
  const from = addMonths(today, -lookbackMonths);
  return dates.filter((d) => d > from && d <= today).length;
}

/** The conference criteria of a case, each with its reason in words (Swedish: shown as is). */
export function conferenceCriteria(input: CriteriaInput): Criteria {
  const high = highRisk(input.assessment);
  const incidents = incidentsInLookback(input.today, input.incidentDates);
  const escalated = incidents >= escalationIncidents;
  const last = input.lastConferenceOn;
  const repeat = last !== null && last > addMonths(input.today, -lookbackMonths);
  return {
    highRisk: high,
    escalation: {
      met: escalated,
      incidents,
      reason: `${incidents} polisanmälda händelser de senaste 12 månaderna (minst ${escalationIncidents} krävs för eskalering).`,
    },
    repeat: {
      flagged: repeat,
      lastConferenceOn: last,
      reason: repeat
        ? `Upprepning: personen togs upp på riskkonferens ${last}, inom 12 månader.`
        : last
          ? `Senaste riskkonferensen (${last}) ligger mer än 12 månader bakåt.`
          : "Personen har inte tagits upp på riskkonferens tidigare.",
    },
    met: high.met || escalated,
  };
}
