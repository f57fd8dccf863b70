import { type FormEvent, useState } from "react";
import type { BarrierEventListView } from "../../api/endpoints";
import { useApi } from "../../auth/useAuth";
import { rejectWith } from "../../hooks/rejectWith";
import { useSubmit } from "../../hooks/useSubmit";
import { useT } from "../../i18n/useT";
import { RadioGroupField, SelectField, TextAreaField } from "../../ui/Field";
import { ErrorSummary } from "../../ui/Messages";
import {
  alertLevelLabels,
  alertLevels,
  checkRiskAlert,
  emptyRiskAlertDraft,
  type RiskAlertDraft,
  riskAlertFields,
} from "./barrier-events-model";
import { relationshipLabels } from "./partner-contact-his-model";

const formTitleId = "risk-alert-form-title";

interface RiskAlertProps {
  caseId: string;
  targets: BarrierEventListView["alertTargets"];
  beforeSubmit: () => void;
  onSent: (list: BarrierEventListView) => void;
}

/** The raise-alert command: the draft and its checks. */
function useRiskAlert({ caseId, beforeSubmit, onSent }: RiskAlertProps) {
  const { t } = useT();
  const api = useApi();
  const submit = useSubmit(riskAlertFields);
  const [draft, setDraft] = useState<RiskAlertDraft>(emptyRiskAlertDraft);
  const set = (changes: Partial<RiskAlertDraft>) => setDraft((d) => ({ ...d, ...changes }));

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    beforeSubmit();
    const checked = checkRiskAlert(draft);
    if (!checked.ok) return rejectWith(submit, checked.fields, t);
    await submit.run(async () => {
      const list = await api.raiseRiskAlert(caseId, checked.body);
      setDraft(emptyRiskAlertDraft);
      onSent(list);
    });
  }

  return { submit, draft, set, handleSubmit };
}

export function RiskAlertForm(props: RiskAlertProps) {
  const { t } = useT();
  const { submit, draft, set, handleSubmit } = useRiskAlert(props);
  const { targets } = props;

  return (
    <div className="subsection">
      <h3 id={formTitleId}>{t("barrierEvents.alertTitle")}</h3>
      <p className="muted">{t("barrierEvents.alertIntro")}</p>
      <ErrorSummary errors={submit.errors} />
      <form
        className="form form--wide"
        aria-labelledby={formTitleId}
        onSubmit={handleSubmit}
        noValidate
      >
        {/* His side with more than one partner: the alert may concern one of them only. */}
        {targets.length > 1 && (
          <AlertTargetField
            targets={targets}
            value={draft.partnerId}
            onChange={(partnerId) => set({ partnerId })}
            error={submit.fieldError("partnerId")}
          />
        )}
        <RadioGroupField
          label={t("barrierEvents.alertLevel")}
          name="level"
          value={draft.level}
          options={alertLevels.map((value) => ({ value, label: t(alertLevelLabels[value]) }))}
          onChange={(level) => set({ level })}
          error={submit.fieldError("level")}
        />
        <TextAreaField
          label={t("barrierEvents.alertReason")}
          hint={t("barrierEvents.alertReasonHint")}
          name="reason"
          rows={4}
          value={draft.reason}
          onChange={(e) => set({ reason: e.target.value })}
          error={submit.fieldError("reason")}
        />
        <button type="submit" className="button" disabled={submit.pending}>
          {t("barrierEvents.alertSubmit")}
        </button>
      </form>
    </div>
  );
}

/** Which partner the alert concerns, or all of them. */
function AlertTargetField({
  targets,
  value,
  onChange,
  error,
}: {
  targets: RiskAlertProps["targets"];
  value: string;
  onChange: (partnerId: string) => void;
  error: string | undefined;
}) {
  const { t } = useT();
  return (
    <SelectField
      label={t("barrierEvents.alertTarget")}
      name="partnerId"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={error}
    >
      <option value="">{t("barrierEvents.alertTargetAll")}</option>
      {targets.map((target, index) => (
        <option key={target.partnerId} value={target.partnerId}>
          {t("partnerHis.partnerTitle", {
            n: index + 1,
            relationship: t(relationshipLabels[target.relationship]),
          })}
        </option>
      ))}
    </SelectField>
  );
}
