import { Link } from "react-router";
import { useApi } from "../../auth/useAuth";
import { useQuery } from "../../hooks/useQuery";
import { formatDay } from "../../i18n/dates";
import { useT } from "../../i18n/useT";
import { Loaded } from "../../ui/QueryError";
import { recipientOf } from "./Consents";

/** The person page's consents to share: hers in the cases the reader may see, with their state today. */
export function PersonConsents({ personId }: { personId: string }) {
  const { t, lang } = useT();
  const api = useApi();
  const query = useQuery(
    ["person", personId, "sharing-consents"],
    async (signal) => (await api.personSharingConsents(personId, signal)).consents,
  );
  return (
    <section className="section" aria-labelledby="person-consents-title">
      <h2 id="person-consents-title">{t("consents.personTitle")}</h2>
      <Loaded state={query.state}>
        {(consents) =>
          consents.length === 0 ? (
            <p>{t("consents.personEmpty")}</p>
          ) : (
            <ul className="result-list">
              {consents.map((c) => (
                <li key={c.id} className="result-list__item">
                  <Link to={`/cases/${c.caseId}`}>
                    {t("consents.personItem", {
                      recipient: recipientOf(c),
                      date: formatDay(c.givenOn, lang),
                    })}
                  </Link>
                  <span className="result-list__meta">{t(`consents.state.${c.state}`)}</span>
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
    </section>
  );
}
