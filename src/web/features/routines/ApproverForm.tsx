import { type FormEvent, useId, useState } from "react";
import { useApi } from "../../auth/useAuth";
import { useSubmit } from "../../hooks/useSubmit";
import { useT } from "../../i18n/useT";
import { CheckboxField, TextField } from "../../ui/Field";
import { ErrorSummary, StatusMessage } from "../../ui/Messages";

/**
 * Ny beslutsinstans: a body or role that approves routines ("Socialnämnden", "Socialchef"),
 * marked when it is management — only management's approval makes a routine count.
 */
export function ApproverForm({ onSaved }: { onSaved: () => void }) {
  const { t } = useT();
  const api = useApi();
  const submit = useSubmit(["name", "management"]);
  const [name, setName] = useState("");
  const [management, setManagement] = useState(true);
  const [saved, setSaved] = useState<string | null>(null);
  const titleId = `${useId()}-title`;

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setSaved(null);
    const ok = await submit.run(async () => {
      await api.addRoutineApprover({ name, management });
    });
    if (ok) {
      setSaved(t("approverForm.saved", { name: name.trim() }));
      setName("");
      onSaved();
    }
  }

  return (
    <form className="form" aria-labelledby={titleId} onSubmit={handleSubmit} noValidate>
      <h3 id={titleId}>{t("approverForm.title")}</h3>
      <ErrorSummary errors={submit.errors} />
      <StatusMessage message={saved} />
      <TextField
        label={t("approverForm.name")}
        name="name"
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={submit.fieldError("name")}
      />
      <CheckboxField
        label={t("approverForm.management")}
        name="management"
        checked={management}
        onChange={(e) => setManagement(e.target.checked)}
        error={submit.fieldError("management")}
      />
      <button type="submit" className="button" disabled={submit.pending}>
        {t("approverForm.save")}
      </button>
    </form>
  );
}
