import { type FormEvent, type ReactNode, type RefObject, useEffect, useRef, useState } from "react";
import type { PersonDetail, PersonDetails } from "../../api/endpoints";
import { useApi } from "../../auth/useAuth";
import { useSubmit } from "../../hooks/useSubmit";
import { protectionLevelLabels } from "../../i18n/labels";
import { useT } from "../../i18n/useT";
import { RadioGroupField, SelectField, TextAreaField, TextField } from "../../ui/Field";
import { InterpreterFields } from "../../ui/InterpreterFields";
import { ErrorSummary, StatusMessage } from "../../ui/Messages";
import {
  type Answer,
  answerOf,
  type DetailsDraft,
  detailsBody,
  detailsDraftOf,
} from "../cases/casework-model";

const safeContactTitleId = "safe-contact-title";
const editTitleId = "person-details-edit-title";
const editButtonId = "person-details-edit";
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

type ProtectionLevel = NonNullable<PersonDetail["protectionLevel"]>;
const protectionLevels = Object.keys(protectionLevelLabels) as ProtectionLevel[];

/**
 * Safe contact (säker kontakt), language and interpreter, and contact details. Safety comes
 * first: how and when the person may be reached is shown before anything else about them.
 * Only those who work one of the person's cases get these details (`details` is null for
 * anyone else, e.g. someone who only registered the person).
 */
export function PersonContact({
  person,
  onChange,
}: {
  person: PersonDetail;
  onChange: (person: PersonDetail) => void;
}) {
  const { t } = useT();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const [cancelled, setCancelled] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const details = person.details;

  // Leaving the form without saving: focus goes back to the button that opened it.
  useEffect(() => {
    if (!editing && cancelled) document.getElementById(editButtonId)?.focus();
  }, [editing, cancelled]);

  if (!details) {
    return (
      <section className="section" aria-labelledby={safeContactTitleId}>
        <h2 id={safeContactTitleId}>{t("person.safeContactTitle")}</h2>
        <p>{t("person.detailsHidden")}</p>
      </section>
    );
  }

  if (editing) {
    return (
      <EditDetails
        personId={person.id}
        details={details}
        // Details are shown only to those who work one of the person's cases, who know it.
        protectionLevel={person.protectionLevel ?? "none"}
        onSaved={(updated) => {
          onChange(updated);
          setEditing(false);
          setSaved(true);
        }}
        onCancel={() => {
          setCancelled(true);
          setEditing(false);
        }}
      />
    );
  }

  return (
    <>
      <StatusMessage message={saved ? t("person.detailsSaved") : null} />
      <SafeContactPanel details={details} headingRef={headingRef} focusOnMount={saved} />
      <section className="section" aria-labelledby="person-language-title">
        <h2 id="person-language-title">{t("person.languageTitle")}</h2>
        <dl className="details">
          <Item label={t("person.languages")}>
            {details.languages.length > 0 ? details.languages.join(", ") : t("common.notGiven")}
          </Item>
          <Item label={t("person.interpreterNeeded")}>
            {details.interpreterNeeded ? t("common.yes") : t("common.no")}
          </Item>
          {details.interpreterNeeded && (
            <Item label={t("person.interpreterLanguage")}>
              {details.interpreterLanguage ?? t("common.notGiven")}
            </Item>
          )}
        </dl>
      </section>
      <section className="section" aria-labelledby="person-contact-title">
        <h2 id="person-contact-title">{t("person.contactTitle")}</h2>
        <dl className="details">
          <Item label={t("person.phone")}>{details.phone ?? t("common.notGiven")}</Item>
          <Item label={t("person.email")}>{details.email ?? t("common.notGiven")}</Item>
          <Item label={t("person.postalAddress")}>
            <span className="multiline">{details.postalAddress ?? t("common.notGiven")}</span>
          </Item>
        </dl>
        <button
          id={editButtonId}
          type="button"
          className="button button--secondary"
          onClick={() => {
            setSaved(false);
            setCancelled(false);
            setEditing(true);
          }}
        >
          {t("person.editDetails")}
        </button>
      </section>
    </>
  );
}

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function AnswerText({ value }: { value: boolean | null }) {
  const { t } = useT();
  const answer = answerOf(value);
  if (answer === "unasked") return <>{t("common.notAsked")}</>;
  return (
    <span className={answer === "no" ? "answer--no" : undefined}>
      {answer === "yes" ? t("common.yes") : t("common.no")}
    </span>
  );
}

function SafeContactPanel({
  details,
  headingRef,
  focusOnMount,
}: {
  details: PersonDetails;
  headingRef: RefObject<HTMLHeadingElement | null>;
  focusOnMount: boolean;
}) {
  const { t } = useT();
  const [showCode, setShowCode] = useState(false);
  const sc = details.safeContact;
  const codeId = "safe-contact-code-word";

  // After saving, the form is gone: focus goes to the safe-contact heading.
  useEffect(() => {
    if (focusOnMount) headingRef.current?.focus();
  }, [focusOnMount, headingRef]);

  return (
    <section className="section safe-contact" aria-labelledby={safeContactTitleId}>
      <h2 id={safeContactTitleId} ref={headingRef} tabIndex={-1}>
        {t("person.safeContactTitle")}
      </h2>
      <p>{t("person.safeContactIntro")}</p>
      <dl className="details">
        <Item label={t("person.mayCall")}>
          <AnswerText value={sc.mayCall} />
        </Item>
        <Item label={t("person.mayLeaveVoicemail")}>
          <AnswerText value={sc.mayLeaveVoicemail} />
        </Item>
        <Item label={t("person.maySendSms")}>
          <AnswerText value={sc.maySendSms} />
        </Item>
        <Item label={t("person.maySendLetters")}>
          <AnswerText value={sc.maySendLetters} />
        </Item>
        {sc.maySendLetters && (
          <Item label={t("person.letterAddress")}>
            <span className="multiline">{sc.letterAddress ?? t("common.notGiven")}</span>
          </Item>
        )}
        <Item label={t("person.timesToAvoid")}>{sc.timesToAvoid ?? t("common.notGiven")}</Item>
        <Item label={t("person.codeWord")}>
          {sc.codeWord ? (
            <span className="code-word">
              <span id={codeId}>{showCode ? sc.codeWord : t("person.codeWordHidden")}</span>
              <button
                type="button"
                className="button button--secondary button--small"
                aria-controls={codeId}
                aria-label={
                  showCode ? t("person.hideCodeWordLabel") : t("person.showCodeWordLabel")
                }
                onClick={() => setShowCode((s) => !s)}
              >
                {showCode ? t("person.hideCodeWord") : t("person.showCodeWord")}
              </button>
            </span>
          ) : (
            t("common.notGiven")
          )}
        </Item>
        {sc.notes && (
          <Item label={t("person.safeContactNotes")}>
            <span className="multiline">{sc.notes}</span>
          </Item>
        )}
      </dl>
    </section>
  );
}

function EditDetails({
  personId,
  details,
  protectionLevel: savedProtectionLevel,
  onSaved,
  onCancel,
}: {
  personId: string;
  details: PersonDetails;
  protectionLevel: ProtectionLevel;
  onSaved: (person: PersonDetail) => void;
  onCancel: () => void;
}) {
  const { t } = useT();
  const api = useApi();
  const submit = useSubmit(fieldNames);
  const [draft, setDraft] = useState<DetailsDraft>(() => detailsDraftOf(details));
  const [protectionLevel, setProtectionLevel] = useState<ProtectionLevel>(savedProtectionLevel);
  const formRef = useRef<HTMLFormElement>(null);
  const set = (changes: Partial<DetailsDraft>) => setDraft((d) => ({ ...d, ...changes }));

  useEffect(() => {
    // The first question's chosen answer, as the Tab key would reach the radio group.
    const form = formRef.current;
    const first =
      form?.querySelector<HTMLElement>("fieldset input:checked") ??
      form?.querySelector<HTMLElement>("input, select, textarea");
    first?.focus();
  }, []);

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

  const answers: { value: Answer; label: string }[] = [
    { value: "yes", label: t("common.yes") },
    { value: "no", label: t("common.no") },
    { value: "unasked", label: t("common.notAsked") },
  ];
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
        <fieldset className="fieldset safe-contact">
          <legend>{t("person.safeContactTitle")}</legend>
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
        </fieldset>
        <fieldset className="fieldset">
          <legend>{t("person.protectionTitle")}</legend>
          <SelectField
            label={t("person.protectionLevelField")}
            hint={t("person.protectionLevelHint")}
            name="protectionLevel"
            value={protectionLevel}
            onChange={(e) => setProtectionLevel(e.target.value as ProtectionLevel)}
            error={submit.fieldError("protectionLevel")}
          >
            {protectionLevels.map((level) => (
              <option key={level} value={level}>
                {t(protectionLevelLabels[level])}
              </option>
            ))}
          </SelectField>
        </fieldset>
        <fieldset className="fieldset">
          <legend>{t("person.languageTitle")}</legend>
          <TextField
            label={t("person.languages")}
            hint={t("person.languagesHint")}
            name="languages"
            value={draft.languages}
            onChange={(e) => set({ languages: e.target.value })}
            error={submit.fieldError("languages")}
          />
          <InterpreterFields
            neededLabel={t("person.interpreterNeeded")}
            needed={draft.interpreterNeeded}
            language={draft.interpreterLanguage}
            onChange={set}
            fieldError={submit.fieldError}
          />
        </fieldset>
        <fieldset className="fieldset">
          <legend>{t("person.contactTitle")}</legend>
          <TextField
            label={t("person.phone")}
            name="phone"
            type="tel"
            autoComplete="off"
            value={draft.phone}
            onChange={(e) => set({ phone: e.target.value })}
            error={submit.fieldError("phone")}
          />
          <TextField
            label={t("person.email")}
            name="email"
            type="email"
            autoComplete="off"
            value={draft.email}
            onChange={(e) => set({ email: e.target.value })}
            error={submit.fieldError("email")}
          />
          <TextAreaField
            label={t("person.postalAddress")}
            name="postalAddress"
            value={draft.postalAddress}
            onChange={(e) => set({ postalAddress: e.target.value })}
            error={submit.fieldError("postalAddress")}
          />
        </fieldset>
        <div className="form__actions">
          <button type="submit" className="button" disabled={submit.pending}>
            {t("person.saveDetails")}
          </button>
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {t("common.cancel")}
          </button>
        </div>
      </form>
    </section>
  );
}
