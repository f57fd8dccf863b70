import { type FormEvent, useState } from "react";
import { Link } from "react-router";
import type { CaseView } from "../../api/endpoints";
import { useApi } from "../../auth/useAuth";
import { useQuery } from "../../hooks/useQuery";
import { useSubmit } from "../../hooks/useSubmit";
import { formatDay } from "../../i18n/dates";
import type { PlainMessageKey } from "../../i18n/messages";
import { useT } from "../../i18n/useT";
import { RadioGroupField, SelectField, TextAreaField } from "../../ui/Field";
import { ErrorSummary, StatusMessage } from "../../ui/Messages";
import { Loaded } from "../../ui/QueryError";
import { recipientOf } from "../consents/Consents";
import { ConferenceAssessment } from "./ConferenceAssessment";

/*
 * Riskkonferens (issue 18, item 8): the criteria computed by the server with their reasons,
 * a referral (the assessment is copied by the server, nothing is typed again), and the
 * latest conference's assessment with a link to each conference's page (RiskConferencePage:
 * the meeting, the agencies, the action plan).
 */

const titleId = "risk-conference-title";
const rules = [
  "serious_crime",
  "prevent_violence_close_relative",
  "crime_against_child",
  "necessary_for_task",
  "duty_to_provide",
] as const;
export function RiskConferencePanel({ record }: { record: CaseView }) {
  const { t } = useT();
  const api = useApi();
  const criteria = useQuery(["case", record.id, "conference-criteria"], (signal) =>
    api.conferenceCriteria(record.id, signal),
  );
  const list = useQuery(["case", record.id, "risk-conferences"], (signal) =>
    api.riskConferences(record.id, signal),
  );
  const [message, setMessage] = useState<PlainMessageKey | null>(null);
  const canWrite = record.abilities.change;
  return (
    <section className="section" aria-labelledby={titleId}>
      <h2 id={titleId} tabIndex={-1}>
        {t("conference.title")}
      </h2>
      <StatusMessage message={message && t(message)} />
      <Loaded state={criteria.state}>
        {(c) => (
          <div className="subsection">
            <h3>{t("conference.criteria")}</h3>
            <p>{t(c.met ? "conference.met" : "conference.notMet")}</p>
            <ul>
              <li>{c.highRisk.reason}</li>
              <li>{c.escalation.reason}</li>
              <li>{c.repeat.reason}</li>
            </ul>
            {c.met && canWrite && (
              <ReferForm
                record={record}
                onReferred={() => {
                  setMessage("conference.referred");
                  list.reload();
                  criteria.reload();
                }}
              />
            )}
          </div>
        )}
      </Loaded>
      <Loaded state={list.state}>
        {(data) =>
          data.conferences[0] ? (
            <ConferenceDetails conferenceId={data.conferences[0].id} list={data.conferences} />
          ) : null
        }
      </Loaded>
    </section>
  );
}

const grounds = ["secrecy_rule", "consent"] as const;

/**
 * The referral: on a rule that breaks secrecy, or on her consent to share (chosen among the
 * case's valid consents about her; the server checks it again).
 */
function ReferForm({ record, onReferred }: { record: CaseView; onReferred: () => void }) {
  const { t } = useT();
  const api = useApi();
  const submit = useSubmit(["secrecyRule", "addition", "consentId"]);
  const [ground, setGround] = useState<(typeof grounds)[number]>("secrecy_rule");
  const [rule, setRule] = useState<string>(rules[0]);
  const [consentId, setConsentId] = useState("");
  const [addition, setAddition] = useState("");
  const consents = useQuery(
    ["case", record.id, "sharing-consents"],
    async (signal) => (await api.sharingConsents(record.id, signal)).consents,
  );
  const valid =
    consents.state.status === "ready"
      ? consents.state.data.filter((c) => c.state === "valid" && c.personId === record.person.id)
      : [];
  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (ground === "consent" && !consentId)
      return submit.reject({ consentId: t("conference.chooseConsent") });
    await submit.run(async () => {
      await api.referToConference(
        record.id,
        ground === "consent" ? { consentId, addition } : { secrecyRule: rule, addition },
      );
      setAddition("");
      onReferred();
    });
  }
  return (
    <form
      className="form form--wide"
      onSubmit={handleSubmit}
      noValidate
      aria-label={t("conference.refer")}
    >
      <p className="muted">{t("conference.referIntro")}</p>
      <ErrorSummary errors={submit.errors} />
      <RadioGroupField
        label={t("conference.ground")}
        name="ground"
        value={ground}
        options={grounds.map((g) => ({ value: g, label: t(`conference.ground.${g}`) }))}
        onChange={setGround}
        inline={false}
      />
      {ground === "secrecy_rule" ? (
        <SelectField
          label={t("conference.secrecyRule")}
          name="secrecyRule"
          value={rule}
          onChange={(e) => setRule(e.target.value)}
          error={submit.fieldError("secrecyRule")}
        >
          {rules.map((r) => (
            <option key={r} value={r}>
              {t(`conference.rule.${r}` as PlainMessageKey)}
            </option>
          ))}
        </SelectField>
      ) : (
        <SelectField
          label={t("conference.consent")}
          name="consentId"
          value={consentId}
          onChange={(e) => setConsentId(e.target.value)}
          error={submit.fieldError("consentId")}
          hint={valid.length === 0 ? t("conference.noConsents") : undefined}
        >
          <option value="">{t("conference.chooseConsent")}</option>
          {valid.map((c) => (
            <option key={c.id} value={c.id}>
              {`${recipientOf(c)}: ${c.information}`.slice(0, 120)}
            </option>
          ))}
        </SelectField>
      )}
      <TextAreaField
        label={t("conference.addition")}
        name="addition"
        value={addition}
        onChange={(e) => setAddition(e.target.value)}
        error={submit.fieldError("addition")}
      />
      <button type="submit" className="button" disabled={submit.pending}>
        {t("conference.refer")}
      </button>
    </form>
  );
}

/** The latest conference in short (its assessment as referred), and every one as a link. */
function ConferenceDetails({
  conferenceId,
  list,
}: {
  conferenceId: string;
  list: { id: string; referredOn: string; meetingOn: string | null; openActions: number }[];
}) {
  const { t, lang } = useT();
  const api = useApi();
  const query = useQuery(["risk-conference", conferenceId], (signal) =>
    api.riskConference(conferenceId, signal),
  );
  return (
    <>
      <Loaded state={query.state}>
        {(c) => (
          <article className="subsection" aria-labelledby={`conference-${c.id}`}>
            <h3 id={`conference-${c.id}`}>
              {t("conference.itemTitle", { date: formatDay(c.referredOn, lang) })}
            </h3>
            <ConferenceAssessment conference={c} />
          </article>
        )}
      </Loaded>
      <h3>{t("conference.listCaption")}</h3>
      <ul>
        {list.map((item) => (
          <li key={item.id}>
            <Link to={`/risk-conferences/${item.id}`}>
              {t("conference.linkText", { date: formatDay(item.referredOn, lang) })}
            </Link>{" "}
            {t("conference.listLine", {
              meeting: item.meetingOn ? formatDay(item.meetingOn, lang) : t("conference.notHeld"),
              open: item.openActions,
            })}
          </li>
        ))}
      </ul>
    </>
  );
}
