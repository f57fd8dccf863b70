import { useId, useState } from "react";
import { useApi } from "../../auth/useAuth";
import { useQuery } from "../../hooks/useQuery";
import type { PlainMessageKey } from "../../i18n/messages";
import { useT } from "../../i18n/useT";
import { SelectField } from "../../ui/Field";
import { Loading } from "../../ui/Messages";
import { QueryError } from "../../ui/QueryError";
import type { ConsultationFigures as Figures } from "./api";

type Period = Figures["period"];
type Breakdown = "byOrganisationKind" | "byMunicipality" | "byTopic" | "byStage";

const breakdowns: readonly { key: Breakdown; title: PlainMessageKey; label?: string }[] = [
  { key: "byOrganisationKind", title: "consultations.figures.byKind", label: "consultations.kind" },
  { key: "byMunicipality", title: "consultations.figures.byMunicipality" },
  { key: "byTopic", title: "consultations.figures.byTopic", label: "consultations.topic" },
  { key: "byStage", title: "consultations.figures.byStage", label: "consultations.stage" },
];

/** The unit's figures for a year: per breakdown, a table of the year and its four quarters. */
export function ConsultationFigures({ unitId }: { unitId: string }) {
  const { t } = useT();
  const api = useApi();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const query = useQuery(["consultations", "figures", unitId, year], (signal) =>
    api.consultationFigures(unitId, year, signal),
  );
  const titleId = useId();
  return (
    <section aria-labelledby={titleId}>
      <h2 id={titleId}>{t("consultations.figures.title")}</h2>
      <SelectField
        label={t("consultations.figures.year")}
        name="year"
        value={String(year)}
        onChange={(e) => setYear(Number(e.target.value))}
      >
        {[0, 1, 2, 3, 4].map((back) => (
          <option key={back} value={thisYear - back}>
            {thisYear - back}
          </option>
        ))}
      </SelectField>
      {query.state.status === "loading" && <Loading />}
      {query.state.status === "error" && <QueryError error={query.state.error} />}
      {query.state.status === "ready" && <Tables figures={query.state.data} />}
    </section>
  );
}

function Tables({ figures }: { figures: Figures }) {
  const { t } = useT();
  const periods: Period[] = [figures.period, ...figures.quarters];
  const heading = (p: Period) =>
    p.period.includes("Q") ? p.period.slice(5) : t("consultations.figures.wholeYear");
  const cell = (n: { count: number; minutes: number }) => `${n.count} (${n.minutes} min)`;
  return (
    <>
      {breakdowns.map(({ key, title, label }) => {
        const rows = figures.period[key];
        return (
          <table key={key} className="table">
            <caption>
              {t("consultations.figures.caption", {
                what: t(title),
                period: figures.period.period,
              })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t(title)}</th>
                {periods.map((p) => (
                  <th scope="col" key={p.period}>
                    {heading(p)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.key}>
                  <th scope="row">
                    {label ? t(`${label}.${row.key}` as PlainMessageKey) : row.key}
                  </th>
                  {periods.map((p) => {
                    const hit = p[key].find((r) => r.key.toLowerCase() === row.key.toLowerCase());
                    return <td key={p.period}>{cell(hit ?? { count: 0, minutes: 0 })}</td>;
                  })}
                </tr>
              ))}
              <tr>
                <th scope="row">{t("consultations.figures.total")}</th>
                {periods.map((p) => (
                  <td key={p.period}>{cell(p.total)}</td>
                ))}
              </tr>
            </tbody>
          </table>
        );
      })}
      <p>
        <small>{t("consultations.figures.topicNote")}</small>
      </p>
    </>
  );
}
