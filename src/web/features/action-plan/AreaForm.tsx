import { type FormEvent, useId, useState } from "react";
import { useApi } from "../../auth/useAuth";
import { useT } from "../../i18n/useT";
import { TextField } from "../../ui/Field";
import { ErrorSummary } from "../../ui/Messages";
import { type PlanChangeProps, usePlanChange } from "./plan-change";

/** Nytt eget område: an area of the organisation's own next to the five fixed ones. */
export function AreaForm(props: PlanChangeProps) {
  const { t } = useT();
  const api = useApi();
  const { submit, run } = usePlanChange(["title"], props);
  const [title, setTitle] = useState("");
  const titleId = `${useId()}-title`;

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const ok = await run(async () => {
      const plan = await api.addActionPlanArea(props.plan.id, {
        title,
        version: props.plan.version,
      });
      props.onSaved(plan, t("areaForm.saved", { title: title.trim() }));
    });
    if (ok) setTitle("");
  }

  return (
    <form className="form" aria-labelledby={titleId} onSubmit={handleSubmit} noValidate>
      <h3 id={titleId}>{t("areaForm.title")}</h3>
      <ErrorSummary errors={submit.errors} />
      <TextField
        label={t("areaForm.name")}
        name="title"
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        error={submit.fieldError("title")}
      />
      <button type="submit" className="button" disabled={submit.pending}>
        {t("areaForm.save")}
      </button>
    </form>
  );
}
