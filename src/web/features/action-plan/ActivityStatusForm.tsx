import type { FormEvent } from "react";
import { type ActivityStatus, activityStatuses } from "../../../shared/api/action-plan";
import type { ActionPlanGoal } from "../../api/endpoints";
import { useApi } from "../../auth/useAuth";
import { useT } from "../../i18n/useT";
import { SelectField } from "../../ui/Field";
import { ErrorSummary } from "../../ui/Messages";
import { type PlanChangeProps, usePlanChange, usePlanDraft } from "./plan-change";
import { activityStatusKey } from "./plan-model";

type Activity = ActionPlanGoal["activities"][number];

/**
 * An activity's status changed where it is listed (an activity marked done leaves its owner's
 * Att göra); the rest of the activity is sent as it is.
 */
export function ActivityStatusForm(props: PlanChangeProps & { activity: Activity }) {
  const { t } = useT();
  const api = useApi();
  const { plan, activity } = props;
  const { submit, run } = usePlanChange(["status"], props);
  // A status not chosen here follows the activity (changed in its form, or by another manager).
  const [draft, setDraft] = usePlanDraft({ status: activity.status }, plan.version);
  const { status } = draft;
  const setStatus = (next: ActivityStatus) => setDraft(() => ({ status: next }));

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    await run(async () => {
      const { title, ownerId, dueOn } = activity;
      const body = { title, ownerId, dueOn, status, version: plan.version };
      const saved = await api.changeActionPlanActivity(plan.id, activity.id, body);
      const said = t("activityStatusForm.saved", {
        title,
        status: t(activityStatusKey(status)).toLowerCase(),
      });
      props.onSaved(saved, said);
    });
  }

  return (
    <form
      className="form form--inline"
      aria-label={t("activityStatusForm.status", { title: activity.title })}
      onSubmit={handleSubmit}
      noValidate
    >
      <ErrorSummary errors={submit.errors} />
      <SelectField
        label={t("activityStatusForm.status", { title: activity.title })}
        name="status"
        value={status}
        onChange={(e) => setStatus(e.target.value as ActivityStatus)}
        error={submit.fieldError("status")}
      >
        {activityStatuses.map((s) => (
          <option key={s} value={s}>
            {t(activityStatusKey(s))}
          </option>
        ))}
      </SelectField>
      <button type="submit" className="button button--secondary" disabled={submit.pending}>
        {t("activityStatusForm.save", { title: activity.title })}
      </button>
    </form>
  );
}
