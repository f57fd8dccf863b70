import {
  type InputHTMLAttributes,
  type ReactNode,
  type Ref,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  useId,
} from "react";

interface FieldProps {
  label: string;
  hint?: string;
  /** The server's message for this field; linked to the control with aria-describedby. */
  error?: string | undefined;
}

/** Ids and ARIA attributes that tie a control to its hint and error message. */
function useFieldIds(hint: string | undefined, error: string | undefined) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ");
  return {
    id,
    hintId,
    errorId,
    controlProps: {
      id,
      "aria-describedby": describedBy || undefined,
      "aria-invalid": error ? true : undefined,
    },
  };
}

function HintAndError({
  hint,
  hintId,
  error,
  errorId,
}: {
  hint: string | undefined;
  hintId: string;
  error: string | undefined;
  errorId: string;
}) {
  return (
    <>
      {hint && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      )}
    </>
  );
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
 * A date input and a time input that together give one value (e.g. "when it happened"):
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
        <DateTimePart
          id={`${ids.id}-date`}
          label={dateLabel}
          type="date"
          name={`${name}Date`}
          value={date}
          max={maxDate}
          onChange={onDateChange}
          shared={shared}
        />
        <DateTimePart
          id={`${ids.id}-time`}
          label={timeLabel}
          type="time"
          name={`${name}Time`}
          value={time}
          onChange={onTimeChange}
          shared={shared}
        />
      </div>
    </fieldset>
  );
}

/** One labelled input of a date-and-time pair; the pair's hint and error describe both. */
function DateTimePart({
  id,
  label,
  type,
  name,
  value,
  max,
  onChange,
  shared,
}: {
  id: string;
  label: string;
  type: "date" | "time";
  name: string;
  value: string;
  max?: string | undefined;
  onChange: (value: string) => void;
  shared: { "aria-describedby": string | undefined; "aria-invalid": boolean | undefined };
}) {
  return (
    <div className="field__part">
      <label htmlFor={id}>{label}</label>
      <input
        className="field__control"
        type={type}
        name={name}
        id={id}
        value={value}
        max={max}
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
