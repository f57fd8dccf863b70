import { type FormEvent, useId, useState } from "react";
import type { ActionPlanView } from "../../api/endpoints";
import { useApi } from "../../auth/useAuth";
import type { Submit } from "../../hooks/useSubmit";
import { useSubmit } from "../../hooks/useSubmit";
import { localDateInput } from "../../i18n/dates";
import { useT } from "../../i18n/useT";
import { DateField } from "../../ui/DateField";
import { TextField } from "../../ui/Field";
import { ErrorSummary } from "../../ui/Messages";
import { type PlanChangeProps, usePlanChange, usePlanDraft } from "./plan-change";

const fields = ["title", "adoptedBy", "adoptedOn", "fromYear", "toYear"] as const;
type Draft = Record<(typeof fields)[number], string>;
// A change sends the head as `plan` beside the version, so the server names fields "plan.…".
const headFields = fields.map((f) => `plan.${f}`);

// A year the person did not write as digits goes as NaN, and the server names the field.
const bodyOf = (draft: Draft) => ({
  ...draft,
  fromYear: Number(draft.fromYear),
  toYear: Number(draft.toYear),
});

/** Ny handlingsplan: the plan as the committee adopted it; the five fixed areas come with it. */
export function PlanForm({ onSaved }: { onSaved: (plan: ActionPlanView) => void }) {
  const { t } = useT();
  const api = useApi();
  const submit = useSubmit(fields);
  const thisYear = new Date().getFullYear();
  const [draft, setDraft] = useState<Draft>({
    title: "",
    adoptedBy: "",
    adoptedOn: localDateInput(new Date()),
    fromYear: String(thisYear),
    toYear: String(thisYear + 2),
  });
  const titleId = `${useId()}-title`;

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    await submit.run(async () => onSaved(await api.createActionPlan(bodyOf(draft))));
  }

  return (
    <form className="form" aria-labelledby={titleId} onSubmit={handleSubmit} noValidate>
      <h3 id={titleId}>{t("planForm.title")}</h3>
      <ErrorSummary errors={submit.errors} />
      <PlanHeadFields draft={draft} setDraft={setDraft} submit={submit} prefix="" />
      <button type="submit" className="button" disabled={submit.pending}>
        {t("planForm.save")}
      </button>
    </form>
  );
}

/**
 * Ändra planen: the plan's name, adoption and period as the committee changed them, sent with
 * the version the page shows (the server keeps a period that holds every follow-up). Fields
 * not touched follow the plan when the page reads a newer version (usePlanDraft).
 */
export function PlanHeadForm(props: PlanChangeProps) {
  const { t } = useT();
  const api = useApi();
  const { submit, run } = usePlanChange(headFields, props);
  const { plan } = props;
  const [draft, setDraft] = usePlanDraft<Draft>(
    {
      title: plan.title,
      adoptedBy: plan.adoptedBy,
      adoptedOn: plan.adoptedOn,
      fromYear: String(plan.fromYear),
      toYear: String(plan.toYear),
    },
    plan.version,
  );
  const titleId = `${useId()}-title`;

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    await run(async () => {
      const body = { plan: bodyOf(draft), version: plan.version };
      const saved = await api.changeActionPlan(plan.id, body);
      props.onSaved(saved, t("planForm.changed", { title: saved.title }));
    });
  }

  return (
    <form className="form" aria-labelledby={titleId} onSubmit={handleSubmit} noValidate>
      <h3 id={titleId}>{t("planForm.editTitle")}</h3>
      <ErrorSummary errors={submit.errors} />
      <PlanHeadFields draft={draft} setDraft={setDraft} submit={submit} prefix="plan." />
      <button type="submit" className="button" disabled={submit.pending}>
        {t("planForm.change")}
      </button>
    </form>
  );
}

/** The plan's head; `prefix` is where the server names its fields ("plan." when changed). */
function PlanHeadFields({
  draft,
  setDraft,
  submit,
  prefix,
}: {
  draft: Draft;
  setDraft: (update: (d: Draft) => Draft) => void;
  submit: Submit;
  prefix: "" | "plan.";
}) {
  const { t } = useT();
  const set = (changes: Partial<Draft>) => setDraft((d) => ({ ...d, ...changes }));
  const error = (field: (typeof fields)[number]) => submit.fieldError(`${prefix}${field}`);
  return (
    <>
      <TextField
        label={t("planForm.name")}
        name="title"
        value={draft.title}
        onChange={(e) => set({ title: e.target.value })}
        error={error("title")}
      />
      <TextField
        label={t("planForm.adoptedBy")}
        name="adoptedBy"
        value={draft.adoptedBy}
        onChange={(e) => set({ adoptedBy: e.target.value })}
        error={error("adoptedBy")}
      />
      <DateField
        label={t("planForm.adoptedOn")}
        name="adoptedOn"
        value={draft.adoptedOn}
        onChange={(adoptedOn) => set({ adoptedOn })}
        error={error("adoptedOn")}
      />
      <TextField
        label={t("planForm.fromYear")}
        name="fromYear"
        inputMode="numeric"
        value={draft.fromYear}
        onChange={(e) => set({ fromYear: e.target.value })}
        error={error("fromYear")}
      />
      <TextField
        label={t("planForm.toYear")}
        name="toYear"
        inputMode="numeric"
        value={draft.toYear}
        onChange={(e) => set({ toYear: e.target.value })}
        error={error("toYear")}
      />
    </>
  );
}
