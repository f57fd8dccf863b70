import { type FormEvent, useId, useState } from "react";
import { policeIncidentCategories } from "../../../shared/api/collaboration";
import { useApi } from "../../auth/useAuth";
import { useSubmit } from "../../hooks/useSubmit";
import { localDateInput } from "../../i18n/dates";
import type { PlainMessageKey } from "../../i18n/messages";
import { useT } from "../../i18n/useT";
import { DateField } from "../../ui/DateField";
import { SelectField, TextField } from "../../ui/Field";
import { ErrorSummary } from "../../ui/Messages";
import type { FormProps } from "./PoliceForms";
import { given } from "./police-collaboration-model";

/*
 * An incident reported to the police, as the worker learns of it: a risk conference's
 * escalation counts them (commonly three in 12 months).
 */

const incidentFields = ["occurredOn", "reportedOn", "policeReference", "crimeCategory"] as const;
type IncidentDraft = Record<(typeof incidentFields)[number], string>;
const emptyIncident: IncidentDraft = Object.fromEntries(
  incidentFields.map((f) => [f, ""]),
) as IncidentDraft;

export function IncidentForm({ caseId, onSaved }: FormProps) {
  const { t } = useT();
  const api = useApi();
  const submit = useSubmit(incidentFields);
  const [draft, setDraft] = useState<IncidentDraft>(emptyIncident);
  const set = (changes: Partial<IncidentDraft>) => setDraft((d) => ({ ...d, ...changes }));
  const titleId = `${useId()}-title`;
  const today = localDateInput(new Date());

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const ok = await submit.run(async () => {
      onSaved(
        await api.recordPoliceIncident(caseId, {
          occurredOn: draft.occurredOn,
          reportedOn: given(draft.reportedOn),
          policeReference: given(draft.policeReference),
          crimeCategory: draft.crimeCategory as (typeof policeIncidentCategories)[number],
        }),
      );
    });
    if (ok) setDraft(emptyIncident);
  }

  return (
    <div className="subsection">
      <h3 id={titleId}>{t("policeCollab.newIncident")}</h3>
      <ErrorSummary errors={submit.errors} />
      <form
        className="form form--wide"
        aria-labelledby={titleId}
        onSubmit={handleSubmit}
        noValidate
      >
        <DateField
          label={t("policeCollab.occurredOn")}
          name="occurredOn"
          max={today}
          value={draft.occurredOn}
          onChange={(occurredOn) => set({ occurredOn })}
          error={submit.fieldError("occurredOn")}
        />
        <SelectField
          label={t("policeCollab.category")}
          name="crimeCategory"
          value={draft.crimeCategory}
          onChange={(e) => set({ crimeCategory: e.target.value })}
          error={submit.fieldError("crimeCategory")}
        >
          <option value="">{t("policeCollab.choose")}</option>
          {policeIncidentCategories.map((c) => (
            <option key={c} value={c}>
              {t(`policeCollab.crime.${c}` as PlainMessageKey)}
            </option>
          ))}
        </SelectField>
        <DateField
          label={t("policeCollab.reportedOn")}
          name="reportedOn"
          max={today}
          value={draft.reportedOn}
          onChange={(reportedOn) => set({ reportedOn })}
          error={submit.fieldError("reportedOn")}
        />
        <TextField
          label={t("policeCollab.policeReference")}
          name="policeReference"
          value={draft.policeReference}
          onChange={(e) => set({ policeReference: e.target.value })}
          error={submit.fieldError("policeReference")}
        />
        <button type="submit" className="button" disabled={submit.pending}>
          {t("policeCollab.saveIncident")}
        </button>
      </form>
    </div>
  );
}
