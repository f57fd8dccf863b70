import { type FormEvent, useId, useState } from "react";
import type { AgencyContact } from "../../../shared/api/agencies";
import type { AgencyView } from "../../api/endpoints";
import { useApi } from "../../auth/useAuth";
import { useChange } from "../../hooks/useChange";
import { formatDay } from "../../i18n/dates";
import type { PlainMessageKey } from "../../i18n/messages";
import { useT } from "../../i18n/useT";
import { SelectField, TextField } from "../../ui/Field";
import { ErrorSummary } from "../../ui/Messages";
import { OnDemand } from "../../ui/OnDemand";

const contactFields = ["name", "role", "phone", "email", "agencyUnitId"] as const;

interface Props {
  agency: AgencyView;
  onChanged: (agency: AgencyView, message: PlainMessageKey) => void;
  beforeChange: () => void;
  onStale: () => void;
}

/**
 * The agency's contact persons with the day each was last confirmed; one not confirmed for
 * 12 months is marked in words. Those who keep the agency confirm, change and add them.
 */
export function AgencyContacts({ agency, onChanged, beforeChange, onStale }: Props) {
  const { t, lang } = useT();
  const api = useApi();
  const { submit, run } = useChange([], { beforeChange, onStale });
  const [editing, setEditing] = useState<string | null>(null);
  const titleId = `${useId()}-title`;
  const contacts = agency.contacts.filter((c) => !c.archived);
  const unitName = (id: string | null) => agency.units.find((u) => u.id === id)?.name;
  const confirm = (c: AgencyContact) =>
    void run(async () =>
      onChanged(await api.confirmAgencyContact(agency.id, c.id, c.version), "agency.confirmed"),
    );
  return (
    <section aria-labelledby={titleId}>
      <h2 id={titleId}>{t("agencies.contacts")}</h2>
      <ErrorSummary errors={submit.errors} />
      {contacts.length === 0 ? (
        <p>{t("agency.noContacts")}</p>
      ) : (
        <table className="table table--cards">
          <thead>
            <tr>
              <th scope="col">{t("agency.contact.name")}</th>
              <th scope="col">{t("agency.contact.role")}</th>
              <th scope="col">{t("agency.phone")}</th>
              <th scope="col">{t("agency.email")}</th>
              <th scope="col">{t("agency.contact.confirmedOn")}</th>
            </tr>
          </thead>
          <tbody>
            {contacts.map((c) => (
              <tr key={c.id}>
                <th scope="row">{c.name}</th>
                <td data-label={t("agency.contact.role")}>
                  {c.role}
                  {unitName(c.agencyUnitId) ? `, ${unitName(c.agencyUnitId)}` : ""}
                </td>
                <td data-label={t("agency.phone")}>{c.phone ?? "–"}</td>
                <td data-label={t("agency.email")}>{c.email ?? "–"}</td>
                <td data-label={t("agency.contact.confirmedOn")}>
                  {t("agency.contact.confirmedBy", {
                    date: formatDay(c.confirmedOn, lang),
                    name: c.confirmedBy,
                  })}
                  {c.unconfirmed && (
                    <>
                      <br />
                      <strong className="badge badge--overdue">
                        {t("agency.contact.unconfirmed")}
                      </strong>
                    </>
                  )}
                  {agency.mayChange && (
                    <div className="form__actions">
                      <button
                        type="button"
                        className="button button--secondary button--small"
                        aria-label={t("agency.confirmLabel", { name: c.name })}
                        disabled={submit.pending}
                        onClick={() => confirm(c)}
                      >
                        {t("agency.confirm")}
                      </button>
                      <button
                        type="button"
                        className="button button--secondary button--small"
                        aria-label={t("agency.changeContactLabel", { name: c.name })}
                        aria-expanded={editing === c.id}
                        onClick={() => setEditing(editing === c.id ? null : c.id)}
                      >
                        {t("agency.changeContact")}
                      </button>
                    </div>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {agency.mayChange && editing && (
        <ContactForm
          key={editing}
          agency={agency}
          contact={contacts.find((c) => c.id === editing)}
          onSaved={(next) => {
            setEditing(null);
            onChanged(next, "agency.contactSaved");
          }}
          beforeChange={beforeChange}
          onStale={onStale}
        />
      )}
      {agency.mayChange && (
        <OnDemand label={t("agency.addContact")}>
          <ContactForm
            agency={agency}
            onSaved={(next) => onChanged(next, "agency.contactSaved")}
            beforeChange={beforeChange}
            onStale={onStale}
          />
        </OnDemand>
      )}
    </section>
  );
}

const emptyContact = { name: "", role: "", phone: "", email: "", agencyUnitId: "" };

/** Lägg till kontaktperson, or Ändra one (sent with the version it was made from). */
function ContactForm({
  agency,
  contact,
  onSaved,
  beforeChange,
  onStale,
}: {
  agency: AgencyView;
  contact?: AgencyContact | undefined;
  onSaved: (agency: AgencyView) => void;
  beforeChange: () => void;
  onStale: () => void;
}) {
  const { t } = useT();
  const api = useApi();
  const { submit, run } = useChange(contactFields, { beforeChange, onStale });
  const [draft, setDraft] = useState(() =>
    contact
      ? {
          name: contact.name,
          role: contact.role,
          phone: contact.phone ?? "",
          email: contact.email ?? "",
          agencyUnitId: contact.agencyUnitId ?? "",
        }
      : emptyContact,
  );
  const titleId = `${useId()}-title`;
  const field = (name: "name" | "role" | "phone" | "email") => ({
    name,
    label: t(`agency.contact.${name}`),
    value: draft[name],
    error: submit.fieldError(name),
    onChange: (e: { target: { value: string } }) =>
      setDraft((d) => ({ ...d, [name]: e.target.value })),
  });

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const orNull = (v: string) => (v.trim() === "" ? null : v.trim());
    const body = {
      name: draft.name,
      role: draft.role,
      phone: orNull(draft.phone),
      email: orNull(draft.email),
      agencyUnitId: orNull(draft.agencyUnitId),
    };
    const ok = await run(async () =>
      onSaved(
        contact
          ? await api.changeAgencyContact(agency.id, contact.id, {
              ...body,
              version: contact.version,
            })
          : await api.addAgencyContact(agency.id, body),
      ),
    );
    if (ok && !contact) setDraft(emptyContact);
  }

  const title = t(contact ? "agency.changeContactTitle" : "agency.addContact");
  return (
    <form className="form" aria-labelledby={titleId} onSubmit={handleSubmit} noValidate>
      <h3 id={titleId}>{title}</h3>
      <ErrorSummary errors={submit.errors} />
      <TextField {...field("name")} />
      <TextField {...field("role")} />
      <TextField type="tel" autoComplete="off" {...field("phone")} />
      <TextField type="email" autoComplete="off" {...field("email")} />
      {agency.units.length > 0 && (
        <SelectField
          label={t("agency.contact.unit")}
          name="agencyUnitId"
          value={draft.agencyUnitId}
          onChange={(e) => setDraft((d) => ({ ...d, agencyUnitId: e.target.value }))}
          error={submit.fieldError("agencyUnitId")}
        >
          <option value="">{t("agency.contact.noUnit")}</option>
          {agency.units
            .filter((u) => !u.archived)
            .map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
        </SelectField>
      )}
      <button type="submit" className="button" disabled={submit.pending}>
        {t("agency.saveContact")}
      </button>
    </form>
  );
}
