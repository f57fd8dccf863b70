import type { FormEvent, ReactNode } from "react";
import { IdentifierKind } from "../../../shared/api/identity-providers";
import type { Submit } from "../../hooks/useSubmit";
import type { PlainMessageKey } from "../../i18n/messages";
import { useT } from "../../i18n/useT";
import { SelectField, TextAreaField, TextField } from "../../ui/Field";
import { ErrorSummary } from "../../ui/Messages";
import { identifierKindLabels, loa3 } from "./labels";

/*
 * The parts both protocols' forms share (ProviderForm for OpenID Connect, SamlProviderForm):
 * the frame with its title, summary and buttons, the kind of identifier with where it
 * arrives, and the required assurance levels one per line.
 */

/** Values typed one per line, blank lines dropped. */
export function lines(text: string): string[] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "");
}

/** The first message for a list field: the list's own, else one of its items'. */
export function listError(error: (name: string) => string | undefined, name: string) {
  return error(name) ?? Array.from({ length: 10 }, (_, i) => error(`${name}.${i}`)).find(Boolean);
}

export function ProviderFormFrame({
  titleId,
  title,
  submit,
  submitLabel,
  onSubmit,
  onCancel,
  children,
}: {
  titleId: string;
  title: string;
  submit: Submit;
  submitLabel: string;
  onSubmit: () => Promise<void>;
  onCancel?: (() => void) | undefined;
  children: ReactNode;
}) {
  const { t } = useT();
  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    await submit.run(onSubmit);
  }
  return (
    <div className="subsection">
      <h3 id={titleId}>{title}</h3>
      <ErrorSummary errors={submit.errors} />
      <form className="form" aria-labelledby={titleId} onSubmit={handleSubmit} noValidate>
        {children}
        <div className="form__actions">
          <button type="submit" className="button" disabled={submit.pending}>
            {submitLabel}
          </button>
          {onCancel && (
            <button type="button" className="button button--secondary" onClick={onCancel}>
              {t("loginAdmin.cancelEdit")}
            </button>
          )}
        </div>
      </form>
    </div>
  );
}

export interface Identifier {
  identifierKind: IdentifierKind;
  /** The claim (OIDC) or attribute (SAML) holding it. */
  identifierClaim: string;
}

/**
 * The kind of identifier and where it arrives; changing the kind suggests its usual place
 * (`usual`), unless the administrator typed another.
 */
export function IdentifierFields({
  value,
  usual,
  claimLabel,
  claimHint,
  claimName,
  onChange,
  error,
}: {
  value: Identifier;
  usual: Record<IdentifierKind, string>;
  claimLabel: PlainMessageKey;
  claimHint: "loginAdmin.identifierClaimHint" | "loginAdmin.identifierAttributeHint";
  claimName: string;
  onChange: (value: Identifier) => void;
  error: { kind?: string | undefined; claim?: string | undefined };
}) {
  const { t } = useT();
  return (
    <>
      <SelectField
        label={t("loginAdmin.identifierKind")}
        hint={t("loginAdmin.identifierKindHint")}
        name="identifierKind"
        value={value.identifierKind}
        onChange={(e) => {
          const kind = e.target.value as IdentifierKind;
          const suggested = Object.values(usual).includes(value.identifierClaim);
          onChange({
            identifierKind: kind,
            identifierClaim: suggested ? usual[kind] : value.identifierClaim,
          });
        }}
        error={error.kind}
      >
        {IdentifierKind.options.map((kind) => (
          <option key={kind} value={kind}>
            {t(identifierKindLabels[kind])}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t(claimLabel)}
        hint={t(claimHint, {
          kind: t(identifierKindLabels[value.identifierKind]),
          claim: usual[value.identifierKind],
        })}
        name={claimName}
        autoComplete="off"
        spellCheck={false}
        value={value.identifierClaim}
        onChange={(e) => onChange({ ...value, identifierClaim: e.target.value })}
        error={error.claim}
      />
    </>
  );
}

/** The required assurance levels, one per line; LoA3 offered when it is not there. */
export function AcrField({
  label,
  name,
  value,
  onChange,
  error,
}: {
  label: PlainMessageKey;
  name: string;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
}) {
  const { t } = useT();
  return (
    <>
      <TextAreaField
        label={t(label)}
        hint={t("loginAdmin.acrValuesHint", { loa3 })}
        name={name}
        spellCheck={false}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        error={error}
      />
      {!value.includes(loa3) && (
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() => onChange([value.trim(), loa3].filter(Boolean).join("\n"))}
        >
          {t("loginAdmin.useLoa3")}
        </button>
      )}
    </>
  );
}
