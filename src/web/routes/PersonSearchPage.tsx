import { type FormEvent, useState } from "react";
import { Link, useNavigate } from "react-router";
import type { Sex } from "../api/endpoints";
import { useApi } from "../auth/useAuth";
import { CheckboxField, SelectField, TextField } from "../components/Field";
import { ErrorSummary } from "../components/Messages";
import { Page } from "../components/Page";
import { IdentityText, PersonSearch, personName } from "../components/PersonSearch";
import { useSubmit } from "../hooks/useSubmit";
import { sexLabels } from "../i18n/labels";
import { useT } from "../i18n/useT";

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

function RegisterPersonForm() {
  const { t } = useT();
  const api = useApi();
  const navigate = useNavigate();
  const submit = useSubmit(["identityNumber", "givenName", "familyName", "sex"]);
  const [identityNumber, setIdentityNumber] = useState("");
  const [unknownIdentity, setUnknownIdentity] = useState(false);
  const [givenName, setGivenName] = useState("");
  const [familyName, setFamilyName] = useState("");
  const [sex, setSex] = useState<Sex>("unknown");

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    await submit.run(async () => {
      const person = await api.registerPerson({
        identityNumber: unknownIdentity ? null : identityNumber,
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
        <CheckboxField
          label={t("person.unknownIdentity")}
          hint={t("person.unknownIdentityHint")}
          name="unknownIdentity"
          checked={unknownIdentity}
          onChange={(e) => setUnknownIdentity(e.target.checked)}
        />
        {!unknownIdentity && (
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
