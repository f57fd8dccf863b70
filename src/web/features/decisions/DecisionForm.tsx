import { type FormEvent, useState } from "react";
import { interventionKinds } from "../../../shared/api/decisions";
import type { CaseView, DecisionOutcomeCode, DecisionView } from "../../api/endpoints";
import { useApi } from "../../auth/useAuth";
import { rejectWith } from "../../hooks/rejectWith";
import { useSubmit } from "../../hooks/useSubmit";
import { decisionOutcomeLabels, interventionKindLabels } from "../../i18n/labels";
import { useT } from "../../i18n/useT";
import { RadioGroupField, SelectField, TextAreaField, TextField } from "../../ui/Field";
import { ErrorSummary } from "../../ui/Messages";
import {
  checkDecisionDraft,
  type DecisionDraft,
  decisionOutcomes,
  emptyDecisionDraft,
  emptyPlacementDraft,
  isInterventionKind,
  needsPlacement,
  placementFieldNames,
} from "./decisions-model";
import { PlacementFieldset } from "./Placement";

/*
 * The form for a new decision; for a child's placement in sheltered housing it asks the
 * placement's facts as well.
 */

const newTitleId = "decision-new-title";
const fieldNames = ["interventionKind", "outcome", "periodFrom", "periodTo", "reasoning"] as const;
/** With the placement's fields only while they are shown; else the summary lists their messages. */
const fieldNamesWithPlacement = [...fieldNames, ...placementFieldNames] as const;

export function DecisionForm({
  caseId,
  caseType,
  beforeSubmit,
  onRecorded,
}: {
  caseId: string;
  caseType: CaseView["caseType"];
  beforeSubmit: () => void;
  onRecorded: (decision: DecisionView) => void;
}) {
  const { t } = useT();
  const api = useApi();
  const [draft, setDraft] = useState<DecisionDraft>(emptyDecisionDraft);
  const asksPlacement = needsPlacement(caseType, draft);
  const submit = useSubmit(asksPlacement ? fieldNamesWithPlacement : fieldNames);
  const set = (changes: Partial<DecisionDraft>) => setDraft((d) => ({ ...d, ...changes }));

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    beforeSubmit();
    const checked = checkDecisionDraft(draft, caseType);
    if (!checked.ok) return rejectWith(submit, checked.fields, t);
    // A 409 (not a status where decisions are made) shows the server's own words.
    await submit.run(async () => {
      const decision = await api.recordDecision(caseId, checked.body);
      setDraft(emptyDecisionDraft);
      onRecorded(decision);
    });
  }

  const outcomeOptions = decisionOutcomes.map((value: DecisionOutcomeCode) => ({
    value,
    label: t(decisionOutcomeLabels[value]),
  }));
  return (
    <div className="subsection">
      <h3 id={newTitleId}>{t("decisions.newTitle")}</h3>
      <ErrorSummary errors={submit.errors} />
      <form className="form" aria-labelledby={newTitleId} onSubmit={handleSubmit} noValidate>
        <SelectField
          label={t("decisions.intervention")}
          name="interventionKind"
          value={draft.interventionKind}
          onChange={(e) => {
            const value = e.target.value;
            set({ interventionKind: isInterventionKind(value) ? value : "" });
          }}
          error={submit.fieldError("interventionKind")}
        >
          <option value="">{t("common.choose")}</option>
          {interventionKinds.map((kind) => (
            <option key={kind} value={kind}>
              {t(interventionKindLabels[kind])}
            </option>
          ))}
        </SelectField>
        <RadioGroupField
          label={t("decisions.outcome")}
          name="outcome"
          value={draft.outcome}
          options={outcomeOptions}
          onChange={(outcome) => set({ outcome })}
          error={submit.fieldError("outcome")}
        />
        <div className="field__row">
          <TextField
            label={t("decisions.periodFrom")}
            hint={t("decisions.periodHint")}
            name="periodFrom"
            type="date"
            value={draft.periodFrom}
            onChange={(e) => set({ periodFrom: e.target.value })}
            error={submit.fieldError("periodFrom")}
          />
          <TextField
            label={t("decisions.periodTo")}
            hint={t("decisions.periodHint")}
            name="periodTo"
            type="date"
            min={draft.periodFrom || undefined}
            value={draft.periodTo}
            onChange={(e) => set({ periodTo: e.target.value })}
            error={submit.fieldError("periodTo")}
          />
        </div>
        {asksPlacement && (
          <PlacementFieldset
            draft={draft.placement ?? emptyPlacementDraft}
            onChange={(placement) => set({ placement })}
            fieldError={submit.fieldError}
          />
        )}
        <TextAreaField
          label={t("decisions.reasoning")}
          name="reasoning"
          rows={5}
          value={draft.reasoning}
          onChange={(e) => set({ reasoning: e.target.value })}
          error={submit.fieldError("reasoning")}
        />
        <button type="submit" className="button" disabled={submit.pending}>
          {t("decisions.submit")}
        </button>
      </form>
    </div>
  );
}
