import { randomUUID } from "node:crypto";
import type { EnquiryOutcome, EnquiryView } from "../../../shared/api/places.ts";
import { stockholmDate } from "../../../shared/calendar.ts";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import { runCaseCommand } from "../../access/case-command.ts";
import { recordCaseRefusal } from "../../access/case-guard.ts";
import type { Trx } from "../../access/transaction.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { AppError } from "../../http/errors.ts";
import { caseOf } from "./holds.ts";

/**
 * Enquiries to a place (mostly an external shelter) for a case, and the coded answer — placed,
 * no space, declined by the person, not suitable (with the reason) — so refused referrals
 * are counted rather than forgotten (issue 16: the yearly follow-up counts them by outcome).
 */
const invalid = (fields: Record<string, string>) =>
  new AppError(400, "validation_failed", "Några uppgifter behöver rättas.", fields);

export async function enquiriesOf(trx: Trx, caseId: string): Promise<EnquiryView[]> {
  const rows = await trx
    .selectFrom("place_enquiry as e")
    .innerJoin("place as p", "p.id", "e.place_id")
    .innerJoin("app_user as u", "u.id", "e.asked_by")
    .select([
      "e.id",
      "e.place_id",
      "p.name",
      "p.operator_name",
      "e.persons",
      "u.display_name",
      "e.asked_at",
      "e.outcome",
      "e.reason",
      "e.answered_at",
    ])
    .where("e.case_id", "=", caseId)
    .orderBy("e.asked_at", "desc")
    .orderBy("e.id")
    .execute();
  return rows.map((e) => ({
    id: e.id,
    placeId: e.place_id,
    placeName: e.name,
    operatorName: e.operator_name,
    persons: e.persons,
    askedBy: e.display_name,
    askedAt: e.asked_at.toISOString(),
    outcome: e.outcome,
    reason: e.reason,
    answeredAt: e.answered_at ? e.answered_at.toISOString() : null,
  }));
}

export function readEnquiries(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
) {
  return runCaseCommand(database, actor, meta, {
    caseId,
    action: "enquiry.read",
    run: ({ trx }) => enquiriesOf(trx, caseId),
  });
}

export function createEnquiry(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
  input: { placeId: string; persons: number },
) {
  return runCaseCommand(database, actor, meta, {
    caseId,
    action: "enquiry.create",
    changes: true,
    requires: ["change"],
    closedMessage: "Ärendet är avslutat. Öppna det igen för att fråga efter en plats.",
    run: async ({ trx }) => {
      const place = await trx
        .selectFrom("place")
        .select("id")
        .where("id", "=", input.placeId)
        // Open until the day it closes — the same rule as a hold's and a stay's.
        .where((eb) =>
          eb.or([eb("closed_on", "is", null), eb("closed_on", ">", stockholmDate(new Date()))]),
        )
        .executeTakeFirst();
      if (!place) throw invalid({ placeId: "Välj en öppen plats i registret." });
      const id = randomUUID();
      await trx
        .insertInto("place_enquiry")
        .values({
          id,
          org_id: actor.orgId,
          place_id: input.placeId,
          case_id: caseId,
          persons: input.persons,
          asked_by: actor.userId,
        })
        .execute();
      return (await enquiriesOf(trx, caseId)).find((e) => e.id === id) as EnquiryView;
    },
    event: (e) => ({ data: { enquiryId: e.id, placeId: e.placeId } }),
  });
}

export async function answerEnquiry(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  enquiryId: string,
  input: { outcome: EnquiryOutcome; reason: string | null },
) {
  const caseId = await caseOf(database, actor, "frid_enquiry_case", enquiryId);
  if (!caseId) {
    await recordCaseRefusal(database, actor, meta, null, "enquiry.answer", {
      enquiryId,
      outcome: input.outcome,
    });
    throw new AppError(404, "not_found", "Förfrågan finns inte, eller så saknar du behörighet.");
  }
  return runCaseCommand(database, actor, meta, {
    caseId,
    action: "enquiry.answer",
    changes: true,
    requires: ["change"],
    closedMessage: "Ärendet är avslutat. Öppna det igen för att registrera svaret.",
    run: async ({ trx }) => {
      const answered = await trx
        .updateTable("place_enquiry")
        .set({
          outcome: input.outcome,
          reason: input.reason,
          answered_by: actor.userId,
          answered_at: new Date(),
        })
        .where("id", "=", enquiryId)
        .where("outcome", "is", null)
        .returning("id")
        .executeTakeFirst();
      if (!answered) throw new AppError(409, "conflict", "Förfrågan har redan fått ett svar.");
      return (await enquiriesOf(trx, caseId)).find((e) => e.id === enquiryId) as EnquiryView;
    },
    event: () => ({ data: { enquiryId, outcome: input.outcome } }),
  });
}
