import { type FormEvent, useId, useState } from "react";
import type { PlaceView } from "../../api/endpoints";
import { useApi } from "../../auth/useAuth";
import { useSubmit } from "../../hooks/useSubmit";
import { localDateInput } from "../../i18n/dates";
import type { PlainMessageKey } from "../../i18n/messages";
import { useT } from "../../i18n/useT";
import { DateField } from "../../ui/DateField";
import { TextField } from "../../ui/Field";
import { ErrorSummary } from "../../ui/Messages";
import { OnDemand } from "../../ui/OnDemand";

const contactFields = ["name", "role", "phone", "email"] as const;

/** The place's contact persons; those who administer it add and remove them. */
export function Contacts({
  place,
  onChanged,
  beforeChange,
}: {
  place: PlaceView;
  onChanged: (place: PlaceView, message: PlainMessageKey) => void;
  beforeChange: () => void;
}) {
  const { t } = useT();
  const api = useApi();
  const remove = useSubmit();
  const titleId = `${useId()}-title`;
  return (
    <section aria-labelledby={titleId}>
      <h2 id={titleId}>{t("places.contacts")}</h2>
      <ErrorSummary errors={remove.errors} />
      {place.contacts.length === 0 ? (
        <p>{t("place.noContacts")}</p>
      ) : (
        <ul className="place-contacts">
          {place.contacts.map((c) => (
            <li key={c.id} className="place-contact">
              <span>
                {c.name}
                {c.role ? ` (${c.role})` : ""}
                {c.phone ? `, ${c.phone}` : ""}
                {c.email ? `, ${c.email}` : ""}
              </span>
              {place.mayAdminister && (
                <button
                  type="button"
                  className="button button--secondary button--small"
                  aria-label={t("place.removeContactLabel", { name: c.name })}
                  disabled={remove.pending}
                  onClick={() => {
                    beforeChange();
                    void remove.run(async () =>
                      onChanged(await api.removeContact(place.id, c.id), "place.contactRemoved"),
                    );
                  }}
                >
                  {t("place.removeContact")}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {place.mayAdminister && (
        <OnDemand label={t("place.addContact")}>
          <ContactForm
            placeId={place.id}
            onAdded={(next) => onChanged(next, "place.contactAdded")}
          />
        </OnDemand>
      )}
    </section>
  );
}

function ContactForm({
  placeId,
  onAdded,
}: {
  placeId: string;
  onAdded: (place: PlaceView) => void;
}) {
  const { t } = useT();
  const api = useApi();
  const submit = useSubmit(contactFields);
  const empty = { name: "", role: "", phone: "", email: "" };
  const [draft, setDraft] = useState(empty);
  const titleId = `${useId()}-title`;
  const field = (name: (typeof contactFields)[number]) => ({
    name,
    label: t(`place.contact.${name}`),
    value: draft[name],
    error: submit.fieldError(name),
    onChange: (e: { target: { value: string } }) =>
      setDraft((d) => ({ ...d, [name]: e.target.value })),
  });

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    await submit.run(async () => {
      const orNull = (v: string) => (v.trim() === "" ? null : v);
      const body = {
        name: draft.name,
        role: orNull(draft.role),
        phone: orNull(draft.phone),
        email: orNull(draft.email),
      };
      onAdded(await api.addContact(placeId, body));
      setDraft(empty);
    });
  }

  return (
    <form className="form" aria-labelledby={titleId} onSubmit={handleSubmit} noValidate>
      <h3 id={titleId}>{t("place.addContact")}</h3>
      <ErrorSummary errors={submit.errors} />
      <TextField {...field("name")} />
      <TextField {...field("role")} />
      <TextField type="tel" autoComplete="off" {...field("phone")} />
      <TextField type="email" autoComplete="off" {...field("email")} />
      <button type="submit" className="button" disabled={submit.pending}>
        {t("place.saveContact")}
      </button>
    </form>
  );
}

/**
 * Stäng platsen: asked for, then confirmed with the day it closes from. The server refuses
 * (409, shown here) while someone lives there or the place is held for a case.
 */
export function ClosePlace({
  place,
  onClosed,
}: {
  place: PlaceView;
  onClosed: (place: PlaceView) => void;
}) {
  const { t } = useT();
  const api = useApi();
  const submit = useSubmit(["closedOn"]);
  const [asking, setAsking] = useState(false);
  const [closedOn, setClosedOn] = useState(() => localDateInput(new Date()));
  const questionId = `${useId()}-question`;
  if (!asking)
    return (
      <p>
        <button type="button" className="button button--secondary" onClick={() => setAsking(true)}>
          {t("place.close")}
        </button>
      </p>
    );
  return (
    <div className="confirm">
      <p id={questionId} className="confirm__question">
        {t("place.closeQuestion", { name: place.name })}
      </p>
      <ErrorSummary errors={submit.errors} />
      <DateField
        label={t("place.closedOn")}
        name="closedOn"
        value={closedOn}
        onChange={setClosedOn}
        error={submit.fieldError("closedOn")}
      />
      <div className="form__actions">
        <button
          type="button"
          className="button"
          aria-describedby={questionId}
          disabled={submit.pending}
          onClick={() =>
            void submit.run(async () => onClosed(await api.closePlace(place.id, closedOn)))
          }
        >
          {t("place.closeConfirm")}
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            submit.clear();
            setAsking(false);
          }}
        >
          {t("common.cancel")}
        </button>
      </div>
    </div>
  );
}
