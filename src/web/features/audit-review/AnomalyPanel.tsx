import { type FormEvent, useCallback, useMemo, useRef, useState } from "react";
import {
  type AnomalyKind,
  type AnomalyList,
  type AnomalyView,
  anomalyKinds,
  type Conclusion,
  conclusions,
} from "../../../shared/api/log-review";
import { useApi } from "../../auth/useAuth";
import { useFocusLater } from "../../hooks/useFocusLater";
import { useMorePages } from "../../hooks/useMorePages";
import { useQuery } from "../../hooks/useQuery";
import { useSubmit } from "../../hooks/useSubmit";
import { formatDateTime } from "../../i18n/dates";
import { useT } from "../../i18n/useT";
import { DateField } from "../../ui/DateField";
import { RadioGroupField, SelectField, TextAreaField } from "../../ui/Field";
import { LoadMore } from "../../ui/LoadMore";
import { ErrorSummary, Loading, StatusMessage } from "../../ui/Messages";
import { QueryError } from "../../ui/QueryError";

/** Whose log a line leads to: the existing person or user review. */
export interface ReviewSubject {
  kind: "person" | "user";
  id: string;
  name: string;
}

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

function AnomalyTable({
  anomalies,
  onReview,
  onConclude,
}: {
  anomalies: readonly AnomalyView[];
  onReview: (subject: ReviewSubject) => void;
  onConclude: (anomaly: AnomalyView) => void;
}) {
  const { t } = useT();
  return (
    <div className="table-scroll">
      <table className="table table--compact">
        <caption>{t("anomaly.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("anomaly.day")}</th>
            <th scope="col">{t("anomaly.kind")}</th>
            <th scope="col">{t("audit.who")}</th>
            <th scope="col">{t("audit.person")}</th>
            <th scope="col">{t("anomaly.review")}</th>
            <th scope="col">{t("anomaly.actions")}</th>
          </tr>
        </thead>
        <tbody>
          {anomalies.map((a) => (
            <AnomalyRow key={a.key} anomaly={a} onReview={onReview} onConclude={onConclude} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function AnomalyRow({
  anomaly: a,
  onReview,
  onConclude,
}: {
  anomaly: AnomalyView;
  onReview: (subject: ReviewSubject) => void;
  onConclude: (anomaly: AnomalyView) => void;
}) {
  const { t, lang } = useT();
  const person = a.person;
  return (
    <tr>
      <td className="nowrap" id={`anomaly-${a.key}`} tabIndex={-1}>
        {a.day}
      </td>
      <td>
        {t(`anomaly.kind.${a.kind}`)}
        <span className="result-list__meta">
          {t("anomaly.events", { events: a.events, persons: a.persons })}
        </span>
      </td>
      <td>{a.user.displayName}</td>
      <td>
        {person ? person.name : ""}
        {person?.protected && (
          <span className="badge badge--protection">{t("anomaly.protected")}</span>
        )}
      </td>
      <td>
        {a.conclusion ? (
          <>
            <strong>{t(`anomaly.conclusion.${a.conclusion.conclusion}`)}</strong>
            <span className="result-list__meta">
              {a.conclusion.concludedBy}, {formatDateTime(a.conclusion.concludedAt, lang)}
            </span>
            {a.conclusion.note && <span className="result-list__meta">{a.conclusion.note}</span>}
          </>
        ) : (
          t("anomaly.notConcluded")
        )}
      </td>
      <td>
        <RowActions anomaly={a} onReview={onReview} onConclude={onConclude} />
      </td>
    </tr>
  );
}

/** A line's actions: conclude it, or open the user's or the person's own log. */
function RowActions({
  anomaly: a,
  onReview,
  onConclude,
}: {
  anomaly: AnomalyView;
  onReview: (subject: ReviewSubject) => void;
  onConclude: (anomaly: AnomalyView) => void;
}) {
  const { t } = useT();
  const person = a.person;
  return (
    <>
      <button
        type="button"
        className="button button--secondary button--small"
        aria-label={t("anomaly.concludeLabel", {
          action: a.conclusion ? t("anomaly.concludeAgain") : t("anomaly.conclude"),
          kind: t(`anomaly.kind.${a.kind}`),
          day: a.day,
        })}
        onClick={() => onConclude(a)}
      >
        {a.conclusion ? t("anomaly.concludeAgain") : t("anomaly.conclude")}
      </button>{" "}
      <button
        type="button"
        className="button button--secondary button--small"
        aria-label={t("anomaly.userLogLabel", { name: a.user.displayName })}
        onClick={() => onReview({ kind: "user", id: a.user.id, name: a.user.displayName })}
      >
        {t("anomaly.userLog")}
      </button>
      {person && person.name !== "–" && (
        <>
          {" "}
          <button
            type="button"
            className="button button--secondary button--small"
            aria-label={t("anomaly.personLogLabel", { name: person.name })}
            onClick={() => onReview({ kind: "person", id: person.id, name: person.name })}
          >
            {t("anomaly.personLog")}
          </button>
        </>
      )}
    </>
  );
}

function ConcludeForm({
  anomaly,
  onDone,
}: {
  anomaly: AnomalyView;
  onDone: (message: string) => void;
}) {
  const { t } = useT();
  const api = useApi();
  const submit = useSubmit(["conclusion", "note"]);
  const [conclusion, setConclusion] = useState<Conclusion | "">("");
  const [note, setNote] = useState("");
  const headingRef = useRef<HTMLHeadingElement>(null);

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!conclusion) return submit.reject({ conclusion: t("anomaly.chooseConclusion") });
    const ok = await submit.run(async () => {
      await api.concludeAnomaly({
        key: anomaly.key,
        conclusion,
        ...(note.trim() ? { note } : {}),
      });
    });
    if (ok) onDone(t("anomaly.concluded", { kind: t(`anomaly.kind.${anomaly.kind}`) }));
  }

  return (
    <section className="section" aria-labelledby="conclude-title">
      <h3 id="conclude-title" ref={headingRef} tabIndex={-1}>
        {t("anomaly.concludeTitle", {
          kind: t(`anomaly.kind.${anomaly.kind}`),
          name: anomaly.user.displayName,
          day: anomaly.day,
        })}
      </h3>
      <ErrorSummary errors={submit.errors} />
      <form className="form" onSubmit={save} noValidate>
        <RadioGroupField<Conclusion>
          label={t("anomaly.conclusion")}
          name="conclusion"
          value={conclusion}
          options={conclusions.map((c) => ({ value: c, label: t(`anomaly.conclusion.${c}`) }))}
          onChange={setConclusion}
          error={submit.fieldError("conclusion")}
          inline={false}
        />
        <TextAreaField
          label={t("anomaly.note")}
          hint={t("anomaly.noteHint")}
          name="note"
          value={note}
          maxLength={2000}
          onChange={(e) => setNote(e.target.value)}
          error={submit.fieldError("note")}
        />
        <button type="submit" className="button" disabled={submit.pending}>
          {t("anomaly.save")}
        </button>
      </form>
    </section>
  );
}
