import { type FormEvent, useId, useState } from "react";
import type { AgencyView } from "../../api/endpoints";
import { useApi } from "../../auth/useAuth";
import { useChange } from "../../hooks/useChange";
import { useT } from "../../i18n/useT";
import { SelectField, TextAreaField, TextField } from "../../ui/Field";
import { ErrorSummary } from "../../ui/Messages";
import { type AgencyKindCode, agencyKindKey, agencyKinds } from "./agency-text";

const agencyFields = ["name", "kind", "municipality", "notes"] as const;

/**
 * Ny aktör and Ändra aktören: name, kind, municipality and notes. A change is sent with the
 * version it was made from; a 409 (changed meanwhile) shows the server's words and a reload.
 */
export function AgencyForm({
  agency,
  onSaved,
  onStale,
}: {
  agency?: AgencyView;
  onSaved: (agency: AgencyView) => void;
  onStale?: () => void;
}) {
  const { t } = useT();
  const api = useApi();
  const [stale, setStale] = useState(false);
  const { submit, run } = useChange(agencyFields, {
    beforeChange: () => setStale(false),
    onStale: () => setStale(true),
  });
  const [draft, setDraft] = useState({
    name: agency?.name ?? "",
    kind: (agency?.kind ?? "") as AgencyKindCode | "",
    municipality: agency?.municipality ?? "",
    notes: agency?.notes ?? "",
  });
  const titleId = `${useId()}-title`;
  const set = (changes: Partial<typeof draft>) => setDraft((d) => ({ ...d, ...changes }));

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (draft.kind === "") return submit.reject({ kind: t("agencyForm.chooseKind") });
    const body = { ...draft, kind: draft.kind, municipality: draft.municipality || null };
    await run(async () =>
      onSaved(
        agency
          ? await api.changeAgency(agency.id, { ...body, version: agency.version })
          : await api.createAgency(body),
      ),
    );
  }

  return (
    <form className="form" aria-labelledby={titleId} onSubmit={handleSubmit} noValidate>
      <h2 id={titleId}>{t(agency ? "agency.changeTitle" : "agencyForm.newTitle")}</h2>
      <ErrorSummary errors={submit.errors} />
      {stale && onStale && (
        <p>
          <button type="button" className="button button--secondary" onClick={onStale}>
            {t("agency.reload")}
          </button>
        </p>
      )}
      <TextField
        label={t("agencyForm.name")}
        name="name"
        value={draft.name}
        onChange={(e) => set({ name: e.target.value })}
        error={submit.fieldError("name")}
      />
      <SelectField
        label={t("agencyForm.kind")}
        name="kind"
        value={draft.kind}
        onChange={(e) => set({ kind: e.target.value as AgencyKindCode | "" })}
        error={submit.fieldError("kind")}
      >
        <option value="">{t("agencyForm.chooseKind")}</option>
        {agencyKinds.map((kind) => (
          <option key={kind} value={kind}>
            {t(agencyKindKey(kind))}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t("agencyForm.municipality")}
        name="municipality"
        value={draft.municipality}
        onChange={(e) => set({ municipality: e.target.value })}
        error={submit.fieldError("municipality")}
      />
      <TextAreaField
        label={t("agencyForm.notes")}
        name="notes"
        value={draft.notes}
        onChange={(e) => set({ notes: e.target.value })}
        error={submit.fieldError("notes")}
      />
      <button type="submit" className="button" disabled={submit.pending}>
        {t(agency ? "agencyForm.save" : "agencyForm.add")}
      </button>
    </form>
  );
}
