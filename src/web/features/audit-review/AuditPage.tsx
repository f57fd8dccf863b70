import { type FormEvent, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { Link, useLocation, useNavigate } from "react-router";
import type { AuditEventList } from "../../../shared/api/audit";
import { auditActions } from "../../../shared/api/audit-actions";
import type { AuditEventView } from "../../api/endpoints";
import { isUnitManager } from "../../auth/permissions";
import { useApi, useMe } from "../../auth/useAuth";
import { useFocusLater } from "../../hooks/useFocusLater";
import { type ListControls, useListControls } from "../../hooks/useListParams";
import { useMorePages } from "../../hooks/useMorePages";
import { useQuery } from "../../hooks/useQuery";
import { useSubmit } from "../../hooks/useSubmit";
import { formatDateTime } from "../../i18n/dates";
import { auditActionLabel, roleLabel } from "../../i18n/labels";
import { useT } from "../../i18n/useT";
import { SelectField } from "../../ui/Field";
import { FilterBar, type FilterChoice, SortHeader } from "../../ui/ListControls";
import { LoadMore } from "../../ui/LoadMore";
import { definedParams } from "../../ui/list-params";
import { ErrorSummary, Loading } from "../../ui/Messages";
import { Page } from "../../ui/Page";
import { QueryError } from "../../ui/QueryError";
import { useManagedStaff } from "../cases/useManagedStaff";
import { IdentityText, PersonSearch, personName } from "../persons/PersonSearch";
import { AnomalyPanel } from "./AnomalyPanel";
import { ReviewPlans } from "./ReviewPlans";

/** Whose log is shown: a person (who accessed them) or a staff member (what they did). */
interface Subject {
  kind: "person" | "user";
  id: string;
  name: string;
}

/** The log review's parts, each at its own address: the log, the anomalies, the plan. */
const views = [
  { id: "log", path: "/audit" },
  { id: "anomalies", path: "/audit/anomalies" },
  { id: "plans", path: "/audit/plans" },
] as const;
type View = (typeof views)[number]["id"];

function viewOf(pathname: string): View {
  if (pathname.startsWith("/audit/anomalies")) return "anomalies";
  if (pathname.startsWith("/audit/plans")) return "plans";
  return "log";
}

/** Loggkontroll: a unit manager's review of who accessed what. */
export function AuditPage() {
  const { t } = useT();
  const me = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  // An anomaly's line leads here with the user or person whose log to show.
  const [subject, setSubject] = useState<Subject | null>(
    (location.state as { subject?: Subject } | null)?.subject ?? null,
  );
  const view = viewOf(location.pathname);

  if (!isUnitManager(me.roles)) {
    return (
      <Page title={t("audit.title")}>
        <p>{t("audit.forbidden")}</p>
      </Page>
    );
  }

  return (
    <Page title={t("audit.title")}>
      <nav className="case-nav" aria-label={t("audit.viewsLabel")}>
        <ul className="case-nav__list">
          {views.map((v) => (
            <li key={v.id}>
              <Link
                className="case-nav__link"
                to={v.path}
                aria-current={v.id === view ? "page" : undefined}
              >
                {t(`audit.view.${v.id}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {view === "anomalies" && (
        <AnomalyPanel onReview={(s) => navigate("/audit", { state: { subject: s } })} />
      )}
      {view === "plans" && <ReviewPlans />}
      {view === "log" && <LogReview subject={subject} onPick={setSubject} />}
    </Page>
  );
}

/** Whose log: a person found by search or a member of the staff; then the log itself. */
function LogReview({
  subject,
  onPick: setSubject,
}: {
  subject: Subject | null;
  onPick: (subject: Subject) => void;
}) {
  const { t } = useT();
  return (
    <>
      <p>{t("audit.intro")}</p>
      <p>
        <Link to="/break-glass/reviews">{t("breakGlassReview.title")}</Link>
      </p>
      <div className="columns">
        <section className="section" aria-labelledby="audit-person-title">
          <h2 id="audit-person-title">{t("audit.personTitle")}</h2>
          <PersonSearch
            label={t("audit.personTitle")}
            renderResult={(person) => {
              const name = personName(person);
              return (
                <>
                  <span>
                    {name}
                    <span className="result-list__meta">
                      <IdentityText person={person} />
                    </span>
                  </span>
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    aria-label={t("audit.showPersonLabel", { name })}
                    onClick={() => setSubject({ kind: "person", id: person.id, name })}
                  >
                    {t("audit.showPerson")}
                  </button>
                </>
              );
            }}
          />
        </section>
        <section className="section" aria-labelledby="audit-user-title">
          <h2 id="audit-user-title">{t("audit.userTitle")}</h2>
          <StaffPicker onPick={setSubject} />
        </section>
      </div>
      {subject && <AuditEvents subject={subject} />}
    </>
  );
}

function StaffPicker({ onPick }: { onPick: (subject: Subject) => void }) {
  const { t } = useT();
  const submit = useSubmit(["userId"]);
  const [userId, setUserId] = useState("");
  const staff = useManagedStaff();

  if (!staff) return <p className="empty">{t("audit.noStaff")}</p>;
  if (staff.state.status === "loading") return <Loading />;
  if (staff.state.status === "error") return <QueryError error={staff.state.error} />;
  const members = staff.state.data;
  if (members.length === 0) return <p className="empty">{t("audit.noStaff")}</p>;

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const member = members.find((m) => m.id === userId);
    if (!member) return submit.reject({ userId: t("case.chooseStaff") });
    submit.clear();
    onPick({ kind: "user", id: member.id, name: member.displayName });
  }

  return (
    <>
      <ErrorSummary errors={submit.errors} />
      <form
        className="form form--inline"
        aria-labelledby="audit-user-title"
        onSubmit={handleSubmit}
        noValidate
      >
        <SelectField
          label={t("audit.user")}
          name="userId"
          value={userId}
          onChange={(e) => setUserId(e.target.value)}
          error={submit.fieldError("userId")}
        >
          <option value="">{t("common.choose")}</option>
          {members.map((m) => (
            <option key={m.id} value={m.id}>
              {m.displayName}
            </option>
          ))}
        </SelectField>
        <button type="submit" className="button">
          {t("audit.showUser")}
        </button>
      </form>
    </>
  );
}

type LogFilter = "outcome" | "action" | "user";
/** What a review filters by, in the query string as log.outcome, log.action, log.user. */
const logFilterSpec = { outcome: ["allowed", "denied"], action: auditActions, user: null } as const;
const logSortSpec = {
  columns: ["time"] as const,
  defaultSort: "time" as const,
  firstOrder: () => "desc" as const,
};

/** The review's filter choices; who did it only in a person's review (a user's is theirs). */
function useLogFilters(subject: Subject): FilterChoice<LogFilter>[] {
  const { t } = useT();
  const staff = useManagedStaff();
  const members = staff?.state.status === "ready" ? staff.state.data : [];
  const choices: FilterChoice<LogFilter>[] = [
    {
      name: "outcome",
      label: t("audit.outcome"),
      options: (["allowed", "denied"] as const).map((o) => ({
        value: o,
        label: t(`outcome.${o}`),
      })),
    },
    {
      name: "action",
      label: t("audit.action"),
      options: auditActions.map((a) => ({ value: a, label: auditActionLabel(a, t) })),
    },
  ];
  if (subject.kind === "user") return choices;
  const user = { name: "user" as const, label: t("audit.who") };
  return [
    ...choices,
    { ...user, options: members.map((m) => ({ value: m.id, label: m.displayName })) },
  ];
}

function AuditEvents({ subject }: { subject: Subject }) {
  const { t } = useT();
  const api = useApi();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const key = `${subject.kind}:${subject.id}`;
  const controls = useListControls<LogFilter, "time">("log", logFilterSpec, logSortSpec);
  const list = definedParams({
    ...controls.filters,
    ...(subject.kind === "user" ? { user: undefined } : {}),
    order: controls.sort.order,
  });
  // The newest page with the count of the whole log; "Visa fler" the pages after it.
  const events = useQuery(
    ["audit", "events", key, list],
    (signal) => api.auditLog(subject, { count: true, list }, signal),
    // The trail grows with every read: shown afresh each time it is asked for.
    { keep: false },
  );
  const choices = useLogFilters(subject);

  // The log appears below the forms; take keyboard and screen-reader users to it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: focus again for each new subject
  useEffect(() => {
    headingRef.current?.focus();
  }, [key]);

  const { state } = events;
  return (
    <section className="section" aria-labelledby="audit-events-title">
      <h2 id="audit-events-title" ref={headingRef} tabIndex={-1}>
        {t("audit.eventsTitle", { name: subject.name })}
      </h2>
      <FilterBar
        label={t("list.filterOf", { list: t("audit.eventsTitle", { name: subject.name }) })}
        choices={choices}
        controls={controls}
      />
      {state.status === "loading" && <Loading />}
      {state.status === "error" && <QueryError error={state.error} />}
      {state.status === "ready" &&
        (state.data.events.length === 0 ? (
          <p className="empty">{controls.filtered ? t("list.noMatch") : t("audit.noEvents")}</p>
        ) : (
          <PagedEvents subject={subject} first={state.data} list={list} controls={controls} />
        ))}
    </section>
  );
}

/** The log a page at a time (shared/api/paging.ts): the newest page, then "Visa fler". */
function PagedEvents({
  subject,
  first,
  list,
  controls,
}: {
  subject: Subject;
  first: AuditEventList;
  list: Record<string, string>;
  controls: ListControls<LogFilter, "time">;
}) {
  const { t } = useT();
  const api = useApi();
  const listText = JSON.stringify(list);
  const firstPage = useMemo(() => ({ items: first.events, nextCursor: first.nextCursor }), [first]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the list's text is what counts
  const loadPage = useCallback(
    async (before: string) => {
      const page = await api.auditLog(subject, { before, list });
      return { items: page.events, nextCursor: page.nextCursor };
    },
    [api, subject, listText],
  );
  const pages = useMorePages(firstPage, loadPage);
  const focusLater = useFocusLater();
  return (
    <>
      <p>
        {t("audit.eventCount", { count: first.total ?? pages.items.length })}{" "}
        {t("audit.eventsShown", { shown: pages.items.length })}
      </p>
      <EventTable
        caption={t("audit.eventsCaption", { name: subject.name })}
        events={pages.items}
        controls={controls}
      />
      <LoadMore
        pages={pages}
        label={t("audit.showMore")}
        focusRow={(e) => focusLater(`audit-event-${e.id}`)}
      />
    </>
  );
}

function EventTable({
  caption,
  events,
  controls,
}: {
  caption: string;
  events: readonly AuditEventView[];
  controls: ListControls<LogFilter, "time">;
}) {
  const { t, lang } = useT();
  return (
    <div className="table-scroll">
      <table className="table table--compact">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <SortHeader column="time" label={t("audit.time")} controls={controls} />
            <th scope="col">{t("audit.who")}</th>
            <th scope="col">{t("audit.role")}</th>
            <th scope="col">{t("audit.action")}</th>
            <th scope="col">{t("audit.person")}</th>
            <th scope="col">{t("audit.outcome")}</th>
            <th scope="col">{t("audit.reason")}</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => (
            <tr key={e.id} className={e.outcome === "denied" ? "row--denied" : undefined}>
              <td className="nowrap" id={`audit-event-${e.id}`} tabIndex={-1}>
                {formatDateTime(e.occurredAt, lang)}
              </td>
              <td>
                {e.actor ? (
                  <>
                    {e.actor.displayName} <span className="muted">({e.actor.username})</span>
                  </>
                ) : (
                  t("audit.system")
                )}
              </td>
              <td>{e.role ? roleLabel(e.role, t) : ""}</td>
              <td>{auditActionLabel(e.action, t)}</td>
              <td>{personsShown(e)}</td>
              <td>
                {e.outcome === "denied" ? (
                  <strong className="outcome--denied">{t("outcome.denied")}</strong>
                ) : (
                  t("outcome.allowed")
                )}
              </td>
              <td>{e.reason ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The event's person, or every person a list showed (a list event in a user's log). */
function personsShown(e: AuditEventView): string {
  return [...(e.person ? [e.person] : []), ...e.persons].map((p) => p.name).join(", ");
}
