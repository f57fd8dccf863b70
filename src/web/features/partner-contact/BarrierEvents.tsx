import { type FormEvent, useCallback, useMemo, useState } from "react";
import type { BarrierEvent, BarrierEventListView, CaseView } from "../../api/endpoints";
import { useApi } from "../../auth/useAuth";
import { rejectWith } from "../../hooks/rejectWith";
import { useFocusLater } from "../../hooks/useFocusLater";
import { useMorePages } from "../../hooks/useMorePages";
import { useQuery } from "../../hooks/useQuery";
import { useSubmit } from "../../hooks/useSubmit";
import { formatDateTimeShort, formatDay } from "../../i18n/dates";
import type { PlainMessageKey } from "../../i18n/messages";
import { useT } from "../../i18n/useT";
import { RadioGroupField, SelectField, TextAreaField } from "../../ui/Field";
import { keepTogether } from "../../ui/KeepTogether";
import { LoadMore } from "../../ui/LoadMore";
import { ErrorSummary, StatusMessage } from "../../ui/Messages";
import { Loaded } from "../../ui/QueryError";
import {
  alertLevelLabels,
  alertLevels,
  awaitsAcknowledgement,
  barrierEventElementId,
  checkRiskAlert,
  emptyRiskAlertDraft,
  escalation,
  eventWording,
  type RiskAlertDraft,
  riskAlertFields,
  shownEvents,
} from "./barrier-events-model";
import { relationshipLabels } from "./partner-contact-his-model";

/*
 * Meddelanden över informationsspärren: between a perpetrator's treatment and his (former)
 * partner's case only structured events cross (seed 004) — treatment started, a missed
 * session, treatment interrupted or completed, consent withdrawn, and risk alerts (the level
 * only). The receiving side acknowledges each; an unacknowledged risk alert goes to the unit
 * manager after four working hours, and the panel says when.
 */

const titleId = "barrier-events-title";
const formTitleId = "risk-alert-form-title";

export function BarrierEventsPanel({ record }: { record: CaseView }) {
  if (record.caseType !== "perpetrator" && record.caseType !== "partner_contact") return null;
  return <BarrierEventsSection record={record} />;
}

function BarrierEventsSection({ record }: { record: CaseView }) {
  const { t } = useT();
  const api = useApi();
  const query = useQuery(
    ["case", record.id, "barrier-events"],
    // The events, and whether this case has another side an alert could go to now.
    (signal) => api.barrierEvents(record.id, signal),
  );
  const [message, setMessage] = useState<PlainMessageKey | null>(null);
  const focusLater = useFocusLater();
  const acknowledge = useSubmit();
  const { state, setData, reload } = query;
  // The newest page comes with the answer; "Visa äldre" asks for the ones before it.
  const data = state.status === "ready" ? state.data : null;
  const firstPage = useMemo(
    () => (data ? { items: data.events, nextCursor: data.nextCursor } : null),
    [data],
  );
  const loadPage = useCallback(
    (before: string) => api.barrierEventHistory(record.id, before),
    [api, record.id],
  );
  const pages = useMorePages(firstPage, loadPage);
  const canWrite = record.abilities.change;
  // Acknowledging says "we have seen it": anyone who works the case, even once it is closed.
  // A warning that arrived is acknowledged in a closed case too: reading it changes nothing.
  const canAcknowledge = true;

  async function handleAcknowledge(event: BarrierEvent) {
    setMessage(null);
    const ok = await acknowledge.run(async () => {
      try {
        setData(await api.acknowledgeBarrierEvent(record.id, event.id));
      } catch (error) {
        reload();
        throw error;
      }
    });
    if (ok) {
      setMessage("barrierEvents.acknowledged");
      focusLater(barrierEventElementId(event.id));
    }
  }

  return (
    <section className="section" aria-labelledby={titleId}>
      <h2 id={titleId} tabIndex={-1}>
        {t("barrierEvents.title")}
      </h2>
      <p>{t("barrierEvents.intro")}</p>
      <StatusMessage message={message && t(message)} />
      <ErrorSummary errors={acknowledge.errors} />
      <Loaded state={state}>
        {(data) => (
          <>
            {pages.items.length === 0 && data.unacknowledged.length === 0 ? (
              <p className="empty">{t("barrierEvents.empty")}</p>
            ) : (
              <ul className="record-list" aria-label={t("barrierEvents.listCaption")}>
                {shownEvents(data.unacknowledged, pages.items).map((event) => (
                  <li
                    key={event.id}
                    className={
                      awaitsAcknowledgement(event)
                        ? "record-list__item barrier-event barrier-event--waiting"
                        : "record-list__item barrier-event"
                    }
                  >
                    <EventRecord
                      event={event}
                      canAcknowledge={canAcknowledge}
                      pending={acknowledge.pending}
                      onAcknowledge={() => handleAcknowledge(event)}
                    />
                  </li>
                ))}
              </ul>
            )}
            <LoadMore
              pages={pages}
              label={t("barrierEvents.showOlder")}
              focusRow={(event) => focusLater(barrierEventElementId(event.id))}
            />
            {canWrite && data.canAlert && (
              <RiskAlertForm
                caseId={record.id}
                targets={data.alertTargets}
                beforeSubmit={() => setMessage(null)}
                onSent={(list) => {
                  setData(list);
                  const events = list.events;
                  setMessage("barrierEvents.alertSent");
                  // The newest sent alert is first among those not waiting here.
                  const sent = events.find(
                    (e) => e.direction === "sent" && e.kind === "risk_alert",
                  );
                  focusLater(sent ? barrierEventElementId(sent.id) : titleId);
                }}
              />
            )}
          </>
        )}
      </Loaded>
    </section>
  );
}

function EventRecord({
  event,
  canAcknowledge,
  pending,
  onAcknowledge,
}: {
  event: BarrierEvent;
  canAcknowledge: boolean;
  pending: boolean;
  onAcknowledge: () => void;
}) {
  const { t, lang } = useT();
  const elementId = barrierEventElementId(event.id);
  const wording = eventWording(event);
  const day = wording.form === "absence" ? formatDay(wording.day, lang) : "";
  const title =
    wording.form === "plain"
      ? t(wording.key)
      : wording.form === "absence"
        ? keepTogether(t("barrierEvents.kind.absence", { date: day }), day)
        : t("barrierEvents.kind.risk_alert", { level: t(wording.level) });
  const time = (iso: string) => formatDateTimeShort(iso, lang);
  const waiting = awaitsAcknowledgement(event);
  const escalates = escalation(event, new Date());
  const sent = event.direction === "sent";
  return (
    <article id={elementId} tabIndex={-1} aria-labelledby={`${elementId}-title`}>
      <h3 id={`${elementId}-title`}>
        {waiting && (
          <>
            <span className="badge badge--overdue">{t("barrierEvents.notAcknowledged")}</span>{" "}
          </>
        )}
        {title}
      </h3>
      <dl className="details">
        <div>
          <dt>{t("barrierEvents.direction")}</dt>
          <dd>
            {sent
              ? keepTogether(
                  t("barrierEvents.sentAt", { time: time(event.createdAt) }),
                  time(event.createdAt),
                )
              : keepTogether(
                  t("barrierEvents.receivedAt", { time: time(event.createdAt) }),
                  time(event.createdAt),
                )}
          </dd>
        </div>
        {sent && event.reason !== null && (
          <div>
            <dt>{t("barrierEvents.reason")}</dt>
            <dd className="multiline">
              {event.reason} <span className="muted">{t("barrierEvents.reasonStaysHere")}</span>
            </dd>
          </div>
        )}
        <div>
          <dt>{t("barrierEvents.acknowledgement")}</dt>
          <dd>
            {event.acknowledgedAt
              ? sent || !event.acknowledgedBy
                ? keepTogether(
                    t("barrierEvents.acknowledgedAt", { time: time(event.acknowledgedAt) }),
                    time(event.acknowledgedAt),
                  )
                : keepTogether(
                    t("barrierEvents.acknowledgedByAt", {
                      name: event.acknowledgedBy,
                      time: time(event.acknowledgedAt),
                    }),
                    time(event.acknowledgedAt),
                  )
              : sent
                ? t("barrierEvents.notYetAcknowledged")
                : t("barrierEvents.waitingForYou")}
          </dd>
        </div>
        {escalates && (
          <div>
            <dt>{t("barrierEvents.escalation")}</dt>
            <dd>
              {escalates.passed
                ? keepTogether(
                    t("barrierEvents.escalated", { time: time(escalates.at) }),
                    time(escalates.at),
                  )
                : keepTogether(
                    t("barrierEvents.escalatesAt", { time: time(escalates.at) }),
                    time(escalates.at),
                  )}
            </dd>
          </div>
        )}
      </dl>
      {waiting && canAcknowledge && (
        <button
          type="button"
          className="button button--small"
          disabled={pending}
          aria-describedby={`${elementId}-title`}
          onClick={onAcknowledge}
        >
          {t("barrierEvents.acknowledge")}
        </button>
      )}
    </article>
  );
}

function RiskAlertForm({
  caseId,
  targets,
  beforeSubmit,
  onSent,
}: {
  caseId: string;
  targets: BarrierEventListView["alertTargets"];
  beforeSubmit: () => void;
  onSent: (list: BarrierEventListView) => void;
}) {
  const { t } = useT();
  const api = useApi();
  const submit = useSubmit(riskAlertFields);
  const [draft, setDraft] = useState<RiskAlertDraft>(emptyRiskAlertDraft);
  const set = (changes: Partial<RiskAlertDraft>) => setDraft((d) => ({ ...d, ...changes }));

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    beforeSubmit();
    const checked = checkRiskAlert(draft);
    if (!checked.ok) return rejectWith(submit, checked.fields, t);
    await submit.run(async () => {
      const list = await api.raiseRiskAlert(caseId, checked.body);
      setDraft(emptyRiskAlertDraft);
      onSent(list);
    });
  }

  return (
    <div className="subsection">
      <h3 id={formTitleId}>{t("barrierEvents.alertTitle")}</h3>
      <p className="muted">{t("barrierEvents.alertIntro")}</p>
      <ErrorSummary errors={submit.errors} />
      <form
        className="form form--wide"
        aria-labelledby={formTitleId}
        onSubmit={handleSubmit}
        noValidate
      >
        {/* His side with more than one partner: the alert may concern one of them only. */}
        {targets.length > 1 && (
          <SelectField
            label={t("barrierEvents.alertTarget")}
            name="partnerId"
            value={draft.partnerId}
            onChange={(e) => set({ partnerId: e.target.value })}
            error={submit.fieldError("partnerId")}
          >
            <option value="">{t("barrierEvents.alertTargetAll")}</option>
            {targets.map((target, index) => (
              <option key={target.partnerId} value={target.partnerId}>
                {t("partnerHis.partnerTitle", {
                  n: index + 1,
                  relationship: t(relationshipLabels[target.relationship]),
                })}
              </option>
            ))}
          </SelectField>
        )}
        <RadioGroupField
          label={t("barrierEvents.alertLevel")}
          name="level"
          value={draft.level}
          options={alertLevels.map((value) => ({ value, label: t(alertLevelLabels[value]) }))}
          onChange={(level) => set({ level })}
          error={submit.fieldError("level")}
        />
        <TextAreaField
          label={t("barrierEvents.alertReason")}
          hint={t("barrierEvents.alertReasonHint")}
          name="reason"
          rows={4}
          value={draft.reason}
          onChange={(e) => set({ reason: e.target.value })}
          error={submit.fieldError("reason")}
        />
        <button type="submit" className="button" disabled={submit.pending}>
          {t("barrierEvents.alertSubmit")}
        </button>
      </form>
    </div>
  );
}
