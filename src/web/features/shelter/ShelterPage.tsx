import type { ShelterStays, ShelterStayView } from "../../api/endpoints";
import { isUnitManager, worksAtShelter } from "../../auth/permissions";
import { useApi, useMe } from "../../auth/useAuth";
import { useQuery } from "../../hooks/useQuery";
import { formatDay } from "../../i18n/dates";
import { stayEndReasonLabels } from "../../i18n/labels";
import type { PlainMessageKey } from "../../i18n/messages";
import { useT } from "../../i18n/useT";
import { OnDemand } from "../../ui/OnDemand";
import { Page } from "../../ui/Page";
import { ProtectionBadge } from "../../ui/ProtectionBadge";
import { Loaded } from "../../ui/QueryError";
import { shelterStaysKey } from "./api";
import { CheckInForm, CheckOutForm, NoteForm, StayNotes } from "./StayForms";

/*
 * Boendet: what a shelter's staff work with (issue 16). Expected arrivals, who lives here now
 * with their children, and who left in the last month; check in, check out and notes. Names
 * and birth years only: the server never sends the case, and this page never asks for it.
 */

export function ShelterPage() {
  const { t } = useT();
  const me = useMe();
  if (!worksAtShelter(me.roles) && !isUnitManager(me.roles)) {
    return (
      <Page title={t("shelter.title")}>
        <p>{t("shelter.forbidden")}</p>
      </Page>
    );
  }
  return <ShelterBoard />;
}

const groups: { key: keyof ShelterStays; title: PlainMessageKey }[] = [
  { key: "expected", title: "shelter.expected" },
  { key: "current", title: "shelter.current" },
  { key: "recentlyLeft", title: "shelter.recentlyLeft" },
];

function ShelterBoard() {
  const { t } = useT();
  const api = useApi();
  const query = useQuery(shelterStaysKey, (signal) => api.shelterStays(signal));
  return (
    <Page title={t("shelter.title")}>
      <p>{t("shelter.intro")}</p>
      <Loaded state={query.state}>
        {(data) =>
          groups.map((g) => (
            <section key={g.key} className="section" aria-labelledby={`shelter-${g.key}`}>
              <h2 id={`shelter-${g.key}`}>{t(g.title)}</h2>
              {data[g.key].length === 0 ? (
                <p>{t("shelter.none")}</p>
              ) : (
                <ul className="record-list">
                  {data[g.key].map((stay) => (
                    <li key={stay.id} className="record-list__item">
                      <StayCard stay={stay} />
                    </li>
                  ))}
                </ul>
              )}
            </section>
          ))
        }
      </Loaded>
    </Page>
  );
}

function useResidentName() {
  const { t } = useT();
  return (r: ShelterStayView["residents"][number]) => {
    // A fictitious identity comes as "Skyddad identitet" with no family name (issue 19).
    const name = `${r.givenName} ${r.familyName}`.trim();
    return r.birthYear === null
      ? t("shelter.residentNoYear", { name })
      : t("shelter.resident", { name, year: String(r.birthYear) });
  };
}

/** One stay as a card: who, when, and what the staff can do with it now. */
function StayCard({ stay }: { stay: ShelterStayView }) {
  const { t } = useT();
  const nameOf = useResidentName();
  const adult = stay.residents.find((r) => r.role === "adult");
  const children = stay.residents.filter((r) => r.role === "child");
  const titleId = `stay-${stay.id}-title`;
  return (
    <article aria-labelledby={titleId}>
      <h3 id={titleId}>
        {adult ? nameOf(adult) : t("shelter.title")}{" "}
        <ProtectionBadge level={adult?.protectionLevel} />
      </h3>
      <StayDates stay={stay} />
      <h4>{t("shelter.children")}</h4>
      {children.length === 0 ? (
        <p>{t("shelter.noChildren")}</p>
      ) : (
        <ul>
          {children.map((c) => (
            <li key={c.personId}>
              {nameOf(c)} <ProtectionBadge level={c.protectionLevel} />
            </li>
          ))}
        </ul>
      )}
      {stay.status === "expected" && (
        <OnDemand label={t("shelter.checkIn")}>
          <CheckInForm stay={stay} />
        </OnDemand>
      )}
      {stay.status === "current" && (
        <>
          <OnDemand label={t("shelter.note")}>
            <NoteForm stay={stay} />
          </OnDemand>
          <OnDemand label={t("shelter.notes")}>
            <StayNotes stay={stay} />
          </OnDemand>
          <OnDemand label={t("shelter.checkOut")}>
            <CheckOutForm stay={stay} />
          </OnDemand>
        </>
      )}
    </article>
  );
}

function StayDates({ stay }: { stay: ShelterStayView }) {
  const { t, lang } = useT();
  const rows: [PlainMessageKey, string][] = [["shelter.place", stay.place.name]];
  if (stay.arrivedOn) rows.push(["shelter.arrivedOn", formatDay(stay.arrivedOn, lang)]);
  else rows.push(["shelter.plannedFrom", formatDay(stay.plannedFrom, lang)]);
  if (stay.plannedTo && stay.status !== "left")
    rows.push(["shelter.plannedTo", formatDay(stay.plannedTo, lang)]);
  if (stay.leftOn) rows.push(["shelter.leftOn", formatDay(stay.leftOn, lang)]);
  if (stay.status === "moved") rows.push(["shelter.endReason", t("shelter.moved")]);
  if (stay.endReason) rows.push(["shelter.endReason", t(stayEndReasonLabels[stay.endReason])]);
  return (
    <dl className="details">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{t(label)}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
