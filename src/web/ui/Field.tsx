import type {
  InputHTMLAttributes,
  ReactNode,
  Ref,
  SelectHTMLAttributes,
  TextareaHTMLAttributes,
} from "react";
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
