import { sql } from "kysely";
import type { AuditAction, AuditData } from "../audit/events.ts";
import { auditContext, recordAudit } from "../audit/record.ts";
import type { DatabaseHandle } from "../db/connection.ts";
import { AppError } from "../http/errors.ts";
import type { Actor, RequestMeta } from "./actor.ts";
import { type Trx, withActor } from "./transaction.ts";

/**
 * The case guard: every read or command on a case passes here, through runCaseCommand
 * (case-command.ts). A case the actor may not see answers like a missing
 * one (404), and the refused attempt is audited with the case's person.
 */
export const caseNotFound = () =>
  new AppError(404, "not_found", "Ärendet finns inte, eller så saknar du behörighet.");

/**
 * Thrown inside a case command when the record it names (a consent, a plan, a referral) is not
 * in the case: runCaseCommand then answers 404 as for a case the caller may not see, and
 * audits the attempt — the rolled-back transaction cannot keep that trace itself.
 */
export class RecordNotInCase extends Error {
  constructor(readonly answer = "Ärendet finns inte, eller så saknar du behörighet.") {
    super(answer);
  }
}

/**
 * Locks a case row for the rest of the transaction (FOR NO KEY UPDATE: rows that refer to
 * the case can still be inserted meanwhile). Every command that changes a case, or anything
 * inside it, takes this lock *before* it reads the state it checks, so two commands on one
 * case run one after the other on PostgreSQL as they do on PGlite: the second sees what the
 * first did and answers 409 where the first one's change makes its own impossible.
 * Returns nothing about the case: visibility is checked after, by the caller's own read.
 */
export async function lockCase(trx: Trx, caseId: string): Promise<void> {
  await trx.selectFrom("case").select("id").where("id", "=", caseId).forNoKeyUpdate().execute();
}

/**
 * Refuses with the answer a missing case gets, and leaves a trace of the attempt (with the
 * case's person, looked up for the trail only, so "who tried to see her" is answerable).
 */
export async function denyCase(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
  action: AuditAction,
): Promise<never> {
  await recordCaseRefusal(database, actor, meta, caseId, action);
  throw caseNotFound();
}

/**
 * Records a refused attempt on a case (or on a record inside it) in its own transaction,
 * naming the case and its person — looked up for the trail only, even when the caller may
 * not see the case — so the person's log review lists it. The caller learns nothing from it.
 */
export async function recordCaseRefusal<A extends AuditAction>(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string | null,
  action: A,
  data?: AuditData<A>,
): Promise<void> {
  await withActor(database.db, actor, async (trx) => {
    const { rows } = caseId
      ? await sql<{
          person_id: string | null;
        }>`select frid_case_person(${caseId}::uuid) as person_id`.execute(trx)
      : { rows: [] };
    await recordAudit(trx, auditContext(actor, meta), [
      {
        action,
        outcome: "denied",
        resourceType: "case",
        resourceId: caseId,
        personId: rows[0]?.person_id ?? null,
        ...(data ? { data } : {}),
      },
    ]);
  });
}
