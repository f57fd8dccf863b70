import { sql } from "kysely";
import { isRoutineArea, type OpenComparisonsAnswer } from "../../../shared/api/routines.ts";
import { latestNextFollowUp } from "../../../shared/directory-deadlines.ts";
import type { Trx } from "../../access/transaction.ts";
import { routineProblem } from "./rules.ts";

export type { OpenComparisonsAnswer } from "../../../shared/api/routines.ts";

/**
 * Socialstyrelsen's Öppna jämförelser asks, per area, whether the municipality has a current,
 * management-approved written routine. Frid answers from its register: "current" on a day =
 * approved by a body or role marked as management, approved on or before the day, its review
 * date not passed, and not superseded by a new version approved by then. The agreements
 * question also needs every agreement in force that day followed up (or signed) within 24
 * months (the agreements register, 0064). Read in the caller's transaction: routine_select
 * shows the register to everyone in the organisation, agreement_select the agreements to
 * those doing case work and the directory's keepers.
 */
export async function openComparisonsAnswers(
  trx: Trx,
  orgId: string,
  onDate: string,
): Promise<OpenComparisonsAnswer[]> {
  const areas = await trx
    .selectFrom("routine_area")
    .select(["code", "question"])
    .orderBy("sort_order")
    .execute();
  const routines = await routinesInForce(trx, orgId, onDate);
  const agreementGaps = await agreementProblems(trx, orgId, onDate);
  return areas.flatMap(({ code, question }) => {
    if (!isRoutineArea(code)) return [];
    const inArea = routines
      .filter((r) => r.area === code)
      .map((r) => ({ ...r, superseded: false }));
    const current = inArea.filter((r) => routineProblem(r, onDate) === null);
    const missing =
      current.length > 0
        ? []
        : inArea.length > 0
          ? inArea.map((r) => routineProblem(r, onDate) as string)
          : ["Ingen rutin för området finns i registret."];
    if (code === "agreements_followed_up") missing.push(...agreementGaps);
    return [
      {
        area: code,
        question,
        answer: missing.length === 0 ? "yes" : "no",
        routines: current.map((r) => ({ id: r.id, title: r.title, reviewOn: r.review_on })),
        missing,
      },
    ];
  });
}

interface RoutineInForce {
  id: string;
  area: string;
  title: string;
  approved_on: string;
  review_on: string;
  management: boolean;
}

/** The routines not superseded on the day (by a new version approved by then). */
function routinesInForce(trx: Trx, orgId: string, onDate: string): Promise<RoutineInForce[]> {
  return trx
    .selectFrom("routine as r")
    .innerJoin("routine_approver as a", "a.id", "r.approver_id")
    .select(["r.id", "r.area", "r.title", "r.approved_on", "r.review_on", "a.management"])
    .where("r.org_id", "=", orgId)
    .where(
      sql<boolean>`not exists (select 1 from routine n
        where n.supersedes_id = r.id and n.approved_on <= ${onDate}::date)`,
    )
    .orderBy("r.approved_on", "desc")
    .orderBy("r.title")
    .execute();
}

/**
 * The agreements in force on the day that were not followed up within 24 months of their
 * signing or last follow-up (in words), or that there is none in force.
 */
async function agreementProblems(trx: Trx, orgId: string, onDate: string): Promise<string[]> {
  const rows = await trx
    .selectFrom("agreement as a")
    .select([
      "a.title",
      "a.signed_on",
      sql<string | null>`(select max(f.followed_up_on) from agreement_follow_up f
        where f.agreement_id = a.id and f.followed_up_on <= ${onDate}::date)`.as("last_on"),
    ])
    .where("a.org_id", "=", orgId)
    .where("a.signed_on", "<=", onDate)
    .where((eb) => eb.or([eb("a.ended_on", "is", null), eb("a.ended_on", ">", onDate)]))
    .orderBy("a.title")
    .execute();
  if (rows.length === 0) return [`Ingen samverkansöverenskommelse gäller ${onDate}.`];
  return rows.flatMap((a) => {
    const from = a.last_on ?? a.signed_on;
    if (latestNextFollowUp(from) >= onDate) return [];
    const what = a.last_on ? `senast uppföljd ${a.last_on}` : `undertecknad ${a.signed_on}`;
    return [`Överenskommelsen ”${a.title}” har inte följts upp inom 24 månader (${what}).`];
  });
}
