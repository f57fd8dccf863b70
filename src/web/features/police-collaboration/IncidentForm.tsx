import { policeIncidentCategories } from "../../../shared/api/collaboration";
import { useApi } from "../../auth/useAuth";
import { localDateInput } from "../../i18n/dates";
import { useT } from "../../i18n/useT";
import { DateField } from "../../ui/DateField";
import { TextField } from "../../ui/Field";
import { given } from "./police-collaboration-model";
import {
  ChoiceField,
  type FormProps,
  PoliceForm,
  useDraft,
  useNamedChoices,
} from "./police-form-parts";

/*
 * An incident reported to the police, as the worker learns of it: a risk conference's
 * escalation counts them (commonly three in 12 months).
 */

const incidentFields = ["occurredOn", "reportedOn", "policeReference", "crimeCategory"] as const;

export function IncidentForm({ caseId, onSaved }: FormProps) {
  const { t } = useT();
  const api = useApi();
  const form = useDraft(incidentFields);
  const today = localDateInput(new Date());
  const named = useNamedChoices();
  const send = () =>
    form.save(async (d) => {
      onSaved(
        await api.recordPoliceIncident(caseId, {
          occurredOn: d.occurredOn,
          reportedOn: given(d.reportedOn),
          policeReference: given(d.policeReference),
          crimeCategory: d.crimeCategory as (typeof policeIncidentCategories)[number],
        }),
      );
    });
  return (
    <PoliceForm
      title={t("policeCollab.newIncident")}
      saveLabel={t("policeCollab.saveIncident")}
      submit={form.submit}
      onSubmit={send}
    >
      <DateField label={t("policeCollab.occurredOn")} max={today} {...form.date("occurredOn")} />
      <ChoiceField
        label={t("policeCollab.category")}
        empty={t("policeCollab.choose")}
        choices={named(policeIncidentCategories, "policeCollab.crime")}
        {...form.field("crimeCategory")}
      />
      <DateField label={t("policeCollab.reportedOn")} max={today} {...form.date("reportedOn")} />
      <TextField label={t("policeCollab.policeReference")} {...form.field("policeReference")} />
    </PoliceForm>
  );
}
