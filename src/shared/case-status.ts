/**
 * The case's status flow, as the law and the seeds describe the work (domain.md):
 * intake (aktualisering) → for a child, preliminary assessment (förhandsbedömning) →
 * investigation (utredning) → implementation of decided interventions (genomförande) →
 * follow-up (uppföljning) → closed (avslutat, always with a reason); a closed case can be
 * reopened. Status changes are commands checked against this table, never free edits.
 */
export const caseStatuses = [
  "intake",
  "preliminary_assessment",
  "investigation",
  "implementation",
  "follow_up",
  "closed",
] as const;
export type CaseStatus = (typeof caseStatuses)[number];

export const closedReasons = [
  "goal_reached", // målet uppnått
  "no_investigation_opened", // ingen utredning inleds (förhandsbedömning)
  "needs_met_elsewhere", // behoven tillgodoses på annat sätt
  "client_declined", // den enskilde avböjer
  "moved", // flyttat
  "other",
] as const;
export type ClosedReason = (typeof closedReasons)[number];

/** How a treatment ended closes its case; set by the treatment, never chosen by hand. */
export const treatmentClosedReasons = [
  "treatment_completed",
  "treatment_dropped_out",
  "treatment_ended_by_unit",
] as const;
export const caseClosedReasons = [...closedReasons, ...treatmentClosedReasons] as const;
export type CaseClosedReason = (typeof caseClosedReasons)[number];

type CaseKind = "adult_victim" | "child" | "perpetrator" | "partner_contact";

/** Where a case of a kind may go from a status. */
export function allowedNextStatuses(caseType: CaseKind, from: CaseStatus): CaseStatus[] {
  // A treatment moves its case: registered, started, ended (modules/treatment).
  if (caseType === "perpetrator") return [];
  // Partner contact is support, not an investigation: contact under way, then follow-up.
  if (caseType === "partner_contact" && (from === "intake" || from === "investigation"))
    return ["implementation", "closed"];
  switch (from) {
    case "intake":
      // A report about a child goes through the preliminary assessment first (SoL 20 kap. 2 §).
      return caseType === "child"
        ? ["preliminary_assessment", "closed"]
        : ["investigation", "closed"];
    case "preliminary_assessment":
      // Left only by the preliminary decision (with its reasoning), never a plain status change.
      return caseType === "child" ? [] : ["investigation", "closed"];
    case "investigation":
      return ["implementation", "closed"];
    case "implementation":
      return ["follow_up", "closed"];
    case "follow_up":
      return ["implementation", "closed"];
    case "closed":
      return ["intake"];
  }
}

export type TransitionProblem = "not_allowed" | "reason_required" | "comment_required";

/**
 * Checks a change of status. Closing needs a reason; closing with "other" and reopening
 * need a written comment, so the history says why.
 */
export function checkTransition(
  caseType: CaseKind,
  from: CaseStatus,
  to: CaseStatus,
  reason: ClosedReason | null,
  comment: string | null,
): TransitionProblem | null {
  if (!allowedNextStatuses(caseType, from).includes(to)) return "not_allowed";
  if (to === "closed" && !reason) return "reason_required";
  if (to === "closed" && reason === "other" && !comment?.trim()) return "comment_required";
  if (from === "closed" && !comment?.trim()) return "comment_required";
  return null;
}
