import { type SelectQueryBuilder, sql } from "kysely";
import type { BarrierEventView } from "../../../shared/api/barrier-events.ts";
import { type Page, pageFrom } from "../../../shared/api/paging.ts";
import { addWorkingHours } from "../../../shared/working-hours.ts";
import type { Trx } from "../../access/transaction.ts";
import type { Database } from "../../db/types.ts";

/**
 * Reading a case's barrier events: a page at a time, newest first, by keyset
 * (created_at, id) — and, apart from the pages, the received events still waiting for an
 * acknowledgement, which the worker must see whatever their age.
 */

/** A received risk alert not acknowledged within this many working hours goes to the manager. */
export const alertEscalationWorkingHours = 4;

type Keyset = { created_at: Date; id: string };

/** Where a cursor points: an event of this case (sent or received), or nothing. */
export function eventAt(trx: Trx, caseId: string, id: string): Promise<Keyset | undefined> {
  return trx
    .selectFrom("barrier_event")
    .select(["created_at", "id"])
    .where("id", "=", id)
    .where((eb) => eb.or([eb("from_case_id", "=", caseId), eb("to_case_id", "=", caseId)]))
    .executeTakeFirst();
}

/**
 * The ids of one side's events (sent or received) below the keyset, newest first. Each side
 * alone follows its own index (barrier_event_from_idx / _to_idx on (case, created_at)); an
 * OR of both would read and sort every event of the case for each page.
 */
function side(
  trx: Trx,
  column: "from_case_id" | "to_case_id",
  caseId: string,
  limit: number,
  after?: Keyset,
) {
  return trx
    .selectFrom("barrier_event")
    .select(["id", "created_at"])
    .where(column, "=", caseId)
    .$if(after !== undefined, (q) =>
      q.where(sql<boolean>`(created_at, id) < (${after?.created_at}, ${after?.id}::uuid)`),
    )
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(limit);
}

/** A page of the case's events, newest first, below `after` when given. */
export async function eventPage(
  trx: Trx,
  caseId: string,
  limit: number,
  after?: Keyset,
): Promise<Page<BarrierEventView>> {
  const newest = trx
    .selectFrom(side(trx, "from_case_id", caseId, limit + 1, after).as("s"))
    .selectAll()
    .unionAll(
      trx.selectFrom(side(trx, "to_case_id", caseId, limit + 1, after).as("r")).selectAll(),
    );
  const rows = await withDetails(trx, caseId, trx.selectFrom(newest.as("p")).select("p.id"))
    .orderBy("e.created_at", "desc")
    .orderBy("e.id", "desc")
    .limit(limit + 1)
    .execute();
  return pageFrom(
    rows,
    limit,
    (r) => r.id,
    (r) => toView(r, caseId),
  );
}

/** Every event received here and not yet acknowledged, newest first: few, and never paged. */
export async function unacknowledged(trx: Trx, caseId: string): Promise<BarrierEventView[]> {
  const open = trx
    .selectFrom("barrier_event")
    .select("id")
    .where("to_case_id", "=", caseId)
    .where("acknowledged_at", "is", null);
  const rows = await withDetails(trx, caseId, open)
    .orderBy("e.created_at", "desc")
    .orderBy("e.id", "desc")
    .execute();
  return rows.map((r) => toView(r, caseId));
}

/** The events whose ids `ids` selects, with what the view shows of them. */
function withDetails(
  trx: Trx,
  caseId: string,
  // biome-ignore lint/suspicious/noExplicitAny: any FROM (a table or a page's union) that selects ids
  ids: SelectQueryBuilder<Database, any, { id: string }>,
) {
  return trx
    .selectFrom("barrier_event as e")
    .leftJoin("risk_alert_reason as r", (j) =>
      j.onRef("r.event_id", "=", "e.id").on("r.case_id", "=", caseId),
    )
    .leftJoin("app_user as ack", "ack.id", "e.acknowledged_by")
    .select([
      "e.id",
      "e.kind",
      "e.event_on",
      "e.level",
      "e.from_case_id",
      "e.created_at",
      "e.acknowledged_at",
      "ack.display_name as acknowledged_by_name",
      "r.reason",
    ])
    .where("e.id", "in", ids);
}

type Row = Awaited<ReturnType<ReturnType<typeof withDetails>["execute"]>>[number];

function toView(r: Row, caseId: string): BarrierEventView {
  const sent = r.from_case_id === caseId;
  return {
    id: r.id,
    kind: r.kind,
    direction: sent ? "sent" : "received",
    eventOn: r.event_on,
    level: r.level,
    createdAt: r.created_at.toISOString(),
    acknowledgedAt: r.acknowledged_at?.toISOString() ?? null,
    // Who acknowledged on the other side is the other side's business.
    acknowledgedBy: sent ? null : (r.acknowledged_by_name ?? null),
    reason: sent ? (r.reason ?? null) : null,
    escalatesAt:
      !sent && r.kind === "risk_alert" && !r.acknowledged_at
        ? addWorkingHours(r.created_at, alertEscalationWorkingHours).toISOString()
        : null,
  };
}
