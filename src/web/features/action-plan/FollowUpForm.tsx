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
import { defaultFollowUpYear, followUpStatusKey, parseAmount } from "./plan-model";

const fields = ["year", "status", "done", "value"] as const;

/** A year as a person typed it, or null while it is not one the plan can be followed up for. */
const yearOf = (text: string) => (/^\d{4}$/.test(text.trim()) ? Number(text.trim()) : null);

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
  const [draft, setDraft] = useState(() => {
    const year = defaultFollowUpYear(new Date(), plan);
    const earlier = goal.followUps.find((f) => f.year === year);
    return {
      year: String(year),
      status: (earlier?.status ?? "") as GoalFollowUpStatus | "",
      done: earlier?.done ?? "",
      value: earlier && !earlier.computed && earlier.value !== null ? String(earlier.value) : "",
    };
  });
  const titleId = `${useId()}-title`;
  const set = (changes: Partial<typeof draft>) => setDraft((d) => ({ ...d, ...changes }));
  const year = yearOf(draft.year);

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (year === null) problems.year = t("followUpForm.errorYear");
    if (draft.status === "") problems.status = t("followUpForm.chooseStatus");
    const value = goal.indicator.code ? null : parseAmount(draft.value);
    if (!goal.indicator.code && draft.value.trim() !== "" && value === null)
      problems.value = t("followUpForm.errorValue");
    if (year === null || draft.status === "" || Object.keys(problems).length > 0)
      return submit.reject(problems);
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
      <TextField
        label={t("followUpForm.year")}
        name="year"
        inputMode="numeric"
        value={draft.year}
        onChange={(e) => set({ year: e.target.value })}
        error={submit.fieldError("year")}
      />
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
  year: number | null;
}) {
  const { t } = useT();
  const api = useApi();
  const query = useQuery(
    year === null ? null : ["action-plan", planId, "indicator-values", year],
    (signal) => api.indicatorValues(planId, year ?? 0, signal),
    { keep: false },
  );
  const label = t("followUpForm.computedValue", { year: year ?? "" });
  if (year === null) return null;
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
