import { useT } from "../../i18n/useT";
import { SelectField, TextField } from "../../ui/Field";
import { useDisclosureCatalogue } from "../consents/case-people";
import type { DisclosureDraft } from "./disclosure-model";

/** To whom: an agency of the directory and one of its units, or a named recipient (a court). */
export function RecipientFields({
  draft,
  set,
  fieldError,
}: {
  draft: DisclosureDraft;
  set: (changes: Partial<DisclosureDraft>) => void;
  fieldError: (name: string) => string | undefined;
}) {
  const { t } = useT();
  const catalogue = useDisclosureCatalogue();
  const agencies = catalogue.state.status === "ready" ? catalogue.state.data.agencies : [];
  const units = agencies.find((a) => a.id === draft.recipientAgencyId)?.units ?? [];
  return (
    <>
      <SelectField
        label={t("disclosures.recipientAgency")}
        name="recipientAgencyId"
        value={draft.recipientAgencyId}
        onChange={(e) => set({ recipientAgencyId: e.target.value, recipientUnitId: "" })}
        error={fieldError("recipientAgencyId")}
      >
        <option value="">{t("disclosures.recipientNone")}</option>
        {agencies.map((a) => (
          <option key={a.id} value={a.id}>
            {a.name}
          </option>
        ))}
      </SelectField>
      {units.length > 0 && (
        <SelectField
          label={t("disclosures.recipientUnit")}
          name="recipientUnitId"
          value={draft.recipientUnitId}
          onChange={(e) => set({ recipientUnitId: e.target.value })}
          error={fieldError("recipientUnitId")}
        >
          <option value="">{t("disclosures.recipientUnitNone")}</option>
          {units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </SelectField>
      )}
      {!draft.recipientAgencyId && (
        <TextField
          label={t("disclosures.recipientName")}
          name="recipientName"
          value={draft.recipientName}
          onChange={(e) => set({ recipientName: e.target.value })}
          error={fieldError("recipientName")}
        />
      )}
    </>
  );
}
