import { referralAnswerDue } from "../../../shared/deadlines.ts";
import { type Candidate, caseColumns, type Line, rowOf, type Scoped } from "./rows.ts";

/**
 * Referrals waiting for their answer on open cases in scope (issue 18, item 5): an out-referral
 * once sent, an in-referral from the day it came; the unit's referral_answer_days say how long
 * an answer may take (docs/deadlines.md, "Referrals"). A draft, or an answered one, makes none.
 */
export function unansweredReferrals(db: Scoped) {
  return db
    .selectFrom("sc as c")
    .innerJoin("referral as r", "r.case_id", "c.id")
    .innerJoin("unit as u", "u.id", "c.unit_id")
    .select(["r.direction", "r.sent_on", "r.received_on", "u.referral_answer_days", ...caseColumns])
    .where("c.status", "<>", "closed")
    .where("r.answered_on", "is", null)
    .where((eb) => eb.or([eb("r.direction", "=", "in"), eb("r.sent_on", "is not", null)]));
}

type ReferralRow = Line<ReturnType<typeof unansweredReferrals>, never>;

export function referralCandidate(r: ReferralRow): Candidate {
  const from = String(r.direction === "out" ? r.sent_on : r.received_on);
  return {
    ...rowOf(r),
    kind: "referral_unanswered",
    dueAt: referralAnswerDue(from, r.referral_answer_days),
  };
}
