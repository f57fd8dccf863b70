import { useState } from "react";
import type {
  CaseView,
  PoliceCollaboration,
  RestrainingOrder,
  SafetyAlarm,
} from "../../api/endpoints";
import { useApi } from "../../auth/useAuth";
import { useQuery } from "../../hooks/useQuery";
import { useSubmit } from "../../hooks/useSubmit";
import { formatDay, localDateInput } from "../../i18n/dates";
import type { PlainMessageKey } from "../../i18n/messages";
import { useT } from "../../i18n/useT";
import { ErrorSummary, StatusMessage } from "../../ui/Messages";
import { Loaded } from "../../ui/QueryError";
import { IncidentForm } from "./IncidentForm";
import { AlarmForm, OrderForm } from "./PoliceForms";
import { alarmChange, asksForRenewal, orderChange } from "./police-collaboration-model";

/*
 * Polis i ärendet (issue 18, item 9): restraining orders (kontaktförbud) and alarms with
 * their follow-ups (Att göra asks about them), the incidents reported to the police (a risk
 * conference counts them), and the police's latest risk assessment beside them. Whom an
 * order protects and is against is chosen among the case's own persons, named as it knows them.
 */

const titleId = "police-collaboration-title";

export function PoliceCollaborationPanel({ record }: { record: CaseView }) {
  const { t } = useT();
  const api = useApi();
  const { state, setData } = useQuery(["case", record.id, "police-collaboration"], (signal) =>
    api.policeCollaboration(record.id, signal),
  );
  const [message, setMessage] = useState<PlainMessageKey | null>(null);
  const canWrite = record.abilities.change;
  const saved = (data: PoliceCollaboration) => {
    setData(data);
    setMessage("policeCollab.recorded");
  };

  return (
    <section className="section" aria-labelledby={titleId}>
      <h2 id={titleId} tabIndex={-1}>
        {t("policeCollab.title")}
      </h2>
      <StatusMessage message={message && t(message)} />
      <Loaded state={state}>
        {(data) => (
          <>
            <LatestAssessment data={data} />
            <Orders data={data} caseId={record.id} canWrite={canWrite} onSaved={saved} />
            {canWrite && <OrderForm data={data} caseId={record.id} onSaved={saved} />}
            <Alarms data={data} caseId={record.id} canWrite={canWrite} onSaved={saved} />
            {canWrite && <AlarmForm data={data} caseId={record.id} onSaved={saved} />}
            <Incidents data={data} />
            {canWrite && <IncidentForm caseId={record.id} onSaved={saved} />}
          </>
        )}
      </Loaded>
    </section>
  );
}

function LatestAssessment({ data }: { data: PoliceCollaboration }) {
  const { t, lang } = useT();
  const latest = data.latestPoliceAssessment;
  return (
    <dl className="details">
      <div>
        <dt>{t("policeCollab.latestAssessment")}</dt>
        <dd>
          {latest
            ? t("policeCollab.latestLine", {
                level: latest.level,
                date: formatDay(latest.assessedOn, lang),
              })
            : t("policeCollab.noAssessment")}
        </dd>
      </div>
    </dl>
  );
}

interface ListProps {
  data: PoliceCollaboration;
  caseId: string;
  canWrite: boolean;
  onSaved: (data: PoliceCollaboration) => void;
}

/** A day or a dash. */
function useDay() {
  const { lang } = useT();
  return (day: string | null) => (day ? formatDay(day, lang) : "–");
}

function Orders({ data, caseId, canWrite, onSaved }: ListProps) {
  const { t } = useT();
  const api = useApi();
  const submit = useSubmit();
  const day = useDay();
  const considered = (order: RestrainingOrder) =>
    submit.run(async () => {
      const change = orderChange(order, { renewalConsideredOn: localDateInput(new Date()) });
      onSaved(await api.updateRestrainingOrder(caseId, order.id, change));
    });
  return (
    <div className="subsection">
      <h3>{t("policeCollab.ordersTitle")}</h3>
      <ErrorSummary errors={submit.errors} />
      {data.restrainingOrders.length === 0 ? (
        <p className="empty">{t("policeCollab.noOrders")}</p>
      ) : (
        <ul className="record-list">
          {data.restrainingOrders.map((o) => (
            <li key={o.id} className="record-list__item">
              <h4>
                {t("policeCollab.orderLine", {
                  kind: t(`policeCollab.orderKind.${o.kind}` as PlainMessageKey),
                  status: t(`policeCollab.orderStatus.${o.status}` as PlainMessageKey),
                })}
              </h4>
              <dl className="details">
                <Detail term={t("policeCollab.protects")} value={o.protectedPersonName} />
                <Detail term={t("policeCollab.against")} value={o.againstName} />
                <Detail
                  term={t("policeCollab.period")}
                  value={t("policeCollab.periodLine", {
                    from: day(o.validFrom),
                    until: day(o.validUntil),
                  })}
                />
                {o.reference && <Detail term={t("policeCollab.reference")} value={o.reference} />}
                {o.endedOn && <Detail term={t("policeCollab.endedOn")} value={day(o.endedOn)} />}
              </dl>
              {o.renewalConsideredOn && (
                <p>{t("policeCollab.renewalConsidered", { date: day(o.renewalConsideredOn) })}</p>
              )}
              {canWrite && asksForRenewal(o) && (
                <button
                  type="button"
                  className="button button--secondary"
                  disabled={submit.pending}
                  onClick={() => void considered(o)}
                >
                  {t("policeCollab.markRenewal")}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The two facts of an alarm a button records as done today. */
const marks = {
  followedUpOn: "policeCollab.markFollowedUp",
  returnedOn: "policeCollab.markReturned",
} as const;

function AlarmDetails({ alarm: a }: { alarm: SafetyAlarm }) {
  const { t } = useT();
  const day = useDay();
  return (
    <dl className="details">
      <Detail term={t("policeCollab.suppliedBy")} value={a.suppliedBy} />
      <Detail term={t("policeCollab.validUntil")} value={day(a.validUntil)} />
      <Detail term={t("policeCollab.followUpOn")} value={day(a.followUpOn)} />
      <Detail term={t("policeCollab.followedUpOn")} value={day(a.followedUpOn)} />
      {a.returnedOn && <Detail term={t("policeCollab.returnedOn")} value={day(a.returnedOn)} />}
    </dl>
  );
}

function Alarms({ data, caseId, canWrite, onSaved }: ListProps) {
  const { t } = useT();
  const api = useApi();
  const submit = useSubmit();
  const day = useDay();
  const today = localDateInput(new Date());
  const change = (alarm: SafetyAlarm, changes: Parameters<typeof alarmChange>[1]) =>
    submit.run(async () => {
      onSaved(await api.updateSafetyAlarm(caseId, alarm.id, alarmChange(alarm, changes)));
    });
  return (
    <div className="subsection">
      <h3>{t("policeCollab.alarmsTitle")}</h3>
      <ErrorSummary errors={submit.errors} />
      {data.safetyAlarms.length === 0 ? (
        <p className="empty">{t("policeCollab.noAlarms")}</p>
      ) : (
        <ul className="record-list">
          {data.safetyAlarms.map((a) => (
            <li key={a.id} className="record-list__item">
              <h4>
                {t("policeCollab.alarmLine", {
                  kind: t(`policeCollab.alarmKind.${a.kind}` as PlainMessageKey),
                  from: day(a.validFrom),
                })}
              </h4>
              <AlarmDetails alarm={a} />
              {canWrite && !a.returnedOn && (
                <div className="button-row">
                  {(Object.keys(marks) as (keyof typeof marks)[]).map((fact) => (
                    <button
                      key={fact}
                      type="button"
                      className="button button--secondary"
                      disabled={submit.pending}
                      onClick={() => void change(a, { [fact]: today })}
                    >
                      {t(marks[fact])}
                    </button>
                  ))}
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function Incidents({ data }: { data: PoliceCollaboration }) {
  const { t } = useT();
  const day = useDay();
  return (
    <div className="subsection">
      <h3>{t("policeCollab.incidentsTitle")}</h3>
      {data.incidents.length === 0 ? (
        <p className="empty">{t("policeCollab.noIncidents")}</p>
      ) : (
        <ul className="record-list">
          {data.incidents.map((i) => (
            <li key={i.id} className="record-list__item">
              {t("policeCollab.incidentLine", {
                category: t(`policeCollab.crime.${i.crimeCategory}` as PlainMessageKey),
                date: day(i.occurredOn),
              })}
              {i.policeReference && ` (${i.policeReference})`}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function Detail({ term, value }: { term: string; value: string }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{value}</dd>
    </div>
  );
}
