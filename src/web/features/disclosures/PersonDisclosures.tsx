import { useCallback } from "react";
import { Link } from "react-router";
import { useApi } from "../../auth/useAuth";
import { useMorePages } from "../../hooks/useMorePages";
import { useQuery } from "../../hooks/useQuery";
import { formatDay } from "../../i18n/dates";
import { useT } from "../../i18n/useT";
import { LoadMore } from "../../ui/LoadMore";
import { Loaded } from "../../ui/QueryError";
import { recipientText } from "./Disclosures";

/**
 * The person page's disclosures: everything disclosed about her in the cases the reader may
 * see, newest first, a page at a time; each opens its case.
 */
export function PersonDisclosures({ personId }: { personId: string }) {
  const { t, lang } = useT();
  const api = useApi();
  const query = useQuery(["person", personId, "disclosures"], (signal) =>
    api.personDisclosures(personId, undefined, signal),
  );
  const first = query.state.status === "ready" ? query.state.data : null;
  const loadPage = useCallback(
    (before: string) => api.personDisclosures(personId, before),
    [api, personId],
  );
  const pages = useMorePages(first, loadPage);
  const rowId = (id: string) => `person-disclosure-${id}`;
  return (
    <section className="section" aria-labelledby="person-disclosures-title">
      <h2 id="person-disclosures-title">{t("disclosures.personTitle")}</h2>
      <Loaded state={query.state}>
        {() =>
          pages.items.length === 0 ? (
            <p>{t("disclosures.personEmpty")}</p>
          ) : (
            <ul className="result-list">
              {pages.items.map((d) => (
                <li key={d.id} id={rowId(d.id)} tabIndex={-1} className="result-list__item">
                  <Link to={`/cases/${d.caseId}`}>
                    {t("disclosures.personItem", {
                      date: formatDay(d.disclosedOn, lang),
                      recipient: recipientText(d),
                      reference: d.caseReference,
                    })}
                  </Link>
                  <span className="result-list__meta">{d.groundText}</span>
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
      <LoadMore
        pages={pages}
        label={t("disclosures.more")}
        focusRow={(d) => document.getElementById(rowId(d.id))?.focus()}
      />
    </section>
  );
}
