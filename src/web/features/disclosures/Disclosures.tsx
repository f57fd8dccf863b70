import { useState } from "react";
import type { CaseView, Disclosure } from "../../api/endpoints";
import { useApi } from "../../auth/useAuth";
import { useInvalidate, useQuery } from "../../hooks/useQuery";
import { formatDateTimeShort, formatDay } from "../../i18n/dates";
import { useT } from "../../i18n/useT";
import { StatusMessage } from "../../ui/Messages";
import { OnDemand } from "../../ui/OnDemand";
import { Loaded } from "../../ui/QueryError";
import { DisclosureForm } from "./DisclosureForm";

/*
 * Utlämnanden (issue 18, item 4): what left the case, to whom, how, on which ground, the
 * secrecy review, and the document that was sent (opened again from the case's documents).
 * A disclosure is a fact once made: listed, never edited.
 */

const titleId = "disclosures-title";
export const disclosuresKey = (caseId: string) => ["case", caseId, "disclosures"];

export const recipientText = (d: Disclosure) =>
  [d.recipientAgencyName, d.recipientUnitName, d.recipientName].filter(Boolean).join(", ");

export function DisclosuresPanel({ record }: { record: CaseView }) {
  const { t } = useT();
  const api = useApi();
  const query = useQuery(
    disclosuresKey(record.id),
    async (signal) => (await api.disclosures(record.id, signal)).disclosures,
  );
  const invalidate = useInvalidate();
  const [message, setMessage] = useState<string | null>(null);
  return (
    <section className="section" aria-labelledby={titleId}>
      <h2 id={titleId} tabIndex={-1}>
        {t("disclosures.title")}
      </h2>
      <p className="muted">{t("disclosures.intro")}</p>
      {record.person.protectionLevel !== "none" && (
        <p className="notice">{t("disclosures.protectedWarning")}</p>
      )}
      <StatusMessage message={message} />
      <Loaded state={query.state}>
        {(disclosures) =>
          disclosures.length === 0 ? (
            <p className="empty">{t("disclosures.empty")}</p>
          ) : (
            <ol className="record-list" aria-label={t("disclosures.listCaption")}>
              {disclosures.map((d) => (
                <li key={d.id} className="record-list__item">
                  <DisclosureRecord disclosure={d} />
                </li>
              ))}
            </ol>
          )
        }
      </Loaded>
      {record.abilities.change && (
        <OnDemand label={t("disclosures.newTitle")}>
          <DisclosureForm
            record={record}
            onRecorded={(warnings) => {
              setMessage([t("disclosures.recorded"), ...warnings].join(" "));
              invalidate(disclosuresKey(record.id), ["case", record.id, "sharing-consents"]);
            }}
          />
        </OnDemand>
      )}
    </section>
  );
}

export function DisclosureRecord({ disclosure: d }: { disclosure: Disclosure }) {
  const { t, lang } = useT();
  const api = useApi();
  const elementId = `disclosure-${d.id}`;
  return (
    <article id={elementId} tabIndex={-1} aria-labelledby={`${elementId}-title`}>
      <h3 id={`${elementId}-title`}>
        {t("disclosures.itemTitle", {
          date: formatDay(d.disclosedOn, lang),
          recipient: recipientText(d),
        })}
      </h3>
      <dl className="details">
        <div>
          <dt>{t("disclosures.ground")}</dt>
          <dd>{d.groundText}</dd>
        </div>
        <div>
          <dt>{t("disclosures.channel")}</dt>
          <dd>{t(`disclosures.channel.${d.channel}`)}</dd>
        </div>
        <div>
          <dt>{t("disclosures.information")}</dt>
          <dd className="multiline">{d.information}</dd>
        </div>
        <div>
          <dt>{t("disclosures.review")}</dt>
          <dd className="multiline">
            {t("disclosures.reviewLine", {
              name: d.reviewedBy,
              time: formatDateTimeShort(d.reviewedAt, lang),
              conclusion: d.reviewConclusion,
            })}
          </dd>
        </div>
        {d.documentId && (
          <div>
            <dt>{t("disclosures.document")}</dt>
            <dd>
              <a href={api.documentContentUrl(d.caseId, d.documentId)}>
                {t("disclosures.download")}
              </a>
            </dd>
          </div>
        )}
      </dl>
    </article>
  );
}
