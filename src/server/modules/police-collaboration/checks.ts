import type { z } from "zod";
import type {
  RestrainingOrderBody,
  SafetyAlarmBody,
} from "../../../shared/api/police-collaboration.ts";
import { stockholmDate } from "../../../shared/calendar.ts";
import type { Trx } from "../../access/transaction.ts";
import { AppError } from "../../http/errors.ts";
import { personsOfCase } from "./queries.ts";

/**
 * The rules a restraining order, a safety alarm and an incident must meet beyond their
 * schema: what the database would refuse without a word a person understands (400, per field),
 * and what only the case can tell — whom an order may protect and be against, and that a
 * police assessment named is this case's.
 */

export type OrderInput = z.output<typeof RestrainingOrderBody>;
export type AlarmInput = z.output<typeof SafetyAlarmBody>;
type Fields = Record<string, string>;

function refuseIf(fields: Fields) {
  if (Object.keys(fields).length > 0)
    throw new AppError(400, "validation_failed", "Några uppgifter behöver rättas.", fields);
}

const before = (later: string | null, earlier: string | null) =>
  later !== null && earlier !== null && later < earlier;

export function checkIncident(input: { occurredOn: string; reportedOn: string | null }) {
  const fields: Fields = {};
  if (input.occurredOn > stockholmDate(new Date()))
    fields.occurredOn = "Händelsen kan inte ligga i framtiden.";
  if (before(input.reportedOn, input.occurredOn))
    fields.reportedOn = "Polisanmälan kan inte göras före händelsen.";
  refuseIf(fields);
}

/** A police assessment named must be one of this case's. */
async function checkAssessment(trx: Trx, caseId: string, id: string | null, fields: Fields) {
  if (!id) return;
  const found = await trx
    .selectFrom("police_assessment")
    .select("id")
    .where("id", "=", id)
    .where("case_id", "=", caseId)
    .executeTakeFirst();
  if (!found) fields.policeAssessmentId = "Välj en av polisens riskbedömningar i ärendet.";
}

function orderDates(input: OrderInput, fields: Fields) {
  if (input.status === "granted" && !input.validFrom)
    fields.validFrom = "Ange från vilken dag förbudet gäller.";
  if (input.status === "granted" && !input.validUntil)
    fields.validUntil = "Ange till och med vilken dag förbudet gäller.";
  if (before(input.validUntil, input.validFrom))
    fields.validUntil = "Slutdagen kan inte ligga före startdagen.";
  if (input.status === "ended_early" && !input.endedOn)
    fields.endedOn = "Ange vilken dag förbudet upphörde.";
  if (input.status !== "ended_early" && input.endedOn)
    fields.endedOn = "Ett upphörandedatum anges bara när förbudet har upphört i förtid.";
}

/** Whom it protects and is against, as this case knows them; dates that fit the status. */
export async function checkOrder(
  trx: Trx,
  c: { id: string; person_id: string },
  input: OrderInput,
) {
  const fields: Fields = {};
  const persons = await personsOfCase(trx, c);
  if (!persons.protectable.some((p) => p.id === input.protectedPersonId))
    fields.protectedPersonId =
      "Välj den skyddade personen: ärendets person eller ett barn i ärendet.";
  if ((input.againstRelationId === null) === (input.againstName === null))
    fields.againstName =
      "Ange vem förbudet gäller: välj en relation i ärendet eller skriv ett namn (inte båda).";
  else if (
    input.againstRelationId &&
    !persons.relations.some((r) => r.id === input.againstRelationId)
  )
    fields.againstRelationId = "Välj en relation som finns i ärendet.";
  orderDates(input, fields);
  await checkAssessment(trx, c.id, input.policeAssessmentId, fields);
  refuseIf(fields);
}

export async function checkAlarm(trx: Trx, caseId: string, input: AlarmInput) {
  const fields: Fields = {};
  if (before(input.validUntil, input.validFrom))
    fields.validUntil = "Slutdagen kan inte ligga före startdagen.";
  if (before(input.returnedOn, input.validFrom))
    fields.returnedOn = "Larmet kan inte lämnas tillbaka innan det började gälla.";
  if (input.followedUpOn && input.followedUpOn > stockholmDate(new Date()))
    fields.followedUpOn = "En gjord uppföljning kan inte ligga i framtiden.";
  await checkAssessment(trx, caseId, input.policeAssessmentId, fields);
  refuseIf(fields);
}
