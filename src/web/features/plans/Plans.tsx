import { type FormEvent, useState } from "react";
import { ApiError } from "../../api/client";
import type { CaseView, DecisionView, FollowUpOutcomeCode, PlanView } from "../../api/endpoints";
import { useApi } from "../../auth/useAuth";
import { rejectWith } from "../../hooks/rejectWith";
import { useFocusLater } from "../../hooks/useFocusLater";
import { useQuery } from "../../hooks/useQuery";
import { useSubmit } from "../../hooks/useSubmit";
import { formatDateTimeShort, formatDay, localDateInput } from "../../i18n/dates";
import { decisionOutcomeLabels, followUpOutcomeLabels, interventionLabel } from "../../i18n/labels";
import type { PlainMessageKey } from "../../i18n/messages";
import { useT } from "../../i18n/useT";
import { RadioGroupField, TextAreaField, TextField } from "../../ui/Field";
import { ErrorSummary, StatusMessage } from "../../ui/Messages";
import { Loaded } from "../../ui/QueryError";
import { useCaseDecisions } from "../decisions/Decisions";
import {
  checkFollowUp,
  checkPlan,
  decisionsNeedingPlan,
  emptyFollowUpDraft,
  type FollowUpDraft,
  followUpOutcomes,
  isDayPast,
  type PlanDraft,
} from "../decisions/decisions-model";

/*
 * Genomförandeplan och uppföljning: each granted intervention gets a plan (goals; what is
 * done, by whom and when; start; first follow-up). Each follow-up records how far the goal
 * was reached and when to follow up next; Att göra watches the next date.
 */

const titleId = "plans-title";
const planFields = ["goals", "activities", "startDate", "followUpDate", "decisionId"] as const;
const followUpFields = ["outcome", "notes", "nextFollowUpDate"] as const;

const planElementId = (planId: string) => `plan-${planId}`;

export function PlansPanel({ record }: { record: CaseView }) {
  const { t } = useT();
  const api = useApi();
  // The case's decisions (shared with the decisions panel): which still need a plan.
  const decisions = useCaseDecisions(record.id).state;
  const query = useQuery(
    ["case", record.id, "plans"],
    async (signal) => (await api.plans(record.id, signal)).plans,
  );
  const [message, setMessage] = useState<PlainMessageKey | null>(null);
  const focusLater = useFocusLater();
  const { state, setData, reload } = query;
  // A closed case gets no new plans or follow-ups; it can be reopened.
  const canWrite = record.abilities.change;
  const decided = decisions.status === "ready" ? decisions.data.decisions : [];
  const needing = state.status === "ready" ? decisionsNeedingPlan(decided, state.data) : [];

  /** The intervention's name in the UI's language, found through the plan's decision. */
  const interventionOf = (plan: PlanView) => {
    const decision = decided.find((d) => d.id === plan.decisionId);
    return decision
      ? interventionLabel(decision.interventionKind, plan.interventionName, t)
      : plan.interventionName;
  };

  function changed(plans: PlanView[], key: PlainMessageKey, focusId: string) {
    setData(plans);
    setMessage(key);
    focusLater(focusId);
  }

  return (
    <section className="section" aria-labelledby={titleId}>
      <h2 id={titleId}>{t("plans.title")}</h2>
      <StatusMessage message={message && t(message)} />
      <Loaded state={state}>
        {(data) => (
          <>
            {data.length === 0 && <p className="empty">{t("plans.empty")}</p>}
            {data.length > 0 && (
              <ul className="record-list" aria-label={t("plans.listCaption")}>
                {data.map((plan) => (
                  <li key={plan.id} className="record-list__item">
                    <Plan
                      caseId={record.id}
                      plan={plan}
                      intervention={interventionOf(plan)}
                      canWrite={canWrite}
                      beforeChange={() => setMessage(null)}
                      onFollowedUp={(plans) =>
                        changed(plans, "plans.followUpRecorded", planElementId(plan.id))
                      }
                      onStale={reload}
                    />
                  </li>
                ))}
              </ul>
            )}
            {canWrite &&
              needing.map((decision) => (
                <PlanForm
                  key={decision.id}
                  caseId={record.id}
                  decision={decision}
                  beforeChange={() => setMessage(null)}
                  onSaved={(plans) => {
                    const plan = plans.find((p) => p.decisionId === decision.id);
                    changed(plans, "plans.saved", plan ? planElementId(plan.id) : titleId);
                  }}
                />
              ))}
          </>
        )}
      </Loaded>
    </section>
  );
}

function Plan({
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
  const { t, lang } = useT();
  const elementId = planElementId(plan.id);
  const followUpsTitleId = `${elementId}-follow-ups`;
  const followUps = [...plan.followUps].sort((a, b) => b.recordedAt.localeCompare(a.recordedAt));
  const next = plan.nextFollowUpDate;
  return (
    <article id={elementId} tabIndex={-1} aria-labelledby={`${elementId}-title`}>
      <h3 id={`${elementId}-title`}>{t("plans.planTitle", { intervention })}</h3>
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
      {followUps.length === 0 ? (
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
      )}
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

function PlanForm({
  caseId,
  decision,
  beforeChange,
  onSaved,
}: {
  caseId: string;
  decision: DecisionView;
  beforeChange: () => void;
  onSaved: (plans: PlanView[]) => void;
}) {
  const { t, lang } = useT();
  const api = useApi();
  const submit = useSubmit(planFields);
  const [draft, setDraft] = useState<PlanDraft>(() => ({
    goals: "",
    activities: "",
    startDate: decision.periodFrom ?? localDateInput(new Date()),
    followUpDate: "",
  }));
  const set = (changes: Partial<PlanDraft>) => setDraft((d) => ({ ...d, ...changes }));
  const formTitleId = `plan-new-${decision.id}`;
  const intervention = interventionLabel(decision.interventionKind, decision.interventionName, t);

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    beforeChange();
    const checked = checkPlan(draft);
    if (!checked.ok) return rejectWith(submit, checked.fields, t);
    await submit.run(async () => {
      onSaved((await api.savePlan(caseId, decision.id, checked.body)).plans);
    });
  }

  return (
    <div className="subsection">
      <h3 id={formTitleId}>{t("plans.newTitle", { intervention })}</h3>
      <p className="muted">
        {t("plans.forDecision", {
          date: formatDateTimeShort(decision.decidedAt, lang),
          outcome: t(decisionOutcomeLabels[decision.outcome]),
        })}
      </p>
      <ErrorSummary errors={submit.errors} />
      <form
        className="form form--wide"
        aria-labelledby={formTitleId}
        onSubmit={handleSubmit}
        noValidate
      >
        <TextAreaField
          label={t("plans.goals")}
          name="goals"
          rows={4}
          value={draft.goals}
          onChange={(e) => set({ goals: e.target.value })}
          error={submit.fieldError("goals")}
        />
        <TextAreaField
          label={t("plans.activities")}
          name="activities"
          rows={5}
          value={draft.activities}
          onChange={(e) => set({ activities: e.target.value })}
          error={submit.fieldError("activities") ?? submit.fieldError("decisionId")}
        />
        <div className="field__row">
          <TextField
            label={t("plans.startDate")}
            name="startDate"
            type="date"
            value={draft.startDate}
            onChange={(e) => set({ startDate: e.target.value })}
            error={submit.fieldError("startDate")}
          />
          <TextField
            label={t("plans.followUpDate")}
            name="followUpDate"
            type="date"
            min={draft.startDate || undefined}
            value={draft.followUpDate}
            onChange={(e) => set({ followUpDate: e.target.value })}
            error={submit.fieldError("followUpDate")}
          />
        </div>
        <button type="submit" className="button" disabled={submit.pending}>
          {t("plans.submit")}
        </button>
      </form>
    </div>
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

  const outcomeOptions = followUpOutcomes.map((value: FollowUpOutcomeCode) => ({
    value,
    label: t(followUpOutcomeLabels[value]),
  }));
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
        <RadioGroupField
          label={t("plans.outcome")}
          name={`outcome-${plan.id}`}
          value={draft.outcome}
          options={outcomeOptions}
          onChange={(outcome) => set({ outcome })}
          error={submit.fieldError("outcome")}
        />
        <TextAreaField
          label={t("plans.notes")}
          name="notes"
          rows={4}
          value={draft.notes}
          onChange={(e) => set({ notes: e.target.value })}
          error={submit.fieldError("notes")}
        />
        <TextField
          label={t("plans.nextFollowUpDate")}
          hint={t("plans.nextFollowUpHint")}
          name="nextFollowUpDate"
          type="date"
          min={localDateInput(new Date())}
          value={draft.nextFollowUpDate}
          onChange={(e) => set({ nextFollowUpDate: e.target.value })}
          error={submit.fieldError("nextFollowUpDate")}
        />
        <button type="submit" className="button" disabled={submit.pending}>
          {t("plans.followUpSubmit")}
        </button>
      </form>
    </div>
  );
}
