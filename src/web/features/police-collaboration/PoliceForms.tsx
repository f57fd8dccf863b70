import {
  restrainingOrderKinds,
  restrainingOrderStatuses,
  safetyAlarmKinds,
} from "../../../shared/api/police-collaboration";
import type { PoliceCollaboration } from "../../api/endpoints";
import { useApi } from "../../auth/useAuth";
import { formatDay } from "../../i18n/dates";
import { useT } from "../../i18n/useT";
import { DateField } from "../../ui/DateField";
import { TextField } from "../../ui/Field";
import { given } from "./police-collaboration-model";
import {
  type BoundField,
  ChoiceField,
  type FormProps,
  PoliceForm,
  useDraft,
  useNamedChoices,
} from "./police-form-parts";

/*
 * The police panel's forms of a restraining order and an alarm (IncidentForm.tsx: an
 * incident), each behind its button. Each sends what was typed (blank: not given) and shows
 * the server's words by the field it is about.
 */

type DataFormProps = FormProps & { data: PoliceCollaboration };

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
type OrderDraft = ReturnType<typeof useDraft<(typeof orderFields)[number]>>;

/** The police assessments of the case, for an order or alarm to name the one it followed. */
function AssessmentField({ data, ...field }: { data: PoliceCollaboration } & BoundField) {
  const { t, lang } = useT();
  const choices = data.policeAssessments.map((a) => ({
    value: a.id,
    label: `${a.level} (${formatDay(a.assessedOn, lang)})`,
  }));
  return (
    <ChoiceField
      label={t("policeCollab.assessment")}
      empty={t("policeCollab.none")}
      choices={choices}
      {...field}
    />
  );
}

export function OrderForm({ data, caseId, onSaved }: DataFormProps) {
  const { t } = useT();
  const api = useApi();
  const form = useDraft(orderFields);
  const send = () =>
    form.save(async (d) => {
      onSaved(
        await api.recordRestrainingOrder(caseId, {
          kind: d.kind as (typeof restrainingOrderKinds)[number],
          status: d.status as (typeof restrainingOrderStatuses)[number],
          protectedPersonId: d.protectedPersonId,
          againstRelationId: given(d.againstRelationId),
          againstName: given(d.againstName),
          validFrom: given(d.validFrom),
          validUntil: given(d.validUntil),
          endedOn: given(d.endedOn),
          reference: given(d.reference),
          decidedBy: given(d.decidedBy),
          policeAssessmentId: given(d.policeAssessmentId),
        }),
      );
    });
  return (
    <PoliceForm
      title={t("policeCollab.newOrder")}
      saveLabel={t("policeCollab.saveOrder")}
      submit={form.submit}
      onSubmit={send}
    >
      <OrderFields data={data} form={form} />
    </PoliceForm>
  );
}

function OrderFields({ data, form }: { data: PoliceCollaboration; form: OrderDraft }) {
  const { t } = useT();
  const named = useNamedChoices();
  const choose = t("policeCollab.choose");
  const persons = (list: readonly { id: string; name: string }[]) =>
    list.map((p) => ({ value: p.id, label: p.name }));
  return (
    <>
      <ChoiceField
        label={t("policeCollab.kind")}
        empty={choose}
        choices={named(restrainingOrderKinds, "policeCollab.orderKind")}
        {...form.field("kind")}
      />
      <ChoiceField
        label={t("policeCollab.status")}
        empty={choose}
        choices={named(restrainingOrderStatuses, "policeCollab.orderStatus")}
        {...form.field("status")}
      />
      <ChoiceField
        label={t("policeCollab.protectedPerson")}
        empty={choose}
        choices={persons(data.protectable)}
        {...form.field("protectedPersonId")}
      />
      <ChoiceField
        label={t("policeCollab.againstRelation")}
        empty={t("policeCollab.none")}
        choices={persons(data.relations)}
        {...form.field("againstRelationId")}
      />
      <TextField
        label={t("policeCollab.againstName")}
        hint={t("policeCollab.againstNameHint")}
        {...form.field("againstName")}
      />
      <DateField label={t("policeCollab.validFrom")} {...form.date("validFrom")} />
      <DateField label={t("policeCollab.validUntil")} {...form.date("validUntil")} />
      {form.draft.status === "ended_early" && (
        <DateField label={t("policeCollab.endedOn")} {...form.date("endedOn")} />
      )}
      <TextField label={t("policeCollab.reference")} {...form.field("reference")} />
      <TextField label={t("policeCollab.decidedBy")} {...form.field("decidedBy")} />
      <AssessmentField data={data} {...form.field("policeAssessmentId")} />
    </>
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

export function AlarmForm({ data, caseId, onSaved }: DataFormProps) {
  const { t } = useT();
  const api = useApi();
  const named = useNamedChoices();
  const form = useDraft(alarmFields);
  const send = () =>
    form.save(async (d) => {
      onSaved(
        await api.recordSafetyAlarm(caseId, {
          kind: d.kind as (typeof safetyAlarmKinds)[number],
          validFrom: d.validFrom,
          validUntil: given(d.validUntil),
          followUpOn: given(d.followUpOn),
          suppliedBy: d.suppliedBy,
          policeAssessmentId: given(d.policeAssessmentId),
        }),
      );
    });
  return (
    <PoliceForm
      title={t("policeCollab.newAlarm")}
      saveLabel={t("policeCollab.saveAlarm")}
      submit={form.submit}
      onSubmit={send}
    >
      <ChoiceField
        label={t("policeCollab.kind")}
        empty={t("policeCollab.choose")}
        choices={named(safetyAlarmKinds, "policeCollab.alarmKind")}
        {...form.field("kind")}
      />
      <TextField label={t("policeCollab.suppliedBy")} {...form.field("suppliedBy")} />
      <DateField label={t("policeCollab.validFrom")} {...form.date("validFrom")} />
      <DateField label={t("policeCollab.validUntil")} {...form.date("validUntil")} />
      <DateField label={t("policeCollab.followUpOn")} {...form.date("followUpOn")} />
      <AssessmentField data={data} {...form.field("policeAssessmentId")} />
    </PoliceForm>
  );
}
