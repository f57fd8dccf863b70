import type { GenCase } from "./cases.ts";
import type { Random } from "./random.ts";
import type { RowBuffer } from "./row-buffer.ts";

/**
 * The outcome at closing (migration 0089) of every closed case of a kind that records one
 * (an adult victim's, a child's, a treatment): whether the goal was reached, drawn from why
 * the case closed (a goal reached mostly wholly, a treatment dropped out of not at all, a
 * child's case closed without an investigation not assessed), with the person's own view
 * for most, recorded by the case's worker when it closed.
 */
type Goal = "wholly" | "partly" | "not" | "not_assessed";

const byReason: Record<string, readonly (readonly [Goal, number])[]> = {
  goal_reached: [
    ["wholly", 70],
    ["partly", 30],
  ],
  needs_met_elsewhere: [
    ["partly", 60],
    ["not", 20],
    ["not_assessed", 20],
  ],
  client_declined: [
    ["not", 60],
    ["not_assessed", 40],
  ],
  moved: [["not_assessed", 1]],
  other: [
    ["partly", 30],
    ["not", 30],
    ["not_assessed", 40],
  ],
  treatment_completed: [
    ["wholly", 55],
    ["partly", 45],
  ],
  treatment_dropped_out: [
    ["not", 80],
    ["not_assessed", 20],
  ],
  treatment_ended_by_unit: [["not", 1]],
  no_investigation_opened: [["not_assessed", 1]],
};

const views: Record<Goal, string> = {
  wholly: "Jag känner mig trygg nu och vet vart jag ska vända mig om något händer.",
  partly: "Det är bättre än när vi började, men jag är fortfarande orolig ibland.",
  not: "Jag tycker inte att det har blivit någon skillnad.",
  not_assessed: "Vill inte säga något om det.",
};

const reasons: Record<string, string> = {
  moved: "Klienten flyttade från kommunen innan uppföljningen.",
  no_investigation_opened: "Ingen utredning inleddes; inget mål att bedöma.",
};

export function writeOutcomes(buf: RowBuffer, r: Random, orgId: string, cases: GenCase[]) {
  for (const c of cases) {
    if (c.type === "partner_contact" || !c.closedAt || !c.closedReason) continue;
    const goal: Goal = r.weighted(byReason[c.closedReason] ?? byReason.other ?? []);
    buf.add("case_outcome", [
      c.id,
      orgId,
      goal,
      r.chance(0.6) ? views[goal] : null,
      goal === "not_assessed"
        ? (reasons[c.closedReason] ?? "Klienten avslutade kontakten innan uppföljningen.")
        : null,
      c.closedAt,
      c.worker.id,
    ]);
  }
}
