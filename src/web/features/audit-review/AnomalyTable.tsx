import { type FormEvent, useRef, useState } from "react";
import { type AnomalyView, type Conclusion, conclusions } from "../../../shared/api/log-review";
import { useApi } from "../../auth/useAuth";
import { useMe } from "../../auth/useSession";
import { useSubmit } from "../../hooks/useSubmit";
import { formatDateTime } from "../../i18n/dates";
import { useT } from "../../i18n/useT";
import { RadioGroupField, TextAreaField } from "../../ui/Field";
import { ErrorSummary } from "../../ui/Messages";

/*
 * The anomaly list's table and the form that concludes one line (issue 19, item 7); the
 * panel around them (filters, pages) is AnomalyPanel.
 */

/** Whose log a line leads to: the existing person or user review. */
export interface ReviewSubject {
  kind: "person" | "user";
  id: string;
  name: string;
}

export function AnomalyTable({
  anomalies,
  onReview,
  onConclude,
}: {
  anomalies: readonly AnomalyView[];
  onReview: (subject: ReviewSubject) => void;
  onConclude: (anomaly: AnomalyView) => void;
}) {
  const { t } = useT();
  return (
    <div className="table-scroll">
      <table className="table table--compact">
        <caption>{t("anomaly.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("anomaly.day")}</th>
            <th scope="col">{t("anomaly.kind")}</th>
            <th scope="col">{t("audit.who")}</th>
            <th scope="col">{t("audit.person")}</th>
            <th scope="col">{t("anomaly.review")}</th>
            <th scope="col">{t("anomaly.actions")}</th>
          </tr>
        </thead>
        <tbody>
          {anomalies.map((a) => (
            <AnomalyRow key={a.key} anomaly={a} onReview={onReview} onConclude={onConclude} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function AnomalyRow({
  anomaly: a,
  onReview,
  onConclude,
}: {
  anomaly: AnomalyView;
  onReview: (subject: ReviewSubject) => void;
  onConclude: (anomaly: AnomalyView) => void;
}) {
  const { t, lang } = useT();
  const person = a.person;
  return (
    <tr>
      <td className="nowrap" id={`anomaly-${a.key}`} tabIndex={-1}>
        {a.day}
      </td>
      <td>
        {t(`anomaly.kind.${a.kind}`)}
        <span className="result-list__meta">
          {t("anomaly.events", { events: a.events, persons: a.persons })}
        </span>
      </td>
      <td>{a.user.displayName}</td>
      <td>
        {person ? person.name : ""}
        {person?.protected && (
          <span className="badge badge--protection">{t("anomaly.protected")}</span>
        )}
      </td>
      <td>
        {a.conclusion ? (
          <>
            <strong>{t(`anomaly.conclusion.${a.conclusion.conclusion}`)}</strong>
            <span className="result-list__meta">
              {a.conclusion.concludedBy}, {formatDateTime(a.conclusion.concludedAt, lang)}
            </span>
            {a.conclusion.note && <span className="result-list__meta">{a.conclusion.note}</span>}
          </>
        ) : (
          t("anomaly.notConcluded")
        )}
      </td>
      <td>
        <RowActions anomaly={a} onReview={onReview} onConclude={onConclude} />
      </td>
    </tr>
  );
}

/** A line's actions: conclude it, or open the user's or the person's own log. */
function RowActions({
  anomaly: a,
  onReview,
  onConclude,
}: {
  anomaly: AnomalyView;
  onReview: (subject: ReviewSubject) => void;
  onConclude: (anomaly: AnomalyView) => void;
}) {
  const { t } = useT();
  const me = useMe();
  const person = a.person;
  // Nobody reviews their own reads (the server refuses it too): another manager does.
  const own = a.user.id === me.user.id;
  return (
    <>
      {own ? (
        <span className="muted">{t("anomaly.ownReads")}</span>
      ) : (
        <button
          type="button"
          className="button button--secondary button--small"
          aria-label={t("anomaly.concludeLabel", {
            action: a.conclusion ? t("anomaly.concludeAgain") : t("anomaly.conclude"),
            kind: t(`anomaly.kind.${a.kind}`),
            day: a.day,
          })}
          onClick={() => onConclude(a)}
        >
          {a.conclusion ? t("anomaly.concludeAgain") : t("anomaly.conclude")}
        </button>
      )}{" "}
      <button
        type="button"
        className="button button--secondary button--small"
        aria-label={t("anomaly.userLogLabel", { name: a.user.displayName })}
        onClick={() => onReview({ kind: "user", id: a.user.id, name: a.user.displayName })}
      >
        {t("anomaly.userLog")}
      </button>
      {person && person.name !== "–" && (
        <>
          {" "}
          <button
            type="button"
            className="button button--secondary button--small"
            aria-label={t("anomaly.personLogLabel", { name: person.name })}
            onClick={() => onReview({ kind: "person", id: person.id, name: person.name })}
          >
            {t("anomaly.personLog")}
          </button>
        </>
      )}
    </>
  );
}

export function ConcludeForm({
  anomaly,
  onDone,
}: {
  anomaly: AnomalyView;
  onDone: (message: string) => void;
}) {
  const { t } = useT();
  const api = useApi();
  const submit = useSubmit(["conclusion", "note"]);
  const [conclusion, setConclusion] = useState<Conclusion | "">("");
  const [note, setNote] = useState("");
  const headingRef = useRef<HTMLHeadingElement>(null);

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!conclusion) return submit.reject({ conclusion: t("anomaly.chooseConclusion") });
    const ok = await submit.run(async () => {
      await api.concludeAnomaly({
        key: anomaly.key,
        // The conclusion shown: another reviewer's since answers 409 (reload, not overwrite).
        replaces: anomaly.conclusion?.id ?? null,
        conclusion,
        ...(note.trim() ? { note } : {}),
      });
    });
    if (ok) onDone(t("anomaly.concluded", { kind: t(`anomaly.kind.${anomaly.kind}`) }));
  }

  return (
    <section className="section" aria-labelledby="conclude-title">
      <h3 id="conclude-title" ref={headingRef} tabIndex={-1}>
        {t("anomaly.concludeTitle", {
          kind: t(`anomaly.kind.${anomaly.kind}`),
          name: anomaly.user.displayName,
          day: anomaly.day,
        })}
      </h3>
      <ErrorSummary errors={submit.errors} />
      <form className="form" onSubmit={save} noValidate>
        <RadioGroupField<Conclusion>
          label={t("anomaly.conclusion")}
          name="conclusion"
          value={conclusion}
          options={conclusions.map((c) => ({ value: c, label: t(`anomaly.conclusion.${c}`) }))}
          onChange={setConclusion}
          error={submit.fieldError("conclusion")}
          inline={false}
        />
        <TextAreaField
          label={t("anomaly.note")}
          hint={t("anomaly.noteHint")}
          name="note"
          value={note}
          maxLength={2000}
          onChange={(e) => setNote(e.target.value)}
          error={submit.fieldError("note")}
        />
        <button type="submit" className="button" disabled={submit.pending}>
          {t("anomaly.save")}
        </button>
      </form>
    </section>
  );
}
