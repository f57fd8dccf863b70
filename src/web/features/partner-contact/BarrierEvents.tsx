import { useCallback, useMemo, useState } from "react";
import type { BarrierEvent, BarrierEventListView, CaseView } from "../../api/endpoints";
import { useApi } from "../../auth/useAuth";
import { useFocusLater } from "../../hooks/useFocusLater";
import { useMorePages } from "../../hooks/useMorePages";
import { useQuery } from "../../hooks/useQuery";
import { useSubmit } from "../../hooks/useSubmit";
import type { PlainMessageKey } from "../../i18n/messages";
import { useT } from "../../i18n/useT";
import { LoadMore } from "../../ui/LoadMore";
import { ErrorSummary, StatusMessage } from "../../ui/Messages";
import { Loaded } from "../../ui/QueryError";
import { EventRecord } from "./BarrierEventRecord";
import { awaitsAcknowledgement, barrierEventElementId, shownEvents } from "./barrier-events-model";
import { RiskAlertForm } from "./RiskAlertForm";

/*
 * Meddelanden över informationsspärren: between a perpetrator's treatment and his (former)
 * partner's case only structured events cross (seed 004) — treatment started, a missed
 * session, treatment interrupted or completed, consent withdrawn, and risk alerts (the level
 * only). The receiving side acknowledges each; an unacknowledged risk alert goes to the unit
 * manager after four working hours, and the panel says when.
 */

const titleId = "barrier-events-title";

export function BarrierEventsPanel({ record }: { record: CaseView }) {
  if (record.caseType !== "perpetrator" && record.caseType !== "partner_contact") return null;
  return <BarrierEventsSection record={record} />;
}

/** The events with their older pages, and the acknowledge and alert-sent steps. */
function useBarrierEvents(record: CaseView) {
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

  function alertSent(list: BarrierEventListView) {
    setData(list);
    const events = list.events;
    setMessage("barrierEvents.alertSent");
    // The newest sent alert is first among those not waiting here.
    const sent = events.find((e) => e.direction === "sent" && e.kind === "risk_alert");
    focusLater(sent ? barrierEventElementId(sent.id) : titleId);
  }

  return {
    state,
    pages,
    message,
    setMessage,
    focusLater,
    acknowledge,
    handleAcknowledge,
    alertSent,
  };
}

function BarrierEventsSection({ record }: { record: CaseView }) {
  const { t } = useT();
  const events = useBarrierEvents(record);
  const { state, pages, message, acknowledge, focusLater } = events;
  const canWrite = record.abilities.change;

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
              <EventList
                events={shownEvents(data.unacknowledged, pages.items)}
                pending={acknowledge.pending}
                onAcknowledge={events.handleAcknowledge}
              />
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
                beforeSubmit={() => events.setMessage(null)}
                onSent={events.alertSent}
              />
            )}
          </>
        )}
      </Loaded>
    </section>
  );
}

function EventList({
  events,
  pending,
  onAcknowledge,
}: {
  events: readonly BarrierEvent[];
  pending: boolean;
  onAcknowledge: (event: BarrierEvent) => void;
}) {
  const { t } = useT();
  // Acknowledging says "we have seen it": anyone who works the case, even once it is closed.
  // A warning that arrived is acknowledged in a closed case too: reading it changes nothing.
  const canAcknowledge = true;
  return (
    <ul className="record-list" aria-label={t("barrierEvents.listCaption")}>
      {events.map((event) => (
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
            pending={pending}
            onAcknowledge={() => onAcknowledge(event)}
          />
        </li>
      ))}
    </ul>
  );
}
