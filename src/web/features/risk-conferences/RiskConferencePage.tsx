import { useState } from "react";
import { Link, useParams } from "react-router";
import type { CaseView } from "../../api/endpoints";
import { isNotFound } from "../../api/errors";
import { useApi } from "../../auth/useAuth";
import { useQuery } from "../../hooks/useQuery";
import { formatDay } from "../../i18n/dates";
import type { PlainMessageKey } from "../../i18n/messages";
import { useT } from "../../i18n/useT";
import { Loading, StatusMessage } from "../../ui/Messages";
import { Page } from "../../ui/Page";
import { QueryError } from "../../ui/QueryError";
import { caseSectionPath } from "../cases/case-sections";
import type { RiskConference } from "./api";
import { ConferenceActions } from "./ConferenceActions";
import { ConferenceAgencies } from "./ConferenceAgencies";
import { ConferenceAssessment } from "./ConferenceAssessment";
import { ConferenceMeeting } from "./ConferenceMeeting";

/*
 * One risk conference (issue 18, item 8): the referral's copied assessment, the meeting (date,
 * chair, agenda, follow-up), the agencies taking part with their research answers and what
 * each of them is shown, and the action plan. The case is read too: its workers are who may
 * chair or own an action, and whether the caller may change the case decides the forms.
 */
export function RiskConferencePage() {
  const { t } = useT();
  const api = useApi();
  const { conferenceId = "" } = useParams();
  const conference = useQuery(["risk-conference", conferenceId], (signal) =>
    api.riskConference(conferenceId, signal),
  );
  const caseId = conference.state.status === "ready" ? conference.state.data.caseId : null;
  const record = useQuery(caseId ? ["case", caseId] : null, (signal) =>
    api.caseById(caseId ?? "", signal),
  );
  if (conference.state.status === "ready" && record.state.status === "ready")
    return (
      <OneConference
        conference={conference.state.data}
        record={record.state.data}
        onChange={conference.setData}
        reload={() => void conference.reload()}
      />
    );
  const error =
    conference.state.status === "error"
      ? conference.state.error
      : record.state.status === "error"
        ? record.state.error
        : null;
  return (
    <Page title={t("conference.title")}>
      {/* Missing and not allowed look the same, on purpose: nothing more is said. */}
      {error !== null &&
        (isNotFound(error) ? <p>{t("conference.notFound")}</p> : <QueryError error={error} />)}
      {error === null && <Loading />}
    </Page>
  );
}

function OneConference({
  conference: c,
  record,
  onChange,
  reload,
}: {
  conference: RiskConference;
  record: CaseView;
  onChange: (view: RiskConference) => void;
  reload: () => void;
}) {
  const { t, lang } = useT();
  const [message, setMessage] = useState<PlainMessageKey | null>(null);
  const canWrite = record.abilities.change;
  const changed = (view: RiskConference, key: PlainMessageKey) => {
    onChange(view);
    setMessage(key);
  };
  const title = t("conference.pageTitle", { date: formatDay(c.referredOn, lang) });
  return (
    <Page title={title}>
      <p>
        <Link to={caseSectionPath(c.caseId, "collaboration")}>
          {t("conference.backToCase", { reference: record.reference })}
        </Link>
      </p>
      <StatusMessage message={message && t(message)} />
      <p>{t("conference.referredBy", { name: c.referredBy })}</p>
      <section className="section" aria-labelledby="conference-assessment">
        <ConferenceAssessment conference={c} heading="h2" headingId="conference-assessment" />
      </section>
      <ConferenceMeeting
        key={c.version}
        conference={c}
        record={record}
        canWrite={canWrite}
        onChanged={changed}
        reload={reload}
      />
      <ConferenceAgencies conference={c} canWrite={canWrite} onChanged={changed} />
      <ConferenceActions conference={c} record={record} canWrite={canWrite} onChanged={changed} />
    </Page>
  );
}
