import { type FormEvent, useId } from "react";
import { useApi } from "../../auth/useAuth";
import { useT } from "../../i18n/useT";
import { TextField } from "../../ui/Field";
import { ErrorSummary } from "../../ui/Messages";
import { type PlanChangeProps, usePlanChange, usePlanDraft } from "./plan-change";

/**
 * Nytt eget område: an area of the organisation's own next to the five fixed ones; given an own
 * area, the form renames it (the fixed areas keep the names the committee follows up).
 */
export function AreaForm(props: PlanChangeProps & { area?: { id: string; title: string } }) {
  const { t } = useT();
  const api = useApi();
  const { submit, run } = usePlanChange(["title"], props);
  const { area } = props;
  // A rename not begun follows the area's name should another manager rename it meanwhile.
  const [draft, setDraft] = usePlanDraft({ title: area?.title ?? "" }, props.plan.version);
  const { title } = draft;
  const setTitle = (next: string) => setDraft(() => ({ title: next }));
  const titleId = `${useId()}-title`;
  const Heading = area ? "h4" : "h3";

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const ok = await run(async () => {
      const input = { title, version: props.plan.version };
      const plan = area
        ? await api.renameActionPlanArea(props.plan.id, area.id, input)
        : await api.addActionPlanArea(props.plan.id, input);
      const said = area ? "areaForm.renamed" : "areaForm.saved";
      props.onSaved(plan, t(said, { title: title.trim() }));
    });
    if (ok && !area) setTitle("");
  }

  return (
    <form className="form" aria-labelledby={titleId} onSubmit={handleSubmit} noValidate>
      <Heading id={titleId}>
        {area ? t("areaForm.renameTitle", { title: area.title }) : t("areaForm.title")}
      </Heading>
      <ErrorSummary errors={submit.errors} />
      <TextField
        label={t("areaForm.name")}
        name="title"
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        error={submit.fieldError("title")}
      />
      <button type="submit" className="button" disabled={submit.pending}>
        {area ? t("areaForm.rename") : t("areaForm.save")}
      </button>
    </form>
  );
}
