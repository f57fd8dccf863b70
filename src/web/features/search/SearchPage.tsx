import { type FormEvent, useCallback, useState } from "react";
import { Link, useNavigate } from "react-router";
import type { Page as PageOf } from "../../../shared/api/paging";
import { normaliseCaseReference } from "../../../shared/api/search";
import { useApi } from "../../auth/useAuth";
import { useMorePages } from "../../hooks/useMorePages";
import { useSubmit } from "../../hooks/useSubmit";
import { formatDate } from "../../i18n/dates";
import { journalEntryTypeLabel } from "../../i18n/labels";
import { useT } from "../../i18n/useT";
import { TextField } from "../../ui/Field";
import { LoadMore } from "../../ui/LoadMore";
import { ErrorSummary, StatusMessage } from "../../ui/Messages";
import { Page } from "../../ui/Page";
import type { JournalSearchHit } from "./api";

/** What the last search found: no case by that number (if it was one), and journal hits. */
interface Found {
  query: string;
  /** The case number typed, when it named no case the user may see. */
  noCase: string | null;
  page: PageOf<JournalSearchHit>;
}

/**
 * One field for both ways of finding: a case number goes straight to the case; any other
 * words are looked for in the journals of the cases the user may see. What is typed goes in
 * a POST body and the hits stay in this page's memory (never a URL, history or storage).
 */
export function SearchPage() {
  const { t } = useT();
  const api = useApi();
  const navigate = useNavigate();
  const submit = useSubmit(["query"]);
  const [query, setQuery] = useState("");
  const [found, setFound] = useState<Found | null>(null);

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    await submit.run(async () => {
      setFound(null);
      const reference = normaliseCaseReference(query);
      if (reference) {
        const hit = await api.findCaseByReference(query);
        if (hit.case) {
          navigate(`/cases/${hit.case.id}`);
          return;
        }
      }
      setFound({ query, noCase: reference, page: await api.searchJournals(query) });
    });
  }

  return (
    <Page title={t("search.title")}>
      <ErrorSummary errors={submit.errors} />
      <search aria-label={t("search.title")}>
        <form className="form form--inline" onSubmit={handleSubmit} noValidate>
          <TextField
            label={t("search.query")}
            hint={t("search.queryHint")}
            name="query"
            autoComplete="off"
            spellCheck={false}
            maxLength={200}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            error={submit.fieldError("query")}
          />
          <button type="submit" className="button" disabled={submit.pending}>
            {t("search.submit")}
          </button>
        </form>
      </search>
      {found?.noCase && <p>{t("search.noCase", { reference: found.noCase })}</p>}
      <JournalHits found={found} />
    </Page>
  );
}

/** How many were found (said to screen readers), the hits, and "show more". */
function JournalHits({ found }: { found: Found | null }) {
  const { t } = useT();
  const api = useApi();
  const query = found?.query ?? "";
  const loadPage = useCallback((before: string) => api.searchJournals(query, before), [api, query]);
  const pages = useMorePages(found?.page ?? null, loadPage);
  const hits = found === null ? null : pages.items;
  return (
    <>
      <StatusMessage
        message={
          hits === null
            ? null
            : hits.length === 0
              ? t("search.noResults")
              : t(pages.hasMore ? "search.resultCountMore" : "search.resultCount", {
                  count: hits.length,
                })
        }
      />
      {hits !== null && hits.length > 0 && (
        <ol className="search-hits" aria-label={t("search.resultsTitle")}>
          {hits.map((hit) => (
            <JournalHit key={hit.entryId} hit={hit} />
          ))}
        </ol>
      )}
      <LoadMore
        pages={pages}
        label={t("search.showMore")}
        focusRow={(hit) => document.getElementById(`journal-hit-${hit.entryId}`)?.focus()}
      />
    </>
  );
}

function JournalHit({ hit }: { hit: JournalSearchHit }) {
  const { t, lang } = useT();
  return (
    <li id={`journal-hit-${hit.entryId}`} tabIndex={-1} className="search-hits__item">
      <p className="search-hits__title">
        <Link to={`/cases/${hit.caseId}/journal`}>
          {t("search.hitTitle", { reference: hit.caseReference })}
        </Link>
        {hit.status === "draft" && <span className="badge badge--draft">{t("search.draft")}</span>}
      </p>
      <p className="search-hits__meta">
        {t("search.hitMeta", {
          date: formatDate(hit.occurredAt, lang),
          type: journalEntryTypeLabel(hit.entryType, t),
          author: hit.author.displayName,
        })}
      </p>
      <p className="search-hits__snippet">
        {hit.snippet.map((part, i) =>
          part.match ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one snippet never move
            <mark key={i}>{part.text}</mark>
          ) : (
            part.text
          ),
        )}
      </p>
    </li>
  );
}
