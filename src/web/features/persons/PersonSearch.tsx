import { type FormEvent, type ReactNode, useCallback, useState } from "react";
import type { Page } from "../../../shared/api/paging";
import type { PersonSearchHit } from "../../../shared/api/persons";
import type { PersonView } from "../../api/endpoints";
import { useApi } from "../../auth/useAuth";
import { useMorePages } from "../../hooks/useMorePages";
import { useSubmit } from "../../hooks/useSubmit";
import { useT } from "../../i18n/useT";
import { TextField } from "../../ui/Field";
import { LoadMore } from "../../ui/LoadMore";
import { ErrorSummary, StatusMessage } from "../../ui/Messages";
import { ProtectionBadge } from "../../ui/ProtectionBadge";

export function personName(person: { givenName: string; familyName: string }): string {
  // A fictitious identity comes as "Skyddad identitet" with no family name (issue 19).
  return `${person.givenName} ${person.familyName}`.trim();
}

/**
 * Search by personnummer or name: the best matches first (names that begin with the words,
 * then names spelt like them), more on request. The query goes in a POST body and the hits
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
  // The first page of the search last sent, and its query (later pages ask for the same).
  const [first, setFirst] = useState<{ query: string; page: Page<PersonSearchHit> } | null>(null);

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    await submit.run(async () => {
      setFirst(null);
      const found = await api.searchPersons(query);
      setFirst({ query, page: { items: found.persons, nextCursor: found.nextCursor } });
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
      <SearchResults first={first} renderResult={renderResult} />
    </>
  );
}

/** How many were found (said to screen readers), the hits, and "show more". */
function SearchResults({
  first,
  renderResult,
}: {
  /** Null before the first search (and while one runs). */
  first: { query: string; page: Page<PersonSearchHit> } | null;
  renderResult: (person: PersonView) => ReactNode;
}) {
  const { t } = useT();
  const api = useApi();
  const query = first?.query ?? "";
  const loadPage = useCallback(
    async (before: string) => {
      const found = await api.searchPersons(query, before);
      return { items: found.persons, nextCursor: found.nextCursor };
    },
    [api, query],
  );
  const pages = useMorePages(first?.page ?? null, loadPage);
  const results = first === null ? null : pages.items;
  return (
    <>
      <StatusMessage
        message={
          results === null
            ? null
            : results.length === 0
              ? t("personSearch.noResults")
              : t(pages.hasMore ? "personSearch.resultCountMore" : "personSearch.resultCount", {
                  count: results.length,
                })
        }
      />
      {results !== null && results.length > 0 && (
        <ul className="result-list" aria-label={t("personSearch.resultsTitle")}>
          {results.map((person) => (
            <li
              key={person.id}
              id={`person-hit-${person.id}`}
              tabIndex={-1}
              className="result-list__item"
            >
              {renderResult(person)} <ProtectionBadge level={person.protectionLevel} />
              {person.match === "similar" && (
                <span className="hint result-list__note">{t("personSearch.similarName")}</span>
              )}
            </li>
          ))}
        </ul>
      )}
      <LoadMore
        pages={pages}
        label={t("personSearch.showMore")}
        focusRow={(person) => document.getElementById(`person-hit-${person.id}`)?.focus()}
      />
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
  person: Pick<PersonView, "identityNumber"> &
    Partial<Pick<PersonView, "identityKind" | "protectionLevel">>;
}) {
  const { t } = useT();
  // Withheld, not unknown: the badge beside her name says why.
  if (person.identityNumber === null && person.protectionLevel === "fictitious_identity")
    return null;
  if (person.identityNumber === null) return <>{t("common.unknownIdentity")}</>;
  if (person.identityKind === "reserve_number") {
    return <>{t("person.reserveNumberText", { number: person.identityNumber })}</>;
  }
  return <>{person.identityNumber}</>;
}
