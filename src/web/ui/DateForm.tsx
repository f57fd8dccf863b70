import { type FormEvent, useId } from "react";
import type { Submit } from "../hooks/useSubmit";
import { localDateInput } from "../i18n/dates";
import { DateField } from "./DateField";
import { ErrorSummary } from "./Messages";

/**
 * A command that needs only a date ("Behandlingen började", "Information given", "Samtycket
 * återkallades"): a titled inline form with one date field, never in the future, and the
 * submit's messages. The caller keeps the value and decides what submitting does.
 */
export function DateForm(props: {
  title: string;
  /** Shown to screen readers only, where the surrounding article already says it. */
  titleHidden?: boolean;
  /** The heading's level where it stands (a form inside an article's h4 is an h5). */
  level?: "h3" | "h5";
  intro?: string;
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  submitLabel: string;
  secondary?: boolean;
  submit: Submit;
  onSubmit: (event: FormEvent) => void;
}) {
  const titleId = `${useId()}-title`;
  const Heading = props.level ?? "h3";
  return (
    <>
      <Heading id={titleId} className={props.titleHidden ? "visually-hidden" : undefined}>
        {props.title}
      </Heading>
      {props.intro && <p className="muted">{props.intro}</p>}
      <ErrorSummary errors={props.submit.errors} />
      <form
        className="form form--inline"
        aria-labelledby={titleId}
        onSubmit={props.onSubmit}
        noValidate
      >
        <DateField
          label={props.label}
          name={props.name}
          max={localDateInput(new Date())}
          value={props.value}
          onChange={props.onChange}
          error={props.submit.fieldError(props.name)}
        />
        <button
          type="submit"
          className={props.secondary ? "button button--secondary" : "button"}
          disabled={props.submit.pending}
        >
          {props.submitLabel}
        </button>
      </form>
    </>
  );
}
