import { stockholmDate } from "../../../shared/calendar.ts";
import {
  consentRevokedDue,
  courtRulingDue,
  courtRulingLastDay,
  courtSubmissionDue,
  courtSubmissionLastDay,
  placementReviewDue,
  placementReviewLastDay,
} from "../../../shared/deadlines.ts";
import { type Candidate, caseColumns, type Line, rowOf, type Scoped } from "./rows.ts";

/** Children's placements that have not ended, with their clocks' facts. */
export function courtPlacements(db: Scoped) {
  return db
    .selectFrom("sc as c")
    .innerJoin("child_placement as cp", "cp.case_id", "c.id")
    .innerJoin("decision as d", "d.id", "cp.decision_id")
    .select((eb) => [
      "cp.immediate",
      "cp.basis",
      "cp.court_submitted_on",
      "cp.court_ruled_on",
      "cp.court_outcome",
      "d.decided_at",
      "d.period_from",
      ...caseColumns,
      eb
        .selectFrom("placement_review as r")
        .select((e) => e.fn.max("r.reviewed_on").as("last"))
        .whereRef("r.decision_id", "=", "cp.decision_id")
        .as("last_review"),
      eb
        .selectFrom("consent as k")
        .select((e) => e.fn.max("k.revoked_on").as("revoked"))
        .whereRef("k.decision_id", "=", "cp.decision_id")
        .as("consent_revoked_on"),
    ])
    .where("cp.ended_on", "is", null)
    .where("c.status", "<>", "closed");
}

type PlacementRow = Line<ReturnType<typeof courtPlacements>, "decided_at">;

/** A child's placement's clocks: lag (2024:79)'s weeks and reviews, or a withdrawn consent. */
export function placementCandidates(p: PlacementRow): Candidate[] {
  const out: Candidate[] = [];
  const base = rowOf(p);
  if (p.basis === "custodians_consent") {
    // A consent placement has no clocks — unless the consent is withdrawn.
    if (p.consent_revoked_on)
      out.push({
        ...base,
        kind: "consent_revoked",
        dueAt: consentRevokedDue(String(p.consent_revoked_on)),
      });
    return out;
  }
  if (!p.court_submitted_on)
    out.push({
      ...base,
      kind: "court_submission",
      dueAt: courtSubmissionDue(p.decided_at),
      // Statutory for an immediate decision; an application's week is a working rule.
      ...(p.immediate ? { lastDay: courtSubmissionLastDay(p.decided_at) } : {}),
    });
  else if (p.immediate && !p.court_ruled_on && p.court_submitted_on)
    out.push({
      ...base,
      kind: "court_ruling",
      dueAt: courtRulingDue(p.court_submitted_on),
      lastDay: courtRulingLastDay(p.court_submitted_on),
    });
  // An application is reviewed from the court's approval; until then it is not in force.
  if (!p.immediate && p.court_outcome !== "approved") return out;
  const start = p.immediate ? (p.period_from ?? stockholmDate(p.decided_at)) : p.court_ruled_on;
  const since = p.last_review ?? start;
  out.push({
    ...base,
    kind: "placement_review",
    dueAt: placementReviewDue(String(since)),
    lastDay: placementReviewLastDay(String(since)),
  });
  return out;
}
