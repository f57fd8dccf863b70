import { type Dispatch, type FormEvent, type SetStateAction, useId, useState } from "react";
import { type CatalogueKey, topicCatalogue } from "../../../shared/api/surveys";
import type { UnitRef } from "../../auth/permissions";
import { useSubmit } from "../../hooks/useSubmit";
import { useT } from "../../i18n/useT";
import { DateField } from "../../ui/DateField";
import { CheckboxField, SelectField, TextAreaField, TextField } from "../../ui/Field";
import { ErrorSummary } from "../../ui/Messages";
import type { SurveyDefinition } from "./api";
import { catalogueOf, definitionOf, newSurveyForm, type SurveyFormState } from "./survey-model";

const fieldNames = [
  "unitId",
  "title",
  "intro",
  "question",
  "freeTextQuestion",
  "groups",
  "topics",
  "closesOn",
] as const;

/**
 * A survey's content: the topics picked from seed 002's catalogue (schools or social
 * services) and own ones, the groups asked, an optional free-text question with its warning
 * about personal data, the closing day. New (with the unit and the catalogue) or a draft's.
 */
export function SurveyForm({
  initial,
  units,
  submitLabel,
  onSubmit,
}: {
  initial: SurveyFormState;
  /** For a new survey: the units where the user makes surveys (a choice when several). */
  units?: UnitRef[];
  submitLabel: string;
  onSubmit: (definition: SurveyDefinition, unitId: string) => Promise<void>;
}) {
  const { t } = useT();
  const submit = useSubmit(fieldNames);
  const [form, setForm] = useState(initial);
  const [unitId, setUnitId] = useState(units?.[0]?.id ?? "");
  const titleId = useId();
  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    void submit.run(() => onSubmit(definitionOf(form), unitId));
  }

  const chooseCatalogue = (key: CatalogueKey) =>
    setForm((f) => ({ ...newSurveyForm(key, f.closesOn), title: f.title, intro: f.intro }));

  return (
    <form className="form" aria-labelledby={titleId} onSubmit={handleSubmit} noValidate>
      <h2 id={titleId}>{t("surveys.formTitle")}</h2>
      <ErrorSummary errors={submit.errors} />
      {units && (
        <NewSurveyChoices
          units={units}
          unitId={unitId}
          setUnitId={setUnitId}
          catalogue={form.catalogue}
          chooseCatalogue={chooseCatalogue}
          error={submit.fieldError("unitId")}
        />
      )}
      <DefinitionFields form={form} setForm={setForm} fieldError={submit.fieldError} />
      <button type="submit" className="button" disabled={submit.pending}>
        {submitLabel}
      </button>
    </form>
  );
}

/** For a new survey: its unit (when the user has several) and the catalogue to start from. */
function NewSurveyChoices({
  units,
  unitId,
  setUnitId,
  catalogue,
  chooseCatalogue,
  error,
}: {
  units: UnitRef[];
  unitId: string;
  setUnitId: (unitId: string) => void;
  catalogue: CatalogueKey;
  chooseCatalogue: (key: CatalogueKey) => void;
  error: string | undefined;
}) {
  const { t } = useT();
  return (
    <>
      {units && units.length > 1 && (
        <SelectField
          label={t("surveys.unit")}
          name="unitId"
          value={unitId}
          onChange={(e) => setUnitId(e.target.value)}
          error={error}
        >
          {units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </SelectField>
      )}
      <SelectField
        label={t("surveys.catalogue")}
        name="catalogue"
        value={catalogue}
        onChange={(e) => chooseCatalogue(e.target.value as CatalogueKey)}
      >
        {topicCatalogue.map((c) => (
          <option key={c.key} value={c.key}>
            {t(`surveys.catalogue.${c.key}`)}
          </option>
        ))}
      </SelectField>
    </>
  );
}

/** The survey's own content: title, texts, topics, groups, free-text question, closing day. */
function DefinitionFields({
  form,
  setForm,
  fieldError,
}: {
  form: SurveyFormState;
  setForm: Dispatch<SetStateAction<SurveyFormState>>;
  fieldError: (name: string) => string | undefined;
}) {
  const { t } = useT();
  const set = <K extends keyof SurveyFormState>(key: K, value: SurveyFormState[K]) =>
    setForm((f) => ({ ...f, [key]: value }));
  return (
    <>
      <TextField
        label={t("surveys.fieldTitle")}
        name="title"
        value={form.title}
        onChange={(e) => set("title", e.target.value)}
        error={fieldError("title")}
      />
      <TextAreaField
        label={t("surveys.fieldIntro")}
        name="intro"
        value={form.intro}
        onChange={(e) => set("intro", e.target.value)}
        error={fieldError("intro")}
      />
      <TextField
        label={t("surveys.fieldQuestion")}
        name="question"
        value={form.question}
        onChange={(e) => set("question", e.target.value)}
        error={fieldError("question")}
      />
      <TopicChoice form={form} setForm={setForm} error={fieldError("topics")} />
      <TextAreaField
        label={t("surveys.ownTopics")}
        hint={t("surveys.ownTopicsHint")}
        name="ownTopics"
        value={form.ownTopics}
        onChange={(e) => set("ownTopics", e.target.value)}
      />
      <TextAreaField
        label={t("surveys.groups")}
        hint={t("surveys.groupsHint")}
        name="groups"
        rows={2}
        value={form.groups}
        onChange={(e) => set("groups", e.target.value)}
        error={fieldError("groups")}
      />
      <FreeTextAndClosing form={form} set={set} fieldError={fieldError} />
    </>
  );
}

type SetField = <K extends keyof SurveyFormState>(key: K, value: SurveyFormState[K]) => void;

/** The optional free-text question, with its warning about personal data, and the closing day. */
function FreeTextAndClosing({
  form,
  set,
  fieldError,
}: {
  form: SurveyFormState;
  set: SetField;
  fieldError: (name: string) => string | undefined;
}) {
  const { t } = useT();
  return (
    <>
      <CheckboxField
        label={t("surveys.hasFreeText")}
        name="hasFreeText"
        checked={form.hasFreeText}
        onChange={(e) => set("hasFreeText", e.target.checked)}
      />
      {form.hasFreeText && (
        <TextField
          label={t("surveys.freeTextQuestion")}
          hint={t("surveys.freeTextWarning")}
          name="freeTextQuestion"
          value={form.freeTextQuestion}
          onChange={(e) => set("freeTextQuestion", e.target.value)}
          error={fieldError("freeTextQuestion")}
        />
      )}
      <DateField
        label={t("surveys.closesOn")}
        hint={t("surveys.closesOnHint")}
        name="closesOn"
        value={form.closesOn}
        onChange={(value) => set("closesOn", value)}
        error={fieldError("closesOn")}
      />
    </>
  );
}

/** The catalogue's topics as checkboxes in a fieldset. */
function TopicChoice({
  form,
  setForm,
  error,
}: {
  form: SurveyFormState;
  setForm: (update: (f: SurveyFormState) => SurveyFormState) => void;
  error: string | undefined;
}) {
  const { t } = useT();
  const hintId = useId();
  const errorId = useId();
  const toggle = (label: string, on: boolean) =>
    setForm((f) => ({
      ...f,
      picked: on ? [...f.picked, label] : f.picked.filter((p) => p !== label),
    }));
  return (
    <fieldset
      className={error ? "field field--group field--invalid" : "field field--group"}
      aria-describedby={error ? `${hintId} ${errorId}` : hintId}
    >
      <legend className="field__label">{t("surveys.topics")}</legend>
      <p id={hintId} className="field__hint">
        {t("surveys.topicsHint")}
      </p>
      {error && (
        <p id={errorId} className="field__error">
          {error}
        </p>
      )}
      <div className="field__choices">
        {catalogueOf(form.catalogue).topics.map((topic) => (
          <CheckboxField
            key={topic.label}
            label={topic.label}
            name="topics"
            checked={form.picked.includes(topic.label)}
            onChange={(e) => toggle(topic.label, e.target.checked)}
          />
        ))}
      </div>
    </fieldset>
  );
}
