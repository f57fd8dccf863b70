import { type FormEvent, useState } from "react";
import { ApiError } from "../../api/client";
import type { FollowUpOutcomeCode, PlanView } from "../../api/endpoints";
import { useApi } from "../../auth/useAuth";
import { rejectWith } from "../../hooks/rejectWith";
import { useSubmit } from "../../hooks/useSubmit";
import { formatDateTimeShort, formatDay, localDateInput } from "../../i18n/dates";
import { followUpOutcomeLabels } from "../../i18n/labels";
import { useT } from "../../i18n/useT";
import { DateField } from "../../ui/DateField";
import { RadioGroupField, TextAreaField } from "../../ui/Field";
import { ErrorSummary } from "../../ui/Messages";
import {
  checkFollowUp,
  emptyFollowUpDraft,
  type FollowUpDraft,
  followUpOutcomes,
  isDayPast,
} from "../decisions/decisions-model";

/*
 * One implementation plan: its dates, goals and activities, its follow-ups, and the form that
 * records the next follow-up.
 */

const followUpFields = ["outcome", "notes", "nextFollowUpDate"] as const;

export const planElementId = (planId: string) => `plan-${planId}`;

export function Plan({
  caseId,
  plan,
  intervention,
  canWrite,
  beforeChange,
  onFollowedUp,
  onStale,
}: {
  caseId: string;
  plan: PlanView;
  intervention: string;
  canWrite: boolean;
  beforeChange: () => void;
  onFollowedUp: (plans: PlanView[]) => void;
  onStale: () => void;
}) {
  const { t } = useT();
  const elementId = planElementId(plan.id);
  const followUpsTitleId = `${elementId}-follow-ups`;
  return (
    <article id={elementId} tabIndex={-1} aria-labelledby={`${elementId}-title`}>
      <h3 id={`${elementId}-title`}>{t("plans.planTitle", { intervention })}</h3>
      <PlanDates plan={plan} />
      <dl className="text-sections">
        <div>
          <dt>{t("plans.goals")}</dt>
          <dd className="multiline">{plan.goals}</dd>
        </div>
        <div>
          <dt>{t("plans.activities")}</dt>
          <dd className="multiline">{plan.activities}</dd>
        </div>
      </dl>
      <h4 id={followUpsTitleId}>{t("plans.followUpsTitle")}</h4>
      <FollowUpList plan={plan} intervention={intervention} />
      {canWrite && (
        <FollowUpForm
          caseId={caseId}
          plan={plan}
          intervention={intervention}
          beforeChange={beforeChange}
          onRecorded={onFollowedUp}
          onStale={onStale}
        />
      )}
    </article>
  );
}

/** When the plan started, and when it is next followed up (marked when that day has passed). */
function PlanDates({ plan }: { plan: PlanView }) {
  const { t, lang } = useT();
  const next = plan.nextFollowUpDate;
  return (
    <dl className="details">
      <div>
        <dt>{t("plans.startDate")}</dt>
        <dd>{formatDay(plan.startDate, lang)}</dd>
      </div>
      <div>
        <dt>{t("plans.nextFollowUp")}</dt>
        <dd>
          {next ? (
            <>
              {isDayPast(next, localDateInput(new Date())) && (
                <>
                  <span className="badge badge--overdue">{t("plans.overdue")}</span>{" "}
                </>
              )}
              {formatDay(next, lang)}
            </>
          ) : (
            t("plans.noNextFollowUp")
          )}
        </dd>
      </div>
    </dl>
  );
}

/** The follow-ups recorded, newest first. */
function FollowUpList({ plan, intervention }: { plan: PlanView; intervention: string }) {
  const { t, lang } = useT();
  const followUps = [...plan.followUps].sort((a, b) => b.recordedAt.localeCompare(a.recordedAt));
  return followUps.length === 0 ? (
    <p className="empty">{t("plans.noFollowUps")}</p>
  ) : (
    <ol
      className="history-list follow-ups"
      aria-label={t("plans.followUpsCaption", { intervention })}
    >
      {followUps.map((f) => (
        <li key={`${f.recordedAt}-${f.outcome}`}>
          <span className="history-list__change">{t(followUpOutcomeLabels[f.outcome])}</span>{" "}
          <span className="muted">
            {t("plans.followUpBy", {
              name: f.recordedBy,
              time: formatDateTimeShort(f.recordedAt, lang),
            })}
          </span>
          <div className="multiline">{f.notes}</div>
          {f.nextFollowUpDate && (
            <div className="muted">
              {t("plans.followUpNext", { date: formatDay(f.nextFollowUpDate, lang) })}
            </div>
          )}
        </li>
      ))}
    </ol>
  );
}

function FollowUpForm({
  caseId,
  plan,
  intervention,
  beforeChange,
  onRecorded,
  onStale,
}: {
  caseId: string;
  plan: PlanView;
  intervention: string;
  beforeChange: () => void;
  onRecorded: (plans: PlanView[]) => void;
  onStale: () => void;
}) {
  const { t } = useT();
  const api = useApi();
  const submit = useSubmit(followUpFields);
  const [draft, setDraft] = useState<FollowUpDraft>(emptyFollowUpDraft);
  const set = (changes: Partial<FollowUpDraft>) => setDraft((d) => ({ ...d, ...changes }));
  const formTitleId = `${planElementId(plan.id)}-follow-up-new`;

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    beforeChange();
    const checked = checkFollowUp(draft);
    if (!checked.ok) return rejectWith(submit, checked.fields, t);
    const ok = await submit.run(async () => {
      try {
        onRecorded((await api.recordFollowUp(caseId, plan.id, checked.body)).plans);
      } catch (error) {
        if (error instanceof ApiError && error.status === 409) onStale();
        throw error;
      }
    });
    if (ok) setDraft(emptyFollowUpDraft);
  }

  return (
    <div className="subsection">
      <h4 id={formTitleId}>{t("plans.followUpTitle", { intervention })}</h4>
      <ErrorSummary errors={submit.errors} />
      <form
        className="form form--wide"
        aria-labelledby={formTitleId}
        onSubmit={handleSubmit}
        noValidate
      >
        <FollowUpFields plan={plan} draft={draft} set={set} fieldError={submit.fieldError} />
        <button type="submit" className="button" disabled={submit.pending}>
          {t("plans.followUpSubmit")}
        </button>
      </form>
    </div>
  );
}

type FollowUpFieldsProps = {
  plan: PlanView;
  draft: FollowUpDraft;
  set: (changes: Partial<FollowUpDraft>) => void;
  fieldError: (name: string) => string | undefined;
};

/** How far the goal was reached, notes, and when to follow up next. */
function FollowUpFields({ plan, draft, set, fieldError }: FollowUpFieldsProps) {
  const { t } = useT();
  const outcomeOptions = followUpOutcomes.map((value: FollowUpOutcomeCode) => ({
    value,
    label: t(followUpOutcomeLabels[value]),
  }));
  return (
    <>
      <RadioGroupField
        label={t("plans.outcome")}
        name={`outcome-${plan.id}`}
        value={draft.outcome}
        options={outcomeOptions}
        onChange={(outcome) => set({ outcome })}
        error={fieldError("outcome")}
      />
      <TextAreaField
        label={t("plans.notes")}
        name="notes"
        rows={4}
        value={draft.notes}
        onChange={(e) => set({ notes: e.target.value })}
        error={fieldError("notes")}
      />
      <DateField
        label={t("plans.nextFollowUpDate")}
        hint={t("plans.nextFollowUpHint")}
        name="nextFollowUpDate"
        min={localDateInput(new Date())}
        value={draft.nextFollowUpDate}
        onChange={(value) => set({ nextFollowUpDate: value })}
        error={fieldError("nextFollowUpDate")}
      />
    </>
  );
}
