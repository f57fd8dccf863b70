import { useState } from "react";
import { Link } from "react-router";
import type { BreakGlassReviewItem } from "../../../shared/api/break-glass";
import { isUnitManager } from "../../auth/permissions";
import { useApi, useMe } from "../../auth/useAuth";
import { useQuery } from "../../hooks/useQuery";
import { formatDateTime } from "../../i18n/dates";
import { useT } from "../../i18n/useT";
import { SelectField } from "../../ui/Field";
import { Page } from "../../ui/Page";
import { Loaded } from "../../ui/QueryError";
import type { BreakGlassReviewState } from "./api";

const states: readonly BreakGlassReviewState[] = ["open", "concluded", "all"];

/**
 * Granskning av nödåtkomst (issue 19, item 6): every break-glass access to a case of the
 * manager's units, open ones first by default. Names the case's reference and the worker,
 * never the person (the manager may be barred from the case).
 */
export function ReviewsPage() {
  const { t } = useT();
  const me = useMe();
  const [state, setState] = useState<BreakGlassReviewState>("open");
  if (!isUnitManager(me.roles))
    return (
      <Page title={t("breakGlassReview.title")}>
        <p>{t("breakGlassReview.forbidden")}</p>
      </Page>
    );
  return (
    <Page title={t("breakGlassReview.title")}>
      <p>{t("breakGlassReview.intro")}</p>
      <SelectField
        label={t("breakGlassReview.show")}
        name="state"
        value={state}
        onChange={(e) => setState(e.target.value as BreakGlassReviewState)}
      >
        {states.map((s) => (
          <option key={s} value={s}>
            {t(`breakGlassReview.state.${s}`)}
          </option>
        ))}
      </SelectField>
      <ReviewList state={state} />
    </Page>
  );
}

function ReviewList({ state }: { state: BreakGlassReviewState }) {
  const { t } = useT();
  const api = useApi();
  const query = useQuery(["break-glass", "reviews", state], (signal) =>
    api.breakGlassReviews(state, signal),
  );
  return (
    <Loaded state={query.state}>
      {({ items }) =>
        items.length === 0 ? (
          <p className="empty">{t("breakGlassReview.empty")}</p>
        ) : (
          <ReviewTable items={items} />
        )
      }
    </Loaded>
  );
}

function ReviewTable({ items }: { items: BreakGlassReviewItem[] }) {
  const { t, lang } = useT();
  return (
    <table className="table table--cards">
      <caption>{t("breakGlassReview.caption")}</caption>
      <thead>
        <tr>
          <th scope="col">{t("breakGlassReview.case")}</th>
          <th scope="col">{t("breakGlassReview.user")}</th>
          <th scope="col">{t("breakGlassReview.when")}</th>
          <th scope="col">{t("breakGlassReview.reason")}</th>
          <th scope="col">{t("breakGlassReview.status")}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={item.grantId}>
            <td data-label={t("breakGlassReview.case")}>
              <Link to={`/break-glass/reviews/${item.grantId}`}>{item.reference}</Link>
            </td>
            <td data-label={t("breakGlassReview.user")}>{item.user.displayName}</td>
            <td data-label={t("breakGlassReview.when")}>{formatDateTime(item.grantedAt, lang)}</td>
            <td data-label={t("breakGlassReview.reason")} className="multiline">
              {item.reason}
            </td>
            <td data-label={t("breakGlassReview.status")}>
              {item.review
                ? t(`breakGlassReview.conclusion.${item.review.conclusion}`)
                : t("breakGlassReview.notReviewed")}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
