import { type FormEvent, useId, useState } from "react";
import type { PlaceAddress } from "../../../shared/api/places";
import { useApi } from "../../auth/useAuth";
import { useSubmit } from "../../hooks/useSubmit";
import { useT } from "../../i18n/useT";
import { TextAreaField, TextField } from "../../ui/Field";
import { ErrorSummary, StatusMessage } from "../../ui/Messages";
import { OnDemand } from "../../ui/OnDemand";

type Address = PlaceAddress["address"];
const addressFields = ["street", "postalCode", "city", "directions"] as const;

/**
 * A place's protected address on its page: read only when asked for ("Visa adress", logged
 * on the server), and for those who administer the place, once read, "Ange adress" or
 * "Ändra adress". Nothing of it is kept in the page's cache: leaving the page forgets it.
 */
export function AddressPanel({ placeId, mayChange }: { placeId: string; mayChange: boolean }) {
  const { t } = useT();
  const api = useApi();
  const read = useSubmit();
  const [address, setAddress] = useState<Address | undefined>(undefined);
  const [saved, setSaved] = useState(false);
  const titleId = `${useId()}-title`;
  return (
    <section className="place-address" aria-labelledby={titleId}>
      <h2 id={titleId}>{t("places.addressTitle")}</h2>
      <StatusMessage message={saved ? t("place.addressSaved") : null} />
      {address === undefined ? (
        <p>
          <button
            type="button"
            className="button button--secondary"
            disabled={read.pending}
            onClick={() =>
              void read.run(async () => setAddress((await api.placeAddress(placeId)).address))
            }
          >
            {t("places.showAddress")}
          </button>{" "}
          <small>{t("places.addressLogged")}</small>
        </p>
      ) : (
        <p className="multiline">
          {address
            ? `${address.street}\n${address.postalCode} ${address.city}${address.directions ? `\n${address.directions}` : ""}`
            : t("places.addressNone")}
        </p>
      )}
      <ErrorSummary errors={read.errors} />
      {mayChange && address !== undefined && (
        <OnDemand label={t(address ? "place.changeAddress" : "place.giveAddress")}>
          <AddressForm
            placeId={placeId}
            address={address}
            onSaved={(next) => {
              setAddress(next);
              setSaved(true);
            }}
          />
        </OnDemand>
      )}
    </section>
  );
}

function AddressForm({
  placeId,
  address,
  onSaved,
}: {
  placeId: string;
  address: Address;
  onSaved: (address: Address) => void;
}) {
  const { t } = useT();
  const api = useApi();
  const submit = useSubmit(addressFields);
  const [draft, setDraft] = useState({
    street: address?.street ?? "",
    postalCode: address?.postalCode ?? "",
    city: address?.city ?? "",
    directions: address?.directions ?? "",
  });
  const titleId = `${useId()}-title`;
  const field = (name: (typeof addressFields)[number]) => ({
    name,
    value: draft[name],
    error: submit.fieldError(name),
    onChange: (e: { target: { value: string } }) =>
      setDraft((d) => ({ ...d, [name]: e.target.value })),
  });

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    await submit.run(async () => {
      const body = {
        ...draft,
        directions: draft.directions.trim() === "" ? null : draft.directions,
      };
      onSaved((await api.saveAddress(placeId, body)).address);
    });
  }

  return (
    <form className="form" aria-labelledby={titleId} onSubmit={handleSubmit} noValidate>
      <h3 id={titleId}>{t(address ? "place.changeAddress" : "place.giveAddress")}</h3>
      <ErrorSummary errors={submit.errors} />
      <TextField label={t("place.street")} autoComplete="off" {...field("street")} />
      <TextField
        label={t("place.postalCode")}
        hint={t("place.postalCodeHint")}
        inputMode="numeric"
        autoComplete="off"
        {...field("postalCode")}
      />
      <TextField label={t("place.city")} autoComplete="off" {...field("city")} />
      <TextAreaField
        label={t("place.directions")}
        hint={t("place.directionsHint")}
        {...field("directions")}
      />
      <button type="submit" className="button" disabled={submit.pending}>
        {t("place.saveAddress")}
      </button>
    </form>
  );
}
