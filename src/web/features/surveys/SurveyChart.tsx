import { Bar, BarChart, CartesianGrid, ResponsiveContainer, XAxis, YAxis } from "recharts";
import type { SurveyResultsView } from "./api";

/**
 * A result table as horizontal bars, one per topic (the share who chose it). The table above
 * says the same in words and figures; the chart is a picture of it, labelled as such.
 */
export function SurveyChart({
  table,
  label,
}: {
  table: SurveyResultsView["tables"][number];
  label: string;
}) {
  const data = table.rows.map((r) => ({ topic: r.label, share: r.share ?? 0 }));
  return (
    <figure className="survey-chart" role="img" aria-label={label}>
      <ResponsiveContainer width="100%" height={40 + data.length * 32}>
        <BarChart data={data} layout="vertical" margin={{ left: 16, right: 24 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" domain={[0, 100]} unit=" %" />
          <YAxis type="category" dataKey="topic" width={260} />
          <Bar dataKey="share" fill="#1d5b79" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
