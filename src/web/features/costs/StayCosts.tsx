import { type FormEvent, useState } from "react";
import { useApi } from "../../auth/useAuth";
import { rejectWith } from "../../hooks/rejectWith";
import { useQuery } from "../../hooks/useQuery";
import { useSubmit } from "../../hooks/useSubmit";
import { formatDay } from "../../i18n/dates";
import { useT } from "../../i18n/useT";
import { DateField } from "../../ui/DateField";
import { TextField } from "../../ui/Field";
import { ErrorSummary, StatusMessage } from "../../ui/Messages";
import { Loaded } from "../../ui/QueryError";
import type { StayCostsView } from "./api";
import {
  checkInvoice,
  emptyInvoiceDraft,
  formatKronor,
  type InvoiceDraft,
  invoiceFields,
} from "./costs-model";

/**
 * A stay's costs on its case (mounted by the stays part on each stay): the cost per month
 * from the places' prices and nights, what was invoiced and the difference, the invoices, and
 * a form to record one. Only those who may see the case reach it; a shelter's staff never do.
 */
export function StayCosts({ stayId }: { stayId: string }) {
  const { t } = useT();
  const api = useApi();
  const query = useQuery(["stay-costs", stayId], (signal) => api.stayCosts(stayId, signal));
  const headingId = `stay-costs-${stayId}`;
  return (
    <section className="subsection" aria-labelledby={headingId}>
      <h3 id={headingId}>{t("costs.stayTitle")}</h3>
      <Loaded state={query.state}>
        {(costs) => (
          <>
            <MonthTable costs={costs} />
            <InvoiceTable costs={costs} />
            <InvoiceForm stayId={stayId} costs={costs} onRecorded={query.reload} />
          </>
        )}
      </Loaded>
    </section>
  );
}

function MonthTable({ costs }: { costs: StayCostsView }) {
  const { t, lang } = useT();
  const kr = (value: number) => formatKronor(value, lang);
  return (
    <div className="table-scroll">
      <table className="table">
        <caption>{t("costs.stayIntro", { until: formatDay(costs.until, lang) })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("costs.colMonth")}</th>
            <th scope="col" className="table__number">
              {t("costs.colAdultNights")}
            </th>
            <th scope="col" className="table__number">
              {t("costs.colChildNights")}
            </th>
            <th scope="col" className="table__number">
              {t("costs.colComputed")}
            </th>
            <th scope="col" className="table__number">
              {t("costs.colInvoiced")}
            </th>
            <th scope="col" className="table__number">
              {t("costs.colDifference")}
            </th>
          </tr>
        </thead>
        <tbody>
          {costs.months.map((m) => (
            <tr key={m.month}>
              <th scope="row">{m.month}</th>
              <td className="table__number">{m.adultNights}</td>
              <td className="table__number">{m.childNights}</td>
              <td className="table__number">{kr(m.computed)}</td>
              <td className="table__number">{kr(m.invoiced)}</td>
              <td className="table__number">{kr(m.difference)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={3}>
              {t("costs.total")}
            </th>
            <td className="table__number">{kr(costs.totals.computed)}</td>
            <td className="table__number">{kr(costs.totals.invoiced)}</td>
            <td className="table__number">{kr(costs.totals.difference)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

function InvoiceTable({ costs }: { costs: StayCostsView }) {
  const { t, lang } = useT();
  if (costs.invoices.length === 0) return <p>{t("costs.noInvoices")}</p>;
  return (
    <div className="table-scroll">
      <table className="table">
        <caption>{t("costs.invoicesTitle")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("costs.colPeriod")}</th>
            <th scope="col">{t("costs.colOperator")}</th>
            <th scope="col">{t("costs.colReference")}</th>
            <th scope="col" className="table__number">
              {t("costs.colAmount")}
            </th>
          </tr>
        </thead>
        <tbody>
          {costs.invoices.map((i) => (
            <tr key={i.id}>
              <th scope="row">
                {formatDay(i.periodFrom, lang)} – {formatDay(i.periodTo, lang)}
              </th>
              <td>{i.operatorName}</td>
              <td>{i.reference ?? ""}</td>
              <td className="table__number">{formatKronor(i.amount, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function InvoiceForm({
  stayId,
  costs,
  onRecorded,
}: {
  stayId: string;
  costs: StayCostsView;
  onRecorded: () => void;
}) {
  const { t } = useT();
  const api = useApi();
  const submit = useSubmit(invoiceFields);
  const [draft, setDraft] = useState<InvoiceDraft>(emptyInvoiceDraft);
  const [done, setDone] = useState<string | null>(null);
  const set = (changes: Partial<InvoiceDraft>) => setDraft((d) => ({ ...d, ...changes }));
  const titleId = `stay-invoice-${stayId}`;

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setDone(null);
    const checked = checkInvoice(draft);
    if (!checked.ok) return rejectWith(submit, checked.fields, t);
    const ok = await submit.run(async () => {
      await api.recordInvoice(stayId, checked.body);
    });
    if (ok) {
      setDraft(emptyInvoiceDraft);
      setDone(t("costs.invoiceRecorded"));
      onRecorded();
    }
  }

  return (
    <div className="subsection">
      <h4 id={titleId}>{t("costs.invoiceFormTitle")}</h4>
      <StatusMessage message={done} />
      <ErrorSummary errors={submit.errors} />
      <form className="form" aria-labelledby={titleId} onSubmit={handleSubmit} noValidate>
        <InvoiceFields
          draft={draft}
          set={set}
          defaultOperator={costs.defaultOperatorName}
          fieldError={submit.fieldError}
        />
        <button type="submit" className="button" disabled={submit.pending}>
          {t("costs.invoiceSubmit")}
        </button>
      </form>
    </div>
  );
}

function InvoiceFields({
  draft,
  set,
  defaultOperator,
  fieldError,
}: {
  draft: InvoiceDraft;
  set: (changes: Partial<InvoiceDraft>) => void;
  defaultOperator: string | null;
  fieldError: (name: string) => string | undefined;
}) {
  const { t } = useT();
  return (
    <>
      <TextField
        label={t("costs.operatorName")}
        hint={defaultOperator ? t("costs.operatorHint", { operator: defaultOperator }) : undefined}
        name="operatorName"
        value={draft.operatorName}
        onChange={(e) => set({ operatorName: e.target.value })}
        error={fieldError("operatorName")}
      />
      <TextField
        label={t("costs.reference")}
        name="reference"
        value={draft.reference}
        onChange={(e) => set({ reference: e.target.value })}
        error={fieldError("reference")}
      />
      <DateField
        label={t("costs.periodFrom")}
        name="periodFrom"
        value={draft.periodFrom}
        onChange={(value) => set({ periodFrom: value })}
        error={fieldError("periodFrom")}
      />
      <DateField
        label={t("costs.periodTo")}
        name="periodTo"
        value={draft.periodTo}
        onChange={(value) => set({ periodTo: value })}
        error={fieldError("periodTo")}
      />
      <TextField
        label={t("costs.amount")}
        hint={t("costs.amountHint")}
        name="amount"
        inputMode="decimal"
        value={draft.amount}
        onChange={(e) => set({ amount: e.target.value })}
        error={fieldError("amount")}
      />
    </>
  );
}
