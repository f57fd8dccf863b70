import type { PlainMessageKey } from "../../i18n/messages";
import { useT } from "../../i18n/useT";
import type { CostReportView } from "./api";
import { formatKronor } from "./costs-model";

type Figures = CostReportView["totals"];
interface Table {
  caption: PlainMessageKey;
  names: PlainMessageKey[];
  rows: { key: string; names: string[]; figures: Figures }[];
}

/** The month's three tables: per placing unit, per place, per operator, each with its total. */
export function CostTables({ report }: { report: CostReportView }) {
  const tables: Table[] = [
    {
      caption: "costs.byUnit",
      names: ["costs.colUnit"],
      rows: report.units.map((u) => ({ key: u.unitId, names: [u.unitName], figures: u })),
    },
    {
      caption: "costs.byPlace",
      names: ["costs.colPlace", "costs.colOperator"],
      rows: report.places.map((p) => ({
        key: p.placeId,
        names: [p.placeName, p.operatorName],
        figures: p,
      })),
    },
    {
      caption: "costs.byOperator",
      names: ["costs.colOperator"],
      rows: report.operators.map((o) => ({
        key: o.operatorName,
        names: [o.operatorName],
        figures: o,
      })),
    },
  ];
  return (
    <>
      {tables.map((table) => (
        <CostTable key={table.caption} table={table} totals={report.totals} />
      ))}
    </>
  );
}

function CostTable({ table, totals }: { table: Table; totals: Figures }) {
  const { t } = useT();
  return (
    <div className="table-scroll">
      <table className="table">
        <caption>{t(table.caption)}</caption>
        <thead>
          <tr>
            {table.names.map((name) => (
              <th key={name} scope="col">
                {t(name)}
              </th>
            ))}
            <FigureHeads />
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={row.key}>
              {row.names.map((name, i) =>
                i === 0 ? (
                  <th key={name} scope="row">
                    {name}
                  </th>
                ) : (
                  <td key={name}>{name}</td>
                ),
              )}
              <FigureCells figures={row.figures} />
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={table.names.length}>
              {t("costs.total")}
            </th>
            <FigureCells figures={totals} />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

function FigureHeads() {
  const { t } = useT();
  const heads: PlainMessageKey[] = [
    "costs.colAdultNights",
    "costs.colChildNights",
    "costs.colComputed",
    "costs.colInvoiced",
    "costs.colDifference",
  ];
  return (
    <>
      {heads.map((head) => (
        <th key={head} scope="col" className="table__number">
          {t(head)}
        </th>
      ))}
    </>
  );
}

function FigureCells({ figures }: { figures: Figures }) {
  const { lang } = useT();
  const difference = Math.round((figures.invoiced - figures.computed) * 100) / 100;
  const n = (value: number) => value.toLocaleString(lang === "sv" ? "sv-SE" : "en-GB");
  return (
    <>
      <td className="table__number">{n(figures.adultNights)}</td>
      <td className="table__number">{n(figures.childNights)}</td>
      <td className="table__number">{formatKronor(figures.computed, lang)}</td>
      <td className="table__number">{formatKronor(figures.invoiced, lang)}</td>
      <td className="table__number">{formatKronor(difference, lang)}</td>
    </>
  );
}
