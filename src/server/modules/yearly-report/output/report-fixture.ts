import type {
  YearlyReport,
  YearlyReportCell,
  YearlyReportColumn,
  YearlyReportTable,
} from "../../../../shared/api/yearly-report.ts";

/**
 * A yearly report as the API gives it, for the output tests: every kind of value, totals,
 * hidden cells, a text column, titles longer than a sheet name and two tables of one title,
 * and a unit named in letters beyond Latin-1. A hidden cell here still carries a value — the
 * sentinel — which the API never sends: the outputs must not print it even then.
 */

export const hiddenSentinel = 7919;

const n = (value: number, link?: string): YearlyReportCell => ({
  value,
  suppressed: false,
  ...(link ? { link } : {}),
});
const hidden: YearlyReportCell = { value: hiddenSentinel, suppressed: true };
const missing: YearlyReportCell = { value: null, suppressed: false };
const answer = (text: string): YearlyReportCell => ({ value: null, suppressed: false, text });

const col = (
  id: string,
  label: string,
  kind: YearlyReportColumn["kind"] = "count",
  isTotal = false,
): YearlyReportColumn => ({ id, label, kind, isTotal });

const decisions: YearlyReportTable = {
  id: "decisions-by-intervention",
  title: "Beviljade insatser efter insats och kön",
  note: "Beslut fattade under året; en person kan ha fått flera insatser.",
  chart: "stacked-bar",
  columns: [col("women", "Kvinnor"), col("men", "Män"), col("total", "Summa", "count", true)],
  rows: [
    {
      id: "emergency_flat",
      label: "Akutlägenhet",
      isTotal: false,
      cells: [n(2, "/cases?type=adult_victim"), hidden, hidden],
    },
    {
      id: "sheltered_housing",
      label: "Skyddat boende",
      isTotal: false,
      cells: [n(12), hidden, hidden],
    },
    { id: "other_housing", label: "Annan boendeform", isTotal: false, cells: [n(6), n(5), n(11)] },
    { id: "support_talks", label: "Stödsamtal", isTotal: false, cells: [n(31), n(9), n(40)] },
    { id: "total", label: "Summa", isTotal: true, cells: [n(51), n(23), n(74)] },
  ],
};

const investigated: YearlyReportTable = {
  id: "investigated-persons",
  title: "Personer som varit aktuella för utredning under året och medföljande minderåriga barn",
  chart: "bar",
  columns: [col("persons", "Personer"), col("children", "Medföljande barn")],
  rows: [{ id: "all", label: "Alla enheter", isTotal: false, cells: [n(9), n(13)] }],
};

const childTrack: YearlyReportTable = {
  id: "child-track",
  title: "Förhandsbedömningar",
  chart: "bar",
  columns: [col("count", "Antal"), col("onTime", "Inom 14 dagar", "percent")],
  rows: [
    { id: "reports", label: "Orosanmälningar", isTotal: false, cells: [n(1234), missing] },
    { id: "assessments", label: "Förhandsbedömningar", isTotal: false, cells: [n(118), n(87.5)] },
  ],
};

const costs: YearlyReportTable = {
  id: "stay-costs",
  title: "Förhandsbedömningar",
  chart: "none",
  columns: [col("nights", "Nätter"), col("cost", "Kostnad", "kronor")],
  rows: [{ id: "all", label: "Skyddat boende", isTotal: false, cells: [n(2190), n(4_380_000)] }],
};

const kolada: YearlyReportTable = {
  id: "kolada",
  title: "Kolada: vuxna per 10 000 invånare",
  chart: "bar",
  columns: [col("rate", "Per 10 000 vuxna", "per10000")],
  rows: [
    { id: "opened", label: "Aktualiserade på grund av våld", isTotal: false, cells: [n(21.4)] },
    {
      id: "closed",
      label: "Avslutade med målet helt eller delvis uppnått",
      isTotal: false,
      cells: [n(8.1)],
    },
  ],
};

const openComparisons: YearlyReportTable = {
  id: "open-comparisons",
  title: "Öppna jämförelser: aktuella rutiner",
  chart: "none",
  columns: [col("answer", "Svar", "text"), col("approved", "Fastställd", "text")],
  rows: [
    {
      id: "signs",
      label: "Rutin för att upptäcka tecken på våld",
      isTotal: false,
      cells: [answer("Ja"), answer("2026-03-01")],
    },
    {
      id: "perpetrators",
      label: "Stödsamtal till våldsutövare",
      isTotal: false,
      cells: [answer("Nej"), answer("Saknas")],
    },
  ],
};

export function reportFixture(over: Partial<YearlyReport> = {}): YearlyReport {
  return {
    year: 2026,
    from: "2026-01-01",
    to: "2026-12-31",
    units: [
      { id: "00000000-0000-4000-8000-000000000001", name: "IFO Vuxen" },
      { id: "00000000-0000-4000-8000-000000000002", name: "Kriscentrum Łódź–Čáhppes" },
    ],
    scope: "organisation",
    suppressed: true,
    generatedAt: "2026-12-06T09:30:00.000Z",
    dataAsOf: "2026-12-06T09:29:41.000Z",
    summary: [
      "Nio personer med 13 medföljande minderåriga barn har varit aktuella för utredning under året.",
    ],
    sections: [
      { id: "investigations", title: "Utredningar", summary: [], tables: [investigated] },
      {
        id: "decisions",
        title: "Beslut om insatser",
        summary: ["Två av personerna har beviljats boende i akutlägenhet."],
        tables: [decisions],
      },
      { id: "child-track", title: "Barn och unga", summary: [], tables: [childTrack, costs] },
      { id: "kolada", title: "Kolada nyckeltal", summary: [], tables: [kolada] },
      {
        id: "open-comparisons",
        title: "Öppna jämförelser",
        summary: [],
        tables: [openComparisons],
      },
    ],
    omitted: [{ id: "action-plan", reason: "Handlingsplanen är inte upprättad för året." }],
    ...over,
  };
}
