import { type FormEvent, useCallback, useEffect, useRef, useState } from "react";
import type { StatusChange } from "../../../shared/api/cases";
import { outcomeRequired } from "../../../shared/api/outcomes";
import { closedReasons } from "../../../shared/case-status";
import type { CaseStatus, CaseView, ChangeStatusInput } from "../../api/endpoints";
import { useApi } from "../../auth/useAuth";
import { useFocusLater } from "../../hooks/useFocusLater";
import { useMorePages } from "../../hooks/useMorePages";
import { type Submit, useSubmit } from "../../hooks/useSubmit";
import { formatDateTimeShort } from "../../i18n/dates";
import {
  caseStatusActionLabels,
  caseStatusLabel,
  closedReasonLabel,
  closedReasonLabels,
} from "../../i18n/labels";
import { useT } from "../../i18n/useT";
import { SelectField, TextAreaField } from "../../ui/Field";
import { LoadMore } from "../../ui/LoadMore";
import { ErrorSummary, StatusMessage } from "../../ui/Messages";
import { OutcomeFields, outcomeFieldNames } from "../outcomes/OutcomeFields";
import { emptyOutcome, type OutcomeDraft, outcomeInput } from "../outcomes/outcome-model";
import { isClosedReason, needsStatusForm, type StatusDraft, statusChange } from "./casework-model";

const titleId = "case-status-title";
const fieldNames = ["to", "reason", "comment", ...outcomeFieldNames] as const;

/**
 * The case's status: where it is now, buttons to move it on (only the moves the server says
 * the caller may make now), a small form when closing or reopening, and the history.
 */
export function CaseStatusPanel({
  record,
  onChange,
}: {
  record: CaseView;
  onChange: (record: CaseView) => void;
}) {
  const { t } = useT();
  const api = useApi();
  const { move, formFor, message, headingRef, moved, moveTo, cancel } = useStatusMoves(
    record,
    onChange,
  );

  return (
    <section className="section" aria-labelledby={titleId}>
      <h2 id={titleId} ref={headingRef} tabIndex={-1}>
        {t("status.title")}
      </h2>
      <StatusMessage
        message={
          message && t("status.moved", { status: caseStatusLabel(message, t, record.caseType) })
        }
      />
      <CurrentStatus record={record} />
      {formFor === null && <ErrorSummary errors={move.errors} />}
      {record.abilities.nextStatuses.length > 0 && formFor === null && (
        <StatusActions
          nextStatuses={record.abilities.nextStatuses}
          pending={move.pending}
          onMove={moveTo}
        />
      )}
      {formFor !== null && (
        <StatusForm
          caseType={record.caseType}
          from={record.status}
          to={formFor}
          onSubmit={(body) => move.run(async () => moved(await api.changeStatus(record.id, body)))}
          submit={move}
          onCancel={cancel}
        />
      )}

      <StatusHistory record={record} />
    </section>
  );
}

/**
 * The panel's moves: a move that needs a reason or comment opens the form, others are sent
 * at once; after a move (or a cancel) focus goes back to the panel's heading.
 */
function useStatusMoves(record: CaseView, onChange: (record: CaseView) => void) {
  const api = useApi();
  const move = useSubmit(fieldNames);
  const [formFor, setFormFor] = useState<CaseStatus | null>(null);
  // The status moved to, not a text: the message follows a change of language.
  const [message, setMessage] = useState<CaseStatus | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  function moved(updated: CaseView) {
    setFormFor(null);
    onChange(updated);
    setMessage(updated.status);
    // The button pressed is gone now: focus goes to the panel, where the news is.
    headingRef.current?.focus();
  }

  async function moveTo(to: CaseStatus) {
    setMessage(null);
    if (needsStatusForm(record.status, to)) {
      move.clear();
      setFormFor(to);
      return;
    }
    await move.run(async () =>
      moved(await api.changeStatus(record.id, { to, reason: null, comment: null })),
    );
  }

  function cancel() {
    move.clear();
    setFormFor(null);
    headingRef.current?.focus();
  }

  return { move, formFor, message, headingRef, moved, moveTo, cancel };
}

/** Where the case is now, and why it was closed when it is. */
function CurrentStatus({ record }: { record: CaseView }) {
  const { t } = useT();
  return (
    <dl className="details">
      <div>
        <dt>{t("status.current")}</dt>
        <dd>{caseStatusLabel(record.status, t, record.caseType)}</dd>
      </div>
      {record.status === "closed" && record.closedReason && (
        <div>
          <dt>{t("status.closedReason")}</dt>
          <dd>{closedReasonLabel(record.closedReason, t)}</dd>
        </div>
      )}
    </dl>
  );
}

/** One button per move the server says the caller may make now. */
function StatusActions({
  nextStatuses,
  pending,
  onMove,
}: {
  nextStatuses: readonly CaseStatus[];
  pending: boolean;
  onMove: (to: CaseStatus) => void;
}) {
  const { t } = useT();
  return (
    // biome-ignore lint/a11y/useSemanticElements: a group of buttons, not a form to fill in
    <div className="status-panel__actions" role="group" aria-label={t("status.actions")}>
      {nextStatuses.map((to) => (
        <button
          key={to}
          type="button"
          className={to === "closed" ? "button button--secondary" : "button"}
          disabled={pending}
          onClick={() => onMove(to)}
        >
          {t(caseStatusActionLabels[to])}
        </button>
      ))}
    </div>
  );
}

/** The status changes, newest first: the case brings the newest page, "Visa äldre" the ones before it. */
function StatusHistory({ record }: { record: CaseView }) {
  const { t } = useT();
  const api = useApi();
  const loadPage = useCallback(
    (before: string) => api.statusHistory(record.id, before),
    [api, record.id],
  );
  const pages = useMorePages(record.statusHistory, loadPage);
  const history = pages.items;
  const focusLater = useFocusLater();
  return (
    <div className="subsection">
      <h3 id="case-history-title">{t("status.historyTitle")}</h3>
      {history.length === 0 ? (
        <p className="empty">{t("status.historyEmpty")}</p>
      ) : (
        <ol className="history-list" aria-label={t("status.historyCaption")}>
          {history.map((h) => (
            <StatusHistoryItem key={h.id} change={h} caseType={record.caseType} />
          ))}
        </ol>
      )}
      <LoadMore
        pages={pages}
        label={t("status.showOlder")}
        focusRow={(h) => focusLater(`status-change-${h.id}`)}
      />
    </div>
  );
}

function StatusHistoryItem({
  change: h,
  caseType,
}: {
  change: StatusChange;
  caseType: CaseView["caseType"];
}) {
  const { t, lang } = useT();
  return (
    <li id={`status-change-${h.id}`} tabIndex={-1}>
      <span className="history-list__change">
        {t("status.historyItem", {
          from: caseStatusLabel(h.from, t, caseType),
          to: caseStatusLabel(h.to, t, caseType),
        })}
      </span>{" "}
      <span className="muted">
        {t("status.historyBy", {
          name: h.changedBy,
          time: formatDateTimeShort(h.changedAt, lang),
        })}
      </span>
      {h.reason && (
        <div>{t("status.historyReason", { reason: closedReasonLabel(h.reason, t) })}</div>
      )}
      {h.trigger && <div>{t(`statusTrigger.${h.trigger}`)}</div>}
      {h.comment && (
        <div className="multiline">{t("status.historyComment", { comment: h.comment })}</div>
      )}
    </li>
  );
}

function StatusForm({
  caseType,
  from,
  to,
  submit,
  onSubmit,
  onCancel,
}: {
  caseType: CaseView["caseType"];
  from: CaseStatus;
  to: CaseStatus;
  submit: Submit;
  onSubmit: (body: ChangeStatusInput) => Promise<boolean>;
  onCancel: () => void;
}) {
  const { t } = useT();
  const [draft, setDraft] = useState<StatusDraft>({ reason: "", comment: "" });
  const [outcome, setOutcome] = useState<OutcomeDraft>(emptyOutcome);
  const formRef = useRef<HTMLFormElement>(null);
  const closing = to === "closed";
  // A case that had a goal says at closing whether it was reached (issue 20).
  const asksOutcome = closing && outcomeRequired(caseType, from);
  const title = closing ? t("status.closeTitle") : t("status.reopenTitle");
  const formTitleId = "case-status-form-title";

  // The button that opened the form is gone: focus goes to the form's first field.
  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>("select, textarea")?.focus();
  }, []);

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const checked = statusChange(from, to, draft);
    const result = asksOutcome ? outcomeInput(outcome) : null;
    if (!checked.ok || (result && !result.ok)) {
      const fields: Record<string, string> = {};
      const found = {
        ...(checked.ok ? {} : checked.fields),
        ...(result?.ok ? {} : result?.fields),
      };
      for (const [name, key] of Object.entries(found)) fields[name] = t(key);
      submit.reject(fields);
      return;
    }
    await onSubmit(result?.ok ? { ...checked.body, outcome: result.body } : checked.body);
  }

  return (
    <div className="subsection">
      <h3 id={formTitleId}>{title}</h3>
      <ErrorSummary errors={submit.errors} />
      <form
        ref={formRef}
        className="form"
        aria-labelledby={formTitleId}
        onSubmit={handleSubmit}
        noValidate
      >
        <StatusFormFields closing={closing} draft={draft} onChange={setDraft} submit={submit} />
        {asksOutcome && <OutcomeFields draft={outcome} onChange={setOutcome} submit={submit} />}
        <StatusFormActions to={to} pending={submit.pending} onCancel={onCancel} />
      </form>
    </div>
  );
}

/** The reason (when closing) and the comment, which a closing for "other" or a reopening needs. */
function StatusFormFields({
  closing,
  draft,
  onChange,
  submit,
}: {
  closing: boolean;
  draft: StatusDraft;
  onChange: (draft: StatusDraft) => void;
  submit: Submit;
}) {
  const { t } = useT();
  return (
    <>
      {closing && (
        <ClosedReasonField
          value={draft.reason}
          onChange={(reason) => onChange({ ...draft, reason })}
          error={submit.fieldError("reason")}
        />
      )}
      <TextAreaField
        label={t("status.comment")}
        hint={closing ? t("status.commentHintClose") : t("status.commentHintReopen")}
        name="comment"
        value={draft.comment}
        onChange={(e) => onChange({ ...draft, comment: e.target.value })}
        error={submit.fieldError("comment") ?? submit.fieldError("to")}
      />
    </>
  );
}

function ClosedReasonField({
  value,
  onChange,
  error,
}: {
  value: StatusDraft["reason"];
  onChange: (reason: StatusDraft["reason"]) => void;
  error: string | undefined;
}) {
  const { t } = useT();
  return (
    <SelectField
      label={t("status.reason")}
      name="reason"
      value={value}
      onChange={(e) => {
        const value = e.target.value;
        onChange(isClosedReason(value) ? value : "");
      }}
      error={error}
    >
      <option value="">{t("common.choose")}</option>
      {closedReasons.map((reason) => (
        <option key={reason} value={reason}>
          {t(closedReasonLabels[reason])}
        </option>
      ))}
    </SelectField>
  );
}

function StatusFormActions({
  to,
  pending,
  onCancel,
}: {
  to: CaseStatus;
  pending: boolean;
  onCancel: () => void;
}) {
  const { t } = useT();
  return (
    <div className="form__actions">
      <button type="submit" className="button" disabled={pending}>
        {t(caseStatusActionLabels[to])}
      </button>
      <button type="button" className="button button--secondary" onClick={onCancel}>
        {t("common.cancel")}
      </button>
    </div>
  );
}
