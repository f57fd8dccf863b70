import { type FormEvent, useId, useState } from "react";
import type { AgreementView } from "../../api/endpoints";
import { useApi } from "../../auth/useAuth";
import { useQuery } from "../../hooks/useQuery";
import { useSubmit } from "../../hooks/useSubmit";
import { localDateInput } from "../../i18n/dates";
import { useT } from "../../i18n/useT";
import { DateField } from "../../ui/DateField";
import { SelectField, TextAreaField, TextField } from "../../ui/Field";
import { ErrorSummary } from "../../ui/Messages";
import {
  type AgreementAreaCode,
  agreementAreas,
  areaKey,
  latestFollowUpOffered,
} from "./agreement-model";
import { CheckboxGroup } from "./CheckboxGroup";

const agreementFields = [
  "title",
  "unitId",
  "partyIds",
  "areas",
  "goals",
  "signedOn",
  "nextFollowUpOn",
  "documentReference",
  "responsibleUserIds",
] as const;

/**
 * Ny överenskommelse, for a unit the user manages: parties from the directory, areas, goals,
 * signed and the first follow-up (no later than 24 months on: the server's 400 shows at the
 * field). Responsible persons are chosen among the owning unit's staff; the agencies' contact
 * persons are not offered here yet.
 */
export function AgreementForm({
  units,
  onSaved,
}: {
  units: readonly { id: string; name: string }[];
  onSaved: (agreement: AgreementView) => void;
}) {
  const { t } = useT();
  const api = useApi();
  const submit = useSubmit(agreementFields);
  const agencies = useQuery(["agencies", { q: "", kind: "" }], (signal) =>
    api.agencies({}, signal),
  );
  const [draft, setDraft] = useState({
    title: "",
    unitId: units.length === 1 ? (units[0]?.id ?? "") : "",
    partyIds: [] as string[],
    responsibleUserIds: [] as string[],
    areas: [] as AgreementAreaCode[],
    goals: "",
    signedOn: localDateInput(new Date()),
    nextFollowUpOn: "",
    documentReference: "",
  });
  const titleId = `${useId()}-title`;
  const set = (changes: Partial<typeof draft>) => setDraft((d) => ({ ...d, ...changes }));
  const staff = useQuery(draft.unitId ? ["unit", draft.unitId, "staff"] : null, (signal) =>
    api.staff(draft.unitId, signal),
  );
  const colleagues =
    staff.state.status === "ready"
      ? staff.state.data.users.map((u) => ({ value: u.id, label: u.displayName }))
      : [];
  const parties =
    agencies.state.status === "ready"
      ? agencies.state.data.agencies.map((a) => ({ value: a.id, label: a.name }))
      : [];

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    await submit.run(async () =>
      onSaved(
        await api.createAgreement({
          ...draft,
          documentReference: draft.documentReference || null,
        }),
      ),
    );
  }

  return (
    <form className="form" aria-labelledby={titleId} onSubmit={handleSubmit} noValidate>
      <h2 id={titleId}>{t("agreementForm.title")}</h2>
      <ErrorSummary errors={submit.errors} />
      <TextField
        label={t("agreementForm.name")}
        name="title"
        value={draft.title}
        onChange={(e) => set({ title: e.target.value })}
        error={submit.fieldError("title")}
      />
      <SelectField
        label={t("agreementForm.unit")}
        name="unitId"
        value={draft.unitId}
        onChange={(e) => set({ unitId: e.target.value, responsibleUserIds: [] })}
        error={submit.fieldError("unitId")}
      >
        <option value="">{t("agreementForm.chooseUnit")}</option>
        {units.map((u) => (
          <option key={u.id} value={u.id}>
            {u.name}
          </option>
        ))}
      </SelectField>
      <CheckboxGroup
        label={t("agreementForm.parties")}
        options={parties}
        value={draft.partyIds}
        onChange={(partyIds) => set({ partyIds })}
        error={submit.fieldError("partyIds")}
      />
      <CheckboxGroup
        label={t("agreementForm.areas")}
        options={agreementAreas.map((area) => ({ value: area, label: t(areaKey(area)) }))}
        value={draft.areas}
        onChange={(areas) => set({ areas })}
        error={submit.fieldError("areas")}
      />
      <TextAreaField
        label={t("agreementForm.goals")}
        name="goals"
        value={draft.goals}
        onChange={(e) => set({ goals: e.target.value })}
        error={submit.fieldError("goals")}
      />
      {colleagues.length > 0 && (
        <CheckboxGroup
          label={t("agreementForm.responsible")}
          options={colleagues}
          value={draft.responsibleUserIds}
          onChange={(responsibleUserIds) => set({ responsibleUserIds })}
          error={submit.fieldError("responsibleUserIds")}
        />
      )}
      <DateField
        label={t("agreementForm.signedOn")}
        name="signedOn"
        value={draft.signedOn}
        onChange={(signedOn) => set({ signedOn })}
        error={submit.fieldError("signedOn")}
      />
      <DateField
        label={t("agreementForm.nextFollowUpOn")}
        hint={t("agreementForm.nextHint")}
        name="nextFollowUpOn"
        value={draft.nextFollowUpOn}
        max={latestFollowUpOffered(draft.signedOn)}
        onChange={(nextFollowUpOn) => set({ nextFollowUpOn })}
        error={submit.fieldError("nextFollowUpOn")}
      />
      <TextField
        label={t("agreementForm.documentReference")}
        name="documentReference"
        value={draft.documentReference}
        onChange={(e) => set({ documentReference: e.target.value })}
        error={submit.fieldError("documentReference")}
      />
      <button type="submit" className="button" disabled={submit.pending}>
        {t("agreementForm.save")}
      </button>
    </form>
  );
}
