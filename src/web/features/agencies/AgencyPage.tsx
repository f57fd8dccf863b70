import { type FormEvent, useId, useState } from "react";
import { Link, useParams } from "react-router";
import type { AgencyView } from "../../api/endpoints";
import { seesDirectory } from "../../auth/permissions";
import { useApi, useMe } from "../../auth/useAuth";
import { useQuery } from "../../hooks/useQuery";
import { useSubmit } from "../../hooks/useSubmit";
import type { PlainMessageKey } from "../../i18n/messages";
import { useT } from "../../i18n/useT";
import { TextField } from "../../ui/Field";
import { ErrorSummary, Loading, StatusMessage } from "../../ui/Messages";
import { OnDemand } from "../../ui/OnDemand";
import { Page } from "../../ui/Page";
import { QueryError } from "../../ui/QueryError";
import { AgencyContacts } from "./AgencyContacts";
import { AgencyForm } from "./AgencyForm";
import { agencyKindKey } from "./agency-text";

/*
 * One agency: its facts, units and contact persons for everyone doing case work; for those
 * who keep it (the view's mayChange) the forms that change it and "Bekräfta" per contact.
 * The server decides every change anyway (403 for the others).
 */
export function AgencyPage() {
  const { t } = useT();
  if (!seesDirectory(useMe().roles))
    return (
      <Page title={t("agencies.title")}>
        <p>{t("agencies.forbidden")}</p>
      </Page>
    );
  return <AgencyLoader />;
}

function AgencyLoader() {
  const { t } = useT();
  const api = useApi();
  const { agencyId = "" } = useParams();
  const query = useQuery(["agency", agencyId], (signal) => api.agency(agencyId, signal));
  if (query.state.status === "ready")
    return (
      <OneAgency
        agency={query.state.data}
        onChanged={query.setData}
        reload={() => query.reload()}
      />
    );
  return (
    <Page title={t("agencies.title")}>
      {query.state.status === "error" && <QueryError error={query.state.error} />}
      {query.state.status === "loading" && <Loading />}
    </Page>
  );
}

function OneAgency({
  agency,
  onChanged,
  reload,
}: {
  agency: AgencyView;
  onChanged: (agency: AgencyView) => void;
  reload: () => void;
}) {
  const { t } = useT();
  const [message, setMessage] = useState<PlainMessageKey | null>(null);
  const changed = (next: AgencyView, key: PlainMessageKey) => {
    onChanged(next);
    setMessage(key);
  };
  return (
    <Page title={agency.name}>
      <p>
        <Link to="/agencies">{t("agency.back")}</Link>
      </p>
      <StatusMessage message={message ? t(message) : null} />
      <dl className="place-facts">
        <div>
          <dt>{t("agencies.kind")}</dt>
          <dd>{t(agencyKindKey(agency.kind))}</dd>
        </div>
        <div>
          <dt>{t("agencies.municipality")}</dt>
          <dd>{agency.municipality ?? "–"}</dd>
        </div>
        <div>
          <dt>{t("agencies.owner")}</dt>
          <dd>{agency.owner.displayName}</dd>
        </div>
        <div>
          <dt>{t("agency.notes")}</dt>
          <dd className="multiline">{agency.notes || "–"}</dd>
        </div>
      </dl>
      <Units agency={agency} onAdded={(next) => changed(next, "agency.unitAdded")} />
      <AgencyContacts
        agency={agency}
        onChanged={changed}
        beforeChange={() => setMessage(null)}
        onStale={reload}
      />
      {agency.mayChange && (
        <OnDemand label={t("agency.change")}>
          <AgencyForm
            key={agency.version}
            agency={agency}
            onSaved={(next) => changed(next, "agency.changed")}
            onStale={reload}
          />
        </OnDemand>
      )}
    </Page>
  );
}

/** The agency's units; its keepers add one by name. */
function Units({ agency, onAdded }: { agency: AgencyView; onAdded: (a: AgencyView) => void }) {
  const { t } = useT();
  const api = useApi();
  const submit = useSubmit(["name"]);
  const [name, setName] = useState("");
  const titleId = `${useId()}-title`;
  const formId = `${useId()}-form`;
  const units = agency.units.filter((u) => !u.archived);

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const ok = await submit.run(async () => onAdded(await api.addAgencyUnit(agency.id, name)));
    if (ok) setName("");
  }

  return (
    <section aria-labelledby={titleId}>
      <h2 id={titleId}>{t("agency.units")}</h2>
      {units.length === 0 ? (
        <p>{t("agency.noUnits")}</p>
      ) : (
        <ul>
          {units.map((u) => (
            <li key={u.id}>{u.name}</li>
          ))}
        </ul>
      )}
      {agency.mayChange && (
        <OnDemand label={t("agency.addUnit")}>
          <form className="form" aria-labelledby={formId} onSubmit={handleSubmit} noValidate>
            <h3 id={formId}>{t("agency.addUnit")}</h3>
            <ErrorSummary errors={submit.errors} />
            <TextField
              label={t("agency.unitName")}
              name="name"
              value={name}
              onChange={(e) => setName(e.target.value)}
              error={submit.fieldError("name")}
            />
            <button type="submit" className="button" disabled={submit.pending}>
              {t("agency.saveUnit")}
            </button>
          </form>
        </OnDemand>
      )}
    </section>
  );
}
