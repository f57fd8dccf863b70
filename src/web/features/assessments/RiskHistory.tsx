import { Link } from "react-router";
import {
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  type TooltipContentProps,
  XAxis,
  YAxis,
} from "recharts";
import type { RiskHistoryView } from "../../api/endpoints";
import { isNotFound } from "../../api/errors";
import { useApi } from "../../auth/useAuth";
import { useQuery } from "../../hooks/useQuery";
import { formatDay } from "../../i18n/dates";
import { useT } from "../../i18n/useT";
import { Loading } from "../../ui/Messages";
import { QueryError } from "../../ui/QueryError";
import {
  levelName,
  type RiskChartModel,
  type RiskPoint,
  type RiskRow,
  riskChartModel,
  timeDay,
} from "./risk-history-model";

type LevelNames = ReadonlyMap<string, ReadonlyMap<string, string>>;

interface Loaded {
  history: RiskHistoryView;
  /** `${instrumentId}@${version}` → level code → name, for the suggested levels. */
  levelNames: LevelNames;
  /** Instrument → its level names, lowest first (its newest version here), for the axis. */
  levels: ReadonlyMap<string, readonly string[]>;
}

/**
 * "Risk över tid": the person's completed risk assessments as a line per instrument (level
 * over time), with a table that says the same for those who do not use the chart.
 */
export function RiskHistory({ personId }: { personId: string }) {
  const { t } = useT();
  const api = useApi();
  const query = useQuery<Loaded>(["person", personId, "risk-history"], (signal) =>
    loadRiskHistory(api, personId, signal),
  );
  const { state } = query;

  return (
    <section className="section" aria-labelledby="risk-history-title">
      <h2 id="risk-history-title">{t("riskHistory.title")}</h2>
      {state.status === "loading" ? (
        <Loading />
      ) : state.status === "error" ? (
        isNotFound(state.error) ? (
          <p className="empty">{t("riskHistory.empty")}</p>
        ) : (
          <QueryError error={state.error} />
        )
      ) : state.data.history.points.length === 0 ? (
        <p className="empty">{t("riskHistory.empty")}</p>
      ) : (
        <>
          {/* The chart holds the newest points; older ones stay in each case's list. */}
          {state.data.history.olderLeftOut > 0 && (
            <p className="muted">
              {t("riskHistory.olderLeftOut", {
                count: String(state.data.history.olderLeftOut),
                shown: String(state.data.history.points.length),
              })}
            </p>
          )}
          <RiskHistoryContent
            points={state.data.history.points}
            levelNames={state.data.levelNames}
            levels={state.data.levels}
          />
        </>
      )}
    </section>
  );
}

/** The history, with each instrument version's level names for the points shown. */
async function loadRiskHistory(
  api: ReturnType<typeof useApi>,
  personId: string,
  signal: AbortSignal,
): Promise<Loaded> {
  const history = await api.riskHistory(personId, signal);
  // The suggested level is a code; its name is in the instrument version's definition.
  const versions = new Map(history.points.map((p) => [`${p.instrumentId}@${p.version}`, p]));
  const levelNames = new Map<string, ReadonlyMap<string, string>>();
  const levels = new Map<string, readonly string[]>();
  // The axis names each instrument's levels as its newest version shown here does,
  // whichever request happens to finish last.
  const newest = new Map<string, number>();
  for (const p of history.points)
    newest.set(p.instrumentId, Math.max(newest.get(p.instrumentId) ?? 0, p.version));
  await Promise.all(
    [...versions].map(async ([key, p]) => {
      try {
        const definition = await api.instrumentVersion(p.instrumentId, p.version, signal);
        levelNames.set(
          key,
          new Map(definition.judgement.levels.map((l) => [l.value, l.label] as const)),
        );
        if (p.version === newest.get(p.instrumentId))
          levels.set(
            p.instrumentId,
            definition.judgement.levels.map((l) => l.label),
          );
      } catch {
        // Without it the level falls back to a judged point's name, or the code.
      }
    }),
  );
  return { history, levelNames, levels };
}

function RiskHistoryContent({
  points,
  levelNames,
  levels,
}: {
  points: readonly RiskPoint[];
  levelNames: LevelNames;
  levels: ReadonlyMap<string, readonly string[]>;
}) {
  const { t, lang } = useT();
  const model = riskChartModel(points, levels);
  const suggested = (p: RiskPoint) =>
    p.suggestedLevel === null
      ? t("riskHistory.none")
      : levelName(points, levelNames, p.instrumentId, p.version, p.suggestedLevel);

  return (
    <>
      <p className="muted">{t("riskHistory.intro")}</p>
      <RiskChart model={model} />
      <div className="table-scroll">
        <table className="table risk-table">
          <caption>{t("riskHistory.tableCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("riskHistory.date")}</th>
              <th scope="col">{t("riskHistory.instrument")}</th>
              <th scope="col">{t("riskHistory.case")}</th>
              <th scope="col">{t("riskHistory.level")}</th>
              <th scope="col">{t("riskHistory.suggestedLevel")}</th>
              <th scope="col">{t("riskHistory.score")}</th>
              <th scope="col">{t("riskHistory.reasons")}</th>
            </tr>
          </thead>
          <tbody>
            {model.rows.map(({ point: p }) => (
              <tr key={p.assessmentId}>
                <th scope="row" className="nowrap">
                  {formatDay(p.assessedOn, lang)}
                </th>
                <td>{p.instrumentName}</td>
                <td className="nowrap">
                  <Link to={`/cases/${p.caseId}`}>{p.caseReference}</Link>
                </td>
                <td>{p.levelLabel}</td>
                <td>{suggested(p)}</td>
                <td className="nowrap">{scoreText(p, t)}</td>
                <td className="multiline">{p.reasons}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

type T = ReturnType<typeof useT>["t"];

function scoreText(p: RiskPoint, t: T) {
  return p.mainScore
    ? t("riskHistory.scoreValue", { label: p.mainScore.label, value: p.mainScore.value })
    : t("riskHistory.none");
}

/**
 * The chart. Recharts draws SVG and sets sizes through the DOM's style API, which the strict
 * CSP allows (no <style> elements, no style attributes in markup). accessibilityLayer makes
 * the chart focusable: the arrow keys move the tooltip from one assessment to the next.
 */
function RiskChart({ model }: { model: RiskChartModel }) {
  const { t, lang } = useT();
  return (
    <div className="risk-chart">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart
          data={model.rows}
          accessibilityLayer
          title={t("riskHistory.chartTitle")}
          desc={t("riskHistory.chartDesc")}
          margin={{ top: 12, right: 16, bottom: 4, left: 4 }}
        >
          <XAxis
            dataKey="time"
            type="number"
            scale="time"
            domain={["dataMin", "dataMax"]}
            ticks={model.rows.map((r) => r.time)}
            tickFormatter={(time: number) => formatDay(timeDay(time), lang)}
            tick={{ fill: "#4a5861" }}
            stroke="#6b777e"
            padding={{ left: 40, right: 40 }}
          />
          <YAxis
            type="number"
            domain={[0, model.ticks.length - 1]}
            ticks={model.ticks}
            allowDecimals={false}
            tickFormatter={(rank: number) => model.rankLabels[rank] ?? ""}
            tick={{ fill: "#4a5861" }}
            stroke="#6b777e"
            width="auto"
            padding={{ top: 12, bottom: 12 }}
          />
          <Tooltip content={riskTooltipContent} />
          <Legend />
          {model.series.map((s) => (
            <Line
              key={s.key}
              type="linear"
              dataKey={(row: RiskRow) => row.ranks[s.key]}
              name={s.name}
              stroke={s.stroke}
              strokeWidth={2}
              strokeDasharray={s.dash}
              connectNulls
              dot={{ r: 4, fill: s.stroke }}
              activeDot={{ r: 6 }}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

/** Recharts hands the tooltip its payload: the row under the pointer is the first entry's. */
function riskTooltipContent(props: TooltipContentProps) {
  return (
    <RiskTooltip active={props.active} row={props.payload?.[0]?.payload as RiskRow | undefined} />
  );
}

function RiskTooltip({ active, row }: { active: boolean | undefined; row: RiskRow | undefined }) {
  const { t, lang } = useT();
  if (!active || !row) return null;
  const p = row.point;
  return (
    <div className="risk-tooltip">
      <p className="risk-tooltip__title">
        {formatDay(p.assessedOn, lang)} · {p.instrumentName}
      </p>
      <dl className="risk-tooltip__facts">
        <div>
          <dt>{t("riskHistory.level")}</dt>
          <dd>{p.levelLabel}</dd>
        </div>
        <div>
          <dt>{t("riskHistory.score")}</dt>
          <dd>{scoreText(p, t)}</dd>
        </div>
        <div>
          <dt>{t("riskHistory.case")}</dt>
          <dd>{p.caseReference}</dd>
        </div>
        <div>
          <dt>{t("riskHistory.reasons")}</dt>
          <dd className="multiline">{p.reasons}</dd>
        </div>
      </dl>
    </div>
  );
}
