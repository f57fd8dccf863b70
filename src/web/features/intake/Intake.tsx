import { type FormEvent, type ReactNode, useState } from "react";
import { useNavigate } from "react-router";
import { intakeChannels, intakeKinds, intakeSources } from "../../../shared/api/intake";
import { intakeQuestions } from "../../../shared/intake-questions";
import type { UnitRef } from "../../auth/permissions";
import { useApi } from "../../auth/useAuth";
import { useSubmit } from "../../hooks/useSubmit";
import { localDateInput, localDateTimeInputs } from "../../i18n/dates";
import { intakeChannelLabels, intakeKindLabels, intakeSourceLabels } from "../../i18n/labels";
import type { PlainMessageKey } from "../../i18n/messages";
import { useT } from "../../i18n/useT";
import { DateTimeField } from "../../ui/DateField";
import { RadioGroupField, SelectField, TextAreaField, TextField } from "../../ui/Field";
import { InterpreterFields } from "../../ui/InterpreterFields";
import { ErrorSummary, StatusMessage } from "../../ui/Messages";
import {
  emptyIntakeDraft,
  type IntakeDraft,
  intakeBody,
  isIntakeChannel,
  isIntakeKind,
  isIntakeSource,
  type YesNo,
} from "../cases/casework-model";
import type { RecordIntakeInput, RecordIntakeOutcome } from "./api";
import { IntakeReportFields } from "./IntakeReport";

const formTitleId = "intake-new-title";
const fieldNames = [
  "unitId",
  "source",
  "channel",
  "receivedAt",
  "kind",
  "askedAboutViolence",
  "violenceAnswer",
  "interpreterNeeded",
  "interpreterLanguage",
  "childrenInHousehold",
  "informationOnlyReason",
  "reportText",
  "reportedOn",
  "reporterOrganisation",
  "reporterName",
  "reporterPhone",
  "reporterEmail",
] as const;

const freshDraft = (unitId: string) => emptyIntakeDraft(unitId, localDateTimeInputs(new Date()));

/**
 * "Ny aktualisering": how a matter reached the unit. An application or a report opens a case
 * (or joins the one under way at the unit) and the page moves to it; a request for
 * information is recorded without a case.
 */
interface IntakeFormProps {
  personId: string;
  units: readonly UnitRef[];
  /** Where the form starts (a service contact turned into an intake: what was said). */
  initial?: IntakeDraft;
  /** How the intake is recorded, if not by POST /api/intakes (from a service contact). */
  send?: (body: RecordIntakeInput) => Promise<RecordIntakeOutcome>;
  /** Said instead of asking for channel and time, when they are given (the contact's). */
  arrival?: ReactNode;
}

export function IntakeForm({ personId, units, initial, send, arrival }: IntakeFormProps) {
  const { t } = useT();
  const api = useApi();
  const navigate = useNavigate();
  const submit = useSubmit(fieldNames);
  const [draft, setDraft] = useState<IntakeDraft>(() => initial ?? freshDraft(units[0]?.id ?? ""));
  const [status, setStatus] = useState<PlainMessageKey | null>(null);
  const set = (changes: Partial<IntakeDraft>) => setDraft((d) => ({ ...d, ...changes }));

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setStatus(null);
    const checked = intakeBody(personId, draft);
    if (!checked.ok) {
      const fields: Record<string, string> = {};
      for (const [name, key] of Object.entries(checked.fields)) fields[name] = t(key);
      submit.reject(fields);
      return;
    }
    await submit.run(async () => {
      const result = await (send ?? api.recordIntake)(checked.body);
      if (result.case) {
        navigate(`/cases/${result.case.id}`);
        return;
      }
      setDraft(freshDraft(draft.unitId));
      setStatus(result.joinedExistingCase ? "intake.joined" : "intake.informationOnly");
    });
  }

  return (
    <>
      <h2 id={formTitleId}>{t("intake.title")}</h2>
      <StatusMessage message={status && t(status)} />
      <ErrorSummary errors={submit.errors} />
      <form className="form" aria-labelledby={formTitleId} onSubmit={handleSubmit} noValidate>
        <IntakeArrivalFields
          units={units}
          draft={draft}
          set={set}
          fieldError={submit.fieldError}
          arrival={arrival}
        />
        <IntakeReportFields draft={draft} set={set} fieldError={submit.fieldError} />
        <IntakeMatterFields draft={draft} set={set} fieldError={submit.fieldError} />
        <button type="submit" className="button" disabled={submit.pending}>
          {t("intake.submit")}
        </button>
      </form>
    </>
  );
}

interface IntakeFieldsProps {
  draft: IntakeDraft;
  set: (changes: Partial<IntakeDraft>) => void;
  fieldError: (name: string) => string | undefined;
}

/** How the matter arrived: at which unit, as what, from whom, by which channel, and when. */
function IntakeArrivalFields({
  units,
  draft,
  set,
  fieldError,
  arrival,
}: IntakeFieldsProps & { units: readonly UnitRef[]; arrival?: ReactNode }) {
  const { t } = useT();
  return (
    <>
      <SelectField
        label={t("intake.unit")}
        name="unitId"
        value={draft.unitId}
        onChange={(e) => set({ unitId: e.target.value })}
        error={fieldError("unitId")}
      >
        {units.map((unit) => (
          <option key={unit.id} value={unit.id}>
            {unit.name}
          </option>
        ))}
      </SelectField>
      <RadioGroupField
        label={t("intake.kind")}
        name="kind"
        value={draft.kind}
        options={intakeKinds.map((kind) => ({ value: kind, label: t(intakeKindLabels[kind]) }))}
        onChange={(kind) => isIntakeKind(kind) && set({ kind })}
        error={fieldError("kind")}
      />
      <IntakeOriginFields draft={draft} set={set} fieldError={fieldError} fixed={!!arrival} />
      {arrival ?? (
        <DateTimeField
          label={t("intake.receivedAt")}
          hint={t("intake.receivedAtHint")}
          name="receivedAt"
          dateLabel={t("intake.date")}
          timeLabel={t("intake.time")}
          date={draft.date}
          time={draft.time}
          maxDate={localDateInput(new Date())}
          onDateChange={(date) => set({ date })}
          onTimeChange={(time) => set({ time })}
          error={fieldError("receivedAt")}
        />
      )}
    </>
  );
}

/** From whom the matter came and by which channel: both chosen from fixed lists. */
function IntakeOriginFields({
  draft,
  set,
  fieldError,
  fixed,
}: IntakeFieldsProps & { fixed: boolean }) {
  const { t } = useT();
  return (
    <>
      <SelectField
        label={t("intake.source")}
        name="source"
        value={draft.source}
        onChange={(e) => {
          const value = e.target.value;
          set({ source: isIntakeSource(value) ? value : "" });
        }}
        error={fieldError("source")}
      >
        <option value="">{t("common.choose")}</option>
        {intakeSources.map((source) => (
          <option key={source} value={source}>
            {t(intakeSourceLabels[source])}
          </option>
        ))}
      </SelectField>
      {!fixed && (
        <SelectField
          label={t("intake.channel")}
          name="channel"
          value={draft.channel}
          onChange={(e) => {
            const value = e.target.value;
            set({ channel: isIntakeChannel(value) ? value : "" });
          }}
          error={fieldError("channel")}
        >
          <option value="">{t("common.choose")}</option>
          {intakeChannels.map((channel) => (
            <option key={channel} value={channel}>
              {t(intakeChannelLabels[channel])}
            </option>
          ))}
        </SelectField>
      )}
    </>
  );
}

/** What the matter holds: the reason for a request, the question about violence, interpreter, children. */
function IntakeMatterFields({ draft, set, fieldError }: IntakeFieldsProps) {
  const { t } = useT();
  const yesNo: { value: YesNo; label: string }[] = [
    { value: "yes", label: t("common.yes") },
    { value: "no", label: t("common.no") },
  ];
  // The question only where it fits: a child is not asked at intake.
  const asksAboutViolence = intakeQuestions(draft.kind, draft.source).askedAboutViolence;
  return (
    <>
      {draft.kind === "request_for_information" && (
        <TextAreaField
          label={t("intake.informationOnlyReason")}
          name="informationOnlyReason"
          value={draft.informationOnlyReason}
          onChange={(e) => set({ informationOnlyReason: e.target.value })}
          error={fieldError("informationOnlyReason")}
        />
      )}
      {asksAboutViolence ? (
        <RadioGroupField
          label={t("intake.askedAboutViolence")}
          name="askedAboutViolence"
          value={draft.askedAboutViolence}
          options={yesNo}
          onChange={(askedAboutViolence) => set({ askedAboutViolence })}
          error={fieldError("askedAboutViolence")}
        />
      ) : (
        <p className="muted">{t("intake.violenceNotAsked")}</p>
      )}
      {asksAboutViolence && draft.askedAboutViolence === "yes" && (
        <TextAreaField
          label={t("intake.violenceAnswer")}
          name="violenceAnswer"
          value={draft.violenceAnswer}
          onChange={(e) => set({ violenceAnswer: e.target.value })}
          error={fieldError("violenceAnswer")}
        />
      )}
      <InterpreterFields
        neededLabel={t("intake.interpreterNeeded")}
        needed={draft.interpreterNeeded}
        language={draft.interpreterLanguage}
        onChange={set}
        fieldError={fieldError}
      />
      <TextField
        label={t("intake.children")}
        hint={t("intake.childrenHint")}
        name="childrenInHousehold"
        inputMode="numeric"
        autoComplete="off"
        value={draft.childrenInHousehold}
        onChange={(e) => set({ childrenInHousehold: e.target.value })}
        error={fieldError("childrenInHousehold")}
      />
    </>
  );
}

// The case page imports the list from here (features/cases/case-panels.tsx).
export { CaseIntakes } from "./IntakeList";
