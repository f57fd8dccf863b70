import type { Actor, RequestMeta } from "../../access/actor.ts";
import { type Trx, withActor } from "../../access/transaction.ts";
import type { AuditAction, AuditData } from "../../audit/events.ts";
import { auditContext, recordAudit } from "../../audit/record.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { AppError } from "../../http/errors.ts";
import { administeredUnits } from "./policy.ts";

/**
 * The place guard: every command on one place passes here, like runCaseCommand for a case.
 * A place the actor may not see (another organisation's, or a user who does no case work)
 * answers like a missing one (404); a place they see but do not administer answers 403 to a
 * change. Both refusals are audited in a transaction of their own; a success's event is
 * written in the command's transaction.
 */
export const placeNotFound = () =>
  new AppError(404, "not_found", "Platsen finns inte, eller så saknar du behörighet.");
const notAdministrator = () =>
  new AppError(
    403,
    "forbidden",
    "Bara den som administrerar platser i enheten (enhetschef eller boendesamordnare) kan ändra platsen.",
  );

export interface PlaceRow {
  id: string;
  unit_id: string;
}

export interface PlaceCommand<A extends AuditAction, T> {
  placeId: string;
  action: A;
  /** "see": anyone doing case work; "administer": unit manager or housing coordinator of its unit. */
  need: "see" | "administer";
  run: (trx: Trx, place: PlaceRow) => Promise<T>;
  /** The success event's data; none: the command writes no event (a read of the register). */
  event?: (result: NoInfer<T>) => AuditData<A>;
}

export async function runPlaceCommand<A extends AuditAction, T>(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  command: PlaceCommand<A, T>,
): Promise<T> {
  const { placeId, action } = command;
  type Outcome = { value: T } | { refused: 404 | 403; unitId?: string };
  const outcome = await withActor(database.db, actor, async (trx): Promise<Outcome> => {
    const place = await trx
      .selectFrom("place")
      .select(["id", "unit_id"])
      .where("id", "=", placeId)
      .executeTakeFirst();
    if (!place) return { refused: 404 };
    if (command.need === "administer" && !administeredUnits(actor).includes(place.unit_id))
      return { refused: 403, unitId: place.unit_id };
    const value = await command.run(trx, place);
    if (command.event) {
      await recordAudit(trx, auditContext(actor, meta), [
        {
          action,
          resourceType: "place",
          resourceId: placeId,
          unitId: place.unit_id,
          data: command.event(value),
        },
      ]);
    }
    return { value };
  });
  if ("value" in outcome) return outcome.value;
  await recordPlaceRefusal(database, actor, meta, action, placeId, outcome.unitId);
  throw outcome.refused === 404 ? placeNotFound() : notAdministrator();
}

/** Leaves a trace of a refused look at or change of a place (the caller learns nothing). */
export function recordPlaceRefusal(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  action: AuditAction,
  placeId: string | null,
  unitId: string | null | undefined = null,
) {
  return withActor(database.db, actor, (trx) =>
    recordAudit(trx, auditContext(actor, meta), [
      {
        action,
        outcome: "denied",
        resourceType: "place",
        resourceId: placeId,
        unitId: unitId ?? null,
      },
    ]),
  );
}
