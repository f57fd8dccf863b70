import { randomUUID } from "node:crypto";
import type { alertLevels, BarrierEventKind } from "../../shared/api/barrier-events.ts";
import type { AuditedCase } from "../audit/record.ts";
import { auditContext, recordAudit } from "../audit/record.ts";
import type { Actor, RequestMeta } from "./actor.ts";
import type { Trx } from "./transaction.ts";

/**
 * The only way anything crosses the information barrier: a row in barrier_event — a kind,
 * a day and, for a risk alert, a level. The table has no column for words; a risk alert's
 * reason stays in the sender's case (risk_alert_reason). Every crossing is two audit events,
 * one on each side, so either side's log review shows it. Lives in access/ because both
 * sides' modules send across (treatment's notices, partner contact's alerts), and a barrier
 * is an access rule.
 */

type Level = (typeof alertLevels)[number];

export interface Crossing {
  barrierId: string;
  toCaseId: string;
}

/** Sends one event across each barrier; returns the events' ids. */
export async function sendAcross(
  trx: Trx,
  actor: Actor,
  meta: RequestMeta,
  from: AuditedCase,
  crossings: Crossing[],
  event: { kind: BarrierEventKind; eventOn: string; level?: Level | null },
): Promise<string[]> {
  const ids: string[] = [];
  for (const crossing of crossings) {
    const id = randomUUID();
    await trx
      .insertInto("barrier_event")
      .values({
        id,
        org_id: actor.orgId,
        barrier_id: crossing.barrierId,
        from_case_id: from.id,
        to_case_id: crossing.toCaseId,
        kind: event.kind,
        event_on: event.eventOn,
        level: event.level ?? null,
        created_by: actor.userId,
      })
      .execute();
    // The receiving case's person is not readable from here; the trail names the case.
    await recordAudit(trx, auditContext(actor, meta), [
      {
        action: "barrier_event.send",
        resourceType: "case",
        resourceId: from.id,
        personId: from.person_id,
        unitId: from.unit_id,
        data: { eventId: id, kind: event.kind, side: "sender" },
      },
      {
        action: "barrier_event.send",
        resourceType: "case",
        resourceId: crossing.toCaseId,
        data: { eventId: id, kind: event.kind, side: "receiver" },
      },
    ]);
    ids.push(id);
  }
  return ids;
}

/**
 * Where a perpetrator's case sends treatment notices: the partner cases opened on his
 * consent, while that consent stands (withdrawn consent: no more news about him).
 */
export async function partnersToNotify(trx: Trx, caseId: string): Promise<Crossing[]> {
  const rows = await trx
    .selectFrom("partner as pa")
    .leftJoin("consent as co", "co.partner_id", "pa.id")
    .select(["pa.barrier_id", "pa.partner_case_id"])
    .where("pa.case_id", "=", caseId)
    .where("pa.partner_case_id", "is not", null)
    .where("co.revoked_on", "is", null)
    .execute();
  return rows.map((r) => ({
    barrierId: String(r.barrier_id),
    toCaseId: String(r.partner_case_id),
  }));
}
