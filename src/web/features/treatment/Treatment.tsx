import { type FormEvent, useId, useState } from "react";
import type { CaseView, Treatment } from "../../api/endpoints";
import { useApi } from "../../auth/useAuth";
import { rejectWith } from "../../hooks/rejectWith";
import { useChange } from "../../hooks/useChange";
import { useFocusLater } from "../../hooks/useFocusLater";
import { useInvalidate } from "../../hooks/useQuery";
import { formatDay, localDateInput } from "../../i18n/dates";
import type { PlainMessageKey } from "../../i18n/messages";
import { useT } from "../../i18n/useT";
import { DateForm } from "../../ui/DateForm";
import { RadioGroupField, TextAreaField, TextField } from "../../ui/Field";
import { ErrorSummary, StatusMessage } from "../../ui/Messages";
import { Loaded } from "../../ui/QueryError";
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
  phaseLabels,
  type RegisterDraft,
  referralSourceLabels,
  referralSourceOptions,
  registerFields,
  type SessionDraft,
  sessionFields,
  startFields,
  treatmentForms,
} from "./treatment-model";
import { useTreatment } from "./useTreatment";

/*
 * Behandling: a man who uses violence in treatment at a Kriscentrum. Registered with how he
 * came, an assessment phase, the treatment proper with its sessions, and an end. The case's
 * status follows the treatment, so the page loads the case again after each step that moves
 * it. Partner workers are told across the barrier that treatment started, of each no-show,
 * and how it ended — nothing else.
 */

const titleId = "treatment-title";
const sessionsTitleId = "treatment-sessions-title";

/** How a form tells the panel it changed the treatment. */
interface Changed {
  caseId: string;
  beforeChange: () => void;
  onStale: () => void;
  onChanged: (treatment: Treatment, message: PlainMessageKey, movesCase: boolean) => void;
}

export function TreatmentPanel({ record }: { record: CaseView }) {
  const { t } = useT();
  const { state, reload, setData: share } = useTreatment(record.id);
  const invalidate = useInvalidate();
  const [message, setMessage] = useState<PlainMessageKey | null>(null);
  const focusLater = useFocusLater();
  const canWrite = record.abilities.change;

  const changed: Changed = {
    caseId: record.id,
    beforeChange: () => setMessage(null),
    onStale: reload,
    onChanged: (treatment, done, movesCase) => {
      share(treatment);
      setMessage(done);
      // Registration, start and end move the case: the header's status must follow.
      if (movesCase) void invalidate(["case", record.id]);
      focusLater(done === "treatment.sessionRecorded" ? sessionsTitleId : titleId);
    },
  };

  return (
    <section className="section" aria-labelledby={titleId}>
      <h2 id={titleId} tabIndex={-1}>
        {t("treatment.title")}
      </h2>
      <StatusMessage message={message && t(message)} />
      <Loaded state={state}>
        {(data) =>
          data === null ? (
            <>
              <p className="empty">{t("treatment.empty")}</p>
              {treatmentForms(null, canWrite).register && <RegisterForm {...changed} />}
            </>
          ) : (
            <TreatmentDetails treatment={data} canWrite={canWrite} changed={changed} />
          )
        }
      </Loaded>
    </section>
  );
}

function TreatmentDetails({
  treatment,
  canWrite,
  changed,
}: {
  treatment: Treatment;
  canWrite: boolean;
  changed: Changed;
}) {
  const { t, lang } = useT();
  const forms = treatmentForms(treatment, canWrite);
  const day = (value: string) => <span className="nowrap">{formatDay(value, lang)}</span>;
  return (
    <>
      <dl className="details">
        <div>
          <dt>{t("treatment.phase")}</dt>
          <dd>{t(phaseLabels[treatment.phase])}</dd>
        </div>
        <div>
          <dt>{t("treatment.referralSource")}</dt>
          <dd>{t(referralSourceLabels[treatment.referralSource])}</dd>
        </div>
        <div>
          <dt>{t("treatment.referredOn")}</dt>
          <dd>{day(treatment.referredOn)}</dd>
        </div>
        <div>
          <dt>{t("treatment.startedOn")}</dt>
          <dd>
            {treatment.startedOn ? (
              day(treatment.startedOn)
            ) : (
              <span className="muted">{t("treatment.notStarted")}</span>
            )}
          </dd>
        </div>
        {treatment.ended && (
          <>
            <div>
              <dt>{t("treatment.endedOn")}</dt>
              <dd>{day(treatment.ended.on)}</dd>
            </div>
            <div>
              <dt>{t("treatment.endKind")}</dt>
              <dd>{t(endKindLabels[treatment.ended.kind])}</dd>
            </div>
            <div>
              <dt>{t("treatment.endedBy")}</dt>
              <dd>{treatment.ended.by}</dd>
            </div>
          </>
        )}
      </dl>
      {treatment.ended && (
        <dl className="text-sections">
          <div>
            <dt>{t("treatment.endReason")}</dt>
            <dd className="multiline">{treatment.ended.reason}</dd>
          </div>
        </dl>
      )}
      {forms.start && <StartForm {...changed} />}

      <div className="subsection">
        <h3 id={sessionsTitleId} tabIndex={-1}>
          {t("treatment.sessionsTitle")}
        </h3>
        {treatment.sessions.length === 0 ? (
          <p className="empty">{t("treatment.noSessions")}</p>
        ) : (
          <div className="table-scroll">
            <table className="table table--compact">
              <caption className="visually-hidden">{t("treatment.sessionsCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("treatment.heldOn")}</th>
                  <th scope="col">{t("treatment.attendance")}</th>
                  <th scope="col">{t("treatment.recordedBy")}</th>
                </tr>
              </thead>
              <tbody>
                {treatment.sessions.map((s) => (
                  <tr key={s.id}>
                    <td>{day(s.heldOn)}</td>
                    <td>{t(attendanceLabels[s.attendance])}</td>
                    <td>{s.recordedBy}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {forms.session && <SessionForm {...changed} />}
      </div>
      {forms.end && <EndForm {...changed} />}
    </>
  );
}

function RegisterForm(props: Changed) {
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
        <TextField
          label={t("treatment.referredOn")}
          name="referredOn"
          type="date"
          max={localDateInput(new Date())}
          value={draft.referredOn}
          onChange={(e) => set({ referredOn: e.target.value })}
          error={submit.fieldError("referredOn")}
        />
        <button type="submit" className="button" disabled={submit.pending}>
          {t("treatment.registerSubmit")}
        </button>
      </form>
    </div>
  );
}

function StartForm(props: Changed) {
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

function SessionForm(props: Changed) {
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
        <TextField
          label={t("treatment.heldOn")}
          name="heldOn"
          type="date"
          max={localDateInput(new Date())}
          value={draft.heldOn}
          onChange={(e) => set({ heldOn: e.target.value })}
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

function EndForm(props: Changed) {
  const { t } = useT();
  const api = useApi();
  const { submit, run } = useChange(endFields, props);
  const [draft, setDraft] = useState<EndDraft>(() => ({
    endedOn: localDateInput(new Date()),
    kind: "",
    reason: "",
  }));
  const formTitleId = `${useId()}-title`;
  const set = (changes: Partial<EndDraft>) => setDraft((d) => ({ ...d, ...changes }));

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    props.beforeChange();
    const checked = checkEnd(draft);
    if (!checked.ok) return rejectWith(submit, checked.fields, t);
    await run(async () => {
      const { treatment } = await api.endTreatment(props.caseId, checked.body);
      if (treatment) props.onChanged(treatment, "treatment.ended", true);
    });
  }

  return (
    <div className="subsection">
      <h3 id={formTitleId}>{t("treatment.endTitle")}</h3>
      <p className="muted">{t("treatment.endIntro")}</p>
      <ErrorSummary errors={submit.errors} />
      <form className="form" aria-labelledby={formTitleId} onSubmit={handleSubmit} noValidate>
        <TextField
          label={t("treatment.endedOn")}
          name="endedOn"
          type="date"
          max={localDateInput(new Date())}
          value={draft.endedOn}
          onChange={(e) => set({ endedOn: e.target.value })}
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
        <button type="submit" className="button button--secondary" disabled={submit.pending}>
          {t("treatment.endSubmit")}
        </button>
      </form>
    </div>
  );
}
