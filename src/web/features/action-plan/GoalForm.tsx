import { type FormEvent, useId } from "react";
import type { IndicatorCode } from "../../../shared/api/action-plan";
import type { ActionPlanGoal } from "../../api/endpoints";
import { useApi } from "../../auth/useAuth";
import { useT } from "../../i18n/useT";
import { SelectField, TextAreaField, TextField } from "../../ui/Field";
import { ErrorSummary } from "../../ui/Messages";
import { type PlanChangeProps, usePlanChange, usePlanDraft } from "./plan-change";
import { areaKey, parseAmount } from "./plan-model";

const fields = [
  "areaId",
  "title",
  "description",
  "indicator.name",
  "indicator.unit",
  "indicator.target",
  "indicator.code",
] as const;

const empty = { areaId: "", title: "", description: "", name: "", unit: "", target: "", code: "" };

/** The form's fields for a goal as it stands (a target with the decimal comma it is typed with). */
const draftOf = (goal: ActionPlanGoal) => ({
  areaId: goal.areaId,
  title: goal.title,
  description: goal.description,
  name: goal.indicator.name,
  unit: goal.indicator.unit,
  target: String(goal.indicator.target).replace(".", ","),
  code: goal.indicator.code ?? "",
});

/**
 * Nytt mål / Ändra målet: a goal in one of the plan's areas with its indicator and target. The
 * indicator is either counted by Frid (one of the catalogue's codes) or entered by hand at
 * follow-up. Given a goal, the form changes that goal.
 */
export function GoalForm(props: PlanChangeProps & { goal?: ActionPlanGoal }) {
  const { t } = useT();
  const api = useApi();
  const { submit, run } = usePlanChange(fields, props);
  const { goal } = props;
  // A goal's fields not touched follow the goal as the plan read again has it.
  const [draft, setDraft] = usePlanDraft(goal ? draftOf(goal) : empty, props.plan.version);
  const titleId = `${useId()}-title`;
  // Opened inside the goal's card (under its h3) when it changes a goal.
  const Heading = goal ? "h4" : "h3";
  const set = (changes: Partial<typeof draft>) => setDraft((d) => ({ ...d, ...changes }));
  const { plan } = props;

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const target = parseAmount(draft.target);
    if (target === null) return submit.reject({ "indicator.target": t("goalForm.errorTarget") });
    const ok = await run(async () => {
      const input = {
        areaId: draft.areaId,
        title: draft.title,
        description: draft.description,
        indicator: {
          name: draft.name,
          unit: draft.unit,
          target,
          code: draft.code === "" ? null : (draft.code as IndicatorCode),
        },
        version: plan.version,
      };
      const saved = goal
        ? await api.changeActionPlanGoal(plan.id, goal.id, input)
        : await api.addActionPlanGoal(plan.id, input);
      const said = goal ? "goalForm.changed" : "goalForm.saved";
      props.onSaved(saved, t(said, { title: draft.title.trim() }));
    });
    if (ok && !goal) setDraft(() => empty);
  }

  return (
    <form className="form" aria-labelledby={titleId} onSubmit={handleSubmit} noValidate>
      <Heading id={titleId}>
        {goal ? t("goalForm.editTitle", { goal: goal.title }) : t("goalForm.title")}
      </Heading>
      <ErrorSummary errors={submit.errors} />
      <SelectField
        label={t("goalForm.area")}
        name="areaId"
        value={draft.areaId}
        onChange={(e) => set({ areaId: e.target.value })}
        error={submit.fieldError("areaId")}
      >
        <option value="">{t("goalForm.chooseArea")}</option>
        {plan.areas.map((a) => (
          <option key={a.id} value={a.id}>
            {a.kind === "own" ? a.title : t(areaKey(a.kind))}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t("goalForm.name")}
        name="title"
        value={draft.title}
        onChange={(e) => set({ title: e.target.value })}
        error={submit.fieldError("title")}
      />
      <TextAreaField
        label={t("goalForm.description")}
        name="description"
        value={draft.description}
        onChange={(e) => set({ description: e.target.value })}
        error={submit.fieldError("description")}
      />
      <SelectField
        label={t("goalForm.code")}
        name="code"
        value={draft.code}
        onChange={(e) => {
          // A computed indicator brings its own name and unit; the person may still change them.
          const chosen = plan.indicators.find((i) => i.code === e.target.value);
          set(chosen ? { code: chosen.code, name: chosen.name, unit: chosen.unit } : { code: "" });
        }}
        error={submit.fieldError("indicator.code")}
      >
        <option value="">{t("goalForm.manual")}</option>
        {plan.indicators.map((i) => (
          <option key={i.code} value={i.code}>
            {i.name}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t("goalForm.indicatorName")}
        name="indicatorName"
        value={draft.name}
        onChange={(e) => set({ name: e.target.value })}
        error={submit.fieldError("indicator.name")}
      />
      <TextField
        label={t("goalForm.unit")}
        name="unit"
        value={draft.unit}
        onChange={(e) => set({ unit: e.target.value })}
        error={submit.fieldError("indicator.unit")}
      />
      <TextField
        label={t("goalForm.target")}
        name="target"
        inputMode="decimal"
        value={draft.target}
        onChange={(e) => set({ target: e.target.value })}
        error={submit.fieldError("indicator.target")}
      />
      <button type="submit" className="button" disabled={submit.pending}>
        {goal ? t("goalForm.change") : t("goalForm.save")}
      </button>
    </form>
  );
}
