import type { YearlyReportTable } from "../../../shared/api/yearly-report.ts";
import type { ConferenceFigures } from "./figures-collaboration.ts";
import { buildTable, type TableContext } from "./table.ts";

/**
 * The collaboration section's tables of the cases' work with other agencies: disclosures per
 * recipient kind × ground. Swedish text here is the report's own, as the agency register names
 * the kinds (web/features/agencies).
 */

const agencyKindLabels: Record<string, string> = {
  police: "Polisen",
  health_centre: "Vårdcentral",
  psychiatry: "Psykiatri",
  hospital: "Sjukhus",
  region: "Regionen",
  school: "Skola",
  preschool: "Förskola",
  barnahus: "Barnahus",
  tax_agency: "Skatteverket",
  migration_agency: "Migrationsverket",
  prison_probation: "Kriminalvården",
  social_insurance: "Försäkringskassan",
  voluntary_shelter: "Ideell jour",
  municipality: "Annan kommun",
  court: "Domstol",
  other: "Annan",
  "": "Mottagare utanför aktörsregistret",
};

const grounds = [
  { id: "consent", label: "Samtycke" },
  { id: "secrecy_rule", label: "Sekretessbrytande bestämmelse" },
  { id: "court_request", label: "Begäran från domstol" },
];

export function disclosuresTable(
  rows: { ground: string; kind: string; n: number }[],
  ctx: TableContext,
): YearlyReportTable {
  const kinds = Object.keys(agencyKindLabels).filter((k) => rows.some((r) => r.kind === k));
  const n = (kind: string, ground: string) =>
    rows.find((r) => r.kind === kind && r.ground === ground)?.n ?? 0;
  return buildTable(
    {
      id: "disclosures",
      title: "Utlämnade uppgifter per mottagare och grund",
      chart: "bar",
      columns: grounds.map((g) => ({ id: g.id, label: g.label, kind: "count" as const })),
      rows: kinds.map((k) => ({
        id: k || "unregistered",
        label: agencyKindLabels[k] ?? k,
        values: grounds.map((g) => n(k, g.id)),
      })),
      totals: { column: "Totalt", row: "Totalt" },
    },
    ctx,
  );
}

/**
 * Risk conferences (the MARAC model, issue 18): held in the year, actions agreed in it and how
 * many of those were done by its end. No list of the organisation's conferences exists to link
 * to (a conference is read from its case).
 */
export function conferencesTable(f: ConferenceFigures, ctx: TableContext): YearlyReportTable {
  return buildTable(
    {
      id: "risk-conferences",
      title: "Riskkonferenser och åtgärder",
      chart: "bar",
      columns: [{ id: "count", label: "Antal", kind: "count" }],
      rows: [
        { id: "held", label: "Riskkonferenser hållna under året", values: [f.held] },
        { id: "actions_agreed", label: "Åtgärder beslutade under året", values: [f.actionsAgreed] },
        {
          id: "actions_done",
          label: "varav genomförda vid årets slut",
          values: [f.actionsDone],
        },
      ],
    },
    ctx,
  );
}
