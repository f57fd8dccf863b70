import { type FormEvent, type ReactNode, useId, useState } from "react";
import type { PoliceCollaboration } from "../../api/endpoints";
import { type Submit, useSubmit } from "../../hooks/useSubmit";
import type { PlainMessageKey } from "../../i18n/messages";
import { useT } from "../../i18n/useT";
import { SelectField } from "../../ui/Field";
import { ErrorSummary } from "../../ui/Messages";
import { OnDemand } from "../../ui/OnDemand";

/*
 * What the police panel's three forms (an order, an alarm, an incident) have in common: a
 * draft of texts (blank: not given), each field bound to its value and the server's words
 * about it, a select of named choices, and the frame behind its button ("Registrera …").
 */

export interface FormProps {
  caseId: string;
  onSaved: (data: PoliceCollaboration) => void;
}

type Draft<F extends string> = Record<F, string>;

/** A text or select control bound to its field of the draft. */
export interface BoundField {
  name: string;
  value: string;
  error: string | undefined;
  onChange: (e: { target: { value: string } }) => void;
}
const blank = <F extends string>(fields: readonly F[]) =>
  Object.fromEntries(fields.map((f) => [f, ""])) as Draft<F>;

/**
 * A form's draft. `field` binds a text or select control, `date` a DateField; `save` sends
 * the draft and, once the server took it, starts the form over for the next record.
 */
export function useDraft<F extends string>(fields: readonly F[]) {
  const submit = useSubmit(fields);
  const [draft, setDraft] = useState(() => blank(fields));
  const set = (name: F, value: string) => setDraft((d) => ({ ...d, [name]: value }));
  const bound = (name: F) => ({ name, value: draft[name], error: submit.fieldError(name) });
  return {
    submit,
    draft,
    field: (name: F): BoundField => ({
      ...bound(name),
      onChange: (e: { target: { value: string } }) => set(name, e.target.value),
    }),
    date: (name: F) => ({ ...bound(name), onChange: (value: string) => set(name, value) }),
    save: async (send: (draft: Draft<F>) => Promise<void>) => {
      if (await submit.run(() => send(draft))) setDraft(blank(fields));
    },
  };
}

export interface Choice {
  value: string;
  label: string;
}

/** The choices of a catalogue, named by its messages (`policeCollab.orderKind.contact`). */
export function useNamedChoices() {
  const { t } = useT();
  return (values: readonly string[], prefix: string): Choice[] =>
    values.map((value) => ({ value, label: t(`${prefix}.${value}` as PlainMessageKey) }));
}

/** A select of named choices after a first empty one ("Välj", or "Ingen" where optional). */
export function ChoiceField(
  props: {
    label: string;
    empty: string;
    choices: readonly Choice[];
  } & BoundField,
) {
  const { empty, choices, ...select } = props;
  return (
    <SelectField {...select}>
      <option value="">{empty}</option>
      {choices.map((c) => (
        <option key={c.value} value={c.value}>
          {c.label}
        </option>
      ))}
    </SelectField>
  );
}

/**
 * One police form behind its button: the button and the form's heading say what it records,
 * the server's words stand above the form, the save button ends it.
 */
export function PoliceForm(props: {
  title: string;
  saveLabel: string;
  submit: Submit;
  onSubmit: () => Promise<void>;
  children: ReactNode;
}) {
  const titleId = `${useId()}-title`;
  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    void props.onSubmit();
  };
  return (
    <OnDemand label={props.title}>
      <h3 id={titleId}>{props.title}</h3>
      <ErrorSummary errors={props.submit.errors} />
      <form
        className="form form--wide"
        aria-labelledby={titleId}
        onSubmit={handleSubmit}
        noValidate
      >
        {props.children}
        <button type="submit" className="button" disabled={props.submit.pending}>
          {props.saveLabel}
        </button>
      </form>
    </OnDemand>
  );
}
