import { randomUUID } from "node:crypto";
import { addDays, stockholmDate } from "../../shared/calendar.ts";
import type { Made } from "./authorization-records.ts";

/**
 * The routines register's records for the authorization suite (issue 20, item 2): an approver
 * marked as management, and one routine per changing route (each on version 1, so the
 * administrator's change comes first and the manager's meets a stale version), one of them
 * with its document.
 */
export async function addRoutineRecords({ owner, orgId, id }: Made) {
  const approverId = randomUUID();
  await owner
    .insertInto("routine_approver")
    .values({
      id: approverId,
      org_id: orgId,
      name: "Socialnämnden",
      management: true,
      created_by: id("manager"),
    })
    .execute();
  const today = stockholmDate(new Date());
  const routine = async (title: string) => {
    const routineId = randomUUID();
    await owner
      .insertInto("routine")
      .values({
        id: routineId,
        org_id: orgId,
        area: "protected_personal_data",
        title,
        approver_id: approverId,
        approved_on: addDays(today, -30),
        review_on: addDays(today, 300),
        owner_id: id("manager"),
        created_by: id("manager"),
      })
      .execute();
    return routineId;
  };
  const [correctId, reviseId, documentId] = [
    await routine("Rutin att rätta"),
    await routine("Rutin att revidera"),
    await routine("Rutin med dokument"),
  ];
  await owner
    .insertInto("routine_document")
    .values({
      routine_id: documentId,
      org_id: orgId,
      filename: "rutin.pdf",
      media_type: "application/pdf",
      size_bytes: 9,
      sha256: "0".repeat(64),
      content: new Uint8Array(Buffer.from("%PDF-1.7\n")),
      uploaded_by: id("manager"),
    })
    .execute();
  return { approverId, correctId, reviseId, documentId, ownerId: id("manager") };
}

/** A body for a routine of the suite's organisation. */
export function routineBody(r: { approverId: string; ownerId: string }) {
  const today = stockholmDate(new Date());
  return {
    title: `Rutin ${Math.random().toString(36).slice(2, 8)}`,
    area: "protected_personal_data",
    approverId: r.approverId,
    approvedOn: today,
    reviewOn: addDays(today, 365),
    ownerId: r.ownerId,
  };
}
