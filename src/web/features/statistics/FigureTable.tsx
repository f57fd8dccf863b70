import type { PlainMessageKey } from "../../i18n/messages";
import { useT } from "../../i18n/useT";

/** A row of figures: its label and its count (null: 1–4, suppressed). */
export type Row = readonly [PlainMessageKey, number | null];
export type Group = { caption: PlainMessageKey | { text: string }; rows: readonly Row[] };

/** One group of counts as a table: a caption, a row per figure. */
export function FigureTable({
  group,
  count,
}: {
  group: Group;
  count: (value: number | null) => string;
}) {
  const { t } = useT();
  return (
    <div className="table-scroll">
      <table className="table">
        <caption>
          {typeof group.caption === "string" ? t(group.caption) : group.caption.text}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t("statistics.figure")}</th>
            <th scope="col">{t("statistics.count")}</th>
          </tr>
        </thead>
        <tbody>
          {group.rows.map(([label, value]) => (
            <tr key={label}>
              <th scope="row">{t(label)}</th>
              <td>{count(value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A count as shown: "färre än 5" where the server suppressed it, else the number. */
export function useCountText() {
  const { t, lang } = useT();
  return (value: number | null) =>
    value === null
      ? t("statistics.suppressed")
      : value.toLocaleString(lang === "sv" ? "sv-SE" : "en-GB");
}
