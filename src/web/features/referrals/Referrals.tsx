import { type FormEvent, useState } from "react";
import { disclosureChannels } from "../../../shared/api/collaboration";
import { referralAnswers } from "../../../shared/api/referrals";
import type { CaseView, Referral } from "../../api/endpoints";
import { useApi } from "../../auth/useAuth";
import { rejectWith } from "../../hooks/rejectWith";
import { useQuery } from "../../hooks/useQuery";
import { useSubmit } from "../../hooks/useSubmit";
import { formatDay, localDateInput } from "../../i18n/dates";
import type { PlainMessageKey } from "../../i18n/messages";
import { useT } from "../../i18n/useT";
import { DateField } from "../../ui/DateField";
import { RadioGroupField, SelectField, TextAreaField } from "../../ui/Field";
import { ErrorSummary, StatusMessage } from "../../ui/Messages";
import { OnDemand } from "../../ui/OnDemand";
import { Loaded } from "../../ui/QueryError";
import { NewReferralForm } from "./NewReferral";
import {
  answerFields,
  checkAnswer,
  checkSend,
  needsDisclosure,
  sendFields,
  standingOf,
} from "./referrals-model";

/*
 * Remisser: the case's referrals out and in (issue 18, item 5). Each shows where it stands,
 * what it asks, and what was disclosed for it (only the disclosures made for this referral);
 * a draft is sent once what it shares has been disclosed, and each is answered once.
 */

const titleId = "referrals-title";

export function ReferralsPanel({ record }: { record: CaseView }) {
  const { t } = useT();
  const api = useApi();
  const query = useQuery(["case", record.id, "referrals"], (signal) =>
    api.referrals(record.id, signal),
  );
  const [message, setMessage] = useState<PlainMessageKey | null>(null);
  const canWrite = record.abilities.change;
  const changed = (key: PlainMessageKey) => {
    setMessage(key);
    query.reload();
  };
  return (
    <section className="section" aria-labelledby={titleId}>
      <h2 id={titleId} tabIndex={-1}>
        {t("referrals.title")}
      </h2>
      <StatusMessage message={message && t(message)} />
      <Loaded state={query.state}>
        {(data) => (
          <>
            <p className="muted">{t("referrals.answerDays", { days: String(data.answerDays) })}</p>
            {data.referrals.length === 0 ? (
              <p className="empty">{t("referrals.empty")}</p>
            ) : (
              <ol className="record-list" aria-label={t("referrals.listCaption")}>
                {data.referrals.map((r) => (
                  <li key={r.id} className="record-list__item">
                    <ReferralRecord
                      referral={r}
                      caseId={record.id}
                      canWrite={canWrite}
                      onChanged={changed}
                    />
                  </li>
                ))}
              </ol>
            )}
            {canWrite && (
              <OnDemand label={t("referrals.newTitle")}>
                <NewReferralForm
                  caseId={record.id}
                  onCreated={() => changed("referrals.created")}
                />
              </OnDemand>
            )}
          </>
        )}
      </Loaded>
    </section>
  );
}

function ReferralRecord({
  referral: r,
  caseId,
  canWrite,
  onChanged,
}: {
  referral: Referral;
  caseId: string;
  canWrite: boolean;
  onChanged: (key: PlainMessageKey) => void;
}) {
  const { t } = useT();
  const elementId = `referral-${r.id}`;
  const recipient = [r.agencyName, r.agencyUnitName].filter(Boolean).join(", ");
  const standing = standingOf(r);
  return (
    <article id={elementId} aria-labelledby={`${elementId}-title`}>
      <h3 id={`${elementId}-title`}>
        {r.direction === "out"
          ? t("referrals.outTitle", { recipient })
          : t("referrals.inTitle", { sender: r.agencyName ?? r.senderName ?? "" })}
      </h3>
      <StandingLine referral={r} />
      <dl className="details">
        <div>
          <dt>{t("referrals.reason")}</dt>
          <dd className="multiline">{r.reason}</dd>
        </div>
        {r.contactName && (
          <div>
            <dt>{t("referrals.contact")}</dt>
            <dd>{r.contactName}</dd>
          </div>
        )}
        {r.senderReference && (
          <div>
            <dt>{t("referrals.senderReference")}</dt>
            <dd>{r.senderReference}</dd>
          </div>
        )}
        {r.answerText && (
          <div>
            <dt>{t("referrals.answerText")}</dt>
            <dd className="multiline">{r.answerText}</dd>
          </div>
        )}
      </dl>
      {r.direction === "out" && <Disclosed referral={r} />}
      {canWrite && standing.kind === "draft" && !needsDisclosure(r) && (
        <OnDemand label={t("referrals.sendTitle")}>
          <SendForm caseId={caseId} referral={r} onSent={() => onChanged("referrals.sent")} />
        </OnDemand>
      )}
      {canWrite && (standing.kind === "awaiting" || standing.kind === "received") && (
        <OnDemand
          label={t(r.direction === "out" ? "referrals.answerTitleOut" : "referrals.answerTitleIn")}
        >
          <AnswerForm
            caseId={caseId}
            referral={r}
            onAnswered={() => onChanged("referrals.answered")}
          />
        </OnDemand>
      )}
    </article>
  );
}

function StandingLine({ referral }: { referral: Referral }) {
  const { t, lang } = useT();
  const s = standingOf(referral);
  const day = (d: string) => formatDay(d, lang);
  if (s.kind === "draft") return <p>{t("referrals.stateDraft")}</p>;
  if (s.kind === "awaiting")
    return <p>{t("referrals.stateAwaiting", { sent: day(s.sent), due: day(s.due) })}</p>;
  if (s.kind === "received")
    return <p>{t("referrals.stateReceived", { received: day(s.received), due: day(s.due) })}</p>;
  return (
    <p>
      {t("referrals.stateAnswered", {
        date: day(s.date),
        answer: t(`referrals.answer.${s.answer}`),
      })}
    </p>
  );
}

/** What was disclosed for this referral (the disclosure record's own page has the rest). */
function Disclosed({ referral: r }: { referral: Referral }) {
  const { t, lang } = useT();
  return (
    <div className="subsection">
      <h4>{t("referrals.shared")}</h4>
      {r.disclosures.length === 0 ? (
        <p className={needsDisclosure(r) ? "" : "muted"}>
          {needsDisclosure(r) ? t("referrals.sharedNeeded") : t("referrals.sharedNone")}
        </p>
      ) : (
        <ul>
          {r.disclosures.map((d) => (
            <li key={d.id}>
              {t("referrals.disclosureLine", {
                date: formatDay(d.disclosedOn, lang),
                information: d.information,
                recipient: d.recipient,
              })}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function SendForm(props: { caseId: string; referral: Referral; onSent: () => void }) {
  const { t } = useT();
  const api = useApi();
  const submit = useSubmit(sendFields);
  const [draft, setDraft] = useState({ sentOn: localDateInput(new Date()), channel: "" });
  const formId = `referral-send-${props.referral.id}`;
  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const checked = checkSend(draft);
    if (!checked.ok) return rejectWith(submit, checked.fields, t);
    await submit.run(async () => {
      await api.sendReferral(props.caseId, props.referral.id, checked.body);
      props.onSent();
    });
  }
  return (
    <form className="form" aria-labelledby={formId} onSubmit={handleSubmit} noValidate>
      <h4 id={formId}>{t("referrals.sendTitle")}</h4>
      <ErrorSummary errors={submit.errors} />
      <DateField
        label={t("referrals.sentOn")}
        name="sentOn"
        max={localDateInput(new Date())}
        value={draft.sentOn}
        onChange={(sentOn) => setDraft((d) => ({ ...d, sentOn }))}
        error={submit.fieldError("sentOn")}
      />
      <SelectField
        label={t("referrals.channel")}
        name="channel"
        value={draft.channel}
        onChange={(e) => setDraft((d) => ({ ...d, channel: e.target.value }))}
        error={submit.fieldError("channel")}
      >
        <option value="">{t("referrals.choose")}</option>
        {disclosureChannels.map((c) => (
          <option key={c} value={c}>
            {t(`referrals.channel.${c}`)}
          </option>
        ))}
      </SelectField>
      <button type="submit" className="button" disabled={submit.pending}>
        {t("referrals.send")}
      </button>
    </form>
  );
}

function AnswerForm(props: { caseId: string; referral: Referral; onAnswered: () => void }) {
  const { t } = useT();
  const api = useApi();
  const submit = useSubmit(answerFields);
  const [draft, setDraft] = useState({ answer: "", text: "", answeredOn: "" });
  const formId = `referral-answer-${props.referral.id}`;
  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const checked = checkAnswer(draft);
    if (!checked.ok) return rejectWith(submit, checked.fields, t);
    await submit.run(async () => {
      await api.answerReferral(props.caseId, props.referral.id, checked.body);
      props.onAnswered();
    });
  }
  return (
    <form className="form" aria-labelledby={formId} onSubmit={handleSubmit} noValidate>
      <h4 id={formId}>
        {props.referral.direction === "out"
          ? t("referrals.answerTitleOut")
          : t("referrals.answerTitleIn")}
      </h4>
      <ErrorSummary errors={submit.errors} />
      <RadioGroupField
        label={t("referrals.answer")}
        name={`answer-${props.referral.id}`}
        value={draft.answer as (typeof referralAnswers)[number] | ""}
        options={referralAnswers.map((value) => ({ value, label: t(`referrals.answer.${value}`) }))}
        onChange={(answer) => setDraft((d) => ({ ...d, answer }))}
        error={submit.fieldError("answer")}
      />
      <TextAreaField
        label={t("referrals.answerTextOptional")}
        name="text"
        value={draft.text}
        onChange={(e) => setDraft((d) => ({ ...d, text: e.target.value }))}
        error={submit.fieldError("text")}
      />
      <DateField
        label={t("referrals.answeredOn")}
        name="answeredOn"
        max={localDateInput(new Date())}
        value={draft.answeredOn}
        onChange={(answeredOn) => setDraft((d) => ({ ...d, answeredOn }))}
        error={submit.fieldError("answeredOn")}
      />
      <button type="submit" className="button" disabled={submit.pending}>
        {t("referrals.saveAnswer")}
      </button>
    </form>
  );
}
