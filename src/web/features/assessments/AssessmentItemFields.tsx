import { useId } from "react";
import { useT } from "../../i18n/useT";
import { DateField } from "../../ui/DateField";
import { RadioGroupField, TextAreaField, TextField } from "../../ui/Field";
import { type FormAnswer, type Item, yesNoUnknownLabels } from "./assessments-model";

type ItemFieldProps<I extends Item = Item> = {
  name: string;
  item: I;
  label: string;
  value: FormAnswer;
  onChange: (value: FormAnswer) => void;
  error: string | undefined;
};
type ChoiceItem = Extract<Item, { type: "yes_no_unknown" | "scale" | "frequency" }>;
type EntryItem = Extract<Item, { type: "date" | "number" | "text" }>;

/** One item, by its type: radios, a date, a number, a text or checkboxes. */
export function ItemField(props: ItemFieldProps) {
  const { name, item, label, value, onChange, error } = props;
  switch (item.type) {
    case "yes_no_unknown":
    case "scale":
    case "frequency":
      return <ChoiceItemField {...props} item={item} />;
    case "date":
    case "number":
    case "text":
      return <EntryItemField {...props} item={item} />;
    case "multi_choice":
      return (
        <CheckboxGroupField
          label={label}
          hint={item.help}
          name={name}
          value={typeof value === "string" ? [] : value}
          options={item.options}
          onChange={onChange}
          error={error}
        />
      );
  }
}

/** One answer out of a few: yes/no/unknown in the catalogue's words, or the instrument's steps. */
function ChoiceItemField({
  name,
  item,
  label,
  value,
  onChange,
  error,
}: ItemFieldProps<ChoiceItem>) {
  const { t } = useT();
  const text = typeof value === "string" ? value : "";
  if (item.type === "yes_no_unknown")
    return (
      <RadioGroupField
        label={label}
        hint={item.help}
        name={name}
        value={text}
        options={(["yes", "no", "unknown"] as const).map((v) => ({
          value: v,
          label: t(yesNoUnknownLabels[v]),
        }))}
        onChange={onChange}
        error={error}
      />
    );
  return (
    <RadioGroupField
      label={label}
      hint={item.help}
      name={name}
      value={text}
      inline={false}
      options={item.steps.map((s) => ({ value: String(s.value), label: s.label }))}
      onChange={onChange}
      error={error}
    />
  );
}

/** An answer typed in: a date, a number or a text. */
function EntryItemField({ name, item, label, value, onChange, error }: ItemFieldProps<EntryItem>) {
  const text = typeof value === "string" ? value : "";
  switch (item.type) {
    case "date":
      return (
        <DateField
          label={label}
          hint={item.help}
          name={name}
          value={text}
          onChange={onChange}
          error={error}
        />
      );
    case "number":
      return (
        <TextField
          label={label}
          hint={item.help}
          name={name}
          inputMode="decimal"
          min={item.min}
          max={item.max}
          value={text}
          onChange={(e) => onChange(e.target.value)}
          error={error}
        />
      );
    case "text":
      return (
        <TextAreaField
          label={label}
          hint={item.help}
          name={name}
          rows={3}
          value={text}
          onChange={(e) => onChange(e.target.value)}
          error={error}
        />
      );
  }
}

/** Several choices: checkboxes in a fieldset whose legend asks the question (as RadioGroupField). */
export function CheckboxGroupField({
  label,
  hint,
  error,
  name,
  value,
  options,
  onChange,
}: {
  label: string;
  hint: string | undefined;
  error: string | undefined;
  name: string;
  value: readonly string[];
  options: readonly { value: string; label: string }[];
  onChange: (value: readonly string[]) => void;
}) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null]
    .filter(Boolean)
    .join(" ");
  return (
    <fieldset
      className={error ? "field field--group field--invalid" : "field field--group"}
      aria-describedby={describedBy || undefined}
    >
      <legend className="field__label">{label}</legend>
      {hint && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
      <div className="field__choices">
        {options.map((option) => (
          <CheckboxChoice
            key={option.value}
            id={`${id}-${option.value}`}
            name={name}
            option={option}
            value={value}
            invalid={Boolean(error)}
            onChange={onChange}
          />
        ))}
      </div>
    </fieldset>
  );
}

/** One checkbox of the group: checking adds its value to the answer, unchecking takes it out. */
function CheckboxChoice({
  id,
  name,
  option,
  value,
  invalid,
  onChange,
}: {
  id: string;
  name: string;
  option: { value: string; label: string };
  value: readonly string[];
  invalid: boolean;
  onChange: (value: readonly string[]) => void;
}) {
  return (
    <div className="field__choice">
      <input
        type="checkbox"
        id={id}
        name={name}
        value={option.value}
        checked={value.includes(option.value)}
        aria-invalid={invalid ? true : undefined}
        onChange={(e) =>
          onChange(
            e.target.checked ? [...value, option.value] : value.filter((v) => v !== option.value),
          )
        }
      />
      <label htmlFor={id}>{option.label}</label>
    </div>
  );
}
