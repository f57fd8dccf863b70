import type { ActionPlanYear } from "../../../shared/api/action-plan.ts";
import type { OpenComparisonsAnswer } from "../../../shared/api/routines.ts";
import type { YearlyReportSection } from "../../../shared/api/yearly-report.ts";
import { buildTable, type TableContext } from "./table.ts";

/**
 * The action plan's follow-up (actionPlanFollowUp, branch h20-plan) and the Öppna
 * jämförelser answers (openComparisonsAnswers, branch h20-routines) as report tables. Both are
 * the organisation's own, no client's data: never suppressed.
 */

const statusLabels = {
  reached: "Uppnått",
  partly_reached: "Delvis uppnått",
  not_reached: "Inte uppnått",
  ongoing: "Pågår",
} as const;

export function actionPlanSection(f: ActionPlanYear, ctx: TableContext): YearlyReportSection {
  const open = { ...ctx, suppressed: false };
  const goals = f.areas.flatMap((a, i) => a.goals.map((g, j) => ({ g, id: `goal-${i}-${j}` })));
  const table = buildTable(
    {
      id: "action-plan",
      title: f.plan ? `Handlingsplan: ${f.plan.title}` : "Handlingsplan",
      ...(f.plan ? {} : { note: "Ingen handlingsplan gäller för året." }),
      chart: "none",
      columns: [
        { id: "target", label: "Målvärde", kind: "count" },
        { id: "value", label: "Utfall", kind: "count" },
        { id: "status", label: "Status", kind: "text" },
      ],
      rows: goals.map(({ g, id }) => ({
        id,
        label: g.title,
        values: [g.indicator.target, g.followUp?.value ?? null, null],
        texts: [undefined, undefined, g.followUp ? statusLabels[g.followUp.status] : "Ej uppföljt"],
      })),
    },
    open,
  );
  return { id: "action-plan", title: "Handlingsplanens uppföljning", summary: [], tables: [table] };
}

export function openComparisonsSection(
  answers: OpenComparisonsAnswer[],
  ctx: TableContext,
): YearlyReportSection {
  const table = buildTable(
    {
      id: "open-comparisons",
      title: "Öppna jämförelser: rutiner och överenskommelser",
      chart: "none",
      columns: [{ id: "answer", label: "Svar", kind: "text" }],
      rows: answers.map((a) => ({
        id: a.area,
        label: a.question,
        values: [null],
        texts: [a.answer === "yes" ? "Ja" : "Nej"],
      })),
    },
    { ...ctx, suppressed: false },
  );
  return { id: "open-comparisons", title: "Öppna jämförelser", summary: [], tables: [table] };
}
