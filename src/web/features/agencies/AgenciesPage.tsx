import { type FormEvent, useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import type { AgencySummary } from "../../api/endpoints";
import { seesDirectory } from "../../auth/permissions";
import { useApi, useMe } from "../../auth/useAuth";
import { useQuery } from "../../hooks/useQuery";
import { useT } from "../../i18n/useT";
import { SelectField, TextField } from "../../ui/Field";
import { Loading } from "../../ui/Messages";
import { OnDemand } from "../../ui/OnDemand";
import { Page } from "../../ui/Page";
import { QueryError } from "../../ui/QueryError";
import { AgencyForm } from "./AgencyForm";
import { type AgencyKindCode, agencyKindKey, agencyKinds, filtersFromSearch } from "./agency-text";

/*
 * Aktörer: the directory, searched by name and filtered by kind (both kept in the address, so
 * a search can be shared and survives going back). An agency with a contact person not
 * confirmed for 12 months carries a badge saying how many.
 */
export function AgenciesPage() {
  const { t } = useT();
  if (!seesDirectory(useMe().roles))
    return (
      <Page title={t("agencies.title")}>
        <p>{t("agencies.forbidden")}</p>
      </Page>
    );
  return <Agencies />;
}

function Agencies() {
  const { t } = useT();
  const api = useApi();
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const filters = filtersFromSearch(search);
  const query = useQuery(["agencies", filters], (signal) =>
    api.agencies({ q: filters.q, kind: filters.kind || undefined }, signal),
  );
  return (
    <Page title={t("agencies.title")}>
      <p>{t("agencies.intro")}</p>
      {query.state.status === "ready" && query.state.data.mayAdd && (
        <OnDemand label={t("agencyForm.newTitle")}>
          <AgencyForm onSaved={(agency) => void navigate(`/agencies/${agency.id}`)} />
        </OnDemand>
      )}
      <SearchForm
        filters={filters}
        onSearch={(next) => {
          const params = new URLSearchParams();
          if (next.q.trim()) params.set("q", next.q.trim());
          if (next.kind) params.set("kind", next.kind);
          setSearch(params);
        }}
      />
      {query.state.status === "loading" && <Loading />}
      {query.state.status === "error" && <QueryError error={query.state.error} />}
      {query.state.status === "ready" &&
        (query.state.data.agencies.length === 0 ? (
          <p>{t("agencies.empty")}</p>
        ) : (
          <AgencyTable agencies={query.state.data.agencies} />
        ))}
    </Page>
  );
}

type Filters = { q: string; kind: AgencyKindCode | "" };

function SearchForm({ filters, onSearch }: { filters: Filters; onSearch: (f: Filters) => void }) {
  const { t } = useT();
  const [draft, setDraft] = useState(filters);
  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    onSearch(draft);
  }
  return (
    <search aria-label={t("agencies.search")}>
      <form className="form form--inline" onSubmit={handleSubmit}>
        <TextField
          label={t("agencies.search")}
          name="q"
          type="search"
          value={draft.q}
          onChange={(e) => setDraft((d) => ({ ...d, q: e.target.value }))}
        />
        <SelectField
          label={t("agencies.kindFilter")}
          name="kind"
          value={draft.kind}
          onChange={(e) => setDraft((d) => ({ ...d, kind: e.target.value as Filters["kind"] }))}
        >
          <option value="">{t("agencies.allKinds")}</option>
          {agencyKinds.map((kind) => (
            <option key={kind} value={kind}>
              {t(agencyKindKey(kind))}
            </option>
          ))}
        </SelectField>
        <button type="submit" className="button">
          {t("agencies.searchButton")}
        </button>
      </form>
    </search>
  );
}

function AgencyTable({ agencies }: { agencies: readonly AgencySummary[] }) {
  const { t } = useT();
  return (
    <table className="table table--cards">
      <thead>
        <tr>
          <th scope="col">{t("agencies.name")}</th>
          <th scope="col">{t("agencies.kind")}</th>
          <th scope="col">{t("agencies.municipality")}</th>
          <th scope="col">{t("agencies.owner")}</th>
          <th scope="col">{t("agencies.contacts")}</th>
        </tr>
      </thead>
      <tbody>
        {agencies.map((a) => (
          <tr key={a.id}>
            <th scope="row">
              <Link to={`/agencies/${a.id}`}>{a.name}</Link>
              {a.archived && <small> ({t("agencies.archived")})</small>}
            </th>
            <td data-label={t("agencies.kind")}>{t(agencyKindKey(a.kind))}</td>
            <td data-label={t("agencies.municipality")}>{a.municipality ?? "–"}</td>
            <td data-label={t("agencies.owner")}>{a.ownerName}</td>
            <td data-label={t("agencies.contacts")}>
              {a.contacts}
              {a.unconfirmedContacts > 0 && (
                <>
                  {" "}
                  <strong className="badge badge--overdue">
                    {t("agencies.unconfirmed", { count: a.unconfirmedContacts })}
                  </strong>
                </>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
