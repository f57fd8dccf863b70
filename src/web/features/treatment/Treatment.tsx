import { useState } from "react";
import type { CaseView, Treatment } from "../../api/endpoints";
import { useFocusLater } from "../../hooks/useFocusLater";
import { useInvalidate } from "../../hooks/useQuery";
import { formatDay } from "../../i18n/dates";
import type { PlainMessageKey } from "../../i18n/messages";
import { useT } from "../../i18n/useT";
import { StatusMessage } from "../../ui/Messages";
import { Loaded } from "../../ui/QueryError";
import { type Changed, EndForm, RegisterForm, SessionForm, StartForm } from "./TreatmentForms";
import {
  attendanceLabels,
  endKindLabels,
  phaseLabels,
  referralSourceLabels,
  treatmentForms,
} from "./treatment-model";
import { useTreatment } from "./useTreatment";

/*
 * Behandling: a man who uses violence in treatment at a Kriscentrum. Registered with how he
 * came, an assessment phase, the treatment proper with its sessions, and an end. The case's
 * status follows the treatment, so the page loads the case again after each step that moves
 * it. Partner workers are told across the barrier that treatment started, of each no-show,
 * and how it ended — nothing else.
 */

const titleId = "treatment-title";
const sessionsTitleId = "treatment-sessions-title";

export function TreatmentPanel({ record }: { record: CaseView }) {
  const { t } = useT();
  const { state, reload, setData: share } = useTreatment(record.id);
  const invalidate = useInvalidate();
  const [message, setMessage] = useState<PlainMessageKey | null>(null);
  const focusLater = useFocusLater();
  const canWrite = record.abilities.change;

  const changed: Changed = {
    caseId: record.id,
    beforeChange: () => setMessage(null),
    onStale: reload,
    onChanged: (treatment, done, movesCase) => {
      share(treatment);
      setMessage(done);
      // Registration, start and end move the case: the header's status must follow.
      if (movesCase) void invalidate(["case", record.id]);
      focusLater(done === "treatment.sessionRecorded" ? sessionsTitleId : titleId);
    },
  };

  return (
    <section className="section" aria-labelledby={titleId}>
      <h2 id={titleId} tabIndex={-1}>
        {t("treatment.title")}
      </h2>
      <StatusMessage message={message && t(message)} />
      <Loaded state={state}>
        {(data) =>
          data === null ? (
            <>
              <p className="empty">{t("treatment.empty")}</p>
              {treatmentForms(null, canWrite).register && <RegisterForm {...changed} />}
            </>
          ) : (
            <TreatmentDetails treatment={data} canWrite={canWrite} changed={changed} />
          )
        }
      </Loaded>
    </section>
  );
}

function TreatmentDetails({
  treatment,
  canWrite,
  changed,
}: {
  treatment: Treatment;
  canWrite: boolean;
  changed: Changed;
}) {
  const { t, lang } = useT();
  const forms = treatmentForms(treatment, canWrite);
  const day = (value: string) => <span className="nowrap">{formatDay(value, lang)}</span>;
  return (
    <>
      <dl className="details">
        <div>
          <dt>{t("treatment.phase")}</dt>
          <dd>{t(phaseLabels[treatment.phase])}</dd>
        </div>
        <div>
          <dt>{t("treatment.referralSource")}</dt>
          <dd>{t(referralSourceLabels[treatment.referralSource])}</dd>
        </div>
        <div>
          <dt>{t("treatment.referredOn")}</dt>
          <dd>{day(treatment.referredOn)}</dd>
        </div>
        <div>
          <dt>{t("treatment.startedOn")}</dt>
          <dd>
            {treatment.startedOn ? (
              day(treatment.startedOn)
            ) : (
              <span className="muted">{t("treatment.notStarted")}</span>
            )}
          </dd>
        </div>
        {treatment.ended && (
          <>
            <div>
              <dt>{t("treatment.endedOn")}</dt>
              <dd>{day(treatment.ended.on)}</dd>
            </div>
            <div>
              <dt>{t("treatment.endKind")}</dt>
              <dd>{t(endKindLabels[treatment.ended.kind])}</dd>
            </div>
            <div>
              <dt>{t("treatment.endedBy")}</dt>
              <dd>{treatment.ended.by}</dd>
            </div>
          </>
        )}
      </dl>
      {treatment.ended && (
        <dl className="text-sections">
          <div>
            <dt>{t("treatment.endReason")}</dt>
            <dd className="multiline">{treatment.ended.reason}</dd>
          </div>
        </dl>
      )}
      {forms.start && <StartForm {...changed} />}

      <div className="subsection">
        <h3 id={sessionsTitleId} tabIndex={-1}>
          {t("treatment.sessionsTitle")}
        </h3>
        {treatment.sessions.length === 0 ? (
          <p className="empty">{t("treatment.noSessions")}</p>
        ) : (
          <div className="table-scroll">
            <table className="table table--compact">
              <caption className="visually-hidden">{t("treatment.sessionsCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("treatment.heldOn")}</th>
                  <th scope="col">{t("treatment.attendance")}</th>
                  <th scope="col">{t("treatment.recordedBy")}</th>
                </tr>
              </thead>
              <tbody>
                {treatment.sessions.map((s) => (
                  <tr key={s.id}>
                    <td>{day(s.heldOn)}</td>
                    <td>{t(attendanceLabels[s.attendance])}</td>
                    <td>{s.recordedBy}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {forms.session && <SessionForm {...changed} />}
      </div>
      {forms.end && <EndForm {...changed} />}
    </>
  );
}
