import { type FormEvent, useId, useState } from "react";
import { followUpStatuses, type GoalFollowUpStatus } from "../../../shared/api/action-plan";
import type { ActionPlanGoal } from "../../api/endpoints";
import { useApi } from "../../auth/useAuth";
import { useQuery } from "../../hooks/useQuery";
import { useT } from "../../i18n/useT";
import { SelectField, TextAreaField, TextField } from "../../ui/Field";
import { ErrorSummary } from "../../ui/Messages";
import { QueryError } from "../../ui/QueryError";
import { type PlanChangeProps, usePlanChange } from "./plan-change";
import {
  defaultFollowUpYear,
  followUpDraft,
  followUpStatusKey,
  parseAmount,
  planYears,
} from "./plan-model";

const fields = ["year", "status", "done", "value"] as const;

/**
 * Följ upp: the goal's follow-up for a year — status, what was done and the indicator's value.
 * A computed indicator's value is Frid's (shown read-only, counted again and stored when the
 * follow-up is saved); a manual one is typed here. A second follow-up for a year replaces it.
 */
export function FollowUpForm(props: PlanChangeProps & { goal: ActionPlanGoal }) {
  const { t } = useT();
  const api = useApi();
  const { plan, goal } = props;
  const { submit, run } = usePlanChange(fields, props);
  const [draft, setDraft] = useState(() =>
    followUpDraft(goal, defaultFollowUpYear(new Date(), plan)),
  );
  const titleId = `${useId()}-title`;
  const set = (changes: Partial<typeof draft>) => setDraft((d) => ({ ...d, ...changes }));
  const { year } = draft;

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (draft.status === "") problems.status = t("followUpForm.chooseStatus");
    const value = goal.indicator.code ? null : parseAmount(draft.value);
    if (!goal.indicator.code && draft.value.trim() !== "" && value === null)
      problems.value = t("followUpForm.errorValue");
    if (draft.status === "" || Object.keys(problems).length > 0) return submit.reject(problems);
    const body = { status: draft.status, done: draft.done, value, version: plan.version };
    await run(async () => {
      const saved = await api.followUpActionPlanGoal(plan.id, goal.id, year, body);
      props.onSaved(saved, t("followUpForm.saved", { goal: goal.title, year }));
    });
  }

  return (
    <form className="form" aria-labelledby={titleId} onSubmit={handleSubmit} noValidate>
      <h4 id={titleId}>{t("followUpForm.title", { goal: goal.title })}</h4>
      <ErrorSummary errors={submit.errors} />
      <SelectField
        label={t("followUpForm.year")}
        name="year"
        value={draft.year}
        // Another year brings its own saved follow-up (or empty fields), never this one's text.
        onChange={(e) => setDraft(followUpDraft(goal, Number(e.target.value)))}
        error={submit.fieldError("year")}
      >
        {planYears(plan).map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t("followUpForm.status")}
        name="status"
        value={draft.status}
        onChange={(e) => set({ status: e.target.value as GoalFollowUpStatus | "" })}
        error={submit.fieldError("status")}
      >
        <option value="">{t("followUpForm.chooseStatus")}</option>
        {followUpStatuses.map((s) => (
          <option key={s} value={s}>
            {t(followUpStatusKey(s))}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        label={t("followUpForm.done")}
        name="done"
        value={draft.done}
        onChange={(e) => set({ done: e.target.value })}
        error={submit.fieldError("done")}
      />
      {goal.indicator.code ? (
        <ComputedValue planId={plan.id} goal={goal} year={year} />
      ) : (
        <TextField
          label={t("followUpForm.value", { unit: goal.indicator.unit })}
          name="value"
          inputMode="decimal"
          value={draft.value}
          onChange={(e) => set({ value: e.target.value })}
          error={submit.fieldError("value")}
        />
      )}
      <button type="submit" className="button" disabled={submit.pending}>
        {t("followUpForm.save")}
      </button>
    </form>
  );
}

/** What Frid counts for the goal's computed indicator in the year: read-only, never sent. */
function ComputedValue({
  planId,
  goal,
  year,
}: {
  planId: string;
  goal: ActionPlanGoal;
  year: number;
}) {
  const { t } = useT();
  const api = useApi();
  const query = useQuery(
    ["action-plan", planId, "indicator-values", year],
    (signal) => api.indicatorValues(planId, year, signal),
    { keep: false },
  );
  const label = t("followUpForm.computedValue", { year });
  if (query.state.status === "error") return <QueryError error={query.state.error} />;
  if (query.state.status === "loading") return <p>{t("followUpForm.computing")}</p>;
  if (!query.state.data.computable) return <p>{t("followUpForm.notComputable")}</p>;
  const found = query.state.data.values.find((v) => v.goalId === goal.id);
  return (
    <TextField
      label={label}
      hint={t("followUpForm.computedHint")}
      name="computedValue"
      readOnly
      value={found ? `${found.value} ${goal.indicator.unit}` : ""}
    />
  );
}
