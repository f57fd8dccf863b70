import { HintAndError, useFieldIds } from "../../ui/field-ids";
import { toggled } from "./agreement-model";

/**
 * Several choices among a list (parties, areas): checkboxes in a fieldset whose legend names
 * them, with one error for the group (the server's, e.g. "Välj minst ett område.").
 */
export function CheckboxGroup<V extends string>({
  label,
  error,
  options,
  value,
  onChange,
}: {
  label: string;
  error?: string | undefined;
  options: readonly { value: V; label: string }[];
  value: readonly V[];
  onChange: (value: V[]) => void;
}) {
  const ids = useFieldIds(undefined, error);
  const order = options.map((o) => o.value);
  return (
    <fieldset
      className={error ? "field field--group field--invalid" : "field field--group"}
      aria-describedby={ids.controlProps["aria-describedby"]}
    >
      <legend className="field__label">{label}</legend>
      <HintAndError hint={undefined} hintId={ids.hintId} error={error} errorId={ids.errorId} />
      <div className="field__choices">
        {options.map((option) => (
          <div key={option.value} className="field__choice">
            <input
              type="checkbox"
              id={`${ids.id}-${option.value}`}
              checked={value.includes(option.value)}
              aria-invalid={error ? true : undefined}
              onChange={(e) => onChange(toggled(order, value, option.value, e.target.checked))}
            />
            <label htmlFor={`${ids.id}-${option.value}`}>{option.label}</label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}
