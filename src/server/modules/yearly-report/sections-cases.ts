import type { YearlyReportSection } from "../../../shared/api/yearly-report.ts";
import type { StayFigures } from "../statistics/stays.ts";
import type { ChildTrackFigures, RiskAssessmentCount } from "./figures.ts";
import { buildTable, type TableContext } from "./table.ts";

/**
 * The report's sections about cases: investigations, decisions, the children's track, risk
 * assessments and Kolada's key figures. Swedish text here is the report's own (it goes to
 * the committee as it stands: page, PDF, XLSX, CSV alike).
 */

export const interventionLabels: Record<string, string> = {
  emergency_flat: "Akutlägenhet",
  sheltered_housing: "Skyddat boende",
  other_housing: "Annan boendeform",
  support_talks: "Stödsamtal",
  trauma_talks: "Traumafokuserade samtal",
  financial_aid: "Ekonomiskt bistånd",
  contact_person: "Kontaktperson",
  protected_data_help: "Hjälp med skyddade personuppgifter",
  authority_support: "Stöd i kontakter med myndigheter",
  parenting_support: "Föräldraskapsstöd",
  other: "Annan insats",
};

const count = (id: string, label: string) => ({ id, label, kind: "count" as const });
const share = (part: number, whole: number) =>
  whole === 0 ? null : Math.round((1000 * part) / whole) / 10;

export function investigationsSection(
  f: { persons: number; children: number },
  ctx: TableContext,
  summary: string[],
): YearlyReportSection {
  const table = buildTable(
    {
      id: "persons-investigated",
      title: "Personer aktuella för utredning",
      note: "Våldsutsatta vuxna vars ärende var under utredning någon gång under året, och barnen i deras hushåll enligt ärendets senaste aktualisering.",
      chart: "bar",
      columns: [count("count", "Antal")],
      rows: [
        {
          id: "persons",
          label: "Personer",
          values: [f.persons],
          link: "/?type=adult_victim&status=investigation",
        },
        { id: "children", label: "Medföljande minderåriga barn", values: [f.children] },
      ],
    },
    ctx,
  );
  return { id: "investigations", title: "Utredningar", summary, tables: [table] };
}

export function decisionsSection(
  rows: { kind: string; outcome: string; n: number }[],
  housing: StayFigures["personsGranted"],
  ctx: TableContext,
): YearlyReportSection {
  const n = (kind: string, outcome: string) =>
    rows.find((r) => r.kind === kind && r.outcome === outcome)?.n ?? 0;
  const byIntervention = buildTable(
    {
      id: "decisions-by-intervention",
      title: "Beslut per insats och utfall",
      chart: "stacked-bar",
      columns: [
        count("granted", "Beviljat"),
        count("partly_granted", "Delvis beviljat"),
        count("denied", "Avslag"),
      ],
      rows: Object.entries(interventionLabels).map(([kind, label]) => ({
        id: kind,
        label,
        values: [n(kind, "granted"), n(kind, "partly_granted"), n(kind, "denied")],
      })),
      totals: { column: "Totalt", row: "Totalt" },
    },
    ctx,
  );
  const granted = buildTable(
    {
      id: "persons-granted-housing",
      title: "Personer som beviljats boende",
      note: "En person räknas en gång per boendeform, även med flera beslut under året.",
      chart: "bar",
      columns: [count("persons", "Personer")],
      rows: (["emergency_flat", "sheltered_housing", "other_housing"] as const).map((k) => ({
        id: k,
        label: interventionLabels[k] as string,
        values: [housing[k]],
        link: "/shelter",
      })),
    },
    ctx,
  );
  return {
    id: "decisions",
    title: "Beslut om insatser",
    summary: [],
    tables: [byIntervention, granted],
  };
}

export function childTrackSection(f: ChildTrackFigures, ctx: TableContext): YearlyReportSection {
  const table = buildTable(
    {
      id: "child-track",
      title: "Barnspåret",
      note: "Förhandsbedömning inom 14 dagar från orosanmälan; barnutredning inom fyra månader (beslutade förlängningar medräknade).",
      chart: "bar",
      columns: [
        count("count", "Antal"),
        count("on_time", "I tid"),
        { id: "share", label: "Andel i tid (%)", kind: "percent" },
      ],
      rows: [
        {
          id: "reports",
          label: "Orosanmälningar",
          values: [f.reports, null, null],
          link: "/?type=child",
        },
        {
          id: "preliminary",
          label: "Förhandsbedömningar",
          values: [f.assessed, f.assessedOnTime, share(f.assessedOnTime, f.assessed)],
        },
        {
          id: "investigations",
          label: "Avslutade barnutredningar",
          values: [
            f.investigationsEnded,
            f.investigationsOnTime,
            share(f.investigationsOnTime, f.investigationsEnded),
          ],
        },
      ],
    },
    ctx,
  );
  return { id: "child-track", title: "Barn", summary: [], tables: [table] };
}

/**
 * Completed risk assessments per instrument (Swedish names), and per instrument and resulting
 * level: every level of each instrument counted in the year gets a row, zero included, so a
 * hidden count cannot be told from a missing row.
 */
export function riskSection(rows: RiskAssessmentCount[], ctx: TableContext): YearlyReportSection {
  const total = (r: RiskAssessmentCount) => Object.values(r.byLevel).reduce((a, n) => a + n, 0);
  const perInstrument = buildTable(
    {
      id: "risk-assessments",
      title: "Genomförda riskbedömningar per instrument",
      chart: "bar",
      columns: [count("count", "Antal")],
      rows: rows.map((r) => ({ id: r.instrument, label: r.name, values: [total(r)] })),
      totals: { row: "Totalt" },
    },
    ctx,
  );
  const perLevel = buildTable(
    {
      id: "risk-levels",
      title: "Genomförda riskbedömningar per instrument och bedömd nivå",
      chart: "bar",
      columns: [count("count", "Antal")],
      rows: rows.flatMap((r) => [
        ...r.levels.map((l) => ({
          id: `${r.instrument}:${l.value}`,
          label: `${r.name}: ${l.label}`,
          values: [r.byLevel[l.value] ?? 0],
        })),
        // A level the definition no longer names, or none judged: still counted, never lost.
        ...Object.entries(r.byLevel)
          .filter(([v]) => !r.levels.some((l) => l.value === v))
          .map(([v, n]) => ({
            id: `${r.instrument}:${v || "none"}`,
            label: `${r.name}: ${v || "Ingen nivå bedömd"}`,
            values: [n],
          })),
      ]),
      totals: { row: "Totalt" },
    },
    ctx,
  );
  return {
    id: "risk-assessments",
    title: "Riskbedömningar",
    summary: [],
    tables: [perInstrument, perLevel],
  };
}

export function koladaSection(
  f: { opened: number; withIntervention: number; closed: number; goalReached: number },
  adults: number | null,
  ctx: TableContext,
): YearlyReportSection {
  const rate = (n: number) => (adults === null ? null : Math.round((n * 100000) / adults) / 10);
  const table = buildTable(
    {
      id: "kolada",
      title: "Nyckeltal (Kolada) per 10 000 vuxna invånare",
      note:
        adults === null
          ? "Befolkningen för året är inte inlagd: en administratör lägger in antalet vuxna invånare."
          : `Beräknat på ${adults} vuxna invånare.`,
      chart: "bar",
      columns: [
        count("count", "Antal"),
        { id: "rate", label: "Per 10 000 vuxna", kind: "per10000" },
      ],
      rows: [
        {
          id: "opened",
          label: "Vuxenärenden öppnade på grund av våld i nära relation eller hedersrelaterat våld",
          values: [f.opened, rate(f.opened)],
        },
        {
          id: "with_intervention",
          label: "… varav med minst en beviljad insats",
          values: [f.withIntervention, rate(f.withIntervention)],
        },
        {
          id: "goal_reached",
          label: "Avslutade ärenden för våldsutsatta vuxna där målet helt eller delvis uppnåtts",
          values: [f.goalReached, rate(f.goalReached)],
        },
      ],
    },
    ctx,
  );
  return { id: "kolada", title: "Nationella nyckeltal", summary: [], tables: [table] };
}
