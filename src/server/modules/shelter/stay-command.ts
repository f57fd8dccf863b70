import { sql } from "kysely";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import { runCaseCommand } from "../../access/case-command.ts";
import { recordCaseRefusal } from "../../access/case-guard.ts";
import { type Trx, withActor } from "../../access/transaction.ts";
import type { AuditAction } from "../../audit/events.ts";
import { type AuditEntry, auditContext, recordAudit } from "../../audit/record.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { AppError } from "../../http/errors.ts";

/**
 * The one way a stay command runs (issue 16). Two kinds of people act on a stay:
 *   - the placing side: whoever may see the stay's case; the command runs through
 *     runCaseCommand (the case locked, its visibility and state checked, 404/409 as for any
 *     case command), `changes` requiring `change` on the case;
 *   - the shelter side: the staff (or manager) of the shelter unit running the place the stay
 *     is at NOW (frid_runs_stay). A shelter the stay has left sees nothing of it any more.
 * Anyone else gets the answer a missing stay gets (404), the attempt audited on the stay's
 * case and person. Either way the stay row is locked before the command reads it, so two
 * commands on one stay (a check-out from each side) run one after the other, and the success
 * event is written in the command's own transaction.
 */
export type StaySide = "case" | "shelter";

export interface StayRow {
  id: string;
  case_id: string;
  planned_from: string;
  planned_to: string | null;
  arrived_on: string | null;
  left_on: string | null;
  end_reason: string | null;
  cancelled_at: Date | null;
  version: number;
}

export interface StayContext {
  trx: Trx;
  actor: Actor;
  side: StaySide;
  stay: StayRow;
  /** The persons staying (adult and children), for the audit event and member checks. */
  members: { person_id: string; role: "adult" | "child" }[];
}

export interface StayCommand<A extends AuditAction, T> {
  stayId: string;
  action: A;
  /** Changes the stay or writes in it (the placing side then needs `change` on the case). */
  changes?: boolean;
  run: (ctx: StayContext) => Promise<T>;
  /** The event's data, from the result. */
  data: (result: NoInfer<T>, ctx: StayContext) => AuditEntry<A>["data"];
}

export const stayNotFound = () =>
  new AppError(404, "not_found", "Vistelsen finns inte, eller så saknar du behörighet.");

/** Which side the actor is on for this stay, and its case (null: no such stay here). */
async function sideOf(database: DatabaseHandle, actor: Actor, stayId: string) {
  return withActor(database.db, actor, async (trx) => {
    const { rows } = await sql<{ case_id: string | null; runs: boolean }>`
      select frid_stay_case(${stayId}::uuid) as case_id, frid_runs_stay(${stayId}::uuid) as runs`.execute(
      trx,
    );
    const caseId = rows[0]?.case_id ?? null;
    if (!caseId) return { caseId: null, side: null };
    const seen = await sql<{
      sees: boolean;
    }>`select frid_can_see_case(${caseId}::uuid) as sees`.execute(trx);
    const side: StaySide | null = seen.rows[0]?.sees ? "case" : rows[0]?.runs ? "shelter" : null;
    return { caseId, side };
  });
}

/** The stay's own row as the commands read it (undefined: not visible to the actor). */
export async function readStayRow(trx: Trx, stayId: string, lock = false) {
  const query = trx
    .selectFrom("stay")
    .select([
      "id",
      "case_id",
      "planned_from",
      "planned_to",
      "arrived_on",
      "left_on",
      "end_reason",
      "cancelled_at",
      "version",
    ])
    .where("id", "=", stayId);
  return (await (lock ? query.forNoKeyUpdate() : query).executeTakeFirst()) as StayRow | undefined;
}

/** Locks the stay row and reads it with its members (undefined: not visible to the actor). */
async function lockedStay(trx: Trx, stayId: string) {
  const stay = await readStayRow(trx, stayId, true);
  if (!stay) return undefined;
  const members = await trx
    .selectFrom("stay_member")
    .select(["person_id", "role"])
    .where("stay_id", "=", stayId)
    .orderBy("role")
    .orderBy("person_id")
    .execute();
  return { stay, members };
}

/** The event of a stay command: on the case and her, naming every person staying. */
function stayEvent<A extends AuditAction>(
  action: A,
  ctx: StayContext,
  personId: string | null,
  unitId: string | null,
  data: AuditEntry<A>["data"],
): AuditEntry<A> {
  return {
    action,
    resourceType: "case",
    resourceId: ctx.stay.case_id,
    personId,
    unitId,
    personIds: ctx.members.map((m) => m.person_id),
    ...(data ? { data } : {}),
  };
}

export async function runStayCommand<A extends AuditAction, T>(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  command: StayCommand<A, T>,
): Promise<T> {
  const { caseId, side } = await sideOf(database, actor, command.stayId);
  if (caseId && side === "case") return onCaseSide(database, actor, meta, caseId, command);
  if (caseId && side === "shelter") {
    const done = await onShelterSide(database, actor, meta, command);
    if (done) return done.value;
  }
  await recordCaseRefusal(database, actor, meta, caseId, command.action);
  throw stayNotFound();
}

function onCaseSide<A extends AuditAction, T>(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
  command: StayCommand<A, T>,
): Promise<T> {
  let context: StayContext | undefined;
  return runCaseCommand(database, actor, meta, {
    caseId,
    action: command.action,
    changes: Boolean(command.changes),
    requires: command.changes ? ["change"] : [],
    closedMessage: "Ärendet är avslutat. Öppna det igen för att ändra vistelsen.",
    run: async ({ trx }) => {
      const found = await lockedStay(trx, command.stayId);
      if (!found || found.stay.case_id !== caseId) throw stayNotFound();
      context = { trx, actor, side: "case", ...found };
      return command.run(context);
    },
    event: (value, ctx) => [
      stayEvent(
        command.action,
        context as StayContext,
        ctx.case.person_id,
        ctx.case.unit_id,
        command.data(value, context as StayContext),
      ),
    ],
  });
}

/** The shelter's side; undefined when the stay is (no longer) at a place the actor runs. */
function onShelterSide<A extends AuditAction, T>(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  command: StayCommand<A, T>,
): Promise<{ value: T } | undefined> {
  return withActor(database.db, actor, async (trx) => {
    // The case before the stay, in the placing side's order (0105): else a command from each
    // side at once could each hold the lock the other waits for.
    await sql`select frid_lock_stay_case(${command.stayId}::uuid)`.execute(trx);
    const found = await lockedStay(trx, command.stayId);
    if (!found) return undefined;
    // Asked again under the lock: a move committed meanwhile takes the stay from this shelter.
    const { rows } = await sql<{
      runs: boolean;
      unit_id: string | null;
    }>`select frid_runs_stay(${command.stayId}::uuid) as runs,
              (select p.shelter_unit_id from stay_segment g join place p on p.id = g.place_id
                where g.stay_id = ${command.stayId}::uuid and frid_runs_place(p.id)
                order by g.from_on desc limit 1) as unit_id`.execute(trx);
    if (!rows[0]?.runs) return undefined;
    const ctx: StayContext = { trx, actor, side: "shelter", ...found };
    const value = await command.run(ctx);
    const adult = found.members.find((m) => m.role === "adult")?.person_id ?? null;
    await recordAudit(trx, auditContext(actor, meta), [
      stayEvent(command.action, ctx, adult, rows[0].unit_id, command.data(value, ctx)),
    ]);
    return { value };
  });
}
