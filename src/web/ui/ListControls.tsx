import type { ListControls } from "../hooks/useListParams";
import { useT } from "../i18n/useT";
import { SelectField } from "./Field";
import { ariaSort } from "./list-params";

/** One filter of a list: a select of its values, "Alla" (not filtered) first. */
export interface FilterChoice<F extends string> {
  name: F;
  label: string;
  options: readonly { value: string; label: string }[];
}

/**
 * The compact bar above a list (issue 15): a labelled select per filter, applied as soon as
 * it is chosen (the list below changes, focus stays), and "Rensa filter" while any is set.
 * A fieldset named after the list, so a screen reader hears which list it filters.
 */
export function FilterBar<F extends string, S extends string>({
  label,
  choices,
  controls,
}: {
  label: string;
  choices: readonly FilterChoice<F>[];
  controls: ListControls<F, S>;
}) {
  const { t } = useT();
  return (
    <fieldset className="filter-bar">
      <legend className="visually-hidden">{label}</legend>
      {choices.map((c) => (
        <SelectField
          key={c.name}
          label={c.label}
          value={controls.filters[c.name] ?? ""}
          onChange={(e) => controls.setFilter(c.name, e.target.value || undefined)}
        >
          <option value="">{t("list.all")}</option>
          {c.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </SelectField>
      ))}
      {controls.filtered && (
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={controls.clearFilters}
        >
          {t("list.clearFilters")}
        </button>
      )}
    </fieldset>
  );
}

/**
 * A column header that sorts the list: a button in the th, which carries aria-sort while
 * the list is sorted by it. A click sorts by this column, or turns its order around.
 */
export function SortHeader<F extends string, S extends string>({
  column,
  label,
  controls,
}: {
  column: S;
  label: string;
  controls: ListControls<F, S>;
}) {
  const state = ariaSort(controls.sort, column);
  const mark = state === "ascending" ? "▲" : state === "descending" ? "▼" : "↕";
  return (
    <th scope="col" aria-sort={state}>
      <button type="button" className="sort-button" onClick={() => controls.sortBy(column)}>
        {label}
        <span className="sort-button__mark" aria-hidden="true">
          {mark}
        </span>
      </button>
    </th>
  );
}

/** Who works a case now, or, in words and bold, that nobody does (the unit's lists). */
export function ResponsibleText({
  responsible,
}: {
  responsible: readonly { displayName: string }[];
}) {
  const { t } = useT();
  if (responsible.length === 0) return <strong>{t("list.noneResponsible")}</strong>;
  return <>{responsible.map((r) => r.displayName).join(", ")}</>;
}
