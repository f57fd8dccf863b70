import {
  recordableOutcomes,
  serviceChannels,
  serviceContactKinds,
  type ViolenceKind,
  violenceKinds,
} from "../../../shared/api/service-contacts";
import { localDateInput } from "../../i18n/dates";
import { useT } from "../../i18n/useT";
import { DateTimeField } from "../../ui/DateField";
import { RadioGroupField, SelectField, TextAreaField, TextField } from "../../ui/Field";
import { CheckboxGroupField } from "../assessments/AssessmentItemFields";
import { type ContactDraft, isChannel, isContactKind, usualChannel } from "./contact-model";
import { codeText } from "./service-text";

export const contactFieldNames = [
  "kind",
  "channel",
  "occurredAt",
  "durationMinutes",
  "violenceKinds",
  "topic",
  "summary",
  "outcome",
  "referredTo",
] as const;

interface FieldsProps {
  draft: ContactDraft;
  set: (changes: Partial<ContactDraft>) => void;
  fieldError: (name: string) => string | undefined;
}

/** The contact itself: what kind, how, when, how long, what about, and what came of it. */
export function ContactFields(props: FieldsProps) {
  return (
    <>
      <ContactWhenFields {...props} />
      <ContactWhatFields {...props} />
    </>
  );
}

/** What kind of contact, by which channel, when and for how long. */
function ContactWhenFields({ draft, set, fieldError }: FieldsProps) {
  const { t } = useT();
  return (
    <>
      <SelectField
        label={t("serviceContacts.kindLabel")}
        name="kind"
        value={draft.kind}
        onChange={(e) => {
          const kind = e.target.value;
          if (isContactKind(kind)) set({ kind, channel: usualChannel[kind] });
        }}
        error={fieldError("kind")}
      >
        {serviceContactKinds.map((k) => (
          <option key={k} value={k}>
            {codeText(t, "kind", k)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t("serviceContacts.channelLabel")}
        name="channel"
        value={draft.channel}
        onChange={(e) => isChannel(e.target.value) && set({ channel: e.target.value })}
        error={fieldError("channel")}
      >
        {serviceChannels.map((c) => (
          <option key={c} value={c}>
            {codeText(t, "channel", c)}
          </option>
        ))}
      </SelectField>
      <DateTimeField
        label={t("serviceContacts.occurredAt")}
        name="occurredAt"
        dateLabel={t("serviceContacts.date")}
        timeLabel={t("serviceContacts.time")}
        date={draft.date}
        time={draft.time}
        maxDate={localDateInput(new Date())}
        onDateChange={(date) => set({ date })}
        onTimeChange={(time) => set({ time })}
        error={fieldError("occurredAt")}
      />
      <TextField
        label={t("serviceContacts.duration")}
        hint={t("serviceContacts.durationHint")}
        name="durationMinutes"
        inputMode="numeric"
        autoComplete="off"
        value={draft.duration}
        onChange={(e) => set({ duration: e.target.value })}
        error={fieldError("durationMinutes")}
      />
    </>
  );
}

/** What it was about: the violence raised, the topic, what was said, and what came of it. */
function ContactWhatFields({ draft, set, fieldError }: FieldsProps) {
  const { t } = useT();
  return (
    <>
      <CheckboxGroupField
        label={t("serviceContacts.violenceKinds")}
        hint={t("serviceContacts.violenceKindsHint")}
        error={fieldError("violenceKinds")}
        name="violenceKinds"
        value={draft.violenceKinds}
        options={violenceKinds.map((v) => ({ value: v, label: codeText(t, "violence", v) }))}
        onChange={(value) => set({ violenceKinds: value as ViolenceKind[] })}
      />
      <TextField
        label={t("serviceContacts.topic")}
        hint={t("serviceContacts.topicHint")}
        name="topic"
        autoComplete="off"
        value={draft.topic}
        onChange={(e) => set({ topic: e.target.value })}
        error={fieldError("topic")}
      />
      <TextAreaField
        label={t("serviceContacts.summary")}
        hint={t("serviceContacts.summaryHint")}
        name="summary"
        rows={5}
        value={draft.summary}
        onChange={(e) => set({ summary: e.target.value })}
        error={fieldError("summary")}
      />
      <RadioGroupField
        label={t("serviceContacts.outcomeLabel")}
        name="outcome"
        value={draft.outcome}
        options={recordableOutcomes.map((o) => ({ value: o, label: codeText(t, "outcome", o) }))}
        onChange={(outcome) => set({ outcome })}
        error={fieldError("outcome")}
        inline={false}
      />
      {draft.outcome === "referred" && (
        <TextField
          label={t("serviceContacts.referredTo")}
          name="referredTo"
          autoComplete="off"
          value={draft.referredTo}
          onChange={(e) => set({ referredTo: e.target.value })}
          error={fieldError("referredTo")}
        />
      )}
    </>
  );
}
