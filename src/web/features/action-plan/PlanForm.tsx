import { type FormEvent, useId, useState } from "react";
import type { ActionPlanView } from "../../api/endpoints";
import { useApi } from "../../auth/useAuth";
import { useSubmit } from "../../hooks/useSubmit";
import { localDateInput } from "../../i18n/dates";
import { useT } from "../../i18n/useT";
import { DateField } from "../../ui/DateField";
import { TextField } from "../../ui/Field";
import { ErrorSummary } from "../../ui/Messages";

const fields = ["title", "adoptedBy", "adoptedOn", "fromYear", "toYear"] as const;

/** Ny handlingsplan: the plan as the committee adopted it; the five fixed areas come with it. */
export function PlanForm({ onSaved }: { onSaved: (plan: ActionPlanView) => void }) {
  const { t } = useT();
  const api = useApi();
  const submit = useSubmit(fields);
  const thisYear = new Date().getFullYear();
  const [draft, setDraft] = useState({
    title: "",
    adoptedBy: "",
    adoptedOn: localDateInput(new Date()),
    fromYear: String(thisYear),
    toYear: String(thisYear + 2),
  });
  const titleId = `${useId()}-title`;
  const set = (changes: Partial<typeof draft>) => setDraft((d) => ({ ...d, ...changes }));

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    // A year the person did not write as digits goes as NaN, and the server names the field.
    const body = { ...draft, fromYear: Number(draft.fromYear), toYear: Number(draft.toYear) };
    await submit.run(async () => onSaved(await api.createActionPlan(body)));
  }

  return (
    <form className="form" aria-labelledby={titleId} onSubmit={handleSubmit} noValidate>
      <h3 id={titleId}>{t("planForm.title")}</h3>
      <ErrorSummary errors={submit.errors} />
      <TextField
        label={t("planForm.name")}
        name="title"
        value={draft.title}
        onChange={(e) => set({ title: e.target.value })}
        error={submit.fieldError("title")}
      />
      <TextField
        label={t("planForm.adoptedBy")}
        name="adoptedBy"
        value={draft.adoptedBy}
        onChange={(e) => set({ adoptedBy: e.target.value })}
        error={submit.fieldError("adoptedBy")}
      />
      <DateField
        label={t("planForm.adoptedOn")}
        name="adoptedOn"
        value={draft.adoptedOn}
        onChange={(adoptedOn) => set({ adoptedOn })}
        error={submit.fieldError("adoptedOn")}
      />
      <TextField
        label={t("planForm.fromYear")}
        name="fromYear"
        inputMode="numeric"
        value={draft.fromYear}
        onChange={(e) => set({ fromYear: e.target.value })}
        error={submit.fieldError("fromYear")}
      />
      <TextField
        label={t("planForm.toYear")}
        name="toYear"
        inputMode="numeric"
        value={draft.toYear}
        onChange={(e) => set({ toYear: e.target.value })}
        error={submit.fieldError("toYear")}
      />
      <button type="submit" className="button" disabled={submit.pending}>
        {t("planForm.save")}
      </button>
    </form>
  );
}
