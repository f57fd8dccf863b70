import { type FormEvent, useId, useMemo, useState } from "react";
import type { CaseView, InvestigationSection, InvestigationView } from "../../api/endpoints";
import { useApi } from "../../auth/useAuth";
import { rejectWith } from "../../hooks/rejectWith";
import { useChange } from "../../hooks/useChange";
import { useFocusLater } from "../../hooks/useFocusLater";
import { useInvalidate, useQuery } from "../../hooks/useQuery";
import { formatDate, formatDateTimeShort } from "../../i18n/dates";
import { investigationSectionLabels } from "../../i18n/labels";
import type { PlainMessageKey } from "../../i18n/messages";
import { useT } from "../../i18n/useT";
import { RadioGroupField, TextAreaField } from "../../ui/Field";
import { ErrorSummary, StatusMessage } from "../../ui/Messages";
import { Loaded } from "../../ui/QueryError";
import { InvestigationPdfLink } from "./InvestigationPdfLink";
import {
  asksAboutWitnessing,
  checkCompletion,
  draftOf,
  type InvestigationDraft,
  investigationFieldNames,
  saveBody,
  type Witnessed,
} from "./investigation-model";

/*
 * Utredningen: the investigation written in the sections the case's kind calls for, with a
 * summary and an assessment. It is written while the case is under investigation; once
 * completed it is shown as it stands, with when and by whom.
 */

const titleId = "investigation-title";

export function InvestigationPanel({ record }: { record: CaseView }) {
  const { t } = useT();
  const api = useApi();
  const query = useQuery(["case", record.id, "investigation"], (signal) =>
    api.investigation(record.id, signal),
  );
  // A key, not a text: the message follows a change of language.
  const [message, setMessage] = useState<PlainMessageKey | null>(null);
  const focusLater = useFocusLater();
  const { state, setData, reload } = query;
  const invalidate = useInvalidate();
  // After every save (completing saves too): a save may put a task on the case.
  const onSaved = () => void invalidate(["case", record.id, "tasks"]);

  return (
    <section className="section" aria-labelledby={titleId}>
      <h2 id={titleId} tabIndex={-1}>
        {t("investigation.title")}
      </h2>
      <StatusMessage message={message && t(message)} />
      <Loaded state={state}>
        {(data) =>
          record.abilities.writeJournal &&
          record.status === "investigation" &&
          !data.completedAt ? (
            <InvestigationForm
              caseId={record.id}
              view={data}
              beforeChange={() => setMessage(null)}
              onSaved={(view) => {
                setData(view);
                setMessage("investigation.saved");
                onSaved();
              }}
              onCompleted={(view) => {
                setData(view);
                setMessage("investigation.completed");
                focusLater(titleId);
                onSaved();
              }}
              onStale={reload}
            />
          ) : (
            <InvestigationText view={data} />
          )
        }
      </Loaded>
      {state.status === "ready" && <InvestigationPdfLink caseId={record.id} />}
    </section>
  );
}

/** The investigation as it stands: completed, or not to be written in the case's status. */
function InvestigationText({ view }: { view: InvestigationView }) {
  const { t, lang } = useT();
  const witnessed = view.childrenWitnessedViolence;
  const rows: { key: string; label: string; text: string; multiline: boolean }[] = [];
  for (const key of view.sectionKeys) {
    const text = view.sections[key] ?? "";
    rows.push({ key, label: t(investigationSectionLabels[key]), text, multiline: true });
    if (key === "children_in_household" && asksAboutWitnessing(view.sectionKeys)) {
      rows.push({
        key: "childrenWitnessedViolence",
        label: t("investigation.childrenWitnessed"),
        text:
          witnessed === null
            ? t("investigation.notAnswered")
            : witnessed
              ? t("common.yes")
              : t("common.no"),
        multiline: false,
      });
    }
  }
  rows.push(
    { key: "summary", label: t("investigation.summary"), text: view.summary, multiline: true },
    {
      key: "assessment",
      label: t("investigation.assessment"),
      text: view.assessment,
      multiline: true,
    },
  );
  return (
    <>
      {view.completedAt ? (
        <p className="notice">
          {t("investigation.completedInfo", {
            date: formatDate(view.completedAt, lang),
            name: view.completedBy ?? t("common.notGiven"),
          })}
        </p>
      ) : (
        <p className="muted">{t("investigation.notWritable")}</p>
      )}
      <dl className="text-sections">
        {rows.map(({ key, label, text, multiline }) => (
          <div key={key}>
            <dt>{label}</dt>
            <dd className={multiline ? "multiline" : undefined}>
              {text.trim() ? text : <span className="muted">{t("investigation.noText")}</span>}
            </dd>
          </div>
        ))}
      </dl>
    </>
  );
}

interface InvestigationFormProps {
  caseId: string;
  view: InvestigationView;
  beforeChange: () => void;
  onSaved: (view: InvestigationView) => void;
  onCompleted: (view: InvestigationView) => void;
  /** A 409: completed elsewhere, or the case moved on. */
  onStale: () => void;
}

function InvestigationForm(props: InvestigationFormProps) {
  const { view } = props;
  const { t, lang } = useT();
  const form = useInvestigationForm(props);
  const { submit, draft, setDraft, ids } = form;
  return (
    <>
      <ErrorSummary errors={submit.errors} />
      <form
        className="form form--wide"
        aria-label={t("investigation.formLabel")}
        onSubmit={form.handleSave}
        noValidate
      >
        <InvestigationSectionFields
          sectionKeys={view.sectionKeys}
          draft={draft}
          setDraft={setDraft}
          fieldError={submit.fieldError}
        />
        <TextAreaField
          label={t("investigation.summary")}
          name="summary"
          rows={6}
          value={draft.summary}
          onChange={(e) => setDraft((d) => ({ ...d, summary: e.target.value }))}
          error={submit.fieldError("summary")}
        />
        <TextAreaField
          label={t("investigation.assessment")}
          name="assessment"
          rows={6}
          value={draft.assessment}
          onChange={(e) => setDraft((d) => ({ ...d, assessment: e.target.value }))}
          error={submit.fieldError("assessment")}
        />
        {view.updatedAt && (
          <p className="muted">
            {t("investigation.lastSaved", { time: formatDateTimeShort(view.updatedAt, lang) })}
          </p>
        )}
        {form.confirming ? (
          <ConfirmComplete
            ids={ids}
            pending={submit.pending}
            onComplete={form.complete}
            onCancel={form.cancelComplete}
          />
        ) : (
          <SaveActions ids={ids} pending={submit.pending} onAskToComplete={form.askToComplete} />
        )}
      </form>
    </>
  );
}

/** The form's state and its three steps: save, ask to complete (checks first), complete. */
function useInvestigationForm({
  caseId,
  view,
  beforeChange,
  onSaved,
  onCompleted,
  onStale,
}: InvestigationFormProps) {
  const { t } = useT();
  const api = useApi();
  const fieldNames = useMemo(() => investigationFieldNames(view.sectionKeys), [view.sectionKeys]);
  const { submit, run: change } = useChange(fieldNames, { beforeChange, onStale });
  const [draft, setDraft] = useState<InvestigationDraft>(() => draftOf(view));
  const [confirming, setConfirming] = useState(false);
  const focusLater = useFocusLater();
  const ids = { hint: useId(), confirm: useId(), complete: useId() };

  async function handleSave(event: FormEvent) {
    event.preventDefault();
    setConfirming(false);
    await change(async () => {
      onSaved(await api.saveInvestigation(caseId, saveBody(view.sectionKeys, draft)));
    });
  }

  function askToComplete() {
    beforeChange();
    const missing = checkCompletion(draft);
    if (missing) return rejectWith(submit, missing, t);
    submit.clear();
    setConfirming(true);
    focusLater(ids.confirm);
  }

  async function complete() {
    const ok = await change(async () => {
      await api.saveInvestigation(caseId, saveBody(view.sectionKeys, draft));
      onCompleted(await api.completeInvestigation(caseId));
    });
    if (!ok) setConfirming(false);
  }

  function cancelComplete() {
    setConfirming(false);
    focusLater(ids.complete);
  }

  return {
    submit,
    draft,
    setDraft,
    confirming,
    ids,
    handleSave,
    askToComplete,
    complete,
    cancelComplete,
  };
}

type SetDraft = (update: (d: InvestigationDraft) => InvestigationDraft) => void;

/** The sections the case's kind calls for; the household section asks about witnessing. */
function InvestigationSectionFields({
  sectionKeys,
  draft,
  setDraft,
  fieldError,
}: {
  sectionKeys: InvestigationView["sectionKeys"];
  draft: InvestigationDraft;
  setDraft: SetDraft;
  fieldError: (name: string) => string | undefined;
}) {
  const { t } = useT();
  function setSection(key: InvestigationSection, text: string) {
    setDraft((d) => ({ ...d, sections: { ...d.sections, [key]: text } }));
  }
  const witnessedOptions: { value: Witnessed; label: string }[] = [
    { value: "yes", label: t("common.yes") },
    { value: "no", label: t("common.no") },
    { value: "not_answered", label: t("investigation.notAnswered") },
  ];
  return (
    <>
      {sectionKeys.map((key) => (
        <div key={key} className="form__group">
          <TextAreaField
            label={t(investigationSectionLabels[key])}
            name={`sections.${key}`}
            rows={4}
            value={draft.sections[key] ?? ""}
            onChange={(e) => setSection(key, e.target.value)}
            error={fieldError(`sections.${key}`)}
          />
          {key === "children_in_household" && asksAboutWitnessing(sectionKeys) && (
            <RadioGroupField
              label={t("investigation.childrenWitnessed")}
              hint={t("investigation.childrenWitnessedHint")}
              name="childrenWitnessedViolence"
              value={draft.witnessed}
              options={witnessedOptions}
              onChange={(witnessed) => setDraft((d) => ({ ...d, witnessed }))}
              error={fieldError("childrenWitnessedViolence")}
            />
          )}
        </div>
      ))}
    </>
  );
}

interface CompleteIds {
  hint: string;
  confirm: string;
  complete: string;
}

/** Completing locks the text, so it is asked once more before it is done. */
function ConfirmComplete({
  ids,
  pending,
  onComplete,
  onCancel,
}: {
  ids: CompleteIds;
  pending: boolean;
  onComplete: () => void;
  onCancel: () => void;
}) {
  const { t } = useT();
  return (
    <div className="confirm">
      <p id={ids.confirm} tabIndex={-1} className="confirm__question">
        {t("investigation.completeConfirm")}
      </p>
      <div className="form__actions">
        <button
          type="button"
          className="button"
          aria-describedby={ids.confirm}
          disabled={pending}
          onClick={onComplete}
        >
          {t("investigation.complete")}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t("common.cancel")}
        </button>
      </div>
    </div>
  );
}

function SaveActions({
  ids,
  pending,
  onAskToComplete,
}: {
  ids: CompleteIds;
  pending: boolean;
  onAskToComplete: () => void;
}) {
  const { t } = useT();
  return (
    <>
      <div className="form__actions">
        <button type="submit" className="button" disabled={pending}>
          {t("investigation.save")}
        </button>
        <button
          id={ids.complete}
          type="button"
          className="button button--secondary"
          aria-describedby={ids.hint}
          disabled={pending}
          onClick={onAskToComplete}
        >
          {t("investigation.complete")}
        </button>
      </div>
      <p id={ids.hint} className="field__hint">
        {t("investigation.completeHint")}
      </p>
    </>
  );
}
