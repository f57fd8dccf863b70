import { type FormEvent, useId } from "react";
import { type ActivityStatus, activityStatuses } from "../../../shared/api/action-plan";
import type { ActionPlanActivity, ActionPlanGoal } from "../../api/endpoints";
import { useApi } from "../../auth/useAuth";
import { useT } from "../../i18n/useT";
import { DateField } from "../../ui/DateField";
import { SelectField, TextField } from "../../ui/Field";
import { ErrorSummary } from "../../ui/Messages";
import { type PlanChangeProps, usePlanChange, usePlanDraft } from "./plan-change";
import { activityStatusKey } from "./plan-model";

const fields = ["title", "ownerId", "dueOn", "status"] as const;
const empty = { title: "", ownerId: "", dueOn: "", status: "planned" as ActivityStatus };

/**
 * Ny aktivitet / Ändra aktiviteten: what is to be done for a goal, by whom and when. The owners
 * offered are the plan's `staff` (those the server lets own an activity); an activity whose
 * owner has since left that list keeps her as an option, as the server keeps her.
 */
export function ActivityForm(
  props: PlanChangeProps & { goal: ActionPlanGoal; activity?: ActionPlanActivity },
) {
  const { t } = useT();
  const api = useApi();
  const { submit, run } = usePlanChange(fields, props);
  const { plan, goal, activity } = props;
  // Fields not touched follow the activity as the plan now has it: a status set where the
  // activity is listed, while this form stood open, is not sent back to the old one.
  const [draft, setDraft] = usePlanDraft(
    activity
      ? {
          title: activity.title,
          ownerId: activity.ownerId,
          dueOn: activity.dueOn,
          status: activity.status,
        }
      : empty,
    plan.version,
  );
  const titleId = `${useId()}-title`;
  const set = (changes: Partial<typeof draft>) => setDraft((d) => ({ ...d, ...changes }));
  const owners =
    activity && !plan.staff.some((s) => s.id === activity.ownerId)
      ? [...plan.staff, { id: activity.ownerId, name: activity.ownerName }]
      : plan.staff;

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const ok = await run(async () => {
      const input = { ...draft, version: plan.version };
      const saved = activity
        ? await api.changeActionPlanActivity(plan.id, activity.id, input)
        : await api.addActionPlanActivity(plan.id, { goalId: goal.id, ...input });
      const said = activity ? "activityForm.changed" : "activityForm.saved";
      props.onSaved(saved, t(said, { title: draft.title.trim() }));
    });
    if (ok && !activity) setDraft(() => empty);
  }

  return (
    <form className="form" aria-labelledby={titleId} onSubmit={handleSubmit} noValidate>
      <h4 id={titleId}>
        {activity
          ? t("activityForm.editTitle", { title: activity.title })
          : t("activityForm.title", { goal: goal.title })}
      </h4>
      <ErrorSummary errors={submit.errors} />
      <TextField
        label={t("activityForm.name")}
        name="title"
        value={draft.title}
        onChange={(e) => set({ title: e.target.value })}
        error={submit.fieldError("title")}
      />
      <SelectField
        label={t("activityForm.owner")}
        name="ownerId"
        value={draft.ownerId}
        onChange={(e) => set({ ownerId: e.target.value })}
        error={submit.fieldError("ownerId")}
      >
        <option value="">{t("activityForm.chooseOwner")}</option>
        {owners.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </SelectField>
      <DateField
        label={t("activityForm.dueOn")}
        name="dueOn"
        value={draft.dueOn}
        onChange={(dueOn) => set({ dueOn })}
        error={submit.fieldError("dueOn")}
      />
      <SelectField
        label={t("activityForm.status")}
        name="status"
        value={draft.status}
        onChange={(e) => set({ status: e.target.value as ActivityStatus })}
        error={submit.fieldError("status")}
      >
        {activityStatuses.map((s) => (
          <option key={s} value={s}>
            {t(activityStatusKey(s))}
          </option>
        ))}
      </SelectField>
      <button type="submit" className="button" disabled={submit.pending}>
        {activity ? t("activityForm.change") : t("activityForm.save")}
      </button>
    </form>
  );
}
