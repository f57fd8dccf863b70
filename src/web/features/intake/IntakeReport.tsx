import { useId } from "react";
import type { IntakeView } from "../../../shared/api/intake";
import { intakeQuestions } from "../../../shared/intake-questions";
import { formatDay, localDateInput } from "../../i18n/dates";
import { useT } from "../../i18n/useT";
import { DateField } from "../../ui/DateField";
import { TextAreaField, TextField } from "../../ui/Field";
import type { IntakeDraft } from "../cases/casework-model";

interface IntakeFieldsProps {
  draft: IntakeDraft;
  set: (changes: Partial<IntakeDraft>) => void;
  fieldError: (name: string) => string | undefined;
}

/** What was reported and the report's own date; the reporter when someone else reported. */
export function IntakeReportFields({ draft, set, fieldError }: IntakeFieldsProps) {
  const { t } = useT();
  return (
    <>
      <TextAreaField
        label={t("intake.reportText")}
        hint={t("intake.reportTextHint")}
        name="reportText"
        rows={5}
        value={draft.reportText}
        onChange={(e) => set({ reportText: e.target.value })}
        error={fieldError("reportText")}
      />
      <DateField
        label={t("intake.reportedOn")}
        hint={t("intake.reportedOnHint")}
        name="reportedOn"
        max={draft.date || localDateInput(new Date())}
        value={draft.reportedOn}
        onChange={(reportedOn) => set({ reportedOn })}
        error={fieldError("reportedOn")}
      />
      {intakeQuestions(draft.kind, draft.source).reporter && (
        <ReporterFields draft={draft} set={set} fieldError={fieldError} />
      )}
    </>
  );
}

/** The reporter's organisation and contact person: a professional's work details. */
function ReporterFields({ draft, set, fieldError }: IntakeFieldsProps) {
  const { t } = useT();
  const hintId = useId();
  const field = (
    name: "reporterOrganisation" | "reporterName" | "reporterPhone" | "reporterEmail",
    extra: { type?: string; autoComplete?: string; inputMode?: "tel" | "email" } = {},
  ) => (
    <TextField
      label={t(`intake.${name}`)}
      name={name}
      value={draft[name]}
      onChange={(e) => set({ [name]: e.target.value })}
      error={fieldError(name)}
      autoComplete="off"
      {...extra}
    />
  );
  return (
    <fieldset className="field field--group" aria-describedby={hintId}>
      <legend className="field__label">{t("intake.reporter")}</legend>
      <p className="field__hint" id={hintId}>
        {t("intake.reporterHint")}
      </p>
      {field("reporterOrganisation")}
      {field("reporterName")}
      {field("reporterPhone", { type: "tel", inputMode: "tel" })}
      {field("reporterEmail", { type: "email", inputMode: "email" })}
    </fieldset>
  );
}

/** What an intake tells, as rows of the intake's details list (nothing for what is empty). */
export function IntakeReportDetails({ intake }: { intake: IntakeView }) {
  const { t, lang } = useT();
  const reporter = [
    intake.reporterOrganisation,
    intake.reporterName,
    intake.reporterPhone,
    intake.reporterEmail,
  ].filter((part): part is string => Boolean(part));
  return (
    <>
      {intake.reportText && (
        <div>
          <dt>{t("intake.reportText")}</dt>
          <dd className="multiline">{intake.reportText}</dd>
        </div>
      )}
      {intake.reportedOn && (
        <div>
          <dt>{t("intake.reportedOn")}</dt>
          <dd>{formatDay(intake.reportedOn, lang)}</dd>
        </div>
      )}
      {reporter.length > 0 && (
        <div>
          <dt>{t("intake.reporter")}</dt>
          <dd>{reporter.join(", ")}</dd>
        </div>
      )}
    </>
  );
}
