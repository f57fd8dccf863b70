import { type MouseEvent, useCallback } from "react";
import { journalEntryTypes } from "../../../shared/api/journal";
import type { JournalEntryView } from "../../api/endpoints";
import type { Submit } from "../../hooks/useSubmit";
import { formatDateTimeShort, localDateInput } from "../../i18n/dates";
import { journalEntryTypeLabel } from "../../i18n/labels";
import { useT } from "../../i18n/useT";
import { DateTimeField } from "../../ui/DateField";
import { SelectField, TextAreaField } from "../../ui/Field";
import { checkDraft, type EntryDraft, entryElementId } from "./journal-model";

export const fieldNames = ["entryType", "occurredAt", "body"] as const;

/**
 * "Samtal, 2026-11-22 14:03" (a correction: "Rättelse: Samtal, …"): how an entry is named
 * in headings, links and button labels.
 */
export function useEntryName() {
  const { t, lang } = useT();
  return useCallback(
    (entry: JournalEntryView) => {
      const params = {
        type: journalEntryTypeLabel(entry.entryType, t),
        time: formatDateTimeShort(entry.occurredAt, lang),
      };
      // A correction is usually about the same event: its name tells it apart.
      return entry.correctsId
        ? t("journal.correctionTitle", params)
        : t("journal.entryTitle", params);
    },
    [t, lang],
  );
}

/** The inputs shared by the new-entry form and the edit form. */
export function EntryFields({
  draft,
  onChange,
  submit,
}: {
  draft: EntryDraft;
  onChange: (draft: EntryDraft) => void;
  submit: Submit;
}) {
  const { t } = useT();
  return (
    <>
      <SelectField
        label={t("journal.entryType")}
        name="entryType"
        value={draft.entryType}
        onChange={(e) => {
          const value = journalEntryTypes.find((type) => type === e.target.value) ?? "";
          onChange({ ...draft, entryType: value });
        }}
        error={submit.fieldError("entryType")}
      >
        <option value="">{t("common.choose")}</option>
        {journalEntryTypes.map((type) => (
          <option key={type} value={type}>
            {journalEntryTypeLabel(type, t)}
          </option>
        ))}
      </SelectField>
      <DateTimeField
        label={t("journal.occurredAt")}
        hint={t("journal.occurredAtHint")}
        name="occurredAt"
        dateLabel={t("journal.date")}
        timeLabel={t("journal.time")}
        date={draft.date}
        time={draft.time}
        maxDate={localDateInput(new Date())}
        onDateChange={(date) => onChange({ ...draft, date })}
        onTimeChange={(time) => onChange({ ...draft, time })}
        error={submit.fieldError("occurredAt")}
      />
      <TextAreaField
        label={t("journal.body")}
        name="body"
        rows={8}
        value={draft.body}
        onChange={(e) => onChange({ ...draft, body: e.target.value })}
        error={submit.fieldError("body")}
      />
    </>
  );
}

/** Checks what can be checked here; shows the messages, or returns what to send. */
export function useCheckedDraft(submit: Submit) {
  const { t } = useT();
  return (draft: EntryDraft) => {
    const checked = checkDraft(draft);
    if (checked.ok) return checked;
    const fields: Record<string, string> = {};
    for (const [name, key] of Object.entries(checked.fields)) fields[name] = t(key);
    submit.reject(fields);
    return null;
  };
}

/** A link to an entry on this page; following it moves focus there (for screen readers). */
export function EntryLink({
  entryId,
  focusLater,
  children,
}: {
  entryId: string;
  focusLater: (id: string) => void;
  children: string;
}) {
  const target = entryElementId(entryId);
  return (
    <a
      href={`#${target}`}
      onClick={(event: MouseEvent) => {
        event.preventDefault();
        focusLater(target);
      }}
    >
      {children}
    </a>
  );
}
