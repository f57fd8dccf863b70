import { type FormEvent, useState } from "react";
import { Link, useNavigate } from "react-router";
import type { Sex } from "../../api/endpoints";
import { useApi } from "../../auth/useAuth";
import { useSubmit } from "../../hooks/useSubmit";
import { localDateInput } from "../../i18n/dates";
import { sexLabels } from "../../i18n/labels";
import { useT } from "../../i18n/useT";
import { RadioGroupField, SelectField, TextField } from "../../ui/Field";
import { ErrorSummary } from "../../ui/Messages";
import { Page } from "../../ui/Page";
import { IdentityText, PersonSearch, personName } from "./PersonSearch";

export function PersonSearchPage() {
  const { t } = useT();
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
      <section className="section" aria-labelledby="register-person-title">
        <h2 id="register-person-title">{t("personSearch.registerTitle")}</h2>
        <RegisterPersonForm />
      </section>
    </Page>
  );
}

const sexes = Object.keys(sexLabels) as Sex[];

/** How the person is identified: a personnummer/samordningsnummer, a reserve number, or not. */
type IdentityChoice = "number" | "reserve" | "unknown";

function RegisterPersonForm() {
  const { t } = useT();
  const api = useApi();
  const navigate = useNavigate();
  const submit = useSubmit([
    "identityNumber",
    "reserveNumber",
    "birthDate",
    "givenName",
    "familyName",
    "sex",
  ]);
  const [identity, setIdentity] = useState<IdentityChoice>("number");
  const [identityNumber, setIdentityNumber] = useState("");
  const [reserveNumber, setReserveNumber] = useState("");
  const [birthDate, setBirthDate] = useState("");
  const [givenName, setGivenName] = useState("");
  const [familyName, setFamilyName] = useState("");
  const [sex, setSex] = useState<Sex>("unknown");

  const identityOptions: { value: IdentityChoice; label: string }[] = [
    { value: "number", label: t("person.identityChoiceNumber") },
    { value: "reserve", label: t("person.identityChoiceReserve") },
    { value: "unknown", label: t("person.unknownIdentity") },
  ];

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const reserve = reserveNumber.trim();
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
        givenName,
        familyName,
        sex,
      });
      navigate(`/persons/${person.id}`);
    });
  }

  return (
    <>
      <p>{t("personSearch.registerIntro")}</p>
      <ErrorSummary errors={submit.errors} />
      <form
        className="form"
        aria-labelledby="register-person-title"
        onSubmit={handleSubmit}
        noValidate
      >
        <RadioGroupField
          label={t("person.identity")}
          hint={t("person.identityChoiceHint")}
          name="identity"
          value={identity}
          options={identityOptions}
          onChange={setIdentity}
          inline={false}
        />
        {identity === "number" && (
          <TextField
            label={t("person.identityNumber")}
            hint={t("person.identityNumberHint")}
            name="identityNumber"
            autoComplete="off"
            spellCheck={false}
            value={identityNumber}
            onChange={(e) => setIdentityNumber(e.target.value)}
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
            value={reserveNumber}
            onChange={(e) => setReserveNumber(e.target.value)}
            error={submit.fieldError("reserveNumber")}
          />
        )}
        {identity !== "number" && (
          <TextField
            label={t("person.birthDate")}
            hint={t("person.birthDateHint")}
            name="birthDate"
            type="date"
            max={localDateInput(new Date())}
            value={birthDate}
            onChange={(e) => setBirthDate(e.target.value)}
            error={submit.fieldError("birthDate")}
          />
        )}
        <TextField
          label={t("person.givenName")}
          name="givenName"
          autoComplete="off"
          value={givenName}
          onChange={(e) => setGivenName(e.target.value)}
          error={submit.fieldError("givenName")}
        />
        <TextField
          label={t("person.familyName")}
          name="familyName"
          autoComplete="off"
          value={familyName}
          onChange={(e) => setFamilyName(e.target.value)}
          error={submit.fieldError("familyName")}
        />
        <SelectField
          label={t("person.sex")}
          name="sex"
          value={sex}
          onChange={(e) => setSex(e.target.value as Sex)}
          error={submit.fieldError("sex")}
        >
          {sexes.map((s) => (
            <option key={s} value={s}>
              {t(sexLabels[s])}
            </option>
          ))}
        </SelectField>
        <button type="submit" className="button" disabled={submit.pending}>
          {t("person.register")}
        </button>
      </form>
    </>
  );
}
