import { useId } from "react";
import { useApi } from "../../auth/useAuth";
import { useQuery } from "../../hooks/useQuery";
import { formatDateTime } from "../../i18n/dates";
import { useT } from "../../i18n/useT";
import { Loading } from "../../ui/Messages";
import { QueryError } from "../../ui/QueryError";
import type { RetentionRunView } from "./api";

/** A dry run's counts per rule and its list: what goes, what is kept and why. */
export function RunList({ run }: { run: RetentionRunView }) {
  const { t } = useT();
  const listId = useId();
  return (
    <>
      <table className="table">
        <caption>{t("retention.counts")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("retention.rule.code")}</th>
            <th scope="col">{t("retention.counts.remove")}</th>
            <th scope="col">{t("retention.counts.kept")}</th>
          </tr>
        </thead>
        <tbody>
          {run.counts.map((c) => (
            <tr key={c.ruleCode}>
              <th scope="row">{c.ruleCode}</th>
              <td>{c.remove}</td>
              <td>{c.kept}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3 id={listId}>{t("retention.list")}</h3>
      {run.items.length === 0 ? (
        <p>{t("retention.list.empty")}</p>
      ) : (
        <div className="table-scroll">
          <table className="table" aria-labelledby={listId}>
            <thead>
              <tr>
                <th scope="col">{t("retention.item.record")}</th>
                <th scope="col">{t("retention.item.person")}</th>
                <th scope="col">{t("retention.rule.code")}</th>
                <th scope="col">{t("retention.item.event")}</th>
                <th scope="col">{t("retention.item.due")}</th>
                <th scope="col">{t("retention.item.action")}</th>
              </tr>
            </thead>
            <tbody>
              {run.items.map((i) => (
                <tr key={`${i.recordType}:${i.recordId}:${i.ruleCode}`}>
                  <td>{t(`retention.record.${i.recordType}`)}</td>
                  <td>{i.person}</td>
                  <td>{i.ruleCode}</td>
                  <td>{i.eventDate ?? ""}</td>
                  <td>{i.dueOn ?? ""}</td>
                  <td>
                    {i.keptBecause
                      ? t(`retention.kept.${i.keptBecause}`)
                      : t("retention.action.remove")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

/** The receipts of a decided run: what, when, which rule, by whom — no content. */
export function RunReceipts({ runId }: { runId: string }) {
  const { t, lang } = useT();
  const api = useApi();
  const receipts = useQuery(["retention", "receipts", runId], (signal) =>
    api.retentionReceipts(runId, signal),
  );
  const titleId = useId();
  if (receipts.state.status === "loading") return <Loading />;
  if (receipts.state.status === "error") return <QueryError error={receipts.state.error} />;
  const rows = receipts.state.data.receipts;
  return (
    <>
      <h3 id={titleId}>{t("retention.receipts")}</h3>
      {rows.length === 0 ? (
        <p>{t("retention.receipts.empty")}</p>
      ) : (
        <div className="table-scroll">
          <table className="table" aria-labelledby={titleId}>
            <thead>
              <tr>
                <th scope="col">{t("retention.item.record")}</th>
                <th scope="col">{t("retention.receipt.id")}</th>
                <th scope="col">{t("retention.rule.code")}</th>
                <th scope="col">{t("retention.receipt.period")}</th>
                <th scope="col">{t("retention.receipt.when")}</th>
                <th scope="col">{t("retention.receipt.by")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={`${r.recordType}:${r.recordId}`}>
                  <td>{t(`retention.record.${r.recordType}`)}</td>
                  <td>
                    <code>{r.recordId}</code>
                  </td>
                  <td>{r.ruleCode}</td>
                  <td>
                    {r.ruleYears !== null && r.ruleAfterEvent
                      ? t(`retention.event.${r.ruleAfterEvent}`, { years: String(r.ruleYears) })
                      : t("retention.receipt.periodUnknown")}
                  </td>
                  <td>{formatDateTime(r.removedAt, lang)}</td>
                  <td>{r.removedBy}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
