import { type FormEvent, useCallback, useMemo, useState } from "react";
import {
  type AnomalyKind,
  type AnomalyList,
  type AnomalyView,
  anomalyKinds,
} from "../../../shared/api/log-review";
import { useApi } from "../../auth/useAuth";
import { useFocusLater } from "../../hooks/useFocusLater";
import { useMorePages } from "../../hooks/useMorePages";
import { useQuery } from "../../hooks/useQuery";
import { useT } from "../../i18n/useT";
import { DateField } from "../../ui/DateField";
import { SelectField } from "../../ui/Field";
import { LoadMore } from "../../ui/LoadMore";
import { Loading, StatusMessage } from "../../ui/Messages";
import { QueryError } from "../../ui/QueryError";
import { AnomalyTable, ConcludeForm, type ReviewSubject } from "./AnomalyTable";
import { ThresholdSettings } from "./ThresholdSettings";

type Shown = "all" | "open" | "concluded";
interface Filters {
  from: string;
  to: string;
  kind: AnomalyKind | "";
  concluded: Shown;
}

/**
 * Avvikelser (issue 19, item 7): the anomalies of a period in the trail of the manager's
 * units, each concluded here; from each line the user's or the person's own log.
 */
export function AnomalyPanel({ onReview }: { onReview: (subject: ReviewSubject) => void }) {
  const { t } = useT();
  const api = useApi();
  const [draft, setDraft] = useState<Filters>({ from: "", to: "", kind: "", concluded: "all" });
  const [filters, setFilters] = useState<Filters>(draft);
  const [status, setStatus] = useState<string | null>(null);
  const query = useMemo(() => queryOf(filters), [filters]);
  const list = useQuery(
    ["audit", "anomalies", query],
    (signal) => api.anomalies({ ...query, count: "true" }, signal),
    // Conclusions and new reads change it: shown afresh each time it is asked for.
    { keep: false },
  );

  function apply(event: FormEvent) {
    event.preventDefault();
    setStatus(null);
    setFilters(draft);
  }

  const { state } = list;
  return (
    <section className="section" aria-labelledby="anomalies-title">
      <h2 id="anomalies-title">{t("anomaly.title")}</h2>
      <p>{t("anomaly.intro")}</p>
      {state.status === "error" && <QueryError error={state.error} />}
      <AnomalyFilters draft={draft} onChange={setDraft} onApply={apply} />
      <StatusMessage message={status} />
      {state.status === "loading" && <Loading />}
      {state.status === "ready" && (
        <AnomalyPages
          first={state.data}
          query={query}
          onReview={onReview}
          onConcluded={(message) => {
            setStatus(message);
            list.reload();
          }}
        />
      )}
      <ThresholdSettings onSaved={() => list.reload()} />
    </section>
  );
}

/** The list's filters: the period, the kind, reviewed or not; applied with the button. */
function AnomalyFilters({
  draft,
  onChange: setDraft,
  onApply,
}: {
  draft: Filters;
  onChange: (filters: Filters) => void;
  onApply: (event: FormEvent) => void;
}) {
  const { t } = useT();
  return (
    <form className="form form--inline" aria-labelledby="anomalies-title" onSubmit={onApply}>
      <DateField
        label={t("anomaly.from")}
        name="from"
        value={draft.from}
        onChange={(from) => setDraft({ ...draft, from })}
      />
      <DateField
        label={t("anomaly.to")}
        name="to"
        value={draft.to}
        onChange={(to) => setDraft({ ...draft, to })}
      />
      <SelectField
        label={t("anomaly.kind")}
        name="kind"
        value={draft.kind}
        onChange={(e) => setDraft({ ...draft, kind: e.target.value as AnomalyKind | "" })}
      >
        <option value="">{t("anomaly.allKinds")}</option>
        {anomalyKinds.map((k) => (
          <option key={k} value={k}>
            {t(`anomaly.kind.${k}`)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t("anomaly.shown")}
        name="concluded"
        value={draft.concluded}
        onChange={(e) => setDraft({ ...draft, concluded: e.target.value as Shown })}
      >
        {(["all", "open", "concluded"] as const).map((c) => (
          <option key={c} value={c}>
            {t(`anomaly.shown.${c}`)}
          </option>
        ))}
      </SelectField>
      <button type="submit" className="button">
        {t("anomaly.apply")}
      </button>
    </form>
  );
}

function queryOf(f: Filters): Record<string, string> {
  return {
    ...(f.from ? { from: f.from } : {}),
    ...(f.to ? { to: f.to } : {}),
    ...(f.kind ? { kind: f.kind } : {}),
    concluded: f.concluded,
  };
}

function AnomalyPages({
  first,
  query,
  onReview,
  onConcluded,
}: {
  first: AnomalyList;
  query: Record<string, string>;
  onReview: (subject: ReviewSubject) => void;
  onConcluded: (message: string) => void;
}) {
  const { t } = useT();
  const api = useApi();
  const focusLater = useFocusLater();
  const [selected, setSelected] = useState<AnomalyView | null>(null);
  const firstPage = useMemo(
    () => ({ items: first.anomalies, nextCursor: first.nextCursor }),
    [first],
  );
  const queryText = JSON.stringify(query);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the query's text is what counts
  const loadPage = useCallback(
    async (before: string) => {
      const page = await api.anomalies({ ...query, before });
      return { items: page.anomalies, nextCursor: page.nextCursor };
    },
    [api, queryText],
  );
  const pages = useMorePages(firstPage, loadPage);
  return (
    <>
      <p>
        {t("anomaly.period", { from: first.from, to: first.to })}{" "}
        {t("anomaly.count", { count: first.total ?? pages.items.length })}{" "}
        {t("anomaly.threshold", { count: first.manyPersonsPerDay })}
      </p>
      {pages.items.length === 0 ? (
        <p className="empty">{t("anomaly.none")}</p>
      ) : (
        <AnomalyTable
          anomalies={pages.items}
          onReview={onReview}
          onConclude={(a) => {
            setSelected(a);
            focusLater("conclude-title");
          }}
        />
      )}
      <LoadMore
        pages={pages}
        label={t("anomaly.showMore")}
        focusRow={(a) => focusLater(`anomaly-${a.key}`)}
      />
      {selected && (
        <ConcludeForm
          key={selected.key}
          anomaly={selected}
          onDone={(message) => {
            setSelected(null);
            onConcluded(message);
          }}
        />
      )}
    </>
  );
}
