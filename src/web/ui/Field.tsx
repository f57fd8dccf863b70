import type {
  InputHTMLAttributes,
  ReactNode,
  Ref,
  SelectHTMLAttributes,
  TextareaHTMLAttributes,
} from "react";
import { DateControl } from "./DateField";
import { HintAndError, useFieldIds } from "./field-ids";

interface FieldProps {
  label: string;
  hint?: string;
  /** The server's message for this field; linked to the control with aria-describedby. */
  error?: string | undefined;
}

/** Label, hint and error around one control: the frame every simple field shares. */
function FieldFrame({
  label,
  hint,
  error,
  ids,
  children,
}: FieldProps & { ids: ReturnType<typeof useFieldIds>; children: ReactNode }) {
  return (
    <div className={error ? "field field--invalid" : "field"}>
      <label className="field__label" htmlFor={ids.id}>
        {label}
      </label>
      <HintAndError hint={hint} hintId={ids.hintId} error={error} errorId={ids.errorId} />
      {children}
    </div>
  );
}

export function TextField({
  label,
  hint,
  error,
  ...input
}: FieldProps & InputHTMLAttributes<HTMLInputElement> & { ref?: Ref<HTMLInputElement> }) {
  const ids = useFieldIds(hint, error);
  return (
    <FieldFrame label={label} hint={hint} error={error} ids={ids}>
      <input className="field__control" type="text" {...input} {...ids.controlProps} />
    </FieldFrame>
  );
}

export function TextAreaField({
  label,
  hint,
  error,
  ...textarea
}: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const ids = useFieldIds(hint, error);
  return (
    <FieldFrame label={label} hint={hint} error={error} ids={ids}>
      <textarea className="field__control" rows={3} {...textarea} {...ids.controlProps} />
    </FieldFrame>
  );
}

export function SelectField({
  label,
  hint,
  error,
  children,
  ...select
}: FieldProps & SelectHTMLAttributes<HTMLSelectElement> & { children: ReactNode }) {
  const ids = useFieldIds(hint, error);
  return (
    <FieldFrame label={label} hint={hint} error={error} ids={ids}>
      <select className="field__control" {...select} {...ids.controlProps}>
        {children}
      </select>
    </FieldFrame>
  );
}

export function CheckboxField({
  label,
  hint,
  error,
  ...input
}: FieldProps & Omit<InputHTMLAttributes<HTMLInputElement>, "type">) {
  const ids = useFieldIds(hint, error);
  return (
    <div className={error ? "field field--checkbox field--invalid" : "field field--checkbox"}>
      <input type="checkbox" {...input} {...ids.controlProps} />
      <label className="field__label" htmlFor={ids.id}>
        {label}
      </label>
      <HintAndError hint={hint} hintId={ids.hintId} error={error} errorId={ids.errorId} />
    </div>
  );
}

/**
 * A date field and a time input that together give one value (e.g. "when it happened"):
 * a fieldset whose legend names the pair, with one hint and one error for both.
 */
export function DateTimeField({
  label,
  hint,
  error,
  dateLabel,
  timeLabel,
  date,
  time,
  onDateChange,
  onTimeChange,
  maxDate,
  name,
}: FieldProps & {
  dateLabel: string;
  timeLabel: string;
  date: string;
  time: string;
  onDateChange: (value: string) => void;
  onTimeChange: (value: string) => void;
  maxDate?: string;
  /** Prefix of the inputs' names: `${name}Date`, `${name}Time`. */
  name: string;
}) {
  const ids = useFieldIds(hint, error);
  const shared = {
    "aria-describedby": ids.controlProps["aria-describedby"],
    "aria-invalid": ids.controlProps["aria-invalid"],
  };
  return (
    <fieldset className={error ? "field field--group field--invalid" : "field field--group"}>
      <legend className="field__label">{label}</legend>
      <HintAndError hint={hint} hintId={ids.hintId} error={error} errorId={ids.errorId} />
      <div className="field__row">
        <DateControl
          className="field__part"
          label={dateLabel}
          name={`${name}Date`}
          value={date}
          max={maxDate}
          onChange={onDateChange}
          describedBy={shared["aria-describedby"]}
          invalid={Boolean(error)}
        />
        <TimePart
          id={`${ids.id}-time`}
          label={timeLabel}
          name={`${name}Time`}
          value={time}
          onChange={onTimeChange}
          shared={shared}
        />
      </div>
    </fieldset>
  );
}

/** The time of a date-and-time pair; the pair's hint and error describe both. */
function TimePart({
  id,
  label,
  name,
  value,
  onChange,
  shared,
}: {
  id: string;
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  shared: { "aria-describedby": string | undefined; "aria-invalid": boolean | undefined };
}) {
  return (
    <div className="field__part">
      <label htmlFor={id}>{label}</label>
      <input
        className="field__control"
        type="time"
        name={name}
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        {...shared}
      />
    </div>
  );
}

/**
 * One choice among a few (e.g. Ja / Nej / Ej frågat): radio buttons in a fieldset whose
 * legend asks the question, with one hint and one error for the group.
 */
export function RadioGroupField<V extends string>({
  label,
  hint,
  error,
  name,
  value,
  options,
  onChange,
  inline = true,
}: FieldProps & {
  name: string;
  value: V | "";
  options: readonly { value: V; label: string }[];
  onChange: (value: V) => void;
  inline?: boolean;
}) {
  const ids = useFieldIds(hint, error);
  return (
    <fieldset
      className={error ? "field field--group field--invalid" : "field field--group"}
      aria-describedby={ids.controlProps["aria-describedby"]}
    >
      <legend className="field__label">{label}</legend>
      <HintAndError hint={hint} hintId={ids.hintId} error={error} errorId={ids.errorId} />
      <div className={inline ? "field__choices field__choices--inline" : "field__choices"}>
        {options.map((option) => (
          <div key={option.value} className="field__choice">
            <input
              type="radio"
              id={`${ids.id}-${option.value}`}
              name={name}
              value={option.value}
              checked={value === option.value}
              aria-invalid={error ? true : undefined}
              onChange={() => onChange(option.value)}
            />
            <label htmlFor={`${ids.id}-${option.value}`}>{option.label}</label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}
