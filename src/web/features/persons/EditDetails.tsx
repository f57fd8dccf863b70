import { type FormEvent, useEffect, useRef, useState } from "react";
import { type ProtectionLevel, protectionChoices } from "../../../shared/protection";
import type { PersonDetail, PersonDetails } from "../../api/endpoints";
import { useApi } from "../../auth/useAuth";
import { useSubmit } from "../../hooks/useSubmit";
import { protectionLevelLabels } from "../../i18n/labels";
import { useT } from "../../i18n/useT";
import { RadioGroupField, SelectField, TextAreaField, TextField } from "../../ui/Field";
import { InterpreterFields } from "../../ui/InterpreterFields";
import { ErrorSummary } from "../../ui/Messages";
import {
  type Answer,
  type DetailsDraft,
  detailsBody,
  detailsDraftOf,
} from "../cases/casework-model";

/*
 * Editing what the person page shows about reaching the person: one form, a fieldset per
 * theme, sent as one change (the server checks it all again).
 */

const editTitleId = "person-details-edit-title";
const fieldNames = [
  "languages",
  "interpreterNeeded",
  "interpreterLanguage",
  "safeContact.mayCall",
  "safeContact.mayLeaveVoicemail",
  "safeContact.maySendSms",
  "safeContact.maySendLetters",
  "safeContact.letterAddress",
  "safeContact.timesToAvoid",
  "safeContact.codeWord",
  "safeContact.notes",
  "phone",
  "email",
  "postalAddress",
  "protectionLevel",
] as const;

/** The form for the person's safe contact, protection, language and contact details. */
export function EditDetails({
  personId,
  details,
  protectionLevel: savedProtectionLevel,
  mayLowerProtection,
  onSaved,
  onCancel,
}: {
  personId: string;
  details: PersonDetails;
  protectionLevel: ProtectionLevel;
  /** Offered every level; otherwise only the saved one and higher (the server's rule). */
  mayLowerProtection: boolean;
  onSaved: (person: PersonDetail) => void;
  onCancel: () => void;
}) {
  const { t } = useT();
  const { submit, draft, set, protectionLevel, setProtectionLevel, handleSubmit } = useDetailsForm(
    personId,
    details,
    savedProtectionLevel,
    onSaved,
  );
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    // The first question's chosen answer, as the Tab key would reach the radio group.
    const form = formRef.current;
    const first =
      form?.querySelector<HTMLElement>("fieldset input:checked") ??
      form?.querySelector<HTMLElement>("input, select, textarea");
    first?.focus();
  }, []);

  const sc = (name: string) => submit.fieldError(`safeContact.${name}`);

  return (
    <section className="section" aria-labelledby={editTitleId}>
      <h2 id={editTitleId}>{t("person.editDetailsTitle")}</h2>
      <ErrorSummary errors={submit.errors} />
      <form
        ref={formRef}
        className="form"
        aria-labelledby={editTitleId}
        onSubmit={handleSubmit}
        noValidate
      >
        <SafeContactFields draft={draft} set={set} error={sc} />
        <ProtectionField
          levels={protectionChoices(savedProtectionLevel, mayLowerProtection)}
          value={protectionLevel}
          onChange={setProtectionLevel}
          error={submit.fieldError("protectionLevel")}
        />
        <LanguageFields draft={draft} set={set} fieldError={submit.fieldError} />
        <ContactFields draft={draft} set={set} fieldError={submit.fieldError} />
        <SaveOrCancel pending={submit.pending} onCancel={onCancel} />
      </form>
    </section>
  );
}

function SaveOrCancel({ pending, onCancel }: { pending: boolean; onCancel: () => void }) {
  const { t } = useT();
  return (
    <div className="form__actions">
      <button type="submit" className="button" disabled={pending}>
        {t("person.saveDetails")}
      </button>
      <button type="button" className="button button--secondary" onClick={onCancel}>
        {t("common.cancel")}
      </button>
    </div>
  );
}

/** The form's values and its sending: checked here first, then as one change to the server. */
function useDetailsForm(
  personId: string,
  details: PersonDetails,
  savedProtectionLevel: ProtectionLevel,
  onSaved: (person: PersonDetail) => void,
) {
  const { t } = useT();
  const api = useApi();
  const submit = useSubmit(fieldNames);
  const [draft, setDraft] = useState<DetailsDraft>(() => detailsDraftOf(details));
  const [protectionLevel, setProtectionLevel] = useState<ProtectionLevel>(savedProtectionLevel);
  const set = (changes: Partial<DetailsDraft>) => setDraft((d) => ({ ...d, ...changes }));

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const checked = detailsBody(draft);
    if (!checked.ok) {
      const fields: Record<string, string> = {};
      for (const [name, key] of Object.entries(checked.fields)) fields[name] = t(key);
      submit.reject(fields);
      return;
    }
    const body = { ...checked.body, protectionLevel };
    await submit.run(async () => onSaved(await api.updatePerson(personId, body)));
  }

  return { submit, draft, set, protectionLevel, setProtectionLevel, handleSubmit };
}

type SetDraft = (changes: Partial<DetailsDraft>) => void;

/** How and when the person may be reached: the first thing the form asks, as it is shown first. */
function SafeContactFields({
  draft,
  set,
  error: sc,
}: {
  draft: DetailsDraft;
  set: SetDraft;
  /** The message for a field of `safeContact`, by its own name. */
  error: (name: string) => string | undefined;
}) {
  const { t } = useT();
  return (
    <fieldset className="fieldset safe-contact">
      <legend>{t("person.safeContactTitle")}</legend>
      <SafeContactAnswers draft={draft} set={set} error={sc} />
      <SafeContactTexts draft={draft} set={set} error={sc} />
    </fieldset>
  );
}

interface SafeContactPartProps {
  draft: DetailsDraft;
  set: SetDraft;
  error: (name: string) => string | undefined;
}

/** May we call, leave a voicemail, send an SMS, send letters: yes, no or not asked. */
function SafeContactAnswers({ draft, set, error: sc }: SafeContactPartProps) {
  const { t } = useT();
  const answers: { value: Answer; label: string }[] = [
    { value: "yes", label: t("common.yes") },
    { value: "no", label: t("common.no") },
    { value: "unasked", label: t("common.notAsked") },
  ];
  return (
    <>
      <RadioGroupField
        label={t("person.mayCall")}
        name="mayCall"
        value={draft.mayCall}
        options={answers}
        onChange={(mayCall) => set({ mayCall })}
        error={sc("mayCall")}
      />
      <RadioGroupField
        label={t("person.mayLeaveVoicemail")}
        name="mayLeaveVoicemail"
        value={draft.mayLeaveVoicemail}
        options={answers}
        onChange={(mayLeaveVoicemail) => set({ mayLeaveVoicemail })}
        error={sc("mayLeaveVoicemail")}
      />
      <RadioGroupField
        label={t("person.maySendSms")}
        hint={t("person.maySendSmsHint")}
        name="maySendSms"
        value={draft.maySendSms}
        options={answers}
        onChange={(maySendSms) => set({ maySendSms })}
        error={sc("maySendSms")}
      />
      <RadioGroupField
        label={t("person.maySendLetters")}
        name="maySendLetters"
        value={draft.maySendLetters}
        options={answers}
        onChange={(maySendLetters) => set({ maySendLetters })}
        error={sc("maySendLetters")}
      />
    </>
  );
}

/** The letter address (when letters may be sent), times to avoid, code word and notes. */
function SafeContactTexts({ draft, set, error: sc }: SafeContactPartProps) {
  const { t } = useT();
  return (
    <>
      {draft.maySendLetters === "yes" && (
        <TextAreaField
          label={t("person.letterAddress")}
          hint={t("person.letterAddressHint")}
          name="letterAddress"
          value={draft.letterAddress}
          onChange={(e) => set({ letterAddress: e.target.value })}
          error={sc("letterAddress")}
        />
      )}
      <TextField
        label={t("person.timesToAvoid")}
        name="timesToAvoid"
        value={draft.timesToAvoid}
        onChange={(e) => set({ timesToAvoid: e.target.value })}
        error={sc("timesToAvoid")}
      />
      <TextField
        label={t("person.codeWord")}
        name="codeWord"
        autoComplete="off"
        spellCheck={false}
        value={draft.codeWord}
        onChange={(e) => set({ codeWord: e.target.value })}
        error={sc("codeWord")}
      />
      <TextAreaField
        label={t("person.safeContactNotes")}
        name="notes"
        value={draft.notes}
        onChange={(e) => set({ notes: e.target.value })}
        error={sc("notes")}
      />
    </>
  );
}

function ProtectionField({
  levels,
  value,
  onChange,
  error,
}: {
  levels: readonly ProtectionLevel[];
  value: ProtectionLevel;
  onChange: (level: ProtectionLevel) => void;
  error: string | undefined;
}) {
  const { t } = useT();
  return (
    <fieldset className="fieldset">
      <legend>{t("person.protectionTitle")}</legend>
      <SelectField
        label={t("person.protectionLevelField")}
        hint={t("person.protectionLevelHint")}
        name="protectionLevel"
        value={value}
        onChange={(e) => onChange(e.target.value as ProtectionLevel)}
        error={error}
      >
        {levels.map((level) => (
          <option key={level} value={level}>
            {t(protectionLevelLabels[level])}
          </option>
        ))}
      </SelectField>
    </fieldset>
  );
}

interface DetailsPartProps {
  draft: DetailsDraft;
  set: SetDraft;
  fieldError: (name: string) => string | undefined;
}

function LanguageFields({ draft, set, fieldError }: DetailsPartProps) {
  const { t } = useT();
  return (
    <fieldset className="fieldset">
      <legend>{t("person.languageTitle")}</legend>
      <TextField
        label={t("person.languages")}
        hint={t("person.languagesHint")}
        name="languages"
        value={draft.languages}
        onChange={(e) => set({ languages: e.target.value })}
        error={fieldError("languages")}
      />
      <InterpreterFields
        neededLabel={t("person.interpreterNeeded")}
        needed={draft.interpreterNeeded}
        language={draft.interpreterLanguage}
        onChange={set}
        fieldError={fieldError}
      />
    </fieldset>
  );
}

function ContactFields({ draft, set, fieldError }: DetailsPartProps) {
  const { t } = useT();
  return (
    <fieldset className="fieldset">
      <legend>{t("person.contactTitle")}</legend>
      <TextField
        label={t("person.phone")}
        name="phone"
        type="tel"
        autoComplete="off"
        value={draft.phone}
        onChange={(e) => set({ phone: e.target.value })}
        error={fieldError("phone")}
      />
      <TextField
        label={t("person.email")}
        name="email"
        type="email"
        autoComplete="off"
        value={draft.email}
        onChange={(e) => set({ email: e.target.value })}
        error={fieldError("email")}
      />
      <TextAreaField
        label={t("person.postalAddress")}
        name="postalAddress"
        value={draft.postalAddress}
        onChange={(e) => set({ postalAddress: e.target.value })}
        error={fieldError("postalAddress")}
      />
    </fieldset>
  );
}
