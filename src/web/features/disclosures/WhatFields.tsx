import { disclosureChannels } from "../../../shared/api/collaboration";
import { useT } from "../../i18n/useT";
import { SelectField, TextAreaField } from "../../ui/Field";
import { useCasePeople } from "../consents/case-people";
import type { Channel, DisclosureFieldsProps } from "./disclosure-model";

/**
 * What is disclosed and how: whose information (a new person empties the chosen consent,
 * which was hers), the information itself, and the channel it leaves by.
 */
export function WhatFields({ record, draft, set, fieldError }: DisclosureFieldsProps) {
  const { t } = useT();
  const people = useCasePeople(record);
  return (
    <>
      <SelectField
        label={t("disclosures.person")}
        name="personId"
        value={draft.personId}
        onChange={(e) => set({ personId: e.target.value, consentId: "" })}
        error={fieldError("personId")}
      >
        {people.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        label={t("disclosures.information")}
        name="information"
        rows={4}
        value={draft.information}
        onChange={(e) => set({ information: e.target.value })}
        error={fieldError("information")}
      />
      <SelectField
        label={t("disclosures.channelChoice")}
        name="channel"
        value={draft.channel}
        onChange={(e) => set({ channel: e.target.value as Channel })}
        error={fieldError("channel")}
      >
        <option value="">{t("common.choose")}</option>
        {disclosureChannels.map((c) => (
          <option key={c} value={c}>
            {t(`disclosures.channel.${c}`)}
          </option>
        ))}
      </SelectField>
    </>
  );
}
