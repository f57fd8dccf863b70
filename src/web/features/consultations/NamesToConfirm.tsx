import { CheckboxField } from "../../ui/Field";

/**
 * The server answered 422 names_to_confirm (a text looks like it names someone): the one
 * notice both consultation logs show — the resource function's and a case's anonymised
 * consultations — with the box that sends confirmNames on the next save.
 */
export function NamesToConfirm(props: {
  title: string;
  text: string;
  label: string;
  confirmed: boolean;
  onConfirmed: (confirmed: boolean) => void;
}) {
  return (
    <fieldset className="notice">
      <legend className="notice__title">{props.title}</legend>
      <p>{props.text}</p>
      <CheckboxField
        label={props.label}
        name="confirmNames"
        checked={props.confirmed}
        onChange={(e) => props.onConfirmed(e.target.checked)}
      />
    </fieldset>
  );
}
