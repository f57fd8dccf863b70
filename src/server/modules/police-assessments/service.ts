import { stockholmDate } from "../../../shared/calendar.ts";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import { runCaseCommand } from "../../access/case-command.ts";
import type { Trx } from "../../access/transaction.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { AppError } from "../../http/errors.ts";

/** The police's risk assessments of a case, obtained with consent; final records. */
async function list(trx: Trx, caseId: string) {
  const rows = await trx
    .selectFrom("police_assessment as a")
    .innerJoin("app_user as u", "u.id", "a.recorded_by")
    .selectAll("a")
    .select("u.display_name")
    .where("a.case_id", "=", caseId)
    .orderBy("a.assessed_on", "desc")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    assessedOn: r.assessed_on,
    level: r.level,
    summary: r.summary,
    consentGivenOn: r.consent_given_on,
    consentForm: r.consent_form,
    consentReference: r.consent_reference,
    recordedBy: r.display_name,
    recordedAt: r.recorded_at.toISOString(),
  }));
}

export function readPoliceAssessments(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
) {
  return runCaseCommand(database, actor, meta, {
    caseId,
    action: "police_assessment.read",
    run: ({ trx }) => list(trx, caseId),
  });
}

export function recordPoliceAssessment(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
  input: {
    assessedOn: string;
    level: string;
    summary: string;
    consentGivenOn: string;
    consentForm: "written" | "oral";
    consentReference: string;
  },
) {
  const today = stockholmDate(new Date());
  const fields: Record<string, string> = {};
  if (input.assessedOn > today) fields.assessedOn = "Datumet kan inte ligga i framtiden.";
  if (input.consentGivenOn > today)
    fields.consentGivenOn = "Samtycket måste finnas innan polisens bedömning hämtas.";
  if (Object.keys(fields).length > 0)
    throw new AppError(400, "validation_failed", "Några uppgifter behöver rättas.", fields);
  return runCaseCommand(database, actor, meta, {
    caseId,
    action: "police_assessment.record",
    changes: true,
    requires: ["change"],
    closedMessage: "Ärendet är avslutat. Öppna det igen för att registrera.",
    run: async ({ trx }) => {
      const { id } = await trx
        .insertInto("police_assessment")
        .values({
          org_id: actor.orgId,
          case_id: caseId,
          assessed_on: input.assessedOn,
          level: input.level,
          summary: input.summary,
          consent_given_on: input.consentGivenOn,
          consent_form: input.consentForm,
          consent_reference: input.consentReference,
          recorded_by: actor.userId,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      return { id, found: await list(trx, caseId) };
    },
    event: ({ id }) => ({ data: { policeAssessmentId: id } }),
  }).then(({ found }) => found);
}
