import { lazy, Suspense } from "react";
import { useApi } from "../../auth/useAuth";
import { useQuery } from "../../hooks/useQuery";
import { useT } from "../../i18n/useT";
import { Loading } from "../../ui/Messages";
import { QueryError } from "../../ui/QueryError";
import type { SurveyResultsView } from "./api";
import { formatShare } from "./survey-model";

// The chart library travels only with the chart (ADR 0006), as the risk history's does.
const SurveyChart = lazy(() => import("./SurveyChart").then((m) => ({ default: m.SurveyChart })));

type Table = SurveyResultsView["tables"][number];

/**
 * The result as seed 002 shows it: per group (and all together), topic, count and share of
 * those who answered; a bar chart of the same; XLSX and CSV; the free-text answers with no
 * order that tells who wrote them.
 */
export function SurveyResultsPanel({ surveyId }: { surveyId: string }) {
  const { t } = useT();
  const api = useApi();
  const query = useQuery(["survey", surveyId, "results"], (signal) =>
    api.surveyResults(surveyId, signal),
  );
  const { state } = query;
  return (
    <section className="section" aria-labelledby="survey-results">
      <h2 id="survey-results">{t("surveys.results")}</h2>
      {state.status === "loading" && <Loading />}
      {state.status === "error" && <QueryError error={state.error} />}
      {state.status === "ready" && (
        <>
          <p className="actions">
            <a
              className="button button--secondary"
              href={api.surveyResultsXlsxUrl(surveyId)}
              download
            >
              {t("surveys.downloadXlsx")}
            </a>{" "}
            <a
              className="button button--secondary"
              href={api.surveyResultsCsvUrl(surveyId)}
              download
            >
              {t("surveys.downloadCsv")}
            </a>
          </p>
          {state.data.tables.map((table) => (
            <ResultTable key={table.group ?? ""} table={table} />
          ))}
          <FreeText results={state.data} />
        </>
      )}
    </section>
  );
}

function ResultTable({ table }: { table: Table }) {
  const { t, lang } = useT();
  const group = table.group ?? t("surveys.allGroups");
  return (
    <div className="survey-result">
      <div className="table-scroll">
        <table className="table">
          <caption>
            {t("surveys.tableCaption", {
              group,
              answered: String(table.answered),
              invited: String(table.invited),
            })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t("surveys.colTopic")}</th>
              <th scope="col" className="table__number">
                {t("surveys.colCount")}
              </th>
              <th scope="col" className="table__number">
                {t("surveys.colShare")}
              </th>
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row) => (
              <tr key={row.topicId}>
                <th scope="row">{row.label}</th>
                <td className="table__number">{row.count}</td>
                <td className="table__number">{formatShare(row.share, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {table.answered === 0 ? (
        <p className="empty">{t("surveys.resultsNone")}</p>
      ) : (
        <Suspense fallback={<Loading />}>
          <SurveyChart table={table} label={t("surveys.chartLabel", { group })} />
        </Suspense>
      )}
    </div>
  );
}

function FreeText({ results }: { results: SurveyResultsView }) {
  const { t } = useT();
  if (!results.freeTextQuestion || results.freeTextAnswers.length === 0) return null;
  return (
    <>
      <h3>{t("surveys.freeTextAnswers")}</h3>
      <p className="muted">{results.freeTextQuestion}</p>
      <p className="muted">{t("surveys.freeTextAnswersNote")}</p>
      <ul>
        {results.freeTextAnswers.map((a, i) => (
          // Answers have no id of their own on purpose; their order is alphabetical.
          // biome-ignore lint/suspicious/noArrayIndexKey: the list never reorders while shown
          <li key={i}>
            {results.tables.length > 1 && <span className="muted">{a.group}: </span>}
            {a.text}
          </li>
        ))}
      </ul>
    </>
  );
}
