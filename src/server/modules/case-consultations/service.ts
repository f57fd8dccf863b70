import { randomUUID } from "node:crypto";
import type { z } from "zod";
import {
  type CaseConsultationBody,
  type CaseConsultationList,
  caseConsultationFieldNames,
} from "../../../shared/api/case-consultations.ts";
import { stockholmDate } from "../../../shared/calendar.ts";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import { runCaseCommand } from "../../access/case-command.ts";
import type { Trx } from "../../access/transaction.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { AppError } from "../../http/errors.ts";
import { checkNames, nameWarningsIn } from "../consultations/policy.ts";

/**
 * A case's anonymised consultations (issue 18, item 7): advice sought about the child or
 * adult of the case WITHOUT consent (e.g. with Barnahus or the resource function), so the
 * record carries no identity: the schema refuses identity numbers in every text, a text that
 * looks like a name is saved only when confirmed (422 names_to_confirm, the consultation
 * log's rule), and only the case id links it to the person — on the worker's side. It is
 * never disclosed: no disclosure context, pack or export reads this table.
 */

type Body = z.output<typeof CaseConsultationBody>;
type List = z.infer<typeof CaseConsultationList>;

async function list(trx: Trx, caseId: string): Promise<List> {
  const rows = await trx
    .selectFrom("case_consultation as k")
    .innerJoin("app_user as u", "u.id", "k.recorded_by")
    .leftJoin("agency as a", "a.id", "k.agency_id")
    .selectAll("k")
    .select(["u.display_name", "a.name as agency_name"])
    .where("k.case_id", "=", caseId)
    .orderBy("k.held_on", "desc")
    .orderBy("k.recorded_at", "desc")
    .execute();
  const agencies = await trx
    .selectFrom("agency")
    .select(["id", "name"])
    .where("archived_at", "is", null)
    .orderBy("name")
    .execute();
  return {
    consultations: rows.map((r) => ({
      id: r.id,
      heldOn: r.held_on,
      about: r.about,
      agencyId: r.agency_id,
      agencyName: r.agency_name,
      withWhom: r.with_whom,
      question: r.question,
      advice: r.advice,
      recordedBy: r.display_name,
      recordedAt: r.recorded_at.toISOString(),
    })),
    agencies,
  };
}

export function readCaseConsultations(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
) {
  return runCaseCommand(database, actor, meta, {
    caseId,
    action: "case_consultation.read",
    run: ({ trx }) => list(trx, caseId),
  });
}

/** The rules beyond the schema: someone consulted, an agency of the directory, no future day. */
async function checkConsultation(trx: Trx, input: Body) {
  const fields: Record<string, string> = {};
  if (!input.agencyId && !input.withWhom)
    fields.withWhom = "Ange med vem: välj en myndighet eller skriv vem (t.ex. resursfunktionen).";
  if (input.agencyId) {
    const agency = await trx
      .selectFrom("agency")
      .select("id")
      .where("id", "=", input.agencyId)
      .executeTakeFirst();
    if (!agency) fields.agencyId = "Välj en myndighet ur registret.";
  }
  if (input.heldOn > stockholmDate(new Date()))
    fields.heldOn = "Konsultationen kan inte ligga i framtiden.";
  if (Object.keys(fields).length > 0)
    throw new AppError(400, "validation_failed", "Några uppgifter behöver rättas.", fields);
}

export function recordCaseConsultation(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
  input: Body,
) {
  return runCaseCommand(database, actor, meta, {
    caseId,
    action: "case_consultation.record",
    changes: true,
    requires: ["change"],
    closedMessage: "Ärendet är avslutat. Öppna det igen för att registrera.",
    run: async ({ trx }) => {
      // Only for those who may write in the case: anyone else learns nothing, not even this.
      const namesConfirmed = checkNames(
        nameWarningsIn(caseConsultationFieldNames, {
          withWhom: input.withWhom,
          question: input.question,
          advice: input.advice,
        }),
        input.confirmNames,
      );
      await checkConsultation(trx, input);
      const id = randomUUID();
      await trx
        .insertInto("case_consultation")
        .values({
          id,
          org_id: actor.orgId,
          case_id: caseId,
          held_on: input.heldOn,
          about: input.about,
          agency_id: input.agencyId,
          with_whom: input.withWhom,
          question: input.question,
          advice: input.advice,
          names_confirmed: namesConfirmed,
          recorded_by: actor.userId,
        })
        .execute();
      return { id, namesConfirmed, found: await list(trx, caseId) };
    },
    event: ({ id, namesConfirmed }) => ({ data: { consultationId: id, namesConfirmed } }),
  }).then(({ found }) => found);
}
