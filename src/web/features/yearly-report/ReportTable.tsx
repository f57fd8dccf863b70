import { lazy, Suspense, useId } from "react";
import { Link } from "react-router";
import { cellText, chartData, tableNotes } from "../../../shared/yearly-report-format";
import { useApi } from "../../auth/useAuth";
import { useT } from "../../i18n/useT";
import { Loading } from "../../ui/Messages";
import type { YearlyReportView } from "./api";
import type { ReportChoice } from "./yearly-report-model";

// The chart library travels only with the charts (ADR 0006), as the survey's does.
const ReportChart = lazy(() => import("./ReportChart").then((m) => ({ default: m.ReportChart })));

type Table = YearlyReportView["sections"][number]["tables"][number];

/**
 * One table of the report: its chart (a picture, focusable, that says where its figures are
 * in words), then the table itself in a focusable scrolling region — the chart's alternative,
 * right after it in the tab order —, its notes and its CSV.
 */
export function ReportTable({ table, choice }: { table: Table; choice: ReportChoice }) {
  const { t } = useT();
  const api = useApi();
  const id = useId();
  const data = chartData(table);
  return (
    <div className="report-table">
      <h4 id={`${id}-title`}>{table.title}</h4>
      {data && (
        <Suspense fallback={<Loading />}>
          <ReportChart
            data={data}
            label={t("yearlyReport.chartLabel", { title: table.title })}
            hint={t("yearlyReport.chartHint")}
          />
        </Suspense>
      )}
      <FigureGrid table={table} titleId={`${id}-title`} />
      {tableNotes(table).map((note) => (
        <p key={note} className="muted report-table__note">
          {note}
        </p>
      ))}
      <p>
        <a
          href={api.yearlyReportCsvUrl(choice, table.id)}
          download
          aria-label={t("yearlyReport.downloadCsvLabel", { title: table.title })}
        >
          {t("yearlyReport.downloadCsv")}
        </a>
      </p>
    </div>
  );
}

/** The figures as a table; a figure the report gives a list for is a link to that list. */
function FigureGrid({ table, titleId }: { table: Table; titleId: string }) {
  const { t, lang } = useT();
  return (
    <section
      className="table-scroll"
      // A region that may scroll sideways must be reachable by keyboard (and is the chart's text).
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region is focusable
      tabIndex={0}
      aria-label={t("yearlyReport.tableLabel", { title: table.title })}
    >
      <table className="table">
        <caption className="visually-hidden" id={`${titleId}-caption`}>
          {table.title}
        </caption>
        <thead>
          <tr>
            <td />
            {table.columns.map((column) => (
              <th key={column.id} scope="col" className="table__number">
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={row.id} className={row.isTotal ? "table__total" : undefined}>
              <th scope="row">{row.label}</th>
              {table.columns.map((column, i) => {
                const cell = row.cells[i];
                if (!cell) return <td key={column.id} />;
                const text = cellText(cell, column.kind, lang);
                return (
                  <td key={column.id} className="table__number">
                    {cell.suppressed ? (
                      <abbr title={t("yearlyReport.hiddenValue")}>{text}</abbr>
                    ) : cell.link ? (
                      <Link to={cell.link}>{text}</Link>
                    ) : (
                      text
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
