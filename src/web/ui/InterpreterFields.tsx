import { useT } from "../i18n/useT";
import { CheckboxField, TextField } from "./Field";

/**
 * "Needs an interpreter" and, only then, the language: asked at intake and on the person
 * page alike. The server requires the language when an interpreter is needed.
 */
export function InterpreterFields({
  neededLabel,
  needed,
  language,
  onChange,
  fieldError,
}: {
  neededLabel: string;
  needed: boolean;
  language: string;
  onChange: (patch: { interpreterNeeded?: boolean; interpreterLanguage?: string }) => void;
  fieldError: (name: string) => string | undefined;
}) {
  const { t } = useT();
  return (
    <>
      <CheckboxField
        label={neededLabel}
        name="interpreterNeeded"
        checked={needed}
        onChange={(e) => onChange({ interpreterNeeded: e.target.checked })}
        error={fieldError("interpreterNeeded")}
      />
      {needed && (
        <TextField
          label={t("person.interpreterLanguage")}
          name="interpreterLanguage"
          value={language}
          onChange={(e) => onChange({ interpreterLanguage: e.target.value })}
          error={fieldError("interpreterLanguage")}
        />
      )}
    </>
  );
}
