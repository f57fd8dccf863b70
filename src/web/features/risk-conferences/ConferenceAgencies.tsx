import { type FormEvent, useState } from "react";
import { useApi } from "../../auth/useAuth";
import { useQuery } from "../../hooks/useQuery";
import { useSubmit } from "../../hooks/useSubmit";
import type { PlainMessageKey } from "../../i18n/messages";
import { useT } from "../../i18n/useT";
import { CheckboxField, SelectField, TextAreaField } from "../../ui/Field";
import { ErrorSummary } from "../../ui/Messages";
import { OnDemand } from "../../ui/OnDemand";
import type { ReferralRecipient } from "../referrals/api";
import type { RiskConference } from "./api";
import { ConferencePack } from "./ConferencePack";

type Agency = RiskConference["agencies"][number];
type Changed = (view: RiskConference, key: PlainMessageKey) => void;
const titleId = "conference-agencies";

/**
 * The agencies taking part: chosen from the directory (the same list referrals are sent to),
 * each with its contact persons at the meeting and its research answers, and what its
 * participants are shown (the pack: only what was disclosed to that agency).
 */
export function ConferenceAgencies({
  conference: c,
  canWrite,
  onChanged,
}: {
  conference: RiskConference;
  canWrite: boolean;
  onChanged: Changed;
}) {
  const { t } = useT();
  const api = useApi();
  const directory = useQuery(
    canWrite ? ["referral-recipients"] : null,
    async (signal) => (await api.referralRecipients(signal)).recipients,
  );
  const recipients = directory.state.status === "ready" ? directory.state.data : [];
  const taking = new Set(c.agencies.map((a) => a.agencyId));
  const others = recipients.filter((r) => !taking.has(r.id));
  return (
    <section className="section" aria-labelledby={titleId}>
      <h2 id={titleId}>{t("conference.agencies")}</h2>
      {c.agencies.length === 0 && <p className="empty">{t("conference.noAgencies")}</p>}
      {c.agencies.map((a) => (
        <article key={a.agencyId} className="subsection" aria-labelledby={`agency-${a.agencyId}`}>
          <h3 id={`agency-${a.agencyId}`}>{a.agencyName}</h3>
          <AgencyFacts agency={a} />
          {canWrite && (
            <OnDemand label={t("conference.changeAgency", { agency: a.agencyName })}>
              <AgencyForm
                conference={c}
                recipients={recipients.filter((r) => r.id === a.agencyId)}
                current={a}
                onChanged={onChanged}
              />
            </OnDemand>
          )}
          <OnDemand label={t("conference.showPack", { agency: a.agencyName })}>
            <ConferencePack conferenceId={c.id} agencyId={a.agencyId} />
          </OnDemand>
        </article>
      ))}
      {canWrite && others.length > 0 && (
        <OnDemand label={t("conference.addAgency")}>
          <AgencyForm conference={c} recipients={others} onChanged={onChanged} />
        </OnDemand>
      )}
    </section>
  );
}

function AgencyFacts({ agency: a }: { agency: Agency }) {
  const { t } = useT();
  return (
    <dl className="text-sections">
      <div>
        <dt>{t("conference.participants")}</dt>
        <dd>
          {a.contacts.length === 0
            ? t("conference.noParticipants")
            : a.contacts.map((p) => `${p.name} (${p.role})`).join(", ")}
        </dd>
      </div>
      <div>
        <dt>{t("conference.research")}</dt>
        <dd className="multiline">{a.research || t("conference.noResearch")}</dd>
      </div>
    </dl>
  );
}

/** Adds an agency (chosen among `recipients`) or changes one taking part (`current`). */
function AgencyForm({
  conference,
  recipients,
  current,
  onChanged,
}: {
  conference: RiskConference;
  recipients: ReferralRecipient[];
  current?: Agency;
  onChanged: Changed;
}) {
  const { t } = useT();
  const api = useApi();
  const submit = useSubmit(["agencyId", "contactIds", "research"]);
  const [agencyId, setAgencyId] = useState(current?.agencyId ?? "");
  const [contactIds, setContactIds] = useState(current?.contacts.map((p) => p.id) ?? []);
  const [research, setResearch] = useState(current?.research ?? "");
  const chosen = recipients.find((r) => r.id === agencyId);
  const toggle = (id: string, on: boolean) =>
    setContactIds((ids) => (on ? [...ids, id] : ids.filter((x) => x !== id)));

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (!agencyId) return submit.reject({ agencyId: t("conference.chooseAgency") });
    await submit.run(async () => {
      const view = await api.recordConferenceAgency(conference.id, agencyId, {
        contactIds,
        research,
      });
      onChanged(view, current ? "conference.agencyChanged" : "conference.agencyAdded");
    });
  }
  const label = current
    ? t("conference.changeAgency", { agency: current.agencyName })
    : t("conference.addAgency");
  return (
    <form className="form form--wide" onSubmit={handleSubmit} noValidate aria-label={label}>
      <ErrorSummary errors={submit.errors} />
      {!current && (
        <SelectField
          label={t("conference.agency")}
          name="agencyId"
          value={agencyId}
          onChange={(e) => {
            setAgencyId(e.target.value);
            setContactIds([]);
          }}
          error={submit.fieldError("agencyId")}
        >
          <option value="">{t("conference.chooseAgency")}</option>
          {recipients.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </SelectField>
      )}
      {chosen && chosen.contacts.length > 0 && (
        <fieldset className="field field--group">
          <legend className="field__label">{t("conference.participants")}</legend>
          {chosen.contacts.map((p) => (
            <CheckboxField
              key={p.id}
              label={`${p.name} (${p.role})`}
              name="contactIds"
              checked={contactIds.includes(p.id)}
              onChange={(e) => toggle(p.id, e.target.checked)}
            />
          ))}
        </fieldset>
      )}
      <TextAreaField
        label={t("conference.research")}
        name="research"
        value={research}
        onChange={(e) => setResearch(e.target.value)}
        error={submit.fieldError("research")}
      />
      <button type="submit" className="button" disabled={submit.pending}>
        {t(current ? "conference.saveAgency" : "conference.addAgency")}
      </button>
    </form>
  );
}
