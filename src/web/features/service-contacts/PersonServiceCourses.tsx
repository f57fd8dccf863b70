import { Link } from "react-router";
import { givesService } from "../../auth/permissions";
import { useApi, useMe } from "../../auth/useAuth";
import { useQuery } from "../../hooks/useQuery";
import { formatDateTimeShort } from "../../i18n/dates";
import { useT } from "../../i18n/useT";
import { Loading } from "../../ui/Messages";
import { QueryError } from "../../ui/QueryError";
import { codeText, minutesText } from "./service-text";

/** The person page's service contacts: their courses the reader may see, and a new contact. */
export function PersonServiceCourses({ personId }: { personId: string }) {
  const { t, lang } = useT();
  const api = useApi();
  const me = useMe();
  const query = useQuery(["person-service-courses", personId], (signal) =>
    api.personServiceCourses(personId, signal),
  );
  const { state } = query;
  const mayAdd = givesService(me.roles);
  if (state.status === "ready" && state.data.courses.length === 0 && !mayAdd) return null;
  return (
    <section className="section" aria-labelledby="person-service-title">
      <h2 id="person-service-title">{t("serviceContacts.personTitle")}</h2>
      {state.status === "loading" && <Loading />}
      {state.status === "error" && <QueryError error={state.error} />}
      {state.status === "ready" &&
        (state.data.courses.length === 0 ? (
          <p>{t("serviceContacts.personNone")}</p>
        ) : (
          <ul className="result-list">
            {state.data.courses.map((c) => (
              <li key={c.id} className="result-list__item">
                <Link to={`/service-contacts/courses/${c.id}`}>
                  {codeText(t, "kind", c.lastKind)}, {formatDateTimeShort(c.lastAt, lang)}
                </Link>
                <span className="result-list__meta">
                  {c.unitName} ·{" "}
                  {t("serviceContacts.contactsValue", {
                    count: c.contacts,
                    time: minutesText(t, c.totalMinutes),
                  })}
                </span>
              </li>
            ))}
          </ul>
        ))}
      {mayAdd && (
        <p>
          <Link to={`/service-contacts/new?person=${personId}`}>
            {t("serviceContacts.newForPerson")}
          </Link>
        </p>
      )}
    </section>
  );
}
