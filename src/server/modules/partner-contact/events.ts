import type { alertLevels, BarrierEventView } from "../../../shared/api/barrier-events.ts";
import { type Page, pageSize } from "../../../shared/api/paging.ts";
import { stockholmDate } from "../../../shared/calendar.ts";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import { type Crossing, sendAcross } from "../../access/barrier-crossing.ts";
import { runCaseCommand } from "../../access/case-command.ts";
import type { Trx } from "../../access/transaction.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { AppError, invalidCursor } from "../../http/errors.ts";
import type { CaseRow } from "../cases/queries.ts";
import { eventAt, eventPage, unacknowledged } from "./event-list.ts";

/**
 * The only way anything crosses the information barrier: a row in barrier_event — a kind,
 * a day and, for a risk alert, a level. The table has no column for words; a risk alert's
 * reason stays in the sender's case (risk_alert_reason). Every crossing is two audit events,
 * one on each side, so either side's log review shows it.
 */

export { alertEscalationWorkingHours } from "./event-list.ts";

type Level = (typeof alertLevels)[number];

/**
 * The other side of every partner-contact barrier this case is on (never a barrier a manager
 * set for another reason). A risk alert goes there whatever the consent: someone's safety
 * comes before the treatment's secrecy (OSL 10:23, seed 004). From his side it may be aimed
 * at one partner's case.
 */
async function counterparts(trx: Trx, caseId: string, partnerId?: string): Promise<Crossing[]> {
  let q = trx
    .selectFrom("barrier")
    .select(["id", "case_a_id", "case_b_id"])
    .where("purpose", "=", "partner_contact")
    .where((eb) => eb.or([eb("case_a_id", "=", caseId), eb("case_b_id", "=", caseId)]));
  if (partnerId)
    q = q.where("id", "in", (eb) =>
      eb
        .selectFrom("partner")
        .select("barrier_id")
        .where("id", "=", partnerId)
        .where("case_id", "=", caseId),
    );
  const rows = await q.execute();
  return rows.map((b) => ({
    barrierId: b.id,
    toCaseId: b.case_a_id === caseId ? b.case_b_id : b.case_a_id,
  }));
}

/**
 * The newest page of events, every received one still to acknowledge (an alert must not
 * hide on an older page), and whether a risk alert could be raised from here now.
 */
async function view(trx: Trx, c: CaseRow) {
  const [page, open, sides, partners] = await Promise.all([
    eventPage(trx, c.id, pageSize.default),
    unacknowledged(trx, c.id),
    counterparts(trx, c.id),
    trx
      .selectFrom("partner")
      .select(["id", "relationship"])
      .where("case_id", "=", c.id)
      .where("barrier_id", "is not", null)
      .orderBy("recorded_at")
      .execute(),
  ]);
  return {
    events: page.items,
    nextCursor: page.nextCursor,
    unacknowledged: open,
    canAlert: c.status !== "closed" && sides.length > 0,
    alertTargets: partners.map((p) => ({ partnerId: p.id, relationship: p.relationship })),
  };
}

export function readBarrierEvents(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
) {
  return runCaseCommand(database, actor, meta, {
    caseId,
    action: "barrier_event.read",
    run: ({ trx, case: c }) => view(trx, c),
  });
}

/**
 * An older page of the case's events, audited as a read of them. A cursor that is not an
 * event of this case — made up, or taken from another case — is refused like any we did not give.
 */
export function readBarrierEventHistory(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
  page: { limit: number; before?: string | undefined },
): Promise<Page<BarrierEventView>> {
  return runCaseCommand(database, actor, meta, {
    caseId,
    action: "barrier_event.read",
    run: async ({ trx }) => {
      const after = page.before === undefined ? undefined : await eventAt(trx, caseId, page.before);
      if (page.before !== undefined && !after) throw invalidCursor();
      return eventPage(trx, caseId, page.limit, after);
    },
  });
}

/** Either side's worker raises a risk alert: the level crosses, the reason stays here. */
export function raiseRiskAlert(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
  input: { level: Level; reason: string; partnerId?: string | null },
) {
  return runCaseCommand(database, actor, meta, {
    caseId,
    action: "barrier_event.send",
    changes: true,
    run: ({ trx, case: c }) => sendAlert(trx, actor, meta, c, input),
    // The alert's events are the crossing's own (two per barrier, written by sendAcross, the
    // one way anything crosses): nothing else is recorded for it.
    event: () => [],
  });
}

async function sendAlert(
  trx: Trx,
  actor: Actor,
  meta: RequestMeta,
  c: CaseRow,
  input: { level: Level; reason: string; partnerId?: string | null },
) {
  const caseId = c.id;
  if (c.status === "closed")
    throw new AppError(
      409,
      "conflict",
      "Ärendet är avslutat. Ring den andra sidans behandlare om risken ökar.",
    );
  const crossings = await counterparts(trx, caseId, input.partnerId ?? undefined);
  if (crossings.length === 0)
    throw new AppError(
      409,
      "conflict",
      "Ärendet har ingen informationsspärr mot något annat ärende, så det finns ingen att larma.",
    );
  const ids = await sendAcross(trx, actor, meta, c, crossings, {
    kind: "risk_alert",
    eventOn: stockholmDate(new Date()),
    level: input.level,
  });
  for (const id of ids) {
    await trx
      .insertInto("risk_alert_reason")
      .values({ event_id: id, org_id: actor.orgId, case_id: caseId, reason: input.reason })
      .execute();
  }
  return view(trx, c);
}

/** The receiving side's worker acknowledges an event: once, and only for this case's own. */
export function acknowledgeBarrierEvent(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
  eventId: string,
) {
  return runCaseCommand(database, actor, meta, {
    caseId,
    action: "barrier_event.acknowledge",
    changes: true,
    run: async ({ trx, case: c }) => {
      const event = await trx
        .selectFrom("barrier_event")
        .select(["id", "acknowledged_at"])
        .where("id", "=", eventId)
        .where("to_case_id", "=", caseId)
        .executeTakeFirst();
      if (!event) throw new AppError(404, "not_found", "Meddelandet finns inte i ärendet.");
      if (event.acknowledged_at)
        throw new AppError(409, "conflict", "Meddelandet är redan kvitterat.");
      const done = await trx
        .updateTable("barrier_event")
        .set({ acknowledged_at: new Date(), acknowledged_by: actor.userId })
        .where("id", "=", eventId)
        .where("acknowledged_at", "is", null)
        .executeTakeFirstOrThrow();
      if (done.numUpdatedRows !== 1n)
        throw new AppError(409, "conflict", "Meddelandet är redan kvitterat.");
      return view(trx, c);
    },
    event: () => ({ data: { eventId } }),
  });
}
