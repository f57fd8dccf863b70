import { type FormEvent, useId, useState } from "react";
import type { Treatment } from "../../api/endpoints";
import { useApi } from "../../auth/useAuth";
import { rejectWith } from "../../hooks/rejectWith";
import { useChange } from "../../hooks/useChange";
import { localDateInput } from "../../i18n/dates";
import type { PlainMessageKey } from "../../i18n/messages";
import { useT } from "../../i18n/useT";
import { DateField } from "../../ui/DateField";
import { DateForm } from "../../ui/DateForm";
import { RadioGroupField, TextAreaField } from "../../ui/Field";
import { ErrorSummary } from "../../ui/Messages";
import { OutcomeFields, outcomeFieldNames } from "../outcomes/OutcomeFields";
import { emptyOutcome, type OutcomeDraft } from "../outcomes/outcome-model";
import {
  attendanceLabels,
  attendanceOptions,
  checkEnd,
  checkRegister,
  checkSession,
  checkStart,
  type EndDraft,
  emptyRegisterDraft,
  endFields,
  endKindLabels,
  endKindOptions,
  type RegisterDraft,
  referralSourceLabels,
  referralSourceOptions,
  registerFields,
  type SessionDraft,
  sessionFields,
  startFields,
} from "./treatment-model";

/*
 * The treatment's forms, one per step: registration, the start, a session and the end. Each
 * tells the panel through `Changed`, which reloads the case when the step moves its status.
 */

/** How a form tells the panel it changed the treatment. */
export interface Changed {
  caseId: string;
  beforeChange: () => void;
  onStale: () => void;
  onChanged: (treatment: Treatment, message: PlainMessageKey, movesCase: boolean) => void;
}
export function RegisterForm(props: Changed) {
  const { t } = useT();
  const api = useApi();
  const { submit, run } = useChange(registerFields, props);
  const [draft, setDraft] = useState<RegisterDraft>(emptyRegisterDraft);
  const formTitleId = `${useId()}-title`;
  const set = (changes: Partial<RegisterDraft>) => setDraft((d) => ({ ...d, ...changes }));

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    props.beforeChange();
    const checked = checkRegister(draft);
    if (!checked.ok) return rejectWith(submit, checked.fields, t);
    await run(async () => {
      const { treatment } = await api.registerTreatment(props.caseId, checked.body);
      if (treatment) props.onChanged(treatment, "treatment.registered", true);
    });
  }

  return (
    <div className="subsection">
      <h3 id={formTitleId}>{t("treatment.registerTitle")}</h3>
      <p className="muted">{t("treatment.registerIntro")}</p>
      <ErrorSummary errors={submit.errors} />
      <form className="form" aria-labelledby={formTitleId} onSubmit={handleSubmit} noValidate>
        <RadioGroupField
          label={t("treatment.referralSource")}
          name="referralSource"
          value={draft.referralSource}
          inline={false}
          options={referralSourceOptions.map((value) => ({
            value,
            label: t(referralSourceLabels[value]),
          }))}
          onChange={(referralSource) => set({ referralSource })}
          error={submit.fieldError("referralSource")}
        />
        <DateField
          label={t("treatment.referredOn")}
          name="referredOn"
          max={localDateInput(new Date())}
          value={draft.referredOn}
          onChange={(value) => set({ referredOn: value })}
          error={submit.fieldError("referredOn")}
        />
        <button type="submit" className="button" disabled={submit.pending}>
          {t("treatment.registerSubmit")}
        </button>
      </form>
    </div>
  );
}

export function StartForm(props: Changed) {
  const { t } = useT();
  const api = useApi();
  const { submit, run } = useChange(startFields, props);
  const [startedOn, setStartedOn] = useState(() => localDateInput(new Date()));

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    props.beforeChange();
    const checked = checkStart(startedOn);
    if (!checked.ok) return rejectWith(submit, checked.fields, t);
    await run(async () => {
      const { treatment } = await api.startTreatment(props.caseId, checked.body.startedOn);
      if (treatment) props.onChanged(treatment, "treatment.started", true);
    });
  }

  return (
    <div className="subsection">
      <DateForm
        title={t("treatment.startTitle")}
        intro={t("treatment.startIntro")}
        label={t("treatment.startedOn")}
        name="startedOn"
        value={startedOn}
        onChange={setStartedOn}
        submitLabel={t("treatment.startSubmit")}
        submit={submit}
        onSubmit={handleSubmit}
      />
    </div>
  );
}

export function SessionForm(props: Changed) {
  const { t } = useT();
  const api = useApi();
  const { submit, run } = useChange(sessionFields, props);
  const empty = (): SessionDraft => ({ heldOn: localDateInput(new Date()), attendance: "" });
  const [draft, setDraft] = useState<SessionDraft>(empty);
  const formTitleId = `${useId()}-title`;
  const set = (changes: Partial<SessionDraft>) => setDraft((d) => ({ ...d, ...changes }));

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    props.beforeChange();
    const checked = checkSession(draft);
    if (!checked.ok) return rejectWith(submit, checked.fields, t);
    await run(async () => {
      const { treatment } = await api.recordSession(props.caseId, checked.body);
      setDraft(empty());
      if (treatment) props.onChanged(treatment, "treatment.sessionRecorded", false);
    });
  }

  return (
    <>
      <h4 id={formTitleId}>{t("treatment.sessionTitle")}</h4>
      <p className="muted">{t("treatment.sessionIntro")}</p>
      <ErrorSummary errors={submit.errors} />
      <form className="form" aria-labelledby={formTitleId} onSubmit={handleSubmit} noValidate>
        <DateField
          label={t("treatment.heldOn")}
          name="heldOn"
          max={localDateInput(new Date())}
          value={draft.heldOn}
          onChange={(value) => set({ heldOn: value })}
          error={submit.fieldError("heldOn")}
        />
        <RadioGroupField
          label={t("treatment.attendance")}
          name="attendance"
          value={draft.attendance}
          options={attendanceOptions.map((value) => ({
            value,
            label: t(attendanceLabels[value]),
          }))}
          onChange={(attendance) => set({ attendance })}
          error={submit.fieldError("attendance")}
        />
        <button type="submit" className="button" disabled={submit.pending}>
          {t("treatment.sessionSubmit")}
        </button>
      </form>
    </>
  );
}

// The end's fields and the outcome's, so the server's messages show by their controls.
const endFieldNames = [...new Set([...endFields, ...outcomeFieldNames])];

/** The end command: the draft (ended today), the outcome and their checks; ending closes the case. */
function useEnd(props: Changed) {
  const { t } = useT();
  const api = useApi();
  const { submit, run } = useChange(endFieldNames, props);
  const [draft, setDraft] = useState<EndDraft>(() => ({
    endedOn: localDateInput(new Date()),
    kind: "",
    reason: "",
  }));
  const [outcome, setOutcome] = useState<OutcomeDraft>(emptyOutcome);
  const set = (changes: Partial<EndDraft>) => setDraft((d) => ({ ...d, ...changes }));

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    props.beforeChange();
    const checked = checkEnd(draft, outcome);
    if (!checked.ok) return rejectWith(submit, checked.fields, t);
    await run(async () => {
      const { treatment } = await api.endTreatment(props.caseId, checked.body);
      if (treatment) props.onChanged(treatment, "treatment.ended", true);
    });
  }

  return { submit, draft, set, outcome, setOutcome, handleSubmit };
}

export function EndForm(props: Changed) {
  const { t } = useT();
  const { submit, draft, set, outcome, setOutcome, handleSubmit } = useEnd(props);
  const formTitleId = `${useId()}-title`;

  return (
    <div className="subsection">
      <h3 id={formTitleId}>{t("treatment.endTitle")}</h3>
      <p className="muted">{t("treatment.endIntro")}</p>
      <ErrorSummary errors={submit.errors} />
      <form className="form" aria-labelledby={formTitleId} onSubmit={handleSubmit} noValidate>
        <DateField
          label={t("treatment.endedOn")}
          name="endedOn"
          max={localDateInput(new Date())}
          value={draft.endedOn}
          onChange={(value) => set({ endedOn: value })}
          error={submit.fieldError("endedOn")}
        />
        <RadioGroupField
          label={t("treatment.endKind")}
          name="kind"
          value={draft.kind}
          inline={false}
          options={endKindOptions.map((value) => ({ value, label: t(endKindLabels[value]) }))}
          onChange={(kind) => set({ kind })}
          error={submit.fieldError("kind")}
        />
        <TextAreaField
          label={t("treatment.endReason")}
          name="reason"
          rows={3}
          value={draft.reason}
          onChange={(e) => set({ reason: e.target.value })}
          error={submit.fieldError("reason")}
        />
        {/* The end closes the case: whether his goal was reached is asked here (issue 20). */}
        <OutcomeFields draft={outcome} onChange={setOutcome} submit={submit} />
        <button type="submit" className="button button--secondary" disabled={submit.pending}>
          {t("treatment.endSubmit")}
        </button>
      </form>
    </div>
  );
}
