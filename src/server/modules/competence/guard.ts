import type { Actor, RequestMeta } from "../../access/actor.ts";
import { type Trx, withActor } from "../../access/transaction.ts";
import { auditContext, recordAudit } from "../../audit/record.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { AppError } from "../../http/errors.ts";
import {
  type CompetenceRecord,
  competenceTables,
  keepsCompetence,
  readsCompetence,
} from "./policy.ts";

/**
 * Every change of the competence register passes here, as a place's do through its guard:
 * an entry the actor may not see (another organisation's, or no reader) answers like a
 * missing one (404); a reader who does not keep the register gets 403. Refusals are audited
 * in a transaction of their own; a change's event is written in the change's transaction.
 */
export const entryNotFound = () =>
  new AppError(
    404,
    "not_found",
    "Uppgiften finns inte i kompetensregistret, eller så saknar du behörighet.",
  );
export const notKeeper = () =>
  new AppError(
    403,
    "forbidden",
    "Kompetensregistret förs av enhetschefer och konsulter. Du kan läsa det men inte ändra det.",
  );
export const notReader = () =>
  new AppError(
    403,
    "forbidden",
    "Kompetensregistret är till för dem som arbetar med ärenden eller konsultationer.",
  );

export interface CompetenceCommand<T> {
  record: CompetenceRecord;
  /** The entry changed; absent for a new one. */
  recordId?: string;
  change: "created" | "updated" | "removed";
  /** Returns the answer, and the new entry's id when it made one. */
  run: (trx: Trx) => Promise<{ id: string; value: T }>;
}

async function exists(trx: Trx, record: CompetenceRecord, id: string) {
  const row = await trx
    .selectFrom(competenceTables[record])
    .select("id")
    .where("id", "=", id)
    .executeTakeFirst();
  return row !== undefined;
}

export async function runCompetenceCommand<T>(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  command: CompetenceCommand<T>,
): Promise<T> {
  const { record, recordId, change } = command;
  type Outcome = { value: T } | { refused: 403 | 404 };
  const outcome = await withActor(database.db, actor, async (trx): Promise<Outcome> => {
    if (recordId && !(await exists(trx, record, recordId))) return { refused: 404 };
    if (!keepsCompetence(actor)) return { refused: 403 };
    const { id, value } = await command.run(trx);
    await recordAudit(trx, auditContext(actor, meta), [
      {
        action: "competence.change",
        resourceType: "competence",
        resourceId: id,
        data: { record, recordId: id, change },
      },
    ]);
    return { value };
  });
  if ("value" in outcome) return outcome.value;
  await recordCompetenceRefusal(database, actor, meta, "competence.change", recordId ?? null);
  throw outcome.refused === 404
    ? entryNotFound()
    : readsCompetence(actor)
      ? notKeeper()
      : notReader();
}

export function recordCompetenceRefusal(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  action: "competence.change" | "competence.read" | "statistics.read",
  recordId: string | null,
) {
  return withActor(database.db, actor, (trx) =>
    recordAudit(trx, auditContext(actor, meta), [
      { action, outcome: "denied", resourceType: "competence", resourceId: recordId },
    ]),
  );
}
