import { type FormEvent, useCallback, useEffect, useRef, useState } from "react";
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
import { isClosedReason, needsStatusForm, type StatusDraft, statusChange } from "./casework-model";

const titleId = "case-status-title";
const fieldNames = ["to", "reason", "comment"] as const;

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
  const { t, lang } = useT();
  const api = useApi();
  const move = useSubmit(fieldNames);
  const [formFor, setFormFor] = useState<CaseStatus | null>(null);
  // The status moved to, not a text: the message follows a change of language.
  const [message, setMessage] = useState<CaseStatus | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const loadPage = useCallback(
    (before: string) => api.statusHistory(record.id, before),
    [api, record.id],
  );
  // Newest first: the case brings the newest page, "Visa äldre" the ones before it.
  const pages = useMorePages(record.statusHistory, loadPage);
  const history = pages.items;
  const focusLater = useFocusLater();

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
      {formFor === null && <ErrorSummary errors={move.errors} />}
      {record.abilities.nextStatuses.length > 0 && formFor === null && (
        // biome-ignore lint/a11y/useSemanticElements: a group of buttons, not a form to fill in
        <div className="status-panel__actions" role="group" aria-label={t("status.actions")}>
          {record.abilities.nextStatuses.map((to) => (
            <button
              key={to}
              type="button"
              className={to === "closed" ? "button button--secondary" : "button"}
              disabled={move.pending}
              onClick={() => moveTo(to)}
            >
              {t(caseStatusActionLabels[to])}
            </button>
          ))}
        </div>
      )}
      {formFor !== null && (
        <StatusForm
          from={record.status}
          to={formFor}
          onSubmit={(body) => move.run(async () => moved(await api.changeStatus(record.id, body)))}
          submit={move}
          onCancel={() => {
            move.clear();
            setFormFor(null);
            headingRef.current?.focus();
          }}
        />
      )}

      <div className="subsection">
        <h3 id="case-history-title">{t("status.historyTitle")}</h3>
        {history.length === 0 ? (
          <p className="empty">{t("status.historyEmpty")}</p>
        ) : (
          <ol className="history-list" aria-label={t("status.historyCaption")}>
            {history.map((h) => (
              <li key={h.id} id={`status-change-${h.id}`} tabIndex={-1}>
                <span className="history-list__change">
                  {t("status.historyItem", {
                    from: caseStatusLabel(h.from, t, record.caseType),
                    to: caseStatusLabel(h.to, t, record.caseType),
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
                  <div className="multiline">
                    {t("status.historyComment", { comment: h.comment })}
                  </div>
                )}
              </li>
            ))}
          </ol>
        )}
        <LoadMore
          pages={pages}
          label={t("status.showOlder")}
          focusRow={(h) => focusLater(`status-change-${h.id}`)}
        />
      </div>
    </section>
  );
}

function StatusForm({
  from,
  to,
  submit,
  onSubmit,
  onCancel,
}: {
  from: CaseStatus;
  to: CaseStatus;
  submit: Submit;
  onSubmit: (body: ChangeStatusInput) => Promise<boolean>;
  onCancel: () => void;
}) {
  const { t } = useT();
  const [draft, setDraft] = useState<StatusDraft>({ reason: "", comment: "" });
  const formRef = useRef<HTMLFormElement>(null);
  const closing = to === "closed";
  const title = closing ? t("status.closeTitle") : t("status.reopenTitle");
  const formTitleId = "case-status-form-title";

  // The button that opened the form is gone: focus goes to the form's first field.
  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>("select, textarea")?.focus();
  }, []);

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const checked = statusChange(from, to, draft);
    if (!checked.ok) {
      const fields: Record<string, string> = {};
      for (const [name, key] of Object.entries(checked.fields)) fields[name] = t(key);
      submit.reject(fields);
      return;
    }
    await onSubmit(checked.body);
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
        {closing && (
          <SelectField
            label={t("status.reason")}
            name="reason"
            value={draft.reason}
            onChange={(e) => {
              const value = e.target.value;
              setDraft({ ...draft, reason: isClosedReason(value) ? value : "" });
            }}
            error={submit.fieldError("reason")}
          >
            <option value="">{t("common.choose")}</option>
            {closedReasons.map((reason) => (
              <option key={reason} value={reason}>
                {t(closedReasonLabels[reason])}
              </option>
            ))}
          </SelectField>
        )}
        <TextAreaField
          label={t("status.comment")}
          hint={closing ? t("status.commentHintClose") : t("status.commentHintReopen")}
          name="comment"
          value={draft.comment}
          onChange={(e) => setDraft({ ...draft, comment: e.target.value })}
          error={submit.fieldError("comment") ?? submit.fieldError("to")}
        />
        <div className="form__actions">
          <button type="submit" className="button" disabled={submit.pending}>
            {t(caseStatusActionLabels[to])}
          </button>
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {t("common.cancel")}
          </button>
        </div>
      </form>
    </div>
  );
}
