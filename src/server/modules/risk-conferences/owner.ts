import { sql } from "kysely";
import type { OwnConferenceAction } from "../../../shared/api/conference-actions.ts";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import { closedCase } from "../../access/case-command.ts";
import { caseNotFound } from "../../access/case-guard.ts";
import { type Trx, withActor } from "../../access/transaction.ts";
import type { AuditAction, AuditData } from "../../audit/events.ts";
import { auditContext, recordAudit } from "../../audit/record.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { setActionFollowUp, updateConferenceAction } from "./commands.ts";
import { onConference } from "./service.ts";

/**
 * One action of a conference's plan by its own id (issue 18, item 8): its owner follows it up
 * even when they may not see the case (it is on their Att göra). Whoever may see the case
 * goes the case's way (onConference: the case's check, its audit, the whole conference); the
 * owner outside it is told the action only — its text, due day, done and notes, and the
 * conference's day — never the case, the person or the conference's other content. The owner's
 * read and change are audited on the case and its person through the trail (0068/0070), as a
 * refusal is; anyone else gets the case's 404, audited.
 */

interface Trail {
  day: string;
  person_id: string;
  unit_id: string;
  case_id: string;
  closed: boolean;
}

/** The trail when the caller owns the action and may not see its case; else null. */
async function ownerOutside(database: DatabaseHandle, actor: Actor, id: string) {
  return withActor(database.db, actor, async (trx) => {
    const { rows } = await sql<{ trail: Trail | null; sees: boolean | null }>`
      select frid_conference_action_trail(${id}::uuid) as trail,
             frid_can_see_case(frid_risk_conference_action_case(${id}::uuid)) as sees`.execute(trx);
    const r = rows[0];
    return r?.trail && !r.sees ? r.trail : null;
  });
}

/** The owner's command in one transaction with its audit event, named on the trail's case. */
function asOwner<A extends AuditAction, T>(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  trail: Trail,
  command: { action: A; run: (trx: Trx) => Promise<T>; data: AuditData<A> },
) {
  return withActor(database.db, actor, async (trx) => {
    const value = await command.run(trx);
    await recordAudit(trx, auditContext(actor, meta), [
      {
        action: command.action,
        resourceType: "case",
        resourceId: trail.case_id,
        personId: trail.person_id,
        unitId: trail.unit_id,
        data: command.data,
      },
    ]);
    return value;
  });
}

/** The action's own fields, read under its row's rule (the case's, or its owner's). */
async function actionOf(trx: Trx, id: string, day: string): Promise<OwnConferenceAction> {
  const a = await trx
    .selectFrom("risk_conference_action")
    .select(["id", "description", "due_on", "done_on", "notes", "version"])
    .where("id", "=", id)
    .executeTakeFirst();
  if (!a) throw caseNotFound();
  return {
    id: a.id,
    description: a.description,
    conferenceDay: day,
    dueOn: a.due_on,
    doneOn: a.done_on,
    notes: a.notes,
    version: a.version,
  };
}

/** The conference's day, for one who may see the case. */
async function conferenceDay(trx: Trx, id: string) {
  const r = await trx
    .selectFrom("risk_conference_action as a")
    .innerJoin("risk_conference as r", "r.id", "a.conference_id")
    .select(sql<string>`to_char(coalesce(r.meeting_on, r.referred_on), 'YYYY-MM-DD')`.as("day"))
    .where("a.id", "=", id)
    .executeTakeFirst();
  if (!r) throw caseNotFound();
  return r.day;
}

export async function readConferenceAction(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  id: string,
): Promise<OwnConferenceAction> {
  const action = "risk_conference.action_read" as const;
  const data = { actionId: id };
  const trail = await ownerOutside(database, actor, id);
  if (trail)
    return asOwner(database, actor, meta, trail, {
      action,
      run: (trx) => actionOf(trx, id, trail.day),
      data,
    });
  return onConference(
    database,
    actor,
    meta,
    { kind: "action", id },
    {
      action,
      changes: false,
      run: async (trx) => actionOf(trx, id, await conferenceDay(trx, id)),
      data: () => data,
    },
  );
}

/**
 * Done (today) or not, with notes: the whole conference back to one who may see the case,
 * the action alone to its owner outside it. Nothing in a closed case changes (409).
 */
export async function followUpConferenceAction(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  id: string,
  input: { version: number; done: boolean; notes: string },
) {
  const trail = await ownerOutside(database, actor, id);
  if (!trail) return updateConferenceAction(database, actor, meta, id, input);
  if (trail.closed) throw closedCase("Ärendet är avslutat. Åtgärden kan inte följas upp längre.");
  return asOwner(database, actor, meta, trail, {
    action: "risk_conference.action_update",
    run: async (trx) => {
      await setActionFollowUp(trx, id, input, { ownerUserId: actor.userId });
      return actionOf(trx, id, trail.day);
    },
    data: { actionId: id, done: input.done },
  });
}
