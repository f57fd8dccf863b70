import { useId, useState } from "react";
import { Link, useParams } from "react-router";
import type { AgreementView } from "../../api/endpoints";
import { seesDirectory } from "../../auth/permissions";
import { useApi, useMe } from "../../auth/useAuth";
import { useQuery } from "../../hooks/useQuery";
import { formatDay } from "../../i18n/dates";
import { useT } from "../../i18n/useT";
import { Loading, StatusMessage } from "../../ui/Messages";
import { OnDemand } from "../../ui/OnDemand";
import { Page } from "../../ui/Page";
import { QueryError } from "../../ui/QueryError";
import { areaKey } from "./agreement-model";
import { FollowUpForm } from "./FollowUpForm";

/*
 * One agreement: parties, areas, goals, responsible persons, signed and the next follow-up
 * (overdue said in words), the follow-ups recorded, and "Registrera uppföljning" for the
 * owning unit's managers and the responsible users (the view's mayFollowUp).
 */
export function AgreementPage() {
  const { t } = useT();
  if (!seesDirectory(useMe().roles))
    return (
      <Page title={t("agreements.title")}>
        <p>{t("agreements.forbidden")}</p>
      </Page>
    );
  return <AgreementLoader />;
}

function AgreementLoader() {
  const { t } = useT();
  const api = useApi();
  const { agreementId = "" } = useParams();
  const query = useQuery(["agreement", agreementId], (signal) =>
    api.agreement(agreementId, signal),
  );
  const [saved, setSaved] = useState(false);
  if (query.state.status === "ready") {
    const agreement = query.state.data;
    return (
      <Page title={agreement.title}>
        <p>
          <Link to="/agreements">{t("agreement.back")}</Link>
        </p>
        <StatusMessage message={saved ? t("followUp.saved") : null} />
        <AgreementFacts agreement={agreement} />
        {agreement.mayFollowUp && agreement.endedOn === null && (
          <OnDemand label={t("followUp.title")}>
            <FollowUpForm
              agreementId={agreement.id}
              version={agreement.version}
              onSaved={(next) => {
                query.setData(next);
                setSaved(true);
              }}
              beforeSave={() => setSaved(false)}
            />
          </OnDemand>
        )}
        <FollowUps agreement={agreement} />
      </Page>
    );
  }
  return (
    <Page title={t("agreements.title")}>
      {query.state.status === "error" && <QueryError error={query.state.error} />}
      {query.state.status === "loading" && <Loading />}
    </Page>
  );
}

function AgreementFacts({ agreement: a }: { agreement: AgreementView }) {
  const { t, lang } = useT();
  const rows: [string, string][] = [
    [t("agreements.unit"), a.unit.name],
    [t("agreements.parties"), a.parties.map((p) => p.name).join(", ")],
    [t("agreement.areas"), a.areas.map((area) => t(areaKey(area))).join(", ")],
    [t("agreement.goals"), a.goals],
    [
      t("agreement.responsible"),
      a.responsible.length === 0
        ? t("agreement.noResponsible")
        : a.responsible
            .map((r) => (r.agencyName ? `${r.name} (${r.agencyName})` : r.name))
            .join(", "),
    ],
    [t("agreements.signedOn"), formatDay(a.signedOn, lang)],
    [t("agreement.documentReference"), a.documentReference ?? "–"],
  ];
  return (
    <dl className="place-facts">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd className="multiline">{value}</dd>
        </div>
      ))}
      <div>
        <dt>{t("agreements.nextFollowUp")}</dt>
        <dd>
          {a.endedOn ? (
            t("agreements.ended", { date: formatDay(a.endedOn, lang) })
          ) : (
            <>
              {formatDay(a.nextFollowUpOn, lang)}
              {a.followUpOverdue && (
                <>
                  {" "}
                  <strong className="badge badge--overdue">{t("agreement.overdueNote")}</strong>
                </>
              )}
            </>
          )}
        </dd>
      </div>
    </dl>
  );
}

function FollowUps({ agreement }: { agreement: AgreementView }) {
  const { t, lang } = useT();
  const titleId = `${useId()}-title`;
  return (
    <section aria-labelledby={titleId}>
      <h2 id={titleId}>{t("agreement.followUps")}</h2>
      {agreement.followUps.length === 0 ? (
        <p>{t("agreement.noFollowUps")}</p>
      ) : (
        <ul className="plain-list">
          {agreement.followUps.map((f) => (
            <li key={f.id}>
              <h3>
                {t("agreement.followedUpOn", {
                  date: formatDay(f.followedUpOn, lang),
                  name: f.recordedBy,
                })}
              </h3>
              <p className="multiline">{f.findings}</p>
              <p>
                <small>
                  {t("agreement.nextAfter", { date: formatDay(f.nextFollowUpOn, lang) })}
                </small>
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
