import { type FormEvent, useState } from "react";
import type { CaseView } from "../../api/endpoints";
import { useApi } from "../../auth/useAuth";
import { useMe } from "../../auth/useSession";
import { useQuery } from "../../hooks/useQuery";
import { useSubmit } from "../../hooks/useSubmit";
import { formatDay, localDateInput } from "../../i18n/dates";
import type { PlainMessageKey } from "../../i18n/messages";
import { useT } from "../../i18n/useT";
import { DateField } from "../../ui/DateField";
import { SelectField, TextAreaField } from "../../ui/Field";
import { ErrorSummary, StatusMessage } from "../../ui/Messages";
import { Loaded } from "../../ui/QueryError";
import type { RiskConference } from "./api";

/*
 * Riskkonferens (issue 18, item 8): the criteria computed by the server with their reasons,
 * a referral (the assessment is copied by the server, nothing is typed again), and the
 * latest conference with its assessment, the agencies' research and the action plan.
 */

const titleId = "risk-conference-title";
const rules = [
  "serious_crime",
  "prevent_violence_close_relative",
  "crime_against_child",
  "necessary_for_task",
  "duty_to_provide",
] as const;
const levelKey = (level: string | null): PlainMessageKey =>
  `conference.level.${level && ["low", "medium", "high", "very_high"].includes(level) ? level : "none"}` as PlainMessageKey;

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
                caseId={record.id}
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
            <ConferenceDetails
              conferenceId={data.conferences[0].id}
              canWrite={canWrite}
              onMessage={setMessage}
            />
          ) : null
        }
      </Loaded>
    </section>
  );
}

function ReferForm({ caseId, onReferred }: { caseId: string; onReferred: () => void }) {
  const { t } = useT();
  const api = useApi();
  const submit = useSubmit(["secrecyRule", "addition", "consentId"]);
  const [rule, setRule] = useState<string>(rules[0]);
  const [addition, setAddition] = useState("");
  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    await submit.run(async () => {
      await api.referToConference(caseId, { secrecyRule: rule, addition });
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

function ConferenceDetails({
  conferenceId,
  canWrite,
  onMessage,
}: {
  conferenceId: string;
  canWrite: boolean;
  onMessage: (m: PlainMessageKey) => void;
}) {
  const { t, lang } = useT();
  const api = useApi();
  const query = useQuery(["risk-conference", conferenceId], (signal) =>
    api.riskConference(conferenceId, signal),
  );
  return (
    <Loaded state={query.state}>
      {(c) => (
        <article className="subsection" aria-labelledby={`conference-${c.id}`}>
          <h3 id={`conference-${c.id}`}>
            {t("conference.itemTitle", { date: formatDay(c.referredOn, lang) })}
          </h3>
          <dl className="details">
            <div>
              <dt>{t("conference.meetingOn")}</dt>
              <dd>{c.meetingOn ? formatDay(c.meetingOn, lang) : t("conference.notHeld")}</dd>
            </div>
          </dl>
          <Snapshot conference={c} />
          {c.agencies.length > 0 && (
            <>
              <h4>{t("conference.agencies")}</h4>
              <dl className="text-sections">
                {c.agencies.map((a) => (
                  <div key={a.agencyId}>
                    <dt>{a.agencyName}</dt>
                    <dd className="multiline">{a.research}</dd>
                  </div>
                ))}
              </dl>
            </>
          )}
          <Actions
            conference={c}
            canWrite={canWrite}
            onChanged={(view, m) => {
              query.setData(view);
              onMessage(m);
            }}
          />
        </article>
      )}
    </Loaded>
  );
}

function Snapshot({ conference }: { conference: RiskConference }) {
  const { t, lang } = useT();
  const a = conference.assessment;
  if (!a) return null;
  return (
    <>
      <h4>{t("conference.assessment")}</h4>
      <p>
        {t("conference.assessmentLine", {
          instrument: a.instrument.name,
          date: formatDay(a.assessedOn, lang),
          level: t(levelKey(a.countedLevel)),
        })}
      </p>
      <dl className="text-sections">
        <div>
          <dt>{t("conference.reasons")}</dt>
          <dd className="multiline">{a.reasons}</dd>
        </div>
        <div>
          <dt>{t("conference.yesAnswers")}</dt>
          <dd>
            <ul>
              {a.yesAnswers.map((label) => (
                <li key={label}>{label}</li>
              ))}
            </ul>
          </dd>
        </div>
      </dl>
    </>
  );
}

function Actions({
  conference,
  canWrite,
  onChanged,
}: {
  conference: RiskConference;
  canWrite: boolean;
  onChanged: (view: RiskConference, message: PlainMessageKey) => void;
}) {
  const { t, lang } = useT();
  const api = useApi();
  const me = useMe();
  const submit = useSubmit(["description", "dueOn", "ownerUserId"]);
  const [description, setDescription] = useState("");
  const [dueOn, setDueOn] = useState(localDateInput(new Date()));
  async function add(event: FormEvent) {
    event.preventDefault();
    await submit.run(async () => {
      const view = await api.addConferenceAction(conference.id, {
        description,
        dueOn,
        ownerUserId: me.user.id,
      });
      setDescription("");
      onChanged(view, "conference.actionAdded");
    });
  }
  return (
    <>
      <h4>{t("conference.actions")}</h4>
      {conference.actions.length === 0 ? (
        <p className="empty">{t("conference.noActions")}</p>
      ) : (
        <ul className="record-list">
          {conference.actions.map((a) => (
            <li key={a.id} className="record-list__item">
              {t("conference.actionLine", {
                description: a.description,
                owner: a.owner.agencyName
                  ? `${a.owner.name} (${a.owner.agencyName})`
                  : a.owner.name,
                date: formatDay(a.dueOn, lang),
              })}{" "}
              {a.doneOn ? (
                <strong>{t("conference.done", { date: formatDay(a.doneOn, lang) })}</strong>
              ) : (
                canWrite && (
                  <button
                    type="button"
                    className="button button--secondary"
                    disabled={submit.pending}
                    onClick={() =>
                      submit.run(async () => {
                        const view = await api.followUpConferenceAction(a.id, {
                          version: a.version,
                          done: true,
                          notes: "",
                        });
                        onChanged(view, "conference.actionDone");
                      })
                    }
                  >
                    {t("conference.markDone")}
                  </button>
                )
              )}
            </li>
          ))}
        </ul>
      )}
      {canWrite && (
        <form
          className="form form--wide"
          onSubmit={add}
          noValidate
          aria-label={t("conference.newAction")}
        >
          <h5>{t("conference.newAction")}</h5>
          <ErrorSummary errors={submit.errors} />
          <TextAreaField
            label={t("conference.actionDescription")}
            name="description"
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            error={submit.fieldError("description")}
          />
          <DateField
            label={t("conference.dueOn")}
            name="dueOn"
            value={dueOn}
            onChange={setDueOn}
            error={submit.fieldError("dueOn")}
          />
          <button type="submit" className="button" disabled={submit.pending}>
            {t("conference.addAction")}
          </button>
        </form>
      )}
    </>
  );
}
