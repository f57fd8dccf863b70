import { type FormEvent, useState } from "react";
import {
  type ReviewPlanList,
  type ReviewPlanView,
  type ReviewScope,
  reviewScopes,
} from "../../../shared/api/log-review";
import { managedUnits } from "../../auth/permissions";
import { useApi, useMe } from "../../auth/useAuth";
import { useQuery } from "../../hooks/useQuery";
import { useSubmit } from "../../hooks/useSubmit";
import { useT } from "../../i18n/useT";
import { DateField } from "../../ui/DateField";
import { SelectField, TextField } from "../../ui/Field";
import { ErrorSummary, Loading, StatusMessage } from "../../ui/Messages";
import { QueryError } from "../../ui/QueryError";

/**
 * Granskningsplan (issue 19, item 7): who reviews each unit's log, what and how often; the
 * reviewer records a review as done here, and an overdue one is on the reviewer's Att göra.
 */
export function ReviewPlans() {
  const { t } = useT();
  const api = useApi();
  const [status, setStatus] = useState<string | null>(null);
  const plans = useQuery(["audit", "plans"], (signal) => api.reviewPlans(signal), {
    keep: false,
  });
  const submit = useSubmit();

  async function change(plan: ReviewPlanView, how: "done" | "end") {
    const ok = await submit.run(async () => {
      await (how === "done" ? api.reviewPlanDone(plan.id) : api.endReviewPlan(plan.id));
    });
    if (ok) {
      setStatus(
        t(how === "done" ? "plan.doneStatus" : "plan.endedStatus", { unit: plan.unit.name }),
      );
      plans.reload();
    }
  }

  const { state } = plans;
  return (
    <section className="section" aria-labelledby="plans-title">
      <h2 id="plans-title">{t("plan.title")}</h2>
      <p>{t("plan.intro")}</p>
      <StatusMessage message={status} />
      <ErrorSummary errors={submit.errors} />
      {state.status === "loading" && <Loading />}
      {state.status === "error" && <QueryError error={state.error} />}
      {state.status === "ready" &&
        (state.data.plans.length === 0 ? (
          <p className="empty">{t("plan.none")}</p>
        ) : (
          <PlanTable plans={state.data.plans} onChange={change} />
        ))}
      <NewPlanForm
        reviewers={state.status === "ready" ? state.data.reviewers : []}
        onMade={(unit) => {
          setStatus(t("plan.madeStatus", { unit }));
          plans.reload();
        }}
      />
    </section>
  );
}

/** The plans, soonest due first; the reviewer records a review done, a manager ends a plan. */
function PlanTable({
  plans,
  onChange,
}: {
  plans: readonly ReviewPlanView[];
  onChange: (plan: ReviewPlanView, how: "done" | "end") => void;
}) {
  const { t } = useT();
  const me = useMe();
  return (
    <div className="table-scroll">
      <table className="table table--compact">
        <caption>{t("plan.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("plan.unit")}</th>
            <th scope="col">{t("plan.reviewer")}</th>
            <th scope="col">{t("plan.scope")}</th>
            <th scope="col">{t("plan.every")}</th>
            <th scope="col">{t("plan.lastDone")}</th>
            <th scope="col">{t("plan.nextDue")}</th>
            <th scope="col">{t("anomaly.actions")}</th>
          </tr>
        </thead>
        <tbody>
          {plans.map((p) => (
            <tr key={p.id}>
              <td>{p.unit.name}</td>
              <td>{p.reviewer.displayName}</td>
              <td>{p.scope.map((s) => t(`plan.scope.${s}`)).join(", ")}</td>
              <td>{t("plan.everyDays", { count: p.everyDays })}</td>
              <td>{p.lastDoneOn ?? t("plan.never")}</td>
              <td>
                {p.nextDueOn}{" "}
                {p.overdue && <span className="badge badge--overdue">{t("plan.overdue")}</span>}
              </td>
              <td>
                {p.reviewer.id === me.user.id && (
                  <button
                    type="button"
                    className="button button--small"
                    aria-label={t("plan.doneLabel", { unit: p.unit.name })}
                    onClick={() => onChange(p, "done")}
                  >
                    {t("plan.done")}
                  </button>
                )}{" "}
                <button
                  type="button"
                  className="button button--secondary button--small"
                  aria-label={t("plan.endLabel", { unit: p.unit.name })}
                  onClick={() => onChange(p, "end")}
                >
                  {t("plan.end")}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function NewPlanForm({
  reviewers,
  onMade,
}: {
  reviewers: ReviewPlanList["reviewers"];
  onMade: (unit: string) => void;
}) {
  const { t } = useT();
  const api = useApi();
  const me = useMe();
  const units = managedUnits(me.roles);
  const submit = useSubmit(["unitId", "reviewerId", "scope", "everyDays", "startsOn"]);
  const [unitId, setUnitId] = useState(units[0]?.id ?? "");
  const [reviewerId, setReviewerId] = useState("");
  const [scope, setScope] = useState<ReviewScope>("full");
  const [everyDays, setEveryDays] = useState("30");
  const [startsOn, setStartsOn] = useState("");
  const managers = reviewers.find((r) => r.unitId === unitId)?.users ?? [];

  async function save(event: FormEvent) {
    event.preventDefault();
    const ok = await submit.run(async () => {
      await api.createReviewPlan({
        unitId,
        reviewerId,
        scope: [scope],
        everyDays: Number(everyDays),
        startsOn,
      });
    });
    if (ok) onMade(units.find((u) => u.id === unitId)?.name ?? "");
  }

  return (
    <form className="form" aria-labelledby="new-plan-title" onSubmit={save} noValidate>
      <h3 id="new-plan-title">{t("plan.newTitle")}</h3>
      <ErrorSummary errors={submit.errors} />
      <SelectField
        label={t("plan.unit")}
        name="unitId"
        value={unitId}
        onChange={(e) => setUnitId(e.target.value)}
        error={submit.fieldError("unitId")}
      >
        {units.map((u) => (
          <option key={u.id} value={u.id}>
            {u.name}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t("plan.reviewer")}
        hint={t("plan.reviewerHint")}
        name="reviewerId"
        value={reviewerId}
        onChange={(e) => setReviewerId(e.target.value)}
        error={submit.fieldError("reviewerId")}
      >
        <option value="">{t("common.choose")}</option>
        {managers.map((m) => (
          <option key={m.id} value={m.id}>
            {m.displayName}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t("plan.scope")}
        name="scope"
        value={scope}
        onChange={(e) => setScope(e.target.value as ReviewScope)}
        error={submit.fieldError("scope")}
      >
        {reviewScopes.map((s) => (
          <option key={s} value={s}>
            {t(`plan.scope.${s}`)}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t("plan.everyLabel")}
        name="everyDays"
        inputMode="numeric"
        value={everyDays}
        onChange={(e) => setEveryDays(e.target.value)}
        error={submit.fieldError("everyDays")}
      />
      <DateField
        label={t("plan.startsOn")}
        name="startsOn"
        value={startsOn}
        onChange={setStartsOn}
        error={submit.fieldError("startsOn")}
      />
      <button type="submit" className="button" disabled={submit.pending}>
        {t("plan.save")}
      </button>
    </form>
  );
}
