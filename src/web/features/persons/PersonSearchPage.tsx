import { type FormEvent, useState } from "react";
import { Link, useNavigate } from "react-router";
import type { Sex } from "../../api/endpoints";
import { mayRegisterPersons } from "../../auth/permissions";
import { useApi, useMe } from "../../auth/useAuth";
import { type Submit, useSubmit } from "../../hooks/useSubmit";
import { localDateInput } from "../../i18n/dates";
import { sexLabels } from "../../i18n/labels";
import { useT } from "../../i18n/useT";
import { DateField } from "../../ui/DateField";
import { RadioGroupField, SelectField, TextField } from "../../ui/Field";
import { ErrorSummary } from "../../ui/Messages";
import { Page } from "../../ui/Page";
import { IdentityText, PersonSearch, personName } from "./PersonSearch";

export function PersonSearchPage() {
  const { t } = useT();
  const me = useMe();
  return (
    <Page title={t("personSearch.title")}>
      <section className="section">
        <PersonSearch
          label={t("personSearch.title")}
          renderResult={(person) => (
            <>
              <Link to={`/persons/${person.id}`}>{personName(person)}</Link>
              <span className="result-list__meta">
                <IdentityText person={person} />
              </span>
            </>
          )}
        />
      </section>
      {/* Registering is case work: others are refused by the server, so not offered it. */}
      {mayRegisterPersons(me.roles) && (
        <section className="section" aria-labelledby="register-person-title">
          <h2 id="register-person-title">{t("personSearch.registerTitle")}</h2>
          <RegisterPersonForm />
        </section>
      )}
    </Page>
  );
}

const sexes = Object.keys(sexLabels) as Sex[];

/** How the person is identified: a personnummer/samordningsnummer, a reserve number, or not. */
type IdentityChoice = "number" | "reserve" | "unknown";

interface RegisterDraft {
  identity: IdentityChoice;
  identityNumber: string;
  reserveNumber: string;
  birthDate: string;
  givenName: string;
  familyName: string;
  sex: Sex;
}

const emptyDraft: RegisterDraft = {
  identity: "number",
  identityNumber: "",
  reserveNumber: "",
  birthDate: "",
  givenName: "",
  familyName: "",
  sex: "unknown",
};

type SetDraft = (patch: Partial<RegisterDraft>) => void;

const registerFields = [
  "identityNumber",
  "reserveNumber",
  "birthDate",
  "givenName",
  "familyName",
  "sex",
] as const;

/**
 * Registers a person; the page then moves to them, unless `onRegistered` takes the person
 * (a service contact's intake identifies its person here and goes on with the intake).
 */
export function RegisterPersonForm({
  titleId = "register-person-title",
  onRegistered,
}: {
  titleId?: string;
  onRegistered?: (person: { id: string; givenName: string; familyName: string }) => void;
} = {}) {
  const { t } = useT();
  const api = useApi();
  const navigate = useNavigate();
  const submit = useSubmit(registerFields);
  const [draft, setDraft] = useState<RegisterDraft>(emptyDraft);
  const set: SetDraft = (patch) => setDraft((current) => ({ ...current, ...patch }));

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const { identity, identityNumber, birthDate } = draft;
    const reserve = draft.reserveNumber.trim();
    if (identity === "reserve" && reserve === "") {
      submit.reject({ reserveNumber: t("person.reserveNumberMissing") });
      return;
    }
    await submit.run(async () => {
      const person = await api.registerPerson({
        identityNumber: identity === "number" ? identityNumber : null,
        reserveNumber: identity === "reserve" ? reserve : null,
        // A personnummer carries the birth date; otherwise it is asked for, if known.
        birthDate: identity !== "number" && birthDate !== "" ? birthDate : null,
        givenName: draft.givenName,
        familyName: draft.familyName,
        sex: draft.sex,
      });
      if (onRegistered) onRegistered(person);
      else navigate(`/persons/${person.id}`);
    });
  }

  return (
    <>
      <p>{t("personSearch.registerIntro")}</p>
      <ErrorSummary errors={submit.errors} />
      <form className="form" aria-labelledby={titleId} onSubmit={handleSubmit} noValidate>
        <IdentityChoiceField value={draft.identity} onChange={(identity) => set({ identity })} />
        <IdentityNumberFields draft={draft} set={set} submit={submit} />
        <NameAndSexFields draft={draft} set={set} submit={submit} />
        <button type="submit" className="button" disabled={submit.pending}>
          {t("person.register")}
        </button>
      </form>
    </>
  );
}

function IdentityChoiceField({
  value,
  onChange,
}: {
  value: IdentityChoice;
  onChange: (identity: IdentityChoice) => void;
}) {
  const { t } = useT();
  const identityOptions: { value: IdentityChoice; label: string }[] = [
    { value: "number", label: t("person.identityChoiceNumber") },
    { value: "reserve", label: t("person.identityChoiceReserve") },
    { value: "unknown", label: t("person.unknownIdentity") },
  ];
  return (
    <RadioGroupField
      label={t("person.identity")}
      hint={t("person.identityChoiceHint")}
      name="identity"
      value={value}
      options={identityOptions}
      onChange={onChange}
      inline={false}
    />
  );
}

/** What the identity choice asks for: the number, the reserve number, or (without a personnummer) the birth date. */
function IdentityNumberFields({
  draft,
  set,
  submit,
}: {
  draft: RegisterDraft;
  set: SetDraft;
  submit: Submit;
}) {
  const { t } = useT();
  const { identity } = draft;
  return (
    <>
      {identity === "number" && (
        <TextField
          label={t("person.identityNumber")}
          hint={t("person.identityNumberHint")}
          name="identityNumber"
          autoComplete="off"
          spellCheck={false}
          value={draft.identityNumber}
          onChange={(e) => set({ identityNumber: e.target.value })}
          error={submit.fieldError("identityNumber")}
        />
      )}
      {identity === "reserve" && (
        <TextField
          label={t("person.reserveNumber")}
          hint={t("person.reserveNumberHint")}
          name="reserveNumber"
          autoComplete="off"
          spellCheck={false}
          maxLength={20}
          value={draft.reserveNumber}
          onChange={(e) => set({ reserveNumber: e.target.value })}
          error={submit.fieldError("reserveNumber")}
        />
      )}
      {identity !== "number" && (
        <DateField
          label={t("person.birthDate")}
          hint={t("person.birthDateHint")}
          name="birthDate"
          max={localDateInput(new Date())}
          value={draft.birthDate}
          onChange={(value) => set({ birthDate: value })}
          error={submit.fieldError("birthDate")}
        />
      )}
    </>
  );
}

function NameAndSexFields({
  draft,
  set,
  submit,
}: {
  draft: RegisterDraft;
  set: SetDraft;
  submit: Submit;
}) {
  const { t } = useT();
  return (
    <>
      <TextField
        label={t("person.givenName")}
        name="givenName"
        autoComplete="off"
        value={draft.givenName}
        onChange={(e) => set({ givenName: e.target.value })}
        error={submit.fieldError("givenName")}
      />
      <TextField
        label={t("person.familyName")}
        name="familyName"
        autoComplete="off"
        value={draft.familyName}
        onChange={(e) => set({ familyName: e.target.value })}
        error={submit.fieldError("familyName")}
      />
      <SelectField
        label={t("person.sex")}
        name="sex"
        value={draft.sex}
        onChange={(e) => set({ sex: e.target.value as Sex })}
        error={submit.fieldError("sex")}
      >
        {sexes.map((s) => (
          <option key={s} value={s}>
            {t(sexLabels[s])}
          </option>
        ))}
      </SelectField>
    </>
  );
}
