import { Link } from "react-router";
import {
  CartesianGrid,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import type { OutcomeMeasureSeriesView } from "../../api/endpoints";
import { isNotFound } from "../../api/errors";
import { useApi } from "../../auth/useAuth";
import { useQuery } from "../../hooks/useQuery";
import { formatDay } from "../../i18n/dates";
import { useT } from "../../i18n/useT";
import { Loading } from "../../ui/Messages";
import { QueryError } from "../../ui/QueryError";
import { withChange } from "./outcome-model";

type Series = OutcomeMeasureSeriesView["series"][number];

/**
 * "Uppföljning över tid" on the person page: per outcome instrument, a line of the totals by
 * date, and the same figures as a table behind a disclosure (keyboard and screen reader read
 * the table; the chart is a picture of it). Only measures in cases the caller may see.
 */
export function OutcomeMeasures({ personId }: { personId: string }) {
  const { t } = useT();
  const api = useApi();
  const query = useQuery(["person", personId, "outcome-measures"], (signal) =>
    api.outcomeMeasures(personId, signal),
  );
  const { state } = query;
  return (
    <section className="section" aria-labelledby="outcome-measures-title">
      <h2 id="outcome-measures-title">{t("outcomeMeasures.title")}</h2>
      {state.status === "loading" ? (
        <Loading />
      ) : state.status === "error" ? (
        isNotFound(state.error) ? (
          <p className="empty">{t("outcomeMeasures.empty")}</p>
        ) : (
          <QueryError error={state.error} />
        )
      ) : state.data.series.length === 0 ? (
        <p className="empty">{t("outcomeMeasures.empty")}</p>
      ) : (
        <>
          <p className="muted">{t("outcomeMeasures.intro")}</p>
          {state.data.series.map((s) => (
            <MeasureSeries key={s.instrumentId} series={s} />
          ))}
        </>
      )}
    </section>
  );
}

function MeasureSeries({ series }: { series: Series }) {
  const { t, lang } = useT();
  const headingId = `outcome-series-${series.instrumentId}`;
  const rows = withChange(series.points);
  return (
    <section className="subsection" aria-labelledby={headingId}>
      <h3 id={headingId}>{series.name}</h3>
      <div className="risk-chart">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart
            data={rows}
            accessibilityLayer
            title={series.name}
            desc={t("outcomeMeasures.chartDesc")}
            margin={{ top: 12, right: 16, bottom: 4, left: 4 }}
          >
            <CartesianGrid stroke="#dde3e6" vertical={false} />
            <XAxis
              dataKey="assessedOn"
              tickFormatter={(day: string) => formatDay(day, lang)}
              tick={{ fill: "#4a5861" }}
              stroke="#6b777e"
              padding={{ left: 40, right: 40 }}
            />
            <YAxis
              type="number"
              domain={[0, series.maxTotal]}
              allowDecimals={false}
              tick={{ fill: "#4a5861" }}
              stroke="#6b777e"
              width="auto"
            />
            <Tooltip
              labelFormatter={(day) => formatDay(String(day), lang)}
              formatter={(total) => [
                t("outcomeMeasures.totalValue", { total: String(total), max: series.maxTotal }),
                t("outcomeMeasures.total"),
              ]}
            />
            <Line
              type="linear"
              dataKey="total"
              name={t("outcomeMeasures.total")}
              stroke="#1d5e8c"
              strokeWidth={2}
              dot={{ r: 4, fill: "#1d5e8c" }}
              activeDot={{ r: 6 }}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <details>
        <summary>{t("outcomeMeasures.showTable", { name: series.name })}</summary>
        <div className="table-scroll">
          <table className="table">
            <caption>{t("outcomeMeasures.tableCaption", { name: series.name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("outcomeMeasures.date")}</th>
                <th scope="col">{t("outcomeMeasures.total")}</th>
                <th scope="col">{t("outcomeMeasures.change")}</th>
                <th scope="col">{t("outcomeMeasures.case")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((p) => (
                <tr key={p.assessmentId}>
                  <th scope="row" className="nowrap">
                    {formatDay(p.assessedOn, lang)}
                  </th>
                  <td className="nowrap">
                    {t("outcomeMeasures.totalValue", {
                      total: String(p.total),
                      max: String(series.maxTotal),
                    })}
                  </td>
                  <td className="nowrap">
                    {p.change === null
                      ? t("outcomeMeasures.baseline")
                      : `${p.change > 0 ? "+" : ""}${p.change}`}
                  </td>
                  <td className="nowrap">
                    <Link to={`/cases/${p.caseId}`}>{p.caseReference}</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}
