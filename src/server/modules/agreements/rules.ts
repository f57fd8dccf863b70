import { latestNextFollowUp } from "../../../shared/directory-deadlines.ts";

/**
 * The 24-month rule (issue 18, item 2): the next follow-up lies after `from` (the signing, or
 * the follow-up just made) and no later than 24 months after it. Answers the field's
 * problem in words, or null. The database checks the same (0064).
 */
export function followUpProblem(from: string, next: string, fromWhat: "signing" | "follow_up") {
  const latest = latestNextFollowUp(from);
  const after = fromWhat === "signing" ? "undertecknandet" : "uppföljningen";
  if (next <= from) return `Nästa uppföljning ska ligga efter ${after}.`;
  if (next > latest)
    return `Nästa uppföljning ska ske senast 24 månader efter ${after}, alltså senast ${latest}.`;
  return null;
}
