import { Link, useNavigate } from "react-router";
import { useApi } from "../../auth/useAuth";
import { useQuery } from "../../hooks/useQuery";
import { formatDay } from "../../i18n/dates";
import { useT } from "../../i18n/useT";
import { Loading } from "../../ui/Messages";
import { OnDemand } from "../../ui/OnDemand";
import { Page } from "../../ui/Page";
import { QueryError } from "../../ui/QueryError";
import { PlanForm } from "./PlanForm";

/*
 * Handlingsplan: the organisation's action plans (managers, analysts and administrators read
 * them), and "Ny handlingsplan" for its keepers; a new plan opens on its own page.
 */
export function ActionPlansPage() {
  const { t, lang } = useT();
  const api = useApi();
  const navigate = useNavigate();
  const query = useQuery(["action-plans"], (signal) => api.actionPlans(signal));
  const data = query.state.status === "ready" ? query.state.data : null;
  return (
    <Page title={t("actionPlan.title")}>
      <p>{t("actionPlan.intro")}</p>
      {query.state.status === "loading" && <Loading />}
      {query.state.status === "error" && <QueryError error={query.state.error} />}
      {data?.mayCreate && (
        <OnDemand label={t("planForm.title")}>
          <PlanForm onSaved={(plan) => navigate(`/action-plans/${plan.id}`)} />
        </OnDemand>
      )}
      {data && (
        <section className="section" aria-labelledby="action-plan-list-title">
          <h2 id="action-plan-list-title">{t("actionPlan.listTitle")}</h2>
          {data.plans.length === 0 ? (
            <p>{t("actionPlan.empty")}</p>
          ) : (
            <table className="table table--cards">
              <thead>
                <tr>
                  <th scope="col">{t("actionPlan.colTitle")}</th>
                  <th scope="col">{t("actionPlan.colAdopted")}</th>
                  <th scope="col">{t("actionPlan.colPeriod")}</th>
                </tr>
              </thead>
              <tbody>
                {data.plans.map((p) => (
                  <tr key={p.id}>
                    <th scope="row">
                      <Link to={`/action-plans/${p.id}`}>{p.title}</Link>
                    </th>
                    <td data-label={t("actionPlan.colAdopted")}>
                      {t("actionPlan.adopted", {
                        by: p.adoptedBy,
                        date: formatDay(p.adoptedOn, lang),
                      })}
                    </td>
                    <td data-label={t("actionPlan.colPeriod")}>
                      {t("actionPlan.period", { from: p.fromYear, to: p.toYear })}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}
    </Page>
  );
}
