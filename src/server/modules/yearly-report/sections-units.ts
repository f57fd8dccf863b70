import type { YearlyReportTable } from "../../../shared/api/yearly-report.ts";
import { oreToKronor } from "../../../shared/stay-costs.ts";
import type { StayCostFigures } from "./figures-costs.ts";
import { buildTable, type TableContext } from "./table.ts";

/**
 * Two tables the report adds to existing sections: consultations to professionals per unit of
 * the report's scope (the crisis centre's section) and the year's stay costs per form of
 * housing (the stays section). Both through buildTable, so totals and suppression are the
 * report's one rule.
 */

/** A row per unit covered, with a total; a unit that gave consultations links to its log. */
export function consultationsTable(
  units: { id: string; name: string }[],
  perUnit: Map<string, number>,
  ctx: TableContext,
): YearlyReportTable {
  return buildTable(
    {
      id: "consultations-per-unit",
      title: "Konsultationer per enhet",
      note: "Råd till yrkesverksamma ur enheternas konsultationslogg.",
      chart: "bar",
      columns: [{ id: "count", label: "Konsultationer", kind: "count" }],
      rows: units.map((u) => {
        const n = perUnit.get(u.id) ?? 0;
        return {
          id: u.id,
          label: u.name,
          values: [n],
          ...(n > 0 ? { link: "/consultations" } : {}),
        };
      }),
      totals: { row: "Totalt" },
    },
    ctx,
  );
}

const housingLabels: Record<keyof StayCostFigures, string> = {
  emergency_flat: "Akutlägenhet",
  sheltered_housing: "Skyddat boende",
  other_housing: "Annan boendeform",
};

/** Nights and cost per form of housing, as the costs module computes them; links to its report. */
export function stayCostsTable(f: StayCostFigures, ctx: TableContext): YearlyReportTable {
  return buildTable(
    {
      id: "stay-costs",
      title: "Kostnad per boendeform",
      note: "Kostnaden är dygnspriserna som gällde när vistelsen kom till platsen, som i kostnadsrapporten.",
      chart: "bar",
      columns: [
        { id: "adult_nights", label: "Dygn, vuxna", kind: "count" },
        { id: "child_nights", label: "Dygn, barn", kind: "count" },
        { id: "cost", label: "Kostnad (kr)", kind: "kronor", summed: true },
      ],
      rows: (Object.keys(housingLabels) as (keyof StayCostFigures)[]).map((k) => ({
        id: k,
        label: housingLabels[k],
        values: [f[k].adultNights, f[k].childNights, oreToKronor(f[k].costOre)],
        link: "/costs",
      })),
      totals: { row: "Totalt" },
    },
    ctx,
  );
}
