import type { Trx } from "./transaction.ts";

/**
 * Locks a running treatment for the rest of the transaction, so that what is done to it (a
 * session, a partner, a scanned form) and its end happen one after the other: never a
 * partner case opened, or a form kept, after the end was sent. False once it has ended (the
 * update policy hides an ended treatment from a locking read).
 */
export async function lockTreatment(trx: Trx, caseId: string): Promise<boolean> {
  const row = await trx
    .selectFrom("treatment")
    .select("phase")
    .where("case_id", "=", caseId)
    .forUpdate()
    .executeTakeFirst();
  return row !== undefined && row.phase !== "ended";
}
