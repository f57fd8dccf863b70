import { Link } from "react-router";
import { useApi } from "../../auth/useAuth";
import { useQuery } from "../../hooks/useQuery";
import { formatDay } from "../../i18n/dates";
import { useT } from "../../i18n/useT";
import { Loaded } from "../../ui/QueryError";
import type { StayView } from "./api";

/**
 * "Boende" on the person page: the person's stays, as the adult or as a child who came along,
 * in the cases the user may see — the place's name and kind and the dates, never an address.
 * Nothing is shown for a person who has had no stay.
 */
export function PersonStays({ personId }: { personId: string }) {
  const { t } = useT();
  const api = useApi();
  const stays = useQuery(
    ["person", personId, "stays"],
    async (signal) => (await api.personStays(personId, signal)).stays,
  );
  return (
    <Loaded state={stays.state}>
      {(data) =>
        data.length > 0 && (
          <section className="section" aria-labelledby="person-stays-title">
            <h2 id="person-stays-title">{t("stays.person.title")}</h2>
            <div className="table-scroll">
              <table className="table table--cards">
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
                  {data.map((s) => (
                    <PersonStayRow key={s.id} stay={s} personId={personId} />
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        )
      }
    </Loaded>
  );
}

function PersonStayRow({ stay, personId }: { stay: StayView; personId: string }) {
  const { t, lang } = useT();
  const day = (iso: string | null) => (iso ? formatDay(iso, lang) : t("stays.open"));
  const child = stay.members.some((m) => m.personId === personId && m.role === "child");
  return (
    <tr>
      <th scope="row">{stay.place.name}</th>
      <td data-label={t("stays.kind")}>{t(`stays.kind.${stay.interventionKind}`)}</td>
      <td data-label={t("stays.when")}>
        {t("stays.period", {
          from: day(stay.arrivedOn ?? stay.plannedFrom),
          to: day(stay.leftOn ?? stay.plannedTo),
        })}{" "}
        · {t(`stays.status.${stay.status}`)}
      </td>
      <td data-label={t("stays.person.as")}>
        {t(child ? "stays.person.asChild" : "stays.person.asAdult")}
      </td>
      <td data-label={t("stays.person.case")}>
        <Link to={`/cases/${stay.caseId}/housing`}>{stay.caseReference}</Link>
      </td>
    </tr>
  );
}
