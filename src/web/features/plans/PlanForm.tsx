import { type FormEvent, useState } from "react";
import type { DecisionView, PlanView } from "../../api/endpoints";
import { useApi } from "../../auth/useAuth";
import { rejectWith } from "../../hooks/rejectWith";
import { useSubmit } from "../../hooks/useSubmit";
import { formatDateTimeShort, localDateInput } from "../../i18n/dates";
import { decisionOutcomeLabels, interventionLabel } from "../../i18n/labels";
import { useT } from "../../i18n/useT";
import { DateField } from "../../ui/DateField";
import { TextAreaField } from "../../ui/Field";
import { ErrorSummary } from "../../ui/Messages";
import { checkPlan, type PlanDraft } from "../decisions/decisions-model";

/* The form that makes the plan for a granted intervention that has none yet. */

const planFields = ["goals", "activities", "startDate", "followUpDate", "decisionId"] as const;

export function PlanForm({
  caseId,
  decision,
  beforeChange,
  onSaved,
}: {
  caseId: string;
  decision: DecisionView;
  beforeChange: () => void;
  onSaved: (plans: PlanView[]) => void;
}) {
  const { t, lang } = useT();
  const api = useApi();
  const submit = useSubmit(planFields);
  const [draft, setDraft] = useState<PlanDraft>(() => ({
    goals: "",
    activities: "",
    startDate: decision.periodFrom ?? localDateInput(new Date()),
    followUpDate: "",
  }));
  const set = (changes: Partial<PlanDraft>) => setDraft((d) => ({ ...d, ...changes }));
  const formTitleId = `plan-new-${decision.id}`;
  const intervention = interventionLabel(decision.interventionKind, decision.interventionName, t);

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    beforeChange();
    const checked = checkPlan(draft);
    if (!checked.ok) return rejectWith(submit, checked.fields, t);
    await submit.run(async () => {
      onSaved((await api.savePlan(caseId, decision.id, checked.body)).plans);
    });
  }

  return (
    <div className="subsection">
      <h3 id={formTitleId}>{t("plans.newTitle", { intervention })}</h3>
      <p className="muted">
        {t("plans.forDecision", {
          date: formatDateTimeShort(decision.decidedAt, lang),
          outcome: t(decisionOutcomeLabels[decision.outcome]),
        })}
      </p>
      <ErrorSummary errors={submit.errors} />
      <form
        className="form form--wide"
        aria-labelledby={formTitleId}
        onSubmit={handleSubmit}
        noValidate
      >
        <PlanTextFields draft={draft} set={set} fieldError={submit.fieldError} />
        <PlanDateFields draft={draft} set={set} fieldError={submit.fieldError} />
        <button type="submit" className="button" disabled={submit.pending}>
          {t("plans.submit")}
        </button>
      </form>
    </div>
  );
}

type PlanFieldsProps = {
  draft: PlanDraft;
  set: (changes: Partial<PlanDraft>) => void;
  fieldError: (name: string) => string | undefined;
};

/** What the plan is for and what is done (a missing decision is told at the activities). */
function PlanTextFields({ draft, set, fieldError }: PlanFieldsProps) {
  const { t } = useT();
  return (
    <>
      <TextAreaField
        label={t("plans.goals")}
        name="goals"
        rows={4}
        value={draft.goals}
        onChange={(e) => set({ goals: e.target.value })}
        error={fieldError("goals")}
      />
      <TextAreaField
        label={t("plans.activities")}
        name="activities"
        rows={5}
        value={draft.activities}
        onChange={(e) => set({ activities: e.target.value })}
        error={fieldError("activities") ?? fieldError("decisionId")}
      />
    </>
  );
}

/** When the plan starts and when it is first followed up (not before the start). */
function PlanDateFields({ draft, set, fieldError }: PlanFieldsProps) {
  const { t } = useT();
  return (
    <div className="field__row">
      <DateField
        label={t("plans.startDate")}
        name="startDate"
        value={draft.startDate}
        onChange={(value) => set({ startDate: value })}
        error={fieldError("startDate")}
      />
      <DateField
        label={t("plans.followUpDate")}
        name="followUpDate"
        min={draft.startDate || undefined}
        value={draft.followUpDate}
        onChange={(value) => set({ followUpDate: value })}
        error={fieldError("followUpDate")}
      />
    </div>
  );
}
