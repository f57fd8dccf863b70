import { type FormEvent, useState } from "react";
import type { CaseView, SharingConsent } from "../../api/endpoints";
import { useApi } from "../../auth/useAuth";
import { useInvalidate, useQuery } from "../../hooks/useQuery";
import { useSubmit } from "../../hooks/useSubmit";
import { formatDay, localDateInput } from "../../i18n/dates";
import type { PlainMessageKey } from "../../i18n/messages";
import { useT } from "../../i18n/useT";
import { DateField } from "../../ui/DateField";
import { TextAreaField } from "../../ui/Field";
import { ErrorSummary, StatusMessage } from "../../ui/Messages";
import { OnDemand } from "../../ui/OnDemand";
import { ProtectionBadge } from "../../ui/ProtectionBadge";
import { Loaded } from "../../ui/QueryError";
import { ConsentForm } from "./ConsentForm";
import { emptyGiver, type GiverDraft, GiverFields, giverBody, withForm } from "./GiverFields";

/*
 * Samtycken (issue 18, item 3): the case's consents to share information, each with its
 * state today as the server computes it, the givers (the signed form to open again), and for
 * those who may change the case: record one, add the second custodian, revoke once.
 */

const titleId = "consents-title";

export const consentsKey = (caseId: string) => ["case", caseId, "sharing-consents"];

export function ConsentsPanel({ record }: { record: CaseView }) {
  const { t } = useT();
  const api = useApi();
  const query = useQuery(
    consentsKey(record.id),
    async (signal) => (await api.sharingConsents(record.id, signal)).consents,
  );
  const invalidate = useInvalidate();
  const [message, setMessage] = useState<PlainMessageKey | null>(null);
  const canWrite = record.abilities.change;
  const changed = (key: PlainMessageKey) => {
    setMessage(key);
    invalidate(consentsKey(record.id));
  };
  return (
    <section className="section" aria-labelledby={titleId}>
      <h2 id={titleId} tabIndex={-1}>
        {t("consents.title")}
      </h2>
      <p className="muted">{t("consents.intro")}</p>
      <StatusMessage message={message && t(message)} />
      <Loaded state={query.state}>
        {(consents) =>
          consents.length === 0 ? (
            <p className="empty">{t("consents.empty")}</p>
          ) : (
            <ol className="record-list" aria-label={t("consents.listCaption")}>
              {consents.map((consent) => (
                <li key={consent.id} className="record-list__item">
                  <ConsentRecord
                    record={record}
                    consent={consent}
                    canWrite={canWrite}
                    onChanged={changed}
                  />
                </li>
              ))}
            </ol>
          )
        }
      </Loaded>
      {canWrite && (
        <OnDemand label={t("consents.newTitle")}>
          <ConsentForm record={record} onRecorded={() => changed("consents.recorded")} />
        </OnDemand>
      )}
    </section>
  );
}

export function ConsentDetails({ consent }: { consent: SharingConsent }) {
  const { t, lang } = useT();
  const from = formatDay(consent.givenOn, lang);
  return (
    <dl className="details">
      <div>
        <dt>{t("consents.whose")}</dt>
        <dd>
          {consent.personName} <ProtectionBadge level={consent.personProtection} />
        </dd>
      </div>
      <div>
        <dt>{t("consents.information")}</dt>
        <dd className="multiline">{consent.information}</dd>
      </div>
      <div>
        <dt>{t("consents.purpose")}</dt>
        <dd className="multiline">{consent.purpose}</dd>
      </div>
      <div>
        <dt>{t("consents.period")}</dt>
        <dd>
          {consent.expiresOn
            ? t("consents.periodValue", { from, to: formatDay(consent.expiresOn, lang) })
            : t("consents.periodOpen", { from })}
        </dd>
      </div>
      <div>
        <dt>{t("consents.givers")}</dt>
        <dd>
          <Givers consent={consent} />
        </dd>
      </div>
      {consent.revokedOn && (
        <div>
          <dt>{t("consents.state.revoked")}</dt>
          <dd>
            {t("consents.revokedLine", {
              date: formatDay(consent.revokedOn, lang),
              reason: consent.revokedReason ?? "",
            })}
          </dd>
        </div>
      )}
    </dl>
  );
}

/** Who gave the consent, how and when; a written one's signed form to open again. */
function Givers({ consent }: { consent: SharingConsent }) {
  const { t, lang } = useT();
  const api = useApi();
  return (
    <ul className="plain-list">
      {consent.givers.map((g) => (
        <li key={g.id}>
          {g.form === "written"
            ? t("consents.giverWritten", { name: g.name, date: formatDay(g.givenOn, lang) })
            : t("consents.giverOral", {
                name: g.name,
                date: formatDay(g.givenOn, lang),
                heardBy: g.heardBy ?? "",
              })}
          {g.documentId && (
            <>
              {" "}
              <a href={api.documentContentUrl(consent.caseId, g.documentId)}>
                {t("consents.showForm")}
              </a>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

export const recipientOf = (consent: SharingConsent) =>
  consent.recipientAgencyName ?? consent.recipientName ?? "";

function ConsentRecord({
  record,
  consent,
  canWrite,
  onChanged,
}: {
  record: CaseView;
  consent: SharingConsent;
  canWrite: boolean;
  onChanged: (key: PlainMessageKey) => void;
}) {
  const { t } = useT();
  const elementId = `consent-${consent.id}`;
  return (
    <article id={elementId} tabIndex={-1} aria-labelledby={`${elementId}-title`}>
      <h3 id={`${elementId}-title`}>
        {t("consents.itemTitle", { recipient: recipientOf(consent) })}{" "}
        <span className={consent.state === "valid" ? "badge" : "badge badge--overdue"}>
          {t(`consents.state.${consent.state}`)}
        </span>
      </h3>
      <ConsentDetails consent={consent} />
      {canWrite && consent.state === "incomplete" && (
        <AddGiverForm
          record={record}
          consent={consent}
          onAdded={() => onChanged("consents.giverAdded")}
        />
      )}
      {canWrite && !consent.revokedOn && (
        <RevokeForm
          caseId={record.id}
          consent={consent}
          onRevoked={() => onChanged("consents.revoked")}
        />
      )}
    </article>
  );
}

function AddGiverForm({
  record,
  consent,
  onAdded,
}: {
  record: CaseView;
  consent: SharingConsent;
  onAdded: () => void;
}) {
  const { t } = useT();
  const api = useApi();
  const submit = useSubmit(["giver.name", "giver.documentId", "giver.heardBy", "giver.givenOn"]);
  const [giver, setGiver] = useState<GiverDraft>({ ...emptyGiver(), kind: "custodian" });
  const formId = `consent-${consent.id}-giver`;
  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const chosen = withForm(giver);
    if (!chosen) return submit.reject({ "giver.form": t("consents.errorForm") });
    await submit.run(async () => {
      const body = await giverBody(api, record.id, chosen);
      await api.addConsentGiver(record.id, consent.id, body);
      onAdded();
    });
  }
  return (
    <details className="subsection">
      <summary>{t("consents.addGiverTitle")}</summary>
      <ErrorSummary errors={submit.errors} />
      <form id={formId} className="form" onSubmit={handleSubmit} noValidate>
        <GiverFields
          record={record}
          prefix="giver"
          giver={giver}
          onChange={setGiver}
          fieldError={submit.fieldError}
        />
        <button type="submit" className="button" disabled={submit.pending}>
          {t("consents.addGiver")}
        </button>
      </form>
    </details>
  );
}

function RevokeForm({
  caseId,
  consent,
  onRevoked,
}: {
  caseId: string;
  consent: SharingConsent;
  onRevoked: () => void;
}) {
  const { t } = useT();
  const api = useApi();
  const submit = useSubmit(["revokedOn", "reason"]);
  const [revokedOn, setRevokedOn] = useState(localDateInput(new Date()));
  const [reason, setReason] = useState("");
  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    await submit.run(async () => {
      await api.revokeSharingConsent(caseId, consent.id, { revokedOn, reason });
      onRevoked();
    });
  }
  return (
    <details className="subsection">
      <summary>{t("consents.revokeTitle")}</summary>
      <ErrorSummary errors={submit.errors} />
      <form className="form" onSubmit={handleSubmit} noValidate>
        <DateField
          label={t("consents.revokedOn")}
          name="revokedOn"
          max={localDateInput(new Date())}
          value={revokedOn}
          onChange={setRevokedOn}
          error={submit.fieldError("revokedOn")}
        />
        <TextAreaField
          label={t("consents.revokeReason")}
          name="reason"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={submit.fieldError("reason")}
        />
        <button type="submit" className="button button--secondary" disabled={submit.pending}>
          {t("consents.revoke")}
        </button>
      </form>
    </details>
  );
}
