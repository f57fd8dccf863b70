import { useState } from "react";
import { Link, useParams } from "react-router";
import type { PlaceView } from "../../api/endpoints";
import { seesPlaces } from "../../auth/permissions";
import { useApi, useMe } from "../../auth/useAuth";
import { useQuery } from "../../hooks/useQuery";
import { formatDay } from "../../i18n/dates";
import type { PlainMessageKey } from "../../i18n/messages";
import { useT } from "../../i18n/useT";
import { Loading, StatusMessage } from "../../ui/Messages";
import { OnDemand } from "../../ui/OnDemand";
import { Page } from "../../ui/Page";
import { QueryError } from "../../ui/QueryError";
import { AddressPanel } from "./AddressPanel";
import { ClosePlace, Contacts } from "./PlaceAdmin";
import { PlaceForm } from "./PlaceForm";
import { acceptedText, kronorText } from "./place-text";

/*
 * One place: its facts for everyone doing case work, and for those who administer it the
 * forms that keep it (Ändra, the address, contact persons, Stäng platsen). The address is
 * read only when asked for, as on the list, and every reading is logged.
 */
export function PlacePage() {
  const { t } = useT();
  if (!seesPlaces(useMe().roles))
    return (
      <Page title={t("places.title")}>
        <p>{t("places.forbidden")}</p>
      </Page>
    );
  return <PlaceLoader />;
}

function PlaceLoader() {
  const { t } = useT();
  const api = useApi();
  const { placeId = "" } = useParams();
  const query = useQuery(["place", placeId], (signal) => api.place(placeId, signal));
  const list = useQuery(["places"], (signal) => api.places(signal));
  if (query.state.status === "ready" && list.state.status === "ready")
    return (
      <OnePlace
        key={query.state.data.version}
        place={query.state.data}
        units={list.state.data.administeredUnits}
        shelterUnits={list.state.data.shelterUnits}
        reload={() => {
          void query.reload();
          void list.reload();
        }}
      />
    );
  return (
    <Page title={t("places.title")}>
      {query.state.status === "error" && <QueryError error={query.state.error} />}
      {list.state.status === "error" && <QueryError error={list.state.error} />}
      {(query.state.status === "loading" || list.state.status === "loading") && <Loading />}
    </Page>
  );
}

function OnePlace({
  place,
  units,
  shelterUnits,
  reload,
}: {
  place: PlaceView;
  units: { id: string; name: string }[];
  shelterUnits: { id: string; name: string }[];
  reload: () => void;
}) {
  const { t } = useT();
  const [current, setCurrent] = useState(place);
  const [message, setMessage] = useState<PlainMessageKey | null>(null);
  const changed = (next: PlaceView, key: PlainMessageKey) => {
    setCurrent(next);
    setMessage(key);
  };
  return (
    <Page title={current.name}>
      <p>
        <Link to="/places">{t("place.back")}</Link>
      </p>
      <StatusMessage message={message ? t(message) : null} />
      <PlaceFacts place={current} />
      {current.mayReadAddress && (
        <AddressPanel placeId={current.id} mayChange={current.mayAdminister} />
      )}
      <Contacts
        place={current}
        onChanged={(next, key) => changed(next, key)}
        beforeChange={() => setMessage(null)}
      />
      {current.mayAdminister && (
        <OnDemand label={t("place.change")}>
          <PlaceForm
            place={current}
            units={units.some((u) => u.id === current.unitId) ? units : []}
            shelterUnits={shelterUnits}
            onSaved={(next) => changed(next, "place.changed")}
            onStale={reload}
          />
        </OnDemand>
      )}
      {current.mayAdminister && current.closedOn === null && (
        <ClosePlace place={current} onClosed={(next) => changed(next, "place.closedNow")} />
      )}
    </Page>
  );
}

/** The register's facts about one place, as a description list (never the address). */
function PlaceFacts({ place: p }: { place: PlaceView }) {
  const { t, lang } = useT();
  const rows: [PlainMessageKey, string][] = [
    ["places.kind", t(`places.kind.${p.kind}` as PlainMessageKey)],
    [
      "places.operator",
      `${t(`places.operator.${p.operatorKind}` as PlainMessageKey)}: ${p.operatorName}`,
    ],
    ["place.unit", p.unitName],
    [
      "places.capacity",
      p.rooms === null
        ? t("places.capacityNoRooms", { places: p.places })
        : t("places.capacityValue", { places: p.places, rooms: p.rooms }),
    ],
    ["places.accepts", acceptedText(p, t)],
    ["places.languages", p.staffLanguages.join(", ") || "–"],
    ["place.accessibilityNotes", p.accessibilityNotes || "–"],
    [
      "places.prices",
      t("places.priceValue", {
        adult: kronorText(p.priceAdult, lang),
        child: kronorText(p.priceChild, lang),
      }),
    ],
    ["place.holdHours", t("place.holdHoursValue", { hours: p.holdHours })],
    [
      "places.ivo",
      p.ivoPermitNumber
        ? t("places.ivoUntil", {
            number: p.ivoPermitNumber,
            date: p.ivoPermitExpiresOn ? formatDay(p.ivoPermitExpiresOn, lang) : "–",
          })
        : t("places.ivoNone"),
    ],
  ];
  return (
    <dl className="place-facts">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{t(label)}</dt>
          <dd className="multiline">{value}</dd>
        </div>
      ))}
      {p.ivoWarning && (
        <div>
          <dt>{t("place.warning")}</dt>
          <dd>
            <strong>
              {t(p.ivoWarning === "expired" ? "places.ivoExpired" : "places.ivoSoon")}
            </strong>
          </dd>
        </div>
      )}
      {p.closedOn && (
        <div>
          <dt>{t("place.state")}</dt>
          <dd>{t("places.closed", { date: formatDay(p.closedOn, lang) })}</dd>
        </div>
      )}
    </dl>
  );
}
