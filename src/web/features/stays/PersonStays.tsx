import { Link } from "react-router";
import { useApi } from "../../auth/useAuth";
import { useQuery } from "../../hooks/useQuery";
import { formatDay } from "../../i18n/dates";
import { useT } from "../../i18n/useT";
import { Loaded } from "../../ui/QueryError";

/**
 * "Boende" on the person page: the person's stays, as the adult or as a child who came along,
 * in the cases the user may see — the place's name and kind and the dates, never an address.
 * Nothing is shown for a person who has had no stay.
 */
export function PersonStays({ personId }: { personId: string }) {
  const { t, lang } = useT();
  const api = useApi();
  const stays = useQuery(
    ["person", personId, "stays"],
    async (signal) => (await api.personStays(personId, signal)).stays,
  );
  const day = (iso: string | null) => (iso ? formatDay(iso, lang) : t("stays.open"));
  return (
    <Loaded state={stays.state}>
      {(data) =>
        data.length > 0 && (
          <section className="section" aria-labelledby="person-stays-title">
            <h2 id="person-stays-title">{t("stays.person.title")}</h2>
            <div className="table-scroll">
              <table className="table">
                <caption>{t("stays.person.caption")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("stays.person.place")}</th>
                    <th scope="col">{t("stays.kind")}</th>
                    <th scope="col">{t("stays.when")}</th>
                    <th scope="col">{t("stays.person.as")}</th>
                    <th scope="col">{t("stays.person.case")}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.map((s) => {
                    const child = s.members.some(
                      (m) => m.personId === personId && m.role === "child",
                    );
                    return (
                      <tr key={s.id}>
                        <th scope="row">{s.place.name}</th>
                        <td>{t(`stays.kind.${s.interventionKind}`)}</td>
                        <td>
                          {t("stays.period", {
                            from: day(s.arrivedOn ?? s.plannedFrom),
                            to: day(s.leftOn ?? s.plannedTo),
                          })}{" "}
                          · {t(`stays.status.${s.status}`)}
                        </td>
                        <td>{t(child ? "stays.person.asChild" : "stays.person.asAdult")}</td>
                        <td>
                          <Link to={`/cases/${s.caseId}/housing`}>{s.caseReference}</Link>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </section>
        )
      }
    </Loaded>
  );
}
