import { type FormEvent, useState } from "react";
import { Link, useParams } from "react-router";
import {
  type BreakGlassConclusion,
  type BreakGlassReviewDetail,
  breakGlassConclusions,
} from "../../../shared/api/break-glass";
import { useApi } from "../../auth/useAuth";
import { useQuery } from "../../hooks/useQuery";
import { useSubmit } from "../../hooks/useSubmit";
import { formatDateTime } from "../../i18n/dates";
import { auditActionLabel } from "../../i18n/labels";
import { useT } from "../../i18n/useT";
import { RadioGroupField, TextAreaField } from "../../ui/Field";
import { ErrorSummary, StatusMessage } from "../../ui/Messages";
import { Page } from "../../ui/Page";
import { Loaded } from "../../ui/QueryError";

/**
 * One break-glass access for its review (issue 19, item 6): who, when, why, which case, what
 * they did in it meanwhile (their audit events on the case), and the conclusion form.
 */
export function ReviewPage() {
  const { t } = useT();
  const api = useApi();
  const { grantId = "" } = useParams();
  const [status, setStatus] = useState<string | null>(null);
  const query = useQuery(["break-glass", "review", grantId], (signal) =>
    api.breakGlassReview(grantId, signal),
  );
  return (
    <Page title={t("breakGlassReview.title")}>
      <p>
        <Link to="/break-glass/reviews">{t("breakGlassReview.back")}</Link>
      </p>
      <StatusMessage message={status} />
      <Loaded state={query.state}>
        {(review) => (
          <>
            <ReviewFacts review={review} />
            {review.review === null && (
              <ConclusionForm
                grantId={review.grantId}
                onDone={() => {
                  setStatus(t("breakGlassReview.saved"));
                  query.reload();
                }}
              />
            )}
          </>
        )}
      </Loaded>
    </Page>
  );
}

function ReviewFacts({ review }: { review: BreakGlassReviewDetail }) {
  const { t, lang } = useT();
  return (
    <section className="section" aria-labelledby="break-glass-review-facts">
      <h2 id="break-glass-review-facts">
        {t("breakGlassReview.oneTitle", { reference: review.reference })}
      </h2>
      <dl className="details">
        <div>
          <dt>{t("breakGlassReview.user")}</dt>
          <dd>{review.user.displayName}</dd>
        </div>
        <div>
          <dt>{t("breakGlassReview.when")}</dt>
          <dd>{formatDateTime(review.grantedAt, lang)}</dd>
        </div>
        <div>
          <dt>{t("breakGlassReview.until")}</dt>
          <dd>{formatDateTime(review.expiresAt, lang)}</dd>
        </div>
        <div>
          <dt>{t("breakGlassReview.reason")}</dt>
          <dd className="multiline">{review.reason}</dd>
        </div>
        <div>
          <dt>{t("breakGlassReview.status")}</dt>
          <dd>
            {review.review ? (
              <>
                {t(`breakGlassReview.conclusion.${review.review.conclusion}`)}.{" "}
                {t("breakGlassReview.reviewedBy", {
                  name: review.review.reviewedBy,
                  date: formatDateTime(review.review.reviewedAt, lang),
                })}
                {review.review.note && <span className="multiline"> {review.review.note}</span>}
              </>
            ) : (
              t("breakGlassReview.notReviewed")
            )}
          </dd>
        </div>
      </dl>
      <h3>{t("breakGlassReview.events")}</h3>
      {review.events.length === 0 ? (
        <p className="empty">{t("breakGlassReview.noEvents")}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t("breakGlassReview.eventWhen")}</th>
              <th scope="col">{t("breakGlassReview.eventWhat")}</th>
            </tr>
          </thead>
          <tbody>
            {review.events.map((e) => (
              <tr key={`${e.occurredAt}-${e.action}-${e.outcome}`}>
                <td>{formatDateTime(e.occurredAt, lang)}</td>
                <td>
                  {auditActionLabel(e.action, t)}
                  {e.outcome === "denied" && ` ${t("breakGlassReview.eventDenied")}`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function ConclusionForm({ grantId, onDone }: { grantId: string; onDone: () => void }) {
  const { t } = useT();
  const api = useApi();
  const submit = useSubmit(["conclusion", "note"]);
  const [conclusion, setConclusion] = useState<BreakGlassConclusion | "">("");
  const [note, setNote] = useState("");

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!conclusion) {
      submit.reject({ conclusion: t("breakGlassReview.chooseConclusion") });
      return;
    }
    const ok = await submit.run(async () => {
      await api.concludeBreakGlass(grantId, { conclusion, note });
    });
    if (ok) onDone();
  }

  return (
    <section className="section" aria-labelledby="break-glass-conclude">
      <h2 id="break-glass-conclude">{t("breakGlassReview.conclude")}</h2>
      <ErrorSummary errors={submit.errors} />
      <form className="form" onSubmit={save} noValidate>
        <RadioGroupField
          label={t("breakGlassReview.conclusion")}
          name="conclusion"
          value={conclusion}
          options={breakGlassConclusions.map((c) => ({
            value: c,
            label: t(`breakGlassReview.conclusion.${c}`),
          }))}
          onChange={setConclusion}
          error={submit.fieldError("conclusion")}
        />
        <TextAreaField
          label={t("breakGlassReview.note")}
          hint={t("breakGlassReview.noteHint")}
          name="note"
          value={note}
          maxLength={4000}
          onChange={(e) => setNote(e.target.value)}
          error={submit.fieldError("note")}
        />
        <button type="submit" className="button" disabled={submit.pending}>
          {t("breakGlassReview.save")}
        </button>
      </form>
    </section>
  );
}
