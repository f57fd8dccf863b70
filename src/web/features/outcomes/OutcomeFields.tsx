import { goalReachedValues } from "../../../shared/api/outcomes";
import type { Submit } from "../../hooks/useSubmit";
import { useT } from "../../i18n/useT";
import { RadioGroupField, TextAreaField } from "../../ui/Field";
import type { OutcomeDraft } from "./outcome-model";

/** The server's field names of the outcome, for the close form's error messages. */
export const outcomeFieldNames = [
  "outcome",
  "outcome.goalReached",
  "outcome.ownView",
  "outcome.notAssessedReason",
] as const;

/**
 * The outcome asked for in the close form of a case that had a goal (issue 20): goal reached
 * wholly, partly, not, or not assessed (then why), and the person's own view.
 */
export function OutcomeFields({
  draft,
  onChange,
  submit,
}: {
  draft: OutcomeDraft;
  onChange: (draft: OutcomeDraft) => void;
  submit: Submit;
}) {
  const { t } = useT();
  return (
    <>
      <RadioGroupField
        label={t("outcome.goalReached")}
        hint={t("outcome.goalReachedHint")}
        name="goalReached"
        value={draft.goalReached}
        options={goalReachedValues.map((value) => ({ value, label: t(`outcome.goal.${value}`) }))}
        onChange={(goalReached) => onChange({ ...draft, goalReached })}
        error={submit.fieldError("outcome") ?? submit.fieldError("outcome.goalReached")}
      />
      {draft.goalReached === "not_assessed" && (
        <TextAreaField
          label={t("outcome.notAssessedReason")}
          name="notAssessedReason"
          value={draft.notAssessedReason}
          onChange={(e) => onChange({ ...draft, notAssessedReason: e.target.value })}
          error={submit.fieldError("outcome.notAssessedReason")}
        />
      )}
      <TextAreaField
        label={t("outcome.ownView")}
        hint={t("outcome.ownViewHint")}
        name="ownView"
        value={draft.ownView}
        onChange={(e) => onChange({ ...draft, ownView: e.target.value })}
        error={submit.fieldError("outcome.ownView")}
      />
    </>
  );
}
