import { type FormEvent, useState } from "react";
import type { EnquiryItem, EnquiryOutcomeCode } from "../../api/endpoints";
import { useApi } from "../../auth/useAuth";
import { useInvalidate, useQuery } from "../../hooks/useQuery";
import { useSubmit } from "../../hooks/useSubmit";
import { formatDateTimeShort } from "../../i18n/dates";
import type { PlainMessageKey } from "../../i18n/messages";
import { useT } from "../../i18n/useT";
import { SelectField, TextAreaField, TextField } from "../../ui/Field";
import { ErrorSummary, StatusMessage } from "../../ui/Messages";

/*
 * Boendeplats, on a case: hold a place from the vacancy board, release it, record an
 * enquiry to a place and its coded answer. A component the case workspace mounts (the stays
 * part puts it beside the stay); `mayChange` follows the case's abilities.
 */
const outcomes: EnquiryOutcomeCode[] = ["placed", "no_space", "declined_by_person", "not_suitable"];

export function HousingPanel({ caseId, mayChange }: { caseId: string; mayChange: boolean }) {
  const { t, lang } = useT();
  const api = useApi();
  const invalidate = useInvalidate();
  const holds = useQuery(["holds", caseId], (signal) => api.holds(caseId, signal));
  const enquiries = useQuery(["enquiries", caseId], (signal) => api.enquiries(caseId, signal));
  const board = useQuery(mayChange ? ["vacancies", {}] : null, (signal) =>
    api.vacancies({}, signal),
  );
  const submit = useSubmit(["placeId", "persons", "reason"]);
  const [placeId, setPlaceId] = useState("");
  const [persons, setPersons] = useState("1");
  const [done, setDone] = useState<string | null>(null);
  const refresh = () => invalidate(["holds", caseId], ["enquiries", caseId], ["vacancies", {}]);

  function act(kind: "hold" | "ask") {
    setDone(null);
    void submit
      .run(async () => {
        if (kind === "hold") await api.holdPlace(caseId, placeId, Number(persons));
        else await api.askPlace(caseId, placeId, Number(persons));
        await refresh();
      })
      .then((ok) => ok && setDone(t(kind === "hold" ? "housing.held" : "housing.asked")));
  }

  return (
    <section aria-labelledby="housing-title" className="section">
      <h2 id="housing-title">{t("housing.title")}</h2>
      <StatusMessage message={done} />
      <ErrorSummary errors={submit.errors} />
      {mayChange && board.state.status === "ready" && (
        <form onSubmit={(e) => e.preventDefault()}>
          <SelectField
            label={t("housing.place")}
            value={placeId}
            error={submit.fieldError("placeId")}
            onChange={(e) => setPlaceId(e.target.value)}
          >
            <option value="" />
            {board.state.data.vacancies.map((v) => (
              <option key={v.placeId} value={v.placeId}>
                {`${v.name} – ${v.full ? t("vacancies.statusFull") : t("vacancies.statusFree", { free: v.free })}`}
              </option>
            ))}
          </SelectField>
          <TextField
            label={t("housing.persons")}
            inputMode="numeric"
            value={persons}
            error={submit.fieldError("persons")}
            onChange={(e) => setPersons(e.target.value)}
          />
          <button
            type="button"
            className="button"
            disabled={submit.pending}
            onClick={() => act("hold")}
          >
            {t("housing.hold")}
          </button>{" "}
          <button
            type="button"
            className="button button--secondary"
            disabled={submit.pending}
            onClick={() => act("ask")}
          >
            {t("housing.ask")}
          </button>
        </form>
      )}
      <h3>{t("housing.holds")}</h3>
      {holds.state.status === "ready" &&
        (holds.state.data.holds.length === 0 ? (
          <p>{t("housing.noHolds")}</p>
        ) : (
          <ul>
            {holds.state.data.holds.map((h) => (
              <li key={h.id}>
                {t("housing.heldUntil", {
                  place: h.placeName,
                  persons: h.persons,
                  time: formatDateTimeShort(h.expiresAt, lang),
                })}{" "}
                <strong>{t(`housing.state.${h.state}` as PlainMessageKey)}</strong>
                {mayChange && h.state === "live" && (
                  <button
                    type="button"
                    className="button button--secondary"
                    disabled={submit.pending}
                    onClick={() =>
                      void submit.run(async () => {
                        await api.releaseHold(h.id);
                        await refresh();
                      })
                    }
                  >
                    {t("housing.release")}
                  </button>
                )}
              </li>
            ))}
          </ul>
        ))}
      <h3>{t("housing.enquiries")}</h3>
      {enquiries.state.status === "ready" &&
        (enquiries.state.data.enquiries.length === 0 ? (
          <p>{t("housing.noEnquiries")}</p>
        ) : (
          <ul>
            {enquiries.state.data.enquiries.map((e) => (
              <EnquiryLine key={e.id} enquiry={e} mayChange={mayChange} onAnswered={refresh} />
            ))}
          </ul>
        ))}
    </section>
  );
}

function EnquiryLine({
  enquiry: e,
  mayChange,
  onAnswered,
}: {
  enquiry: EnquiryItem;
  mayChange: boolean;
  onAnswered: () => Promise<void>;
}) {
  const { t } = useT();
  const api = useApi();
  const submit = useSubmit(["outcome", "reason"]);
  const [outcome, setOutcome] = useState<EnquiryOutcomeCode>("placed");
  const [reason, setReason] = useState("");
  function answer(event: FormEvent) {
    event.preventDefault();
    void submit.run(async () => {
      await api.answerEnquiry(e.id, { outcome, reason: reason.trim() === "" ? null : reason });
      await onAnswered();
    });
  }
  return (
    <li>
      {t("housing.enquiry", { place: e.placeName, operator: e.operatorName, persons: e.persons })}
      {": "}
      {e.outcome ? (
        <strong>
          {t(`housing.outcome.${e.outcome}` as PlainMessageKey)}
          {e.reason ? ` – ${e.reason}` : ""}
        </strong>
      ) : (
        t("housing.unanswered")
      )}
      {mayChange && !e.outcome && (
        <form onSubmit={answer}>
          <ErrorSummary errors={submit.errors} />
          <SelectField
            label={t("housing.outcome")}
            value={outcome}
            onChange={(ev) => setOutcome(ev.target.value as EnquiryOutcomeCode)}
          >
            {outcomes.map((o) => (
              <option key={o} value={o}>
                {t(`housing.outcome.${o}` as PlainMessageKey)}
              </option>
            ))}
          </SelectField>
          <TextAreaField
            label={t("housing.reason")}
            value={reason}
            error={submit.fieldError("reason")}
            onChange={(ev) => setReason(ev.target.value)}
          />
          <button type="submit" className="button" disabled={submit.pending}>
            {t("housing.answer")}
          </button>
        </form>
      )}
    </li>
  );
}
