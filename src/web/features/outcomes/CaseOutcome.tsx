import { type FormEvent, useEffect, useRef, useState } from "react";
import type { CaseOutcomeView, RecordedOutcome } from "../../../shared/api/outcomes";
import { ApiError } from "../../api/client";
import type { CaseView } from "../../api/endpoints";
import { type FormErrors, toFormErrors } from "../../api/errors";
import { useApi } from "../../auth/useAuth";
import { useFocusLater } from "../../hooks/useFocusLater";
import { useInvalidate, useQuery } from "../../hooks/useQuery";
import { type Submit, useSubmit } from "../../hooks/useSubmit";
import { formatDateTimeShort } from "../../i18n/dates";
import { useT } from "../../i18n/useT";
import { ErrorSummary, Loading, StatusMessage } from "../../ui/Messages";
import { QueryError } from "../../ui/QueryError";
import type { CaseOutcomeInput } from "./api";
import { OutcomeFields } from "./OutcomeFields";
import {
  draftOf,
  type OutcomeDraft,
  outcomeConflict,
  outcomeFieldError,
  outcomeInput,
} from "./outcome-model";

const titleId = "case-outcome-title";
const buttonId = "case-outcome-change";
// The close form's names (client checks) and PUT /outcome's own (server answers).
const fieldNames = [
  "outcome",
  "outcome.notAssessedReason",
  "goalReached",
  "ownView",
  "notAssessedReason",
] as const;

/**
 * A closed case's outcome (issue 20): whether the goal was reached, the person's own view,
 * who recorded it and the outcomes it replaced; and, for those the server lets, a form to
 * record it (a case closed without one, e.g. at intake) or to correct it.
 */
export function CaseOutcomePanel({ record }: { record: CaseView }) {
  const { t } = useT();
  const api = useApi();
  const closed = record.status === "closed";
  // Why a save was refused because the case was reopened meanwhile: kept while the case,
  // read again, is open, so the worker is told what happened to what they typed.
  const [refused, setRefused] = useState<FormErrors | null>(null);
  // Read afresh each time the panel is shown: the case may have been closed again meanwhile.
  const query = useQuery(
    closed ? ["case", record.id, "outcome"] : null,
    (signal) => api.caseOutcome(record.id, signal),
    { keep: false },
  );
  const { state } = query;
  if (!closed && !refused) return null;
  return (
    <section className="section" aria-labelledby={titleId}>
      <h2 id={titleId} tabIndex={-1}>
        {t("caseOutcome.title")}
      </h2>
      {!closed && <ErrorSummary errors={refused} />}
      {closed && state.status === "loading" && <Loading />}
      {closed && state.status === "error" && <QueryError error={state.error} />}
      {closed && state.status === "ready" && (
        <OutcomeBody
          record={record}
          view={state.data}
          onSaved={query.setData}
          onReopened={setRefused}
          onChangedMeanwhile={query.reload}
        />
      )}
    </section>
  );
}

function OutcomeBody({
  record,
  view,
  onSaved,
  onReopened,
  onChangedMeanwhile,
}: {
  record: CaseView;
  view: CaseOutcomeView;
  onSaved: (view: CaseOutcomeView) => void;
  onReopened: (errors: FormErrors) => void;
  onChangedMeanwhile: () => void;
}) {
  const { t } = useT();
  const { submit, editing, setEditing, saved, setSaved, save, focusLater } = useOutcomeSave(
    record.id,
    view.current?.version ?? null,
    { onSaved, onReopened, onChangedMeanwhile },
  );

  return (
    <>
      <StatusMessage message={saved ? t("caseOutcome.saved") : null} />
      {view.current ? <CurrentOutcome outcome={view.current} /> : <p>{t("caseOutcome.none")}</p>}
      {!editing && <ErrorSummary errors={submit.errors} />}
      {view.canRecord && !editing && (
        <p>
          <button
            id={buttonId}
            type="button"
            className="button button--secondary"
            onClick={() => {
              submit.clear();
              setSaved(false);
              setEditing(true);
            }}
          >
            {view.current ? t("caseOutcome.change") : t("caseOutcome.record")}
          </button>
        </p>
      )}
      {editing && (
        <OutcomeForm
          initial={draftOf(view.current)}
          replaces={view.current !== null}
          submit={submit}
          onSubmit={save}
          onCancel={() => {
            submit.clear();
            setEditing(false);
            focusLater(buttonId);
          }}
        />
      )}
      <EarlierOutcomes earlier={view.earlier} />
    </>
  );
}

/**
 * Saving the outcome, made from the version shown: after a save the form closes and focus
 * returns to its button. A 409, told apart by its code (outcomeConflict), means the case was
 * reopened meanwhile (the case is read again and shows its status now) or that someone changed
 * the outcome meanwhile (the form closes, the message stays, and the outcome is read again so
 * theirs is what is shown).
 */
function useOutcomeSave(
  caseId: string,
  basedOnVersion: number | null,
  on: {
    onSaved: (view: CaseOutcomeView) => void;
    onReopened: (errors: FormErrors) => void;
    onChangedMeanwhile: () => void;
  },
) {
  const { t, lang } = useT();
  const api = useApi();
  const invalidate = useInvalidate();
  const submit = useSubmit(fieldNames);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const focusLater = useFocusLater();

  async function save(body: CaseOutcomeInput) {
    let changedMeanwhile = false;
    const ok = await submit.run(async () => {
      try {
        on.onSaved(await api.recordCaseOutcome(caseId, { ...body, basedOnVersion }));
      } catch (error) {
        const conflict = error instanceof ApiError ? outcomeConflict(error) : null;
        if (error instanceof ApiError && conflict) {
          changedMeanwhile = conflict === "changedMeanwhile";
          if (changedMeanwhile) on.onChangedMeanwhile();
          else on.onReopened(toFormErrors(error, [], t, lang));
          void invalidate(["case", caseId]);
        }
        throw error;
      }
    });
    if (ok || changedMeanwhile) {
      setEditing(false);
      setSaved(ok);
      focusLater(buttonId);
    }
  }
  return { submit, editing, setEditing, saved, setSaved, save, focusLater };
}

function CurrentOutcome({ outcome }: { outcome: RecordedOutcome }) {
  const { t, lang } = useT();
  return (
    <dl className="details">
      <div>
        <dt>{t("caseOutcome.goal")}</dt>
        <dd>{t(`outcome.goal.${outcome.goalReached}`)}</dd>
      </div>
      {outcome.notAssessedReason && (
        <div>
          <dt>{t("caseOutcome.reason")}</dt>
          <dd className="multiline">{outcome.notAssessedReason}</dd>
        </div>
      )}
      <div>
        <dt>{t("caseOutcome.ownView")}</dt>
        <dd className="multiline">{outcome.ownView ?? t("caseOutcome.ownViewNone")}</dd>
      </div>
      <div>
        <dt>{t("caseOutcome.recorded")}</dt>
        <dd>
          {t("caseOutcome.recordedBy", {
            time: formatDateTimeShort(outcome.recordedAt, lang),
            name: outcome.recordedBy,
          })}
        </dd>
      </div>
    </dl>
  );
}

/** The outcomes replaced, newest first: a correction never loses what was said before. */
function EarlierOutcomes({ earlier }: { earlier: CaseOutcomeView["earlier"] }) {
  const { t, lang } = useT();
  if (earlier.length === 0) return null;
  return (
    <div className="subsection">
      <h3 id="case-outcome-earlier">{t("caseOutcome.earlierTitle")}</h3>
      <ol className="history-list" aria-labelledby="case-outcome-earlier">
        {earlier.map((o) => (
          <li key={`${o.recordedAt}-${o.replacedAt}`}>
            {t("caseOutcome.earlierItem", {
              goal: t(`outcome.goal.${o.goalReached}`),
              time: formatDateTimeShort(o.recordedAt, lang),
              name: o.recordedBy,
              replaced: formatDateTimeShort(o.replacedAt, lang),
            })}
            {o.notAssessedReason && <div className="multiline">{o.notAssessedReason}</div>}
            {o.ownView && (
              <div className="multiline">
                {t("caseOutcome.ownView")}: {o.ownView}
              </div>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}

function OutcomeForm({
  initial,
  replaces,
  submit,
  onSubmit,
  onCancel,
}: {
  initial: OutcomeDraft;
  replaces: boolean;
  submit: Submit;
  onSubmit: (body: CaseOutcomeInput) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useT();
  const [draft, setDraft] = useState<OutcomeDraft>(initial);
  const formTitleId = "case-outcome-form-title";
  const formRef = useRef<HTMLFormElement>(null);
  // The button that opened the form is gone: focus goes to the form's first field.
  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>("input:checked, input, textarea")?.focus();
  }, []);
  // OutcomeFields asks by the close form's names; PUT /outcome answers by its own.
  const fields: Submit = {
    ...submit,
    fieldError: (name) => outcomeFieldError(submit.fieldError, name),
  };

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const checked = outcomeInput(draft);
    if (!checked.ok) {
      const found: Record<string, string> = {};
      for (const [name, key] of Object.entries(checked.fields)) found[name] = t(key);
      submit.reject(found);
      return;
    }
    await onSubmit(checked.body);
  }

  return (
    <div className="subsection">
      <h3 id={formTitleId}>{replaces ? t("caseOutcome.change") : t("caseOutcome.record")}</h3>
      {replaces && <p>{t("caseOutcome.keptNote")}</p>}
      <ErrorSummary errors={submit.errors} />
      <form
        ref={formRef}
        className="form"
        aria-labelledby={formTitleId}
        onSubmit={handleSubmit}
        noValidate
      >
        <OutcomeFields draft={draft} onChange={setDraft} submit={fields} />
        <FormActions pending={submit.pending} onCancel={onCancel} />
      </form>
    </div>
  );
}

function FormActions({ pending, onCancel }: { pending: boolean; onCancel: () => void }) {
  const { t } = useT();
  return (
    <div className="form__actions">
      <button type="submit" className="button" disabled={pending}>
        {t("caseOutcome.save")}
      </button>
      <button type="button" className="button button--secondary" onClick={onCancel}>
        {t("common.cancel")}
      </button>
    </div>
  );
}
