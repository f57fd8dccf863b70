import { useState } from "react";
import { ApiError } from "../../api/client";
import { useT } from "../../i18n/useT";
import { CheckboxField } from "../../ui/Field";

/*
 * The server answers 422 names_to_confirm when a text looks like it names someone: both
 * consultation logs — the resource function's and a case's anonymised consultations — then
 * show one notice with a box, and the next save sends confirmNames.
 */

/** Whether the server noticed a name, and whether the worker has confirmed it is none. */
export function useNamesCheck() {
  const [found, setFound] = useState(false);
  const [confirmed, setConfirmed] = useState(false);
  return {
    found,
    confirmed,
    setConfirmed,
    /** What the next save sends as confirmNames. */
    confirmNames: found && confirmed,
    /** A changed text is checked again: the confirmation was for the text as it was. */
    changed: () => setConfirmed(false),
    /** Sends; a name noticed shows the notice, a save starts the next record unconfirmed. */
    send: async (action: () => Promise<void>) => {
      try {
        await action();
        setFound(false);
        setConfirmed(false);
      } catch (error) {
        setFound(error instanceof ApiError && error.code === "names_to_confirm");
        throw error;
      }
    },
  };
}

type NamesCheck = ReturnType<typeof useNamesCheck>;

/**
 * The end of a consultation form: the notice (once a name was noticed) and the save button,
 * which says "Spara ändå" once the worker has confirmed. `texts` names the log's messages.
 */
export function SaveWithNamesCheck(props: {
  check: NamesCheck;
  pending: boolean;
  texts: "caseConsult" | "consultations.form";
}) {
  const { t } = useT();
  const { check, texts } = props;
  return (
    <>
      {check.found && (
        <fieldset className="notice">
          <legend className="notice__title">{t(`${texts}.namesTitle`)}</legend>
          <p>{t(`${texts}.namesText`)}</p>
          <CheckboxField
            label={t(`${texts}.confirmNames`)}
            name="confirmNames"
            checked={check.confirmed}
            onChange={(e) => check.setConfirmed(e.target.checked)}
          />
        </fieldset>
      )}
      <button type="submit" className="button" disabled={props.pending}>
        {t(check.confirmNames ? `${texts}.saveAnyway` : `${texts}.save`)}
      </button>
    </>
  );
}
