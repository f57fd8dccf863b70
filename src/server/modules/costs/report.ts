import type { CostFigures, CostReport, StayCosts } from "../../../shared/api/costs.ts";
import {
  invoiceByMonth,
  monthWindow,
  oreToKronor,
  stayCostByMonth,
} from "../../../shared/stay-costs.ts";
import type { CostStayRow, InvoiceRow } from "./queries.ts";

/**
 * The arithmetic of the cost views, on rows already read and scoped: the nights and prices
 * of shared/stay-costs.ts, and each invoice spread over the months of its period. Sums are
 * öre (bigint) until the answer is made.
 */

interface Sum {
  adultNights: number;
  childNights: number;
  computedOre: bigint;
  invoicedOre: bigint;
}

const emptySum = (): Sum => ({ adultNights: 0, childNights: 0, computedOre: 0n, invoicedOre: 0n });

function figures(s: Sum): CostFigures {
  return {
    adultNights: s.adultNights,
    childNights: s.childNights,
    computed: oreToKronor(s.computedOre),
    invoiced: oreToKronor(s.invoicedOre),
  };
}

/** Sums keyed by one thing, each made when first met. */
class Sums<K> {
  readonly byKey = new Map<K, Sum>();
  at(key: K): Sum {
    let s = this.byKey.get(key);
    if (!s) {
      s = emptySum();
      this.byKey.set(key, s);
    }
    return s;
  }
}

/** The place an invoice belongs to: where the stay was on the first day of its period. */
function placeOfInvoice(stay: CostStayRow, invoice: InvoiceRow) {
  const at = stay.segments.find(
    (g) => g.fromOn <= invoice.period_from && (g.toOn === null || g.toOn > invoice.period_from),
  );
  return at ?? stay.segments[0];
}

const invoicedIn = (invoice: InvoiceRow, month: string) =>
  invoiceByMonth(invoice.period_from, invoice.period_to, BigInt(invoice.amount_ore)).find(
    ([m]) => m === month,
  )?.[1] ?? 0n;

/**
 * The month's report: per placing unit (the case's unit), per place and per operator, and in
 * total. Ongoing stays count to `today` (exclusive) or the month's end, whichever is first.
 */
export function costReport(
  month: string,
  unitId: string | null,
  stays: readonly CostStayRow[],
  invoices: readonly InvoiceRow[],
  today: string,
): CostReport {
  const window = monthWindow(month);
  const units = new Sums<string>();
  const places = new Sums<string>();
  const operators = new Sums<string>();
  const total = emptySum();
  const names = { unit: new Map<string, string>(), place: new Map<string, [string, string]>() };
  const add = (sums: Sum[], line: Partial<Sum>) => {
    for (const s of [...sums, total]) {
      s.adultNights += line.adultNights ?? 0;
      s.childNights += line.childNights ?? 0;
      s.computedOre += line.computedOre ?? 0n;
      s.invoicedOre += line.invoicedOre ?? 0n;
    }
  };
  for (const stay of stays) {
    names.unit.set(stay.unitId, stay.unitName);
    for (const g of stay.segments) names.place.set(g.placeId, [g.placeName, g.operatorName]);
    for (const line of stayCostByMonth(stay, today, window)) {
      const operator = names.place.get(line.placeId)?.[1] ?? "";
      add([units.at(stay.unitId), places.at(line.placeId), operators.at(operator)], {
        adultNights: line.adultNights,
        childNights: line.childNights,
        computedOre: line.costOre,
      });
    }
    for (const invoice of invoices.filter((i) => i.stay_id === stay.id)) {
      const share = invoicedIn(invoice, month);
      if (share === 0n) continue;
      const place = placeOfInvoice(stay, invoice);
      const sums = [units.at(stay.unitId), operators.at(invoice.operator_name)];
      if (place) sums.push(places.at(place.placeId));
      add(sums, { invoicedOre: share });
    }
  }
  return {
    month,
    unitId,
    stays: stays.length,
    ...tablesOf(units, places, operators, names),
    totals: figures(total),
  };
}

const sv = (a: string, b: string) => a.localeCompare(b, "sv");

/** The three tables of the report, each sorted by name as a Swedish reader sorts. */
function tablesOf(
  units: Sums<string>,
  places: Sums<string>,
  operators: Sums<string>,
  names: { unit: Map<string, string>; place: Map<string, [string, string]> },
): Pick<CostReport, "units" | "places" | "operators"> {
  return {
    units: [...units.byKey]
      .map(([id, s]) => ({ unitId: id, unitName: names.unit.get(id) ?? "", ...figures(s) }))
      .sort((a, b) => sv(a.unitName, b.unitName)),
    places: [...places.byKey]
      .map(([id, s]) => {
        const [placeName, operatorName] = names.place.get(id) ?? ["", ""];
        return { placeId: id, placeName, operatorName, ...figures(s) };
      })
      .sort((a, b) => sv(a.placeName, b.placeName)),
    operators: [...operators.byKey]
      .map(([operatorName, s]) => ({ operatorName, ...figures(s) }))
      .sort((a, b) => sv(a.operatorName, b.operatorName)),
  };
}

/** One stay's cost per month so far (to `today`), what was invoiced and the difference. */
export function stayCosts(
  stay: CostStayRow,
  invoices: readonly InvoiceRow[],
  today: string,
): StayCosts {
  const months = new Map<string, Sum>();
  const at = (month: string) => {
    const s = months.get(month) ?? emptySum();
    months.set(month, s);
    return s;
  };
  for (const line of stayCostByMonth(stay, today)) {
    const s = at(line.month);
    s.adultNights += line.adultNights;
    s.childNights += line.childNights;
    s.computedOre += line.costOre;
  }
  for (const invoice of invoices)
    for (const [month, share] of invoiceByMonth(
      invoice.period_from,
      invoice.period_to,
      BigInt(invoice.amount_ore),
    ))
      at(month).invoicedOre += share;
  const total = emptySum();
  const lines = [...months]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([month, s]) => {
      total.computedOre += s.computedOre;
      total.invoicedOre += s.invoicedOre;
      return {
        month,
        adultNights: s.adultNights,
        childNights: s.childNights,
        computed: oreToKronor(s.computedOre),
        invoiced: oreToKronor(s.invoicedOre),
        difference: oreToKronor(s.invoicedOre - s.computedOre),
      };
    });
  const current = stay.segments.at(-1);
  return {
    stayId: stay.id,
    until: today,
    months: lines,
    totals: {
      computed: oreToKronor(total.computedOre),
      invoiced: oreToKronor(total.invoicedOre),
      difference: oreToKronor(total.invoicedOre - total.computedOre),
    },
    invoices: invoices.map(invoiceView),
    defaultOperatorName: current?.operatorName ?? null,
  };
}

function invoiceView(i: InvoiceRow): StayCosts["invoices"][number] {
  return {
    id: i.id,
    operatorName: i.operator_name,
    reference: i.reference,
    periodFrom: i.period_from,
    periodTo: i.period_to,
    amount: oreToKronor(i.amount_ore),
    recordedAt: i.recorded_at,
  };
}
