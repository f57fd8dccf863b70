import { type FormEvent, type ReactNode, useState } from "react";
import type { PersonView } from "../../api/endpoints";
import { useApi } from "../../auth/useAuth";
import { useSubmit } from "../../hooks/useSubmit";
import { useT } from "../../i18n/useT";
import { TextField } from "../../ui/Field";
import { ErrorSummary, StatusMessage } from "../../ui/Messages";

export function personName(person: { givenName: string; familyName: string }): string {
  return `${person.givenName} ${person.familyName}`;
}

/**
 * Search by personnummer or the start of a name. The query goes in a POST body and the hits
 * stay in this component's memory: a personnummer never ends up in a URL, the browser
 * history or web storage.
 */
export function PersonSearch({
  label,
  renderResult,
}: {
  /** Names the search landmark. */
  label: string;
  renderResult: (person: PersonView) => ReactNode;
}) {
  const { t } = useT();
  const api = useApi();
  const submit = useSubmit(["query"]);
  const [query, setQuery] = useState("");
  const [results, setResults] = useState<PersonView[] | null>(null);

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    await submit.run(async () => {
      setResults(null);
      setResults((await api.searchPersons(query)).persons);
    });
  }

  return (
    <>
      <ErrorSummary errors={submit.errors} />
      <search aria-label={label}>
        <form className="form form--inline" onSubmit={handleSubmit} noValidate>
          <TextField
            label={t("personSearch.query")}
            hint={t("personSearch.queryHint")}
            name="query"
            autoComplete="off"
            spellCheck={false}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            error={submit.fieldError("query")}
          />
          <button type="submit" className="button" disabled={submit.pending}>
            {t("personSearch.submit")}
          </button>
        </form>
      </search>
      <SearchResults results={results} renderResult={renderResult} />
    </>
  );
}

/** How many were found (said to screen readers), and the hits. */
function SearchResults({
  results,
  renderResult,
}: {
  /** Null before the first search (and while one runs). */
  results: PersonView[] | null;
  renderResult: (person: PersonView) => ReactNode;
}) {
  const { t } = useT();
  return (
    <>
      <StatusMessage
        message={
          results === null
            ? null
            : results.length === 0
              ? t("personSearch.noResults")
              : t("personSearch.resultCount", { count: results.length })
        }
      />
      {results !== null && results.length > 0 && (
        <ul className="result-list" aria-label={t("personSearch.resultsTitle")}>
          {results.map((person) => (
            <li key={person.id} className="result-list__item">
              {renderResult(person)}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/**
 * The identity line under a name: the number, a reserve number said as such (it is not a
 * personnummer and must not pass for one), or that the identity is unknown.
 */
export function IdentityText({
  person,
}: {
  person: Pick<PersonView, "identityNumber"> & Partial<Pick<PersonView, "identityKind">>;
}) {
  const { t } = useT();
  if (person.identityNumber === null) return <>{t("common.unknownIdentity")}</>;
  if (person.identityKind === "reserve_number") {
    return <>{t("person.reserveNumberText", { number: person.identityNumber })}</>;
  }
  return <>{person.identityNumber}</>;
}
