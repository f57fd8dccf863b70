import { sql } from "kysely";
import { endOfDay } from "../../../shared/calendar.ts";
import type { Actor } from "../../access/actor.ts";
import type { Trx } from "../../access/transaction.ts";
import { type Candidate, type JsonLine, personNames, type Scoped, shownNames } from "./rows.ts";

/**
 * The risk conference's actions owned by me and not done (issue 18, item 8). Mine by owner,
 * like my drafts, not by the cases in scope: the owner may not work the case. The case row is
 * read under the access rule (a left join: null when I may not see it); the conference's day
 * and the trail's ids come from frid_conference_action_trail (0068), which answers only for
 * an action I own. In one case's workspace: my actions in that case.
 */
export function myConferenceActions(db: Scoped, actor: Actor, caseId?: string) {
  const q = db
    .selectFrom("risk_conference_action as a")
    .leftJoin("case as c", "c.id", "a.case_id")
    .select([
      "a.id",
      "a.case_id",
      "a.due_on",
      "c.reference",
      "c.person_id as visible_person_id",
      sql<{
        day: string;
        person_id: string;
        unit_id: string;
      }>`frid_conference_action_trail(a.id)`.as("trail"),
    ])
    .where("a.org_id", "=", actor.orgId)
    .where("a.owner_user_id", "=", actor.userId)
    .where("a.done_on", "is", null);
  return caseId ? q.where("a.case_id", "=", caseId) : q;
}

type ActionRow = JsonLine<ReturnType<typeof myConferenceActions>>;

/**
 * One line per action, due at the end of its due day. A case I may see is named as every
 * line names it. One I may not see is not: the line is about no case, its subject my action
 * (its page shows me the action, audited), titled only "Åtgärd från riskkonferens" and the
 * conference's day — not the action's text either, which Att göra would show unaudited to
 * whoever looks at my screen's list. The trail's ids (0068) go to the list's audit event as
 * before (the person's log review shows that her conference's action was on my list), never
 * to me.
 */
export async function conferenceActionCandidates(
  trx: Trx,
  actor: Actor,
  rows: ActionRow[],
): Promise<Candidate[]> {
  const names = await personNames(
    trx,
    rows.flatMap((r) => (r.visible_person_id ? [r.visible_person_id] : [])),
  );
  return rows.map((r) => {
    const n = r.visible_person_id ? names.get(r.visible_person_id) : undefined;
    const trail = { personId: r.trail.person_id, unitId: r.trail.unit_id };
    const dueAt = endOfDay(String(r.due_on));
    if (r.reference !== null && n !== undefined)
      return {
        kind: "conference_action",
        caseId: r.case_id,
        reference: r.reference,
        ...shownNames(n),
        ...trail,
        dueAt,
      };
    return {
      kind: "conference_action",
      caseId: null,
      reference: null,
      personName: null,
      ...trail,
      subject: {
        type: "conference_action",
        id: r.id,
        title: `Åtgärd från riskkonferens ${r.trail.day}`,
      },
      responsible: [{ userId: actor.userId, displayName: actor.displayName }],
      dueAt,
    };
  });
}
