import type {
  YearlyReportTable,
  YearlyReportValueKind,
} from "../../../shared/api/yearly-report.ts";
import { hiddenCells } from "./suppression.ts";

/**
 * A report table from exact figures: totals added where asked, cells hidden outside the unit
 * (suppression.ts), links kept only where the caller may follow them. Every section builds its
 * tables through here, so no table can leave the server unsuppressed.
 */

export interface ColumnSpec {
  id: string;
  label: string;
  kind: YearlyReportValueKind;
  /** An amount (kronor) the totals row adds up too; counts are always added up. */
  summed?: boolean;
}

export interface RowSpec {
  id: string;
  label: string;
  values: (number | null)[];
  texts?: (string | undefined)[];
  /** Web path of the list behind this row's figures. */
  link?: string;
}

export interface TableSpec {
  id: string;
  title: string;
  note?: string;
  chart: YearlyReportTable["chart"];
  columns: ColumnSpec[];
  rows: RowSpec[];
  /** Add a column summing the row's count columns, and/or a row summing the rows. */
  totals?: { column?: string; row?: string };
}

export interface TableContext {
  /** Outside the unit: 1–4 and their complements hidden. */
  suppressed: boolean;
  /** Whether the caller may see the lists behind the figures. */
  links: boolean;
}

const sum = (xs: (number | null)[]) => xs.reduce<number>((a, x) => a + (x ?? 0), 0);

export function buildTable(spec: TableSpec, ctx: TableContext): YearlyReportTable {
  const counted = spec.columns.map((c) => c.kind === "count");
  const columns = spec.columns.map(({ summed: _, ...c }) => ({ ...c, isTotal: false }));
  // The totals row adds counts and the amounts asked for; a hidden row hides its amount too.
  const added = spec.columns.map((c, j) => counted[j] || c.summed === true);
  let rows = spec.rows.map((r) => ({ ...r, isTotal: false }));
  if (spec.totals?.column) {
    columns.push({ id: "total", label: spec.totals.column, kind: "count", isTotal: true });
    counted.push(true);
    added.push(true);
    rows = rows.map((r) => ({
      ...r,
      values: [...r.values, sum(r.values.filter((_, j) => counted[j]))],
    }));
  }
  if (spec.totals?.row)
    rows.push({
      id: "total",
      label: spec.totals.row,
      isTotal: true,
      values: columns.map((_, j) =>
        // Amounts are kronor with öre: the float sum is rounded back to whole öre.
        added[j] ? Math.round(sum(rows.map((r) => r.values[j] ?? null)) * 100) / 100 : null,
      ),
    });
  const values = rows.map((r) => r.values);
  const totalColumn = spec.totals?.column ? columns.length - 1 : null;
  const totalRow = spec.totals?.row ? rows.length - 1 : null;
  const hidden = hiddenCells(values, { counted, totalRow, totalColumn }, ctx.suppressed);
  return {
    id: spec.id,
    title: spec.title,
    ...(spec.note ? { note: spec.note } : {}),
    chart: spec.chart,
    columns,
    rows: rows.map((r, i) => {
      // A share or rate beside a hidden count could give the count back: hide it with it.
      const rowHidden = hidden[i]?.some(Boolean) ?? false;
      return {
        id: r.id,
        label: r.label,
        isTotal: r.isTotal,
        cells: r.values.map((v, j) => {
          const suppressed = (hidden[i]?.[j] ?? false) || (rowHidden && !counted[j] && v !== null);
          const text = "texts" in r ? r.texts?.[j] : undefined;
          const link = "link" in r && ctx.links && !suppressed ? r.link : undefined;
          return {
            value: suppressed ? null : v,
            suppressed,
            ...(text !== undefined ? { text } : {}),
            ...(link ? { link } : {}),
          };
        }),
      };
    }),
  };
}
