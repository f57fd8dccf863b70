import type { ExpressionBuilder } from "kysely";
import type { StatutoryLastDay } from "../../../shared/api/deadlines.ts";
import type { WorklistItem } from "../../../shared/api/worklist.ts";
import { type Actor, unitsWithRole } from "../../access/actor.ts";
import { isAssigned } from "../../access/scope.ts";
import type { Database } from "../../db/types.ts";

/** What every row of the list says about its case and person. */
export const caseColumns = [
  "c.id",
  "c.reference",
  "c.person_id",
  "c.unit_id",
  "p.given_name",
  "p.family_name",
] as const;

export function rowOf(r: {
  id: string;
  reference: string;
  person_id: string;
  unit_id: string;
  given_name: string;
  family_name: string;
}) {
  return {
    caseId: r.id,
    reference: r.reference,
    personName: `${r.given_name} ${r.family_name}`,
    personId: r.person_id,
    unitId: r.unit_id,
  };
}

/**
 * A line Att göra may show. dueAt is the end of the counted day: status and order key to it.
 * A statutory limit's lastDay (lag 1930:173) is shown beside it, never warned from.
 */
export type Candidate = Omit<WorklistItem, "status" | "due" | "dueDate" | "lastDay"> & {
  dueAt: Date;
  lastDay?: StatutoryLastDay;
  personId: string;
  unitId: string;
};

/** Mine: cases I am assigned to. Unit: every case of the units I manage. */
export function inScope(actor: Actor, scope: "mine" | "unit") {
  const managed = [
    ...unitsWithRole(actor, ["unit_manager"]),
    "00000000-0000-0000-0000-000000000000",
  ];
  return (eb: ExpressionBuilder<Database & { c: Database["case"] }, "c">) =>
    scope === "mine" ? isAssigned(eb, actor.userId) : eb("c.unit_id", "in", managed);
}
