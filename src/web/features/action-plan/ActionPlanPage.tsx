import { useState } from "react";
import { Link, useParams } from "react-router";
import type { ActionPlanGoal, ActionPlanView } from "../../api/endpoints";
import { useApi } from "../../auth/useAuth";
import { useQuery } from "../../hooks/useQuery";
import { formatDay } from "../../i18n/dates";
import type { Translate } from "../../i18n/messages";
import { useT } from "../../i18n/useT";
import { Loading, StatusMessage } from "../../ui/Messages";
import { OnDemand } from "../../ui/OnDemand";
import { Page } from "../../ui/Page";
import { QueryError } from "../../ui/QueryError";
import { ActivityForm } from "./ActivityForm";
import { ActivityStatusForm } from "./ActivityStatusForm";
import { AreaForm } from "./AreaForm";
import { FollowUpForm } from "./FollowUpForm";
import { GoalForm } from "./GoalForm";
import { PlanHeadForm } from "./PlanForm";
import type { PlanChangeProps } from "./plan-change";
import { activityStatusKey, areaKey, followUpStatusKey } from "./plan-model";

/*
 * One action plan: its areas with their goals (indicator and target), each goal's activities
 * and follow-ups, and for the plan's keepers the forms that add to it and "Följ upp" per goal.
 * Reached from the list and from Att göra (an overdue activity, a goal to follow up).
 */
export function ActionPlanPage() {
  const { t, lang } = useT();
  const api = useApi();
  const { planId = "" } = useParams();
  const [message, setMessage] = useState<string | null>(null);
  const query = useQuery(["action-plan", planId], (signal) => api.actionPlan(planId, signal));
  const plan = query.state.status === "ready" ? query.state.data : null;
  const change = plan && {
    plan,
    onSaved: (saved: ActionPlanView, said: string) => {
      query.setData(saved);
      setMessage(said);
    },
    onStale: () => query.reload(),
    onChange: () => setMessage(null),
  };
  return (
    <Page title={plan ? plan.title : t("actionPlan.title")}>
      <p>
        <Link to="/action-plans">{t("actionPlan.back")}</Link>
      </p>
      {query.state.status === "loading" && <Loading />}
      {query.state.status === "error" && <QueryError error={query.state.error} />}
      {plan && (
        <p>
          {t("actionPlan.adopted", { by: plan.adoptedBy, date: formatDay(plan.adoptedOn, lang) })}
          {", "}
          {t("actionPlan.period", { from: plan.fromYear, to: plan.toYear })}
        </p>
      )}
      <StatusMessage message={message} />
      {change?.plan.abilities.change && (
        <>
          <OnDemand label={t("planForm.editTitle")}>
            <PlanHeadForm {...change} />
          </OnDemand>
          <OnDemand label={t("goalForm.title")}>
            <GoalForm {...change} />
          </OnDemand>
          <OnDemand label={t("areaForm.title")}>
            <AreaForm {...change} />
          </OnDemand>
        </>
      )}
      {change?.plan.areas.map((area) => (
        <section key={area.id} className="section" aria-labelledby={`area-${area.id}`}>
          <h2 id={`area-${area.id}`}>{area.kind === "own" ? area.title : t(areaKey(area.kind))}</h2>
          {change.plan.abilities.change && area.kind === "own" && area.title !== null && (
            <OnDemand label={t("areaForm.renameTitle", { title: area.title })}>
              <AreaForm {...change} area={{ id: area.id, title: area.title }} />
            </OnDemand>
          )}
          {area.goals.length === 0 ? (
            <p>{t("actionPlan.noGoals")}</p>
          ) : (
            area.goals.map((goal) => <Goal key={goal.id} goal={goal} change={change} />)
          )}
        </section>
      ))}
    </Page>
  );
}

function Goal({ goal, change }: { goal: ActionPlanGoal; change: PlanChangeProps }) {
  const { t } = useT();
  const { indicator } = goal;
  const headingId = `goal-${goal.id}`;
  return (
    <article className="card" aria-labelledby={headingId}>
      <h3 id={headingId}>{goal.title}</h3>
      {goal.description && <p>{goal.description}</p>}
      <p>
        <strong>{t("actionPlan.indicator")}:</strong>{" "}
        {t("actionPlan.indicatorText", {
          name: indicator.name,
          target: indicator.target,
          unit: indicator.unit,
        })}{" "}
        ({indicatorSource(indicator, t)})
      </p>
      <Activities goal={goal} change={change} />
      <FollowUps goal={goal} />
      {change.plan.abilities.change && (
        <>
          <OnDemand label={t("goalForm.editTitle", { goal: goal.title })}>
            <GoalForm {...change} goal={goal} />
          </OnDemand>
          <OnDemand label={t("followUpForm.open", { goal: goal.title })}>
            <FollowUpForm {...change} goal={goal} />
          </OnDemand>
          <OnDemand label={t("activityForm.title", { goal: goal.title })}>
            <ActivityForm {...change} goal={goal} />
          </OnDemand>
        </>
      )}
    </article>
  );
}

/** How the indicator's value is found; the catalogue's name only when the goal renamed it. */
function indicatorSource(indicator: ActionPlanGoal["indicator"], t: Translate) {
  if (!indicator.codeName) return t("actionPlan.manual");
  return indicator.codeName === indicator.name
    ? t("actionPlan.computedByFrid")
    : t("actionPlan.computed", { name: indicator.codeName });
}

function Activities({ goal, change }: { goal: ActionPlanGoal; change: PlanChangeProps }) {
  const { t, lang } = useT();
  return (
    <>
      <h4>{t("actionPlan.activities")}</h4>
      {goal.activities.length === 0 ? (
        <p>{t("actionPlan.noActivities")}</p>
      ) : (
        <ul>
          {goal.activities.map((a) => (
            <li key={a.id}>
              {t("actionPlan.activityLine", {
                title: a.title,
                owner: a.ownerName,
                date: formatDay(a.dueOn, lang),
              })}{" "}
              – {t(activityStatusKey(a.status))}
              {a.overdue && (
                <>
                  {" "}
                  <strong className="badge badge--overdue">{t("actionPlan.overdue")}</strong>
                </>
              )}
              {change.plan.abilities.change && (
                <>
                  <ActivityStatusForm {...change} activity={a} />
                  <OnDemand label={t("activityForm.editTitle", { title: a.title })}>
                    <ActivityForm {...change} goal={goal} activity={a} />
                  </OnDemand>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function FollowUps({ goal }: { goal: ActionPlanGoal }) {
  const { t } = useT();
  const { indicator } = goal;
  return (
    <>
      <h4>{t("actionPlan.followUps")}</h4>
      {goal.followUps.length === 0 ? (
        <p>{t("actionPlan.noFollowUps")}</p>
      ) : (
        <ul>
          {goal.followUps.map((f) => (
            <li key={f.year}>
              {t("actionPlan.followUpLine", {
                year: f.year,
                status: t(followUpStatusKey(f.status)),
              })}
              {f.value !== null && (
                <>
                  {". "}
                  {t(f.computed ? "actionPlan.valueComputed" : "actionPlan.value", {
                    value: f.value,
                    unit: indicator.unit,
                  })}
                </>
              )}
              {f.done && (
                <>
                  <br />
                  {f.done}
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
