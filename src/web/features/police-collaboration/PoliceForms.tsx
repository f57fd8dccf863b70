import { type FormEvent, useId, useState } from "react";
import {
  restrainingOrderKinds,
  restrainingOrderStatuses,
  safetyAlarmKinds,
} from "../../../shared/api/police-collaboration";
import type { PoliceCollaboration } from "../../api/endpoints";
import { useApi } from "../../auth/useAuth";
import { useSubmit } from "../../hooks/useSubmit";
import { formatDay } from "../../i18n/dates";
import type { PlainMessageKey } from "../../i18n/messages";
import { useT } from "../../i18n/useT";
import { DateField } from "../../ui/DateField";
import { SelectField, TextField } from "../../ui/Field";
import { ErrorSummary } from "../../ui/Messages";
import { given } from "./police-collaboration-model";

/*
 * The police panel's forms of a restraining order and an alarm (IncidentForm.tsx: an incident). Each sends
 * what was typed (blank: not given) and shows the server's words by the field it is about.
 */

export interface FormProps {
  caseId: string;
  onSaved: (data: PoliceCollaboration) => void;
}

const orderFields = [
  "kind",
  "status",
  "protectedPersonId",
  "againstRelationId",
  "againstName",
  "validFrom",
  "validUntil",
  "endedOn",
  "reference",
  "decidedBy",
  "policeAssessmentId",
] as const;
type OrderDraft = Record<(typeof orderFields)[number], string>;
const emptyOrder: OrderDraft = Object.fromEntries(orderFields.map((f) => [f, ""])) as OrderDraft;

/** The police assessments of the case, for an order or alarm to name the one it followed. */
function AssessmentSelect(props: {
  data: PoliceCollaboration;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
}) {
  const { t, lang } = useT();
  return (
    <SelectField
      label={t("policeCollab.assessment")}
      name="policeAssessmentId"
      value={props.value}
      onChange={(e) => props.onChange(e.target.value)}
      error={props.error}
    >
      <option value="">{t("policeCollab.none")}</option>
      {props.data.policeAssessments.map((a) => (
        <option key={a.id} value={a.id}>
          {`${a.level} (${formatDay(a.assessedOn, lang)})`}
        </option>
      ))}
    </SelectField>
  );
}

export function OrderForm({ data, caseId, onSaved }: FormProps & { data: PoliceCollaboration }) {
  const { t } = useT();
  const api = useApi();
  const submit = useSubmit(orderFields);
  const [draft, setDraft] = useState<OrderDraft>(emptyOrder);
  const set = (changes: Partial<OrderDraft>) => setDraft((d) => ({ ...d, ...changes }));
  const titleId = `${useId()}-title`;

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const ok = await submit.run(async () => {
      onSaved(
        await api.recordRestrainingOrder(caseId, {
          kind: draft.kind as (typeof restrainingOrderKinds)[number],
          status: draft.status as (typeof restrainingOrderStatuses)[number],
          protectedPersonId: draft.protectedPersonId,
          againstRelationId: given(draft.againstRelationId),
          againstName: given(draft.againstName),
          validFrom: given(draft.validFrom),
          validUntil: given(draft.validUntil),
          endedOn: given(draft.endedOn),
          reference: given(draft.reference),
          decidedBy: given(draft.decidedBy),
          policeAssessmentId: given(draft.policeAssessmentId),
        }),
      );
    });
    if (ok) setDraft(emptyOrder);
  }

  const choose = <option value="">{t("policeCollab.choose")}</option>;
  return (
    <div className="subsection">
      <h3 id={titleId}>{t("policeCollab.newOrder")}</h3>
      <ErrorSummary errors={submit.errors} />
      <form
        className="form form--wide"
        aria-labelledby={titleId}
        onSubmit={handleSubmit}
        noValidate
      >
        <SelectField
          label={t("policeCollab.kind")}
          name="kind"
          value={draft.kind}
          onChange={(e) => set({ kind: e.target.value })}
          error={submit.fieldError("kind")}
        >
          {choose}
          {restrainingOrderKinds.map((k) => (
            <option key={k} value={k}>
              {t(`policeCollab.orderKind.${k}` as PlainMessageKey)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t("policeCollab.status")}
          name="status"
          value={draft.status}
          onChange={(e) => set({ status: e.target.value })}
          error={submit.fieldError("status")}
        >
          {choose}
          {restrainingOrderStatuses.map((s) => (
            <option key={s} value={s}>
              {t(`policeCollab.orderStatus.${s}` as PlainMessageKey)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t("policeCollab.protectedPerson")}
          name="protectedPersonId"
          value={draft.protectedPersonId}
          onChange={(e) => set({ protectedPersonId: e.target.value })}
          error={submit.fieldError("protectedPersonId")}
        >
          {choose}
          {data.protectable.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t("policeCollab.againstRelation")}
          name="againstRelationId"
          value={draft.againstRelationId}
          onChange={(e) => set({ againstRelationId: e.target.value })}
          error={submit.fieldError("againstRelationId")}
        >
          <option value="">{t("policeCollab.none")}</option>
          {data.relations.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t("policeCollab.againstName")}
          hint={t("policeCollab.againstNameHint")}
          name="againstName"
          value={draft.againstName}
          onChange={(e) => set({ againstName: e.target.value })}
          error={submit.fieldError("againstName")}
        />
        <DateField
          label={t("policeCollab.validFrom")}
          name="validFrom"
          value={draft.validFrom}
          onChange={(validFrom) => set({ validFrom })}
          error={submit.fieldError("validFrom")}
        />
        <DateField
          label={t("policeCollab.validUntil")}
          name="validUntil"
          value={draft.validUntil}
          onChange={(validUntil) => set({ validUntil })}
          error={submit.fieldError("validUntil")}
        />
        {draft.status === "ended_early" && (
          <DateField
            label={t("policeCollab.endedOn")}
            name="endedOn"
            value={draft.endedOn}
            onChange={(endedOn) => set({ endedOn })}
            error={submit.fieldError("endedOn")}
          />
        )}
        <TextField
          label={t("policeCollab.reference")}
          name="reference"
          value={draft.reference}
          onChange={(e) => set({ reference: e.target.value })}
          error={submit.fieldError("reference")}
        />
        <TextField
          label={t("policeCollab.decidedBy")}
          name="decidedBy"
          value={draft.decidedBy}
          onChange={(e) => set({ decidedBy: e.target.value })}
          error={submit.fieldError("decidedBy")}
        />
        <AssessmentSelect
          data={data}
          value={draft.policeAssessmentId}
          onChange={(policeAssessmentId) => set({ policeAssessmentId })}
          error={submit.fieldError("policeAssessmentId")}
        />
        <button type="submit" className="button" disabled={submit.pending}>
          {t("policeCollab.saveOrder")}
        </button>
      </form>
    </div>
  );
}

const alarmFields = [
  "kind",
  "validFrom",
  "validUntil",
  "followUpOn",
  "suppliedBy",
  "policeAssessmentId",
] as const;
type AlarmDraft = Record<(typeof alarmFields)[number], string>;
const emptyAlarm: AlarmDraft = Object.fromEntries(alarmFields.map((f) => [f, ""])) as AlarmDraft;

export function AlarmForm({ data, caseId, onSaved }: FormProps & { data: PoliceCollaboration }) {
  const { t } = useT();
  const api = useApi();
  const submit = useSubmit(alarmFields);
  const [draft, setDraft] = useState<AlarmDraft>(emptyAlarm);
  const set = (changes: Partial<AlarmDraft>) => setDraft((d) => ({ ...d, ...changes }));
  const titleId = `${useId()}-title`;

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const ok = await submit.run(async () => {
      onSaved(
        await api.recordSafetyAlarm(caseId, {
          kind: draft.kind as (typeof safetyAlarmKinds)[number],
          validFrom: draft.validFrom,
          validUntil: given(draft.validUntil),
          followUpOn: given(draft.followUpOn),
          suppliedBy: draft.suppliedBy,
          policeAssessmentId: given(draft.policeAssessmentId),
        }),
      );
    });
    if (ok) setDraft(emptyAlarm);
  }

  return (
    <div className="subsection">
      <h3 id={titleId}>{t("policeCollab.newAlarm")}</h3>
      <ErrorSummary errors={submit.errors} />
      <form
        className="form form--wide"
        aria-labelledby={titleId}
        onSubmit={handleSubmit}
        noValidate
      >
        <SelectField
          label={t("policeCollab.kind")}
          name="kind"
          value={draft.kind}
          onChange={(e) => set({ kind: e.target.value })}
          error={submit.fieldError("kind")}
        >
          <option value="">{t("policeCollab.choose")}</option>
          {safetyAlarmKinds.map((k) => (
            <option key={k} value={k}>
              {t(`policeCollab.alarmKind.${k}` as PlainMessageKey)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t("policeCollab.suppliedBy")}
          name="suppliedBy"
          value={draft.suppliedBy}
          onChange={(e) => set({ suppliedBy: e.target.value })}
          error={submit.fieldError("suppliedBy")}
        />
        <DateField
          label={t("policeCollab.validFrom")}
          name="validFrom"
          value={draft.validFrom}
          onChange={(validFrom) => set({ validFrom })}
          error={submit.fieldError("validFrom")}
        />
        <DateField
          label={t("policeCollab.validUntil")}
          name="validUntil"
          value={draft.validUntil}
          onChange={(validUntil) => set({ validUntil })}
          error={submit.fieldError("validUntil")}
        />
        <DateField
          label={t("policeCollab.followUpOn")}
          name="followUpOn"
          value={draft.followUpOn}
          onChange={(followUpOn) => set({ followUpOn })}
          error={submit.fieldError("followUpOn")}
        />
        <AssessmentSelect
          data={data}
          value={draft.policeAssessmentId}
          onChange={(policeAssessmentId) => set({ policeAssessmentId })}
          error={submit.fieldError("policeAssessmentId")}
        />
        <button type="submit" className="button" disabled={submit.pending}>
          {t("policeCollab.saveAlarm")}
        </button>
      </form>
    </div>
  );
}
