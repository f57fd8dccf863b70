import { useCallback, useMemo, useState } from "react";
import { Link } from "react-router";
import type { ServiceCourseSummary } from "../../api/endpoints";
import { givesService } from "../../auth/permissions";
import { useApi, useMe } from "../../auth/useAuth";
import { useMorePages } from "../../hooks/useMorePages";
import { useQuery } from "../../hooks/useQuery";
import { formatDateTimeShort } from "../../i18n/dates";
import { useT } from "../../i18n/useT";
import { RadioGroupField } from "../../ui/Field";
import { LoadMore } from "../../ui/LoadMore";
import { Loading } from "../../ui/Messages";
import { Page } from "../../ui/Page";
import { QueryError } from "../../ui/QueryError";
import { codeText, minutesText, subjectText } from "./service-text";

type Scope = "mine" | "all";

/*
 * Serviceinsatser: the caller's courses of contacts given without a case (advice by phone,
 * counselling visits, support with an authority, group sessions), newest contact first, and
 * "Ny kontakt". A unit manager may widen the list to every course of the unit.
 */
export function ServiceContactsPage() {
  const { t } = useT();
  const me = useMe();
  const [scope, setScope] = useState<Scope>("mine");
  if (!givesService(me.roles))
    return (
      <Page title={t("serviceContacts.title")}>
        <p>{t("serviceContacts.forbidden")}</p>
      </Page>
    );
  return (
    <Page title={t("serviceContacts.title")}>
      <p>{t("serviceContacts.intro")}</p>
      <p>
        <Link className="button" to="/service-contacts/new">
          {t("serviceContacts.new")}
        </Link>
      </p>
      <RadioGroupField
        label={t("serviceContacts.show")}
        name="scope"
        value={scope}
        options={[
          { value: "mine", label: t("serviceContacts.showMine") },
          { value: "all", label: t("serviceContacts.showAll") },
        ]}
        onChange={setScope}
      />
      <CourseList mine={scope === "mine"} />
    </Page>
  );
}

function CourseList({ mine }: { mine: boolean }) {
  const { t } = useT();
  const api = useApi();
  const query = useQuery(["service-courses", mine], (signal) =>
    api.serviceCourses({ mine }, signal),
  );
  const data = query.state.status === "ready" ? query.state.data : null;
  const loadPage = useCallback(
    async (before: string) => {
      const page = await api.serviceCourses({ mine, before });
      return { items: page.courses, nextCursor: page.nextCursor };
    },
    [api, mine],
  );
  // The first page as one object per answer: a new one would start the pages over.
  const first = useMemo(() => data && { items: data.courses, nextCursor: data.nextCursor }, [data]);
  const pages = useMorePages(first, loadPage);
  if (query.state.status === "loading") return <Loading />;
  if (query.state.status === "error") return <QueryError error={query.state.error} />;
  if (pages.items.length === 0) return <p>{t("serviceContacts.empty")}</p>;
  return (
    <>
      <table className="table table--cards">
        <caption className="visually-hidden">{t("serviceContacts.listCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("serviceContacts.who")}</th>
            <th scope="col">{t("serviceContacts.lastContact")}</th>
            <th scope="col">{t("serviceContacts.topic")}</th>
            <th scope="col">{t("serviceContacts.contacts")}</th>
            <th scope="col">{t("serviceContacts.responsible")}</th>
          </tr>
        </thead>
        <tbody>
          {pages.items.map((c) => (
            <CourseRow key={c.id} course={c} />
          ))}
        </tbody>
      </table>
      <LoadMore
        pages={pages}
        label={t("serviceContacts.showMore")}
        focusRow={(c) => document.getElementById(`course-${c.id}`)?.focus()}
      />
    </>
  );
}

function CourseRow({ course: c }: { course: ServiceCourseSummary }) {
  const { t, lang } = useT();
  return (
    <tr>
      <th scope="row">
        <Link id={`course-${c.id}`} to={`/service-contacts/courses/${c.id}`}>
          {subjectText(t, c.subject)}
        </Link>
        {c.closedAt && (
          <>
            <br />
            <small>{t("serviceContacts.closed")}</small>
          </>
        )}
      </th>
      <td data-label={t("serviceContacts.lastContact")}>
        {formatDateTimeShort(c.lastAt, lang)}
        <br />
        <small>{codeText(t, "kind", c.lastKind)}</small>
      </td>
      <td data-label={t("serviceContacts.topic")}>{c.lastTopic}</td>
      <td data-label={t("serviceContacts.contacts")}>
        {t("serviceContacts.contactsValue", {
          count: c.contacts,
          time: minutesText(t, c.totalMinutes),
        })}
      </td>
      <td data-label={t("serviceContacts.responsible")}>{c.responsibleName}</td>
    </tr>
  );
}
