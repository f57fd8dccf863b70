import { type FormEvent, useId, useState } from "react";
import type { AgreementView } from "../../api/endpoints";
import { useApi } from "../../auth/useAuth";
import { useSubmit } from "../../hooks/useSubmit";
import { localDateInput } from "../../i18n/dates";
import { useT } from "../../i18n/useT";
import { DateField } from "../../ui/DateField";
import { TextAreaField } from "../../ui/Field";
import { ErrorSummary } from "../../ui/Messages";
import { followUpDefaults, latestFollowUpOffered } from "./agreement-model";

const followUpFields = ["followedUpOn", "findings", "nextFollowUpOn"] as const;

/**
 * Registrera uppföljning: when, what was found, and the next follow-up. The 24-month rule is
 * the server's: its 400 ("… senast 24 månader efter uppföljningen …") is shown at the field.
 */
export function FollowUpForm({
  agreementId,
  version,
  onSaved,
  beforeSave,
}: {
  agreementId: string;
  /** The agreement's version shown: a follow-up someone else recorded meanwhile makes it 409. */
  version: number;
  onSaved: (agreement: AgreementView) => void;
  beforeSave: () => void;
}) {
  const { t } = useT();
  const api = useApi();
  const submit = useSubmit(followUpFields);
  const [draft, setDraft] = useState(() => followUpDefaults(localDateInput(new Date())));
  const titleId = `${useId()}-title`;
  const set = (changes: Partial<typeof draft>) => setDraft((d) => ({ ...d, ...changes }));

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    beforeSave();
    const ok = await submit.run(async () =>
      onSaved(await api.recordAgreementFollowUp(agreementId, { ...draft, version })),
    );
    // Recorded: the form is ready for the next one, not showing this one twice.
    if (ok) setDraft(followUpDefaults(localDateInput(new Date())));
  }

  return (
    <form className="form" aria-labelledby={titleId} onSubmit={handleSubmit} noValidate>
      <h2 id={titleId}>{t("followUp.title")}</h2>
      <ErrorSummary errors={submit.errors} />
      <DateField
        label={t("followUp.followedUpOn")}
        name="followedUpOn"
        value={draft.followedUpOn}
        onChange={(followedUpOn) => set({ followedUpOn })}
        error={submit.fieldError("followedUpOn")}
      />
      <TextAreaField
        label={t("followUp.findings")}
        name="findings"
        value={draft.findings}
        onChange={(e) => set({ findings: e.target.value })}
        error={submit.fieldError("findings")}
      />
      <DateField
        label={t("followUp.nextFollowUpOn")}
        hint={t("followUp.nextHint")}
        name="nextFollowUpOn"
        value={draft.nextFollowUpOn}
        max={latestFollowUpOffered(draft.followedUpOn)}
        onChange={(nextFollowUpOn) => set({ nextFollowUpOn })}
        error={submit.fieldError("nextFollowUpOn")}
      />
      <button type="submit" className="button" disabled={submit.pending}>
        {t("followUp.save")}
      </button>
    </form>
  );
}
