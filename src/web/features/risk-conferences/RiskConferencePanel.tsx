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
import { OnDemand } from "../../ui/OnDemand";
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
              <OnDemand label={t("conference.refer")}>
                <ReferForm
                  record={record}
                  onReferred={() => {
                    setMessage("conference.referred");
                    list.reload();
                    criteria.reload();
                  }}
                />
              </OnDemand>
            )}
          </div>
        )}
      </Loaded>
      <Loaded state={list.state}>
        {(data) =>
          data.conferences[0] ? (
            <ConferenceDetails conferenceId={data.conferences[0].id} list={data.conferences} />
          ) : (
            <p className="empty">{t("conference.none")}</p>
          )
        }
      </Loaded>
    </section>
  );
}

const grounds = ["secrecy_rule", "consent"] as const;
type Ground = (typeof grounds)[number];

/** The referral's draft and its sending; the server copies the assessment itself. */
function useReferral(record: CaseView, onReferred: () => void) {
  const { t } = useT();
  const api = useApi();
  const submit = useSubmit(["secrecyRule", "addition", "consentId"]);
  const [ground, setGround] = useState<Ground>("secrecy_rule");
  const [rule, setRule] = useState<string>(rules[0]);
  const [consentId, setConsentId] = useState("");
  const [addition, setAddition] = useState("");
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
  const draft = { ground, rule, consentId, addition };
  const set = { setGround, setRule, setConsentId, setAddition };
  return { submit, draft, set, handleSubmit };
}

/**
 * The referral: on a rule that breaks secrecy, or on her consent to share (chosen among the
 * case's valid consents about her; the server checks it again).
 */
function ReferForm({ record, onReferred }: { record: CaseView; onReferred: () => void }) {
  const { t } = useT();
  const { submit, draft, set, handleSubmit } = useReferral(record, onReferred);
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
        value={draft.ground}
        options={grounds.map((g) => ({ value: g, label: t(`conference.ground.${g}`) }))}
        onChange={set.setGround}
        inline={false}
      />
      {draft.ground === "secrecy_rule" ? (
        <SelectField
          label={t("conference.secrecyRule")}
          name="secrecyRule"
          value={draft.rule}
          onChange={(e) => set.setRule(e.target.value)}
          error={submit.fieldError("secrecyRule")}
        >
          {rules.map((r) => (
            <option key={r} value={r}>
              {t(`conference.rule.${r}` as PlainMessageKey)}
            </option>
          ))}
        </SelectField>
      ) : (
        <ConsentField
          record={record}
          value={draft.consentId}
          onChange={set.setConsentId}
          error={submit.fieldError("consentId")}
        />
      )}
      <TextAreaField
        label={t("conference.addition")}
        name="addition"
        value={draft.addition}
        onChange={(e) => set.setAddition(e.target.value)}
        error={submit.fieldError("addition")}
      />
      <button type="submit" className="button" disabled={submit.pending}>
        {t("conference.refer")}
      </button>
    </form>
  );
}

/** Her valid consents to share, as the case holds them, for the referral to rest on. */
function ConsentField(props: {
  record: CaseView;
  value: string;
  onChange: (consentId: string) => void;
  error: string | undefined;
}) {
  const { t } = useT();
  const api = useApi();
  const { record } = props;
  const consents = useQuery(
    ["case", record.id, "sharing-consents"],
    async (signal) => (await api.sharingConsents(record.id, signal)).consents,
  );
  const valid =
    consents.state.status === "ready"
      ? consents.state.data.filter((c) => c.state === "valid" && c.personId === record.person.id)
      : [];
  return (
    <SelectField
      label={t("conference.consent")}
      name="consentId"
      value={props.value}
      onChange={(e) => props.onChange(e.target.value)}
      error={props.error}
      hint={valid.length === 0 ? t("conference.noConsents") : undefined}
    >
      <option value="">{t("conference.chooseConsent")}</option>
      {valid.map((c) => (
        <option key={c.id} value={c.id}>
          {`${recipientOf(c)}: ${c.information}`.slice(0, 120)}
        </option>
      ))}
    </SelectField>
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
