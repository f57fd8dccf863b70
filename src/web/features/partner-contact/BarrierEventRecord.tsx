import type { BarrierEvent } from "../../api/endpoints";
import { formatDateTimeShort, formatDay } from "../../i18n/dates";
import { useT } from "../../i18n/useT";
import { keepTogether } from "../../ui/KeepTogether";
import {
  awaitsAcknowledgement,
  barrierEventElementId,
  escalation,
  eventWording,
} from "./barrier-events-model";

/** One event over the barrier: what it says, when it crossed, who has seen it. */
export function EventRecord({
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
  const waiting = awaitsAcknowledgement(event);
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
      <EventDetails event={event} />
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

function EventDetails({ event }: { event: BarrierEvent }) {
  const { t, lang } = useT();
  const time = (iso: string) => formatDateTimeShort(iso, lang);
  const sent = event.direction === "sent";
  return (
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
      <AcknowledgementDetail event={event} />
      <EscalationDetail event={event} />
    </dl>
  );
}

/** Acknowledged (by whom, on the receiving side), or who is still to acknowledge it. */
function AcknowledgementDetail({ event }: { event: BarrierEvent }) {
  const { t, lang } = useT();
  const time = (iso: string) => formatDateTimeShort(iso, lang);
  const sent = event.direction === "sent";
  return (
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
  );
}

/** When an unacknowledged risk alert goes (or went) to the unit manager; nothing otherwise. */
function EscalationDetail({ event }: { event: BarrierEvent }) {
  const { t, lang } = useT();
  const time = (iso: string) => formatDateTimeShort(iso, lang);
  const escalates = escalation(event, new Date());
  if (!escalates) return null;
  return (
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
  );
}
