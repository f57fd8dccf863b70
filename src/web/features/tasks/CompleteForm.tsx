import { type FormEvent, useId, useState } from "react";
import { ApiError } from "../../api/client";
import type { CaseTask } from "../../api/endpoints";
import { useApi } from "../../auth/useAuth";
import { rejectWith } from "../../hooks/rejectWith";
import { type Submit, useSubmit } from "../../hooks/useSubmit";
import { localDateInput } from "../../i18n/dates";
import { useT } from "../../i18n/useT";
import { DateField } from "../../ui/DateField";
import { TextAreaField, TextField } from "../../ui/Field";
import { ErrorSummary } from "../../ui/Messages";
import {
  type CompleteDraft,
  checkCompletion,
  completeFields,
  emptyCompleteDraft,
  needsReport,
} from "./tasks-model";

export interface CompleteProps {
  caseId: string;
  task: CaseTask;
  beforeChange: () => void;
  onCompleted: (task: CaseTask) => void;
  onStale: () => void;
}

/** The complete command: the draft and its checks; a 409 (done meanwhile) reloads the list. */
function useCompletion({ caseId, task, beforeChange, onCompleted, onStale }: CompleteProps) {
  const { t } = useT();
  const api = useApi();
  const submit = useSubmit(completeFields);
  const [draft, setDraft] = useState<CompleteDraft>(emptyCompleteDraft);
  const set = (changes: Partial<CompleteDraft>) => setDraft((d) => ({ ...d, ...changes }));

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    beforeChange();
    const checked = checkCompletion(task.kind, draft);
    if (!checked.ok) return rejectWith(submit, checked.fields, t);
    await submit.run(async () => {
      try {
        onCompleted(
          await api.completeTask(caseId, task.id, checked.body.note, checked.body.report),
        );
      } catch (error) {
        if (error instanceof ApiError && error.status === 409) onStale();
        throw error;
      }
    });
  }

  return { submit, draft, set, handleSubmit };
}

export function CompleteForm(props: CompleteProps) {
  const { t } = useT();
  const { submit, draft, set, handleSubmit } = useCompletion(props);
  const formTitleId = `${useId()}-title`;
  const report = needsReport(props.task.kind);

  return (
    <div className="task-form">
      <h4 id={formTitleId}>{t("tasks.completeTitle")}</h4>
      <ErrorSummary errors={submit.errors} />
      <form className="form" aria-labelledby={formTitleId} onSubmit={handleSubmit} noValidate>
        {report && <ReportFields draft={draft} set={set} submit={submit} />}
        <TextAreaField
          label={t("tasks.note")}
          hint={report ? t("tasks.noteHintReport") : t("tasks.noteHint")}
          name="note"
          required
          value={draft.note}
          onChange={(e) => set({ note: e.target.value })}
          error={submit.fieldError("note")}
        />
        <button type="submit" className="button" disabled={submit.pending}>
          {t("tasks.submit")}
        </button>
      </form>
    </div>
  );
}

/** The report of concern as made: when, to which unit, and its reference. */
function ReportFields({
  draft,
  set,
  submit,
}: {
  draft: CompleteDraft;
  set: (changes: Partial<CompleteDraft>) => void;
  submit: Submit;
}) {
  const { t } = useT();
  return (
    <>
      <DateField
        label={t("tasks.reportOn")}
        name="reportOn"
        max={localDateInput(new Date())}
        required
        value={draft.reportOn}
        onChange={(value) => set({ reportOn: value })}
        error={submit.fieldError("report.on")}
      />
      <TextField
        label={t("tasks.reportTo")}
        hint={t("tasks.reportToHint")}
        name="reportTo"
        required
        value={draft.reportTo}
        onChange={(e) => set({ reportTo: e.target.value })}
        error={submit.fieldError("report.to")}
      />
      <TextField
        label={t("tasks.reportReference")}
        hint={t("tasks.reportReferenceHint")}
        name="reportReference"
        required
        value={draft.reportReference}
        onChange={(e) => set({ reportReference: e.target.value })}
        error={submit.fieldError("report.reference")}
      />
    </>
  );
}
