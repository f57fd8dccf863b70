import { Link, useNavigate } from "react-router";
import { addDays, stockholmDate } from "../../../shared/calendar";
import { makesSurveys } from "../../auth/permissions";
import { useApi, useMe } from "../../auth/useAuth";
import { useQuery } from "../../hooks/useQuery";
import { formatDay } from "../../i18n/dates";
import { useT } from "../../i18n/useT";
import { Loading } from "../../ui/Messages";
import { OnDemand } from "../../ui/OnDemand";
import { Page } from "../../ui/Page";
import { QueryError } from "../../ui/QueryError";
import type { SurveyListView } from "./api";
import { SurveyForm } from "./SurveyForm";
import { newSurveyForm } from "./survey-model";

/*
 * Enkäter: the competence-needs surveys of the user's units (issue 17), and a new one from
 * seed 002's topic catalogue. The list holds titles and counts only.
 */
export function SurveysPage() {
  const { t } = useT();
  if (!makesSurveys(useMe().roles))
    return (
      <Page title={t("surveys.title")}>
        <p>{t("surveys.forbidden")}</p>
      </Page>
    );
  return <Surveys />;
}

function Surveys() {
  const { t } = useT();
  const api = useApi();
  const navigate = useNavigate();
  const query = useQuery(["surveys"], (signal) => api.surveys(signal));
  const { state } = query;
  return (
    <Page title={t("surveys.title")}>
      <p>{t("surveys.intro")}</p>
      {state.status === "ready" && state.data.units.length > 0 && (
        <OnDemand label={t("surveys.new")}>
          <SurveyForm
            initial={newSurveyForm("ifo", addDays(stockholmDate(new Date()), 30))}
            units={state.data.units}
            submitLabel={t("surveys.create")}
            onSubmit={async (definition, unitId) => {
              const made = await api.createSurvey({ ...definition, unitId });
              void navigate(`/surveys/${made.id}`);
            }}
          />
        </OnDemand>
      )}
      {state.status === "loading" && <Loading />}
      {state.status === "error" && <QueryError error={state.error} />}
      {state.status === "ready" && <SurveyTable list={state.data} />}
    </Page>
  );
}

function SurveyTable({ list }: { list: SurveyListView }) {
  const { t, lang } = useT();
  if (list.surveys.length === 0) return <p className="empty">{t("surveys.none")}</p>;
  return (
    <div className="table-scroll">
      <table className="table">
        <caption>{t("surveys.listCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("surveys.colTitle")}</th>
            <th scope="col">{t("surveys.colUnit")}</th>
            <th scope="col">{t("surveys.colState")}</th>
            <th scope="col">{t("surveys.colClosesOn")}</th>
            <th scope="col">{t("surveys.colAnswered")}</th>
          </tr>
        </thead>
        <tbody>
          {list.surveys.map((s) => (
            <tr key={s.id}>
              <td>
                <Link to={`/surveys/${s.id}`}>{s.title}</Link>
              </td>
              <td>{s.unitName}</td>
              <td>{t(`surveys.state.${s.state}`)}</td>
              <td>{formatDay(s.closesOn, lang)}</td>
              <td>
                {t("surveys.answeredOf", {
                  answered: String(s.answered),
                  respondents: String(s.respondents),
                })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
