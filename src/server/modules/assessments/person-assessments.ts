import { outcomeMeasureIds } from "../../../shared/instruments/builtin/outcome-measures.ts";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import { accessibleCases } from "../../access/scope.ts";
import type { Trx } from "../../access/transaction.ts";
import { auditContext, listEntry, recordAudit } from "../../audit/record.ts";

/**
 * One way to read a person's completed assessments over time, for the charts of the person
 * page: risk over time (history.ts) and the outcome measures (modules/outcomes/measures.ts).
 * This module owns the instruments, so it is the one that knows how an assessment finds the
 * definition of the instrument version it was made with.
 */

/** Outcome measures have their own chart; the other instruments are risk assessments. */
export type PersonAssessmentKind = "outcome_measures" | "risk";

/** The person's completed assessments of that kind in the cases the actor may see. */
export function personAssessments(
  trx: Trx,
  actor: Actor,
  personId: string,
  kind: PersonAssessmentKind,
) {
  return trx
    .selectFrom("assessment as a")
    .innerJoin("case as c", "c.id", "a.case_id")
    .where("c.person_id", "=", personId)
    .where("a.completed_at", "is not", null)
    .where("a.instrument_id", kind === "outcome_measures" ? "in" : "not in", outcomeMeasureIds)
    .where(accessibleCases(actor));
}

export type PersonAssessments = ReturnType<typeof personAssessments>;

/**
 * The assessments with the definition of the instrument version each was made with (stored
 * once per version and never changed: registry.ts), so each is worded by its own version.
 */
export function withDefinitions(assessments: PersonAssessments) {
  return assessments
    .innerJoin("instrument_version as iv", (j) =>
      j
        .onRef("iv.org_id", "=", "a.org_id")
        .onRef("iv.instrument_id", "=", "a.instrument_id")
        .onRef("iv.version", "=", "a.instrument_version"),
    )
    .select([
      "a.id",
      "a.case_id",
      "c.reference",
      "c.unit_id",
      "a.assessed_on",
      "a.result",
      "iv.definition",
    ]);
}

/**
 * A read of the person, not of one case (it spans the person's cases): one event naming the
 * person and every case whose assessments were shown.
 */
export function auditPersonRead(
  trx: Trx,
  actor: Actor,
  meta: RequestMeta,
  action: "assessment.read" | "outcome_measures.read",
  personId: string,
  shown: readonly { case_id: string; unit_id: string }[],
) {
  return recordAudit(trx, auditContext(actor, meta), [
    listEntry(
      action,
      {
        resourceType: "person",
        caseIds: shown.map((r) => r.case_id),
        unitIds: shown.map((r) => r.unit_id),
      },
      { personId, resourceId: personId },
    ),
  ]);
}
