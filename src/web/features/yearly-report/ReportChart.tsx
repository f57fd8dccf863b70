import { useId } from "react";
import {
  Bar,
  BarChart,
  CartesianGrid,
  LabelList,
  ResponsiveContainer,
  XAxis,
  YAxis,
} from "recharts";
import {
  type ChartData,
  chartPalette,
  formatNumber,
  SUPPRESSED,
} from "../../../shared/yearly-report-format";
import { useT } from "../../i18n/useT";

const palette = chartPalette;

/**
 * A table's chart: horizontal bars, a row per category, side by side or stacked. The figure
 * takes focus and names itself and where its figures are in words (the table after it); the
 * drawing itself is hidden from screen readers, which read the table instead. A hidden
 * figure draws no bar and is marked "–", as in the table.
 */
export function ReportChart({
  data,
  label,
  hint,
}: {
  data: ChartData;
  label: string;
  hint: string;
}) {
  const { lang } = useT();
  const hintId = useId();
  const rows = data.categories.map((c) => ({
    label: c.label,
    ...Object.fromEntries(data.series.map((s, i) => [s.column.id, c.values[i] ?? 0])),
    ...Object.fromEntries(
      data.series.map((s, i) => [
        `${s.column.id}__text`,
        c.values[i] === null || c.values[i] === undefined
          ? SUPPRESSED
          : formatNumber(c.values[i], data.kind, lang),
      ]),
    ),
  }));
  const height = 48 + rows.length * (data.stacked ? 32 : 18 + 14 * data.series.length);
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: the chart is a stop on the way to its table
    <figure className="report-chart" tabIndex={0} aria-label={label} aria-describedby={hintId}>
      <figcaption className="visually-hidden" id={hintId}>
        {hint}
      </figcaption>
      <div aria-hidden="true" inert>
        <ResponsiveContainer width="100%" height={height}>
          <BarChart
            data={rows}
            layout="vertical"
            margin={{ left: 8, right: 48 }}
            // The figure is the one stop; its table is the way through the figures.
            accessibilityLayer={false}
          >
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" allowDecimals={data.kind !== "count"} />
            <YAxis type="category" dataKey="label" width={220} />
            {data.series.map((s, i) => (
              <Bar
                key={s.column.id}
                dataKey={s.column.id}
                name={s.column.label}
                fill={palette[i % palette.length]}
                stackId={data.stacked ? "stack" : undefined}
                isAnimationActive={false}
              >
                {!data.stacked && <LabelList dataKey={`${s.column.id}__text`} position="right" />}
              </Bar>
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      {data.series.length > 1 && (
        <ul className="report-chart__legend" aria-hidden="true">
          {data.series.map((s, i) => (
            <li key={s.column.id}>
              <span
                className="report-chart__swatch"
                style={{ background: palette[i % palette.length] }}
              />
              {s.column.label}
            </li>
          ))}
        </ul>
      )}
    </figure>
  );
}
