import { useState } from "react";
import type { PlaceView } from "../../api/endpoints";
import { seesPlaces } from "../../auth/permissions";
import { useApi, useMe } from "../../auth/useAuth";
import { useQuery } from "../../hooks/useQuery";
import { useSubmit } from "../../hooks/useSubmit";
import { formatDay } from "../../i18n/dates";
import type { PlainMessageKey } from "../../i18n/messages";
import { useT } from "../../i18n/useT";
import { ErrorSummary, Loading } from "../../ui/Messages";
import { Page } from "../../ui/Page";
import { QueryError } from "../../ui/QueryError";

/*
 * Platser: the register, as a table that becomes cards on a narrow screen. The address is
 * never part of it: those allowed read it on demand ("Visa adress"), and the reading is logged.
 */
export function PlacesPage() {
  const { t } = useT();
  if (!seesPlaces(useMe().roles))
    return (
      <Page title={t("places.title")}>
        <p>{t("places.forbidden")}</p>
      </Page>
    );
  return <Places />;
}

function Places() {
  const { t } = useT();
  const api = useApi();
  const query = useQuery(["places"], (signal) => api.places(signal));
  return (
    <Page title={t("places.title")}>
      <p>{t("places.intro")}</p>
      {query.state.status === "loading" && <Loading />}
      {query.state.status === "error" && <QueryError error={query.state.error} />}
      {query.state.status === "ready" &&
        (query.state.data.places.length === 0 ? (
          <p>{t("places.empty")}</p>
        ) : (
          <table className="table table--cards">
            <thead>
              <tr>
                <th scope="col">{t("places.name")}</th>
                <th scope="col">{t("places.capacity")}</th>
                <th scope="col">{t("places.accepts")}</th>
                <th scope="col">{t("places.prices")}</th>
                <th scope="col">{t("places.ivo")}</th>
                <th scope="col">{t("places.contacts")}</th>
              </tr>
            </thead>
            <tbody>
              {query.state.data.places.map((p) => (
                <PlaceRow key={p.id} place={p} />
              ))}
            </tbody>
          </table>
        ))}
    </Page>
  );
}

function accepts(p: PlaceView, t: ReturnType<typeof useT>["t"]): string {
  const parts: string[] = [];
  if (p.acceptsWomen) parts.push(t("places.accept.women"));
  if (p.acceptsMen) parts.push(t("places.accept.men"));
  if (p.acceptsNonBinary) parts.push(t("places.accept.nonBinary"));
  if (p.acceptsChildren) parts.push(t("places.accept.children"));
  if (p.acceptsChildren && p.boysAgeLimit !== null)
    parts.push(t("places.accept.boysLimit", { age: p.boysAgeLimit }));
  if (p.acceptsPets) parts.push(t("places.accept.pets"));
  if (p.acceptsSubstanceUse) parts.push(t("places.accept.substanceUse"));
  if (p.wheelchairAccess) parts.push(t("places.accept.wheelchair"));
  return parts.join(", ");
}

function PlaceRow({ place: p }: { place: PlaceView }) {
  const { t, lang } = useT();
  return (
    <tr>
      <th scope="row">
        {p.name}
        <br />
        <small>
          {t(`places.kind.${p.kind}` as PlainMessageKey)} ·{" "}
          {t(`places.operator.${p.operatorKind}` as PlainMessageKey)}: {p.operatorName}
        </small>
        {p.closedOn && (
          <>
            <br />
            <small>{t("places.closed", { date: formatDay(p.closedOn, lang) })}</small>
          </>
        )}
        {p.mayReadAddress && <AddressOnDemand placeId={p.id} />}
      </th>
      <td data-label={t("places.capacity")}>
        {p.rooms === null
          ? t("places.capacityNoRooms", { places: p.places })
          : t("places.capacityValue", { places: p.places, rooms: p.rooms })}
      </td>
      <td data-label={t("places.accepts")}>
        {accepts(p, t)}
        {p.staffLanguages.length > 0 && (
          <>
            <br />
            <small>
              {t("places.languages")}: {p.staffLanguages.join(", ")}
            </small>
          </>
        )}
      </td>
      <td data-label={t("places.prices")}>
        {t("places.priceValue", { adult: p.priceAdult, child: p.priceChild })}
      </td>
      <td data-label={t("places.ivo")}>
        {p.ivoPermitNumber
          ? t("places.ivoUntil", {
              number: p.ivoPermitNumber,
              date: p.ivoPermitExpiresOn ? formatDay(p.ivoPermitExpiresOn, lang) : "–",
            })
          : t("places.ivoNone")}
        {p.ivoWarning && (
          <>
            <br />
            <strong>
              {t(p.ivoWarning === "expired" ? "places.ivoExpired" : "places.ivoSoon")}
            </strong>
          </>
        )}
      </td>
      <td data-label={t("places.contacts")}>
        {p.contacts.map((c) => (
          <div key={c.id}>
            {c.name}
            {c.role ? ` (${c.role})` : ""}
            {c.phone ? `, ${c.phone}` : ""}
          </div>
        ))}
      </td>
    </tr>
  );
}

/** The address, read only when asked for: every reading is logged on the server. */
function AddressOnDemand({ placeId }: { placeId: string }) {
  const { t } = useT();
  const api = useApi();
  const submit = useSubmit();
  const [address, setAddress] = useState<
    Awaited<ReturnType<typeof api.placeAddress>>["address"] | undefined
  >(undefined);
  if (address === undefined)
    return (
      <div>
        <button
          type="button"
          className="button button--secondary"
          disabled={submit.pending}
          onClick={() =>
            void submit.run(async () => setAddress((await api.placeAddress(placeId)).address))
          }
        >
          {t("places.showAddress")}
        </button>
        <small> {t("places.addressLogged")}</small>
        <ErrorSummary errors={submit.errors} />
      </div>
    );
  return (
    <div className="place-address">
      <strong>{t("places.addressTitle")}: </strong>
      {address
        ? `${address.street}, ${address.postalCode} ${address.city}${address.directions ? ` – ${address.directions}` : ""}`
        : t("places.addressNone")}
    </div>
  );
}
