import { type FormEvent, useState } from "react";
import { interventionKinds } from "../../../shared/api/decisions";
import type { CaseView, DecisionOutcomeCode, DecisionView } from "../../api/endpoints";
import { useApi } from "../../auth/useAuth";
import { rejectWith } from "../../hooks/rejectWith";
import { useSubmit } from "../../hooks/useSubmit";
import { decisionOutcomeLabels, interventionKindLabels } from "../../i18n/labels";
import { useT } from "../../i18n/useT";
import { DateField } from "../../ui/DateField";
import { RadioGroupField, SelectField, TextAreaField } from "../../ui/Field";
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

interface DecisionFormProps {
  caseId: string;
  caseType: CaseView["caseType"];
  beforeSubmit: () => void;
  onRecorded: (decision: DecisionView) => void;
}

export function DecisionForm({ caseId, caseType, beforeSubmit, onRecorded }: DecisionFormProps) {
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

  return (
    <div className="subsection">
      <h3 id={newTitleId}>{t("decisions.newTitle")}</h3>
      <ErrorSummary errors={submit.errors} />
      <form className="form" aria-labelledby={newTitleId} onSubmit={handleSubmit} noValidate>
        <DecisionKindFields draft={draft} set={set} fieldError={submit.fieldError} />
        <DecisionPeriodFields draft={draft} set={set} fieldError={submit.fieldError} />
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

interface DecisionFieldsProps {
  draft: DecisionDraft;
  set: (changes: Partial<DecisionDraft>) => void;
  fieldError: (name: string) => string | undefined;
}

/** What is decided: the intervention, and whether it is granted. */
function DecisionKindFields({ draft, set, fieldError }: DecisionFieldsProps) {
  const { t } = useT();
  const outcomeOptions = decisionOutcomes.map((value: DecisionOutcomeCode) => ({
    value,
    label: t(decisionOutcomeLabels[value]),
  }));
  return (
    <>
      <SelectField
        label={t("decisions.intervention")}
        name="interventionKind"
        value={draft.interventionKind}
        onChange={(e) => {
          const value = e.target.value;
          set({ interventionKind: isInterventionKind(value) ? value : "" });
        }}
        error={fieldError("interventionKind")}
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
        error={fieldError("outcome")}
      />
    </>
  );
}

/** For how long: the period's first and last day. */
function DecisionPeriodFields({ draft, set, fieldError }: DecisionFieldsProps) {
  const { t } = useT();
  return (
    <div className="field__row">
      <DateField
        label={t("decisions.periodFrom")}
        hint={t("decisions.periodHint")}
        name="periodFrom"
        value={draft.periodFrom}
        onChange={(value) => set({ periodFrom: value })}
        error={fieldError("periodFrom")}
      />
      <DateField
        label={t("decisions.periodTo")}
        hint={t("decisions.periodHint")}
        name="periodTo"
        min={draft.periodFrom || undefined}
        value={draft.periodTo}
        onChange={(value) => set({ periodTo: value })}
        error={fieldError("periodTo")}
      />
    </div>
  );
}
