import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import type { z } from "zod";
import type { AgencyKind } from "../../../shared/api/collaboration.ts";
import type { intakeSources } from "../../../shared/api/intake.ts";
import type { IncomingReferralBody } from "../../../shared/api/referrals.ts";
import { stockholmDate } from "../../../shared/calendar.ts";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import { type Trx, withActor } from "../../access/transaction.ts";
import { auditContext, recordAudit } from "../../audit/record.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { AppError, invalid } from "../../http/errors.ts";
import { checkIntake, recordIntakeOf } from "../intake/service.ts";
import { denyPerson } from "../persons/service.ts";
import { referralView } from "./queries.ts";

/**
 * A referral in (issue 18, item 5): from the police, health care, a school — an agency of the
 * directory or a named sender — recorded as the intake it becomes, through the intake
 * module's own recordIntakeOf (the one way an intake is recorded, opening or joining the
 * person's case), with the referral row linked to that intake and its case, all in one
 * transaction. The sender's reference names one referral: recorded twice, even at the same
 * moment, it is refused (409) and makes no second intake.
 */

type Body = z.output<typeof IncomingReferralBody>;
type IntakeSource = (typeof intakeSources)[number];

/** Which intake source an agency of the directory is. */
const sourceOfAgency: Record<AgencyKind, IntakeSource> = {
  police: "police",
  health_centre: "health_care",
  psychiatry: "health_care",
  hospital: "health_care",
  region: "health_care",
  school: "school",
  preschool: "school",
  barnahus: "other_authority",
  tax_agency: "other_authority",
  migration_agency: "other_authority",
  prison_probation: "other_authority",
  social_insurance: "other_authority",
  voluntary_shelter: "ngo",
  municipality: "other_authority",
  court: "other_authority",
  other: "other",
};

function checkSender(body: Body) {
  const fields: Record<string, string> = {};
  if ((body.agencyId === null) === (body.senderName === null))
    fields.agencyId = "Välj avsändaren i katalogen, eller skriv avsändarens namn.";
  if (body.senderName !== null && body.senderSource === null)
    fields.senderSource = "Ange vilken sorts avsändare det är.";
  if (Object.keys(fields).length > 0) throw invalid(fields);
}

async function senderOf(trx: Trx, body: Body) {
  if (body.agencyId === null)
    return { name: body.senderName as string, source: body.senderSource as IntakeSource };
  const agency = await trx
    .selectFrom("agency")
    .select(["name", "kind"])
    .where("id", "=", body.agencyId)
    .where("archived_at", "is", null)
    .executeTakeFirst();
  if (!agency) throw invalid({ agencyId: "Välj avsändaren i katalogen." });
  return { name: agency.name, source: sourceOfAgency[agency.kind] };
}

/**
 * One referral per sender and reference: the key is locked for the transaction, so a second
 * recording of the same one waits, then finds the first and is refused.
 */
async function refuseRepeat(trx: Trx, actor: Actor, body: Body) {
  if (body.senderReference === null) return;
  const sender = body.agencyId ?? body.senderName?.trim().toLowerCase() ?? "";
  const reference = body.senderReference.trim().toLowerCase();
  const key = `referral-in:${actor.orgId}:${sender}:${reference}`;
  await sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`.execute(trx);
  const { rows } = await sql<{ id: string }>`
    select id from referral
     where org_id = ${actor.orgId}::uuid and direction = 'in' and sender_reference is not null
       and coalesce(agency_id::text, lower(trim(sender_name))) = ${sender}
       and lower(trim(sender_reference)) = ${reference}`.execute(trx);
  if (rows.length > 0)
    throw new AppError(409, "conflict", "Remissen med den referensen är redan registrerad.", {
      senderReference: "Avsändarens referens finns redan på en registrerad remiss.",
    });
}

/** The intake the referral becomes: what the sender asks is what was reported. */
function intakeInput(body: Body, sender: { name: string; source: IntakeSource }) {
  return {
    person_id: body.personId,
    unit_id: body.unitId,
    source: sender.source,
    channel: body.channel,
    receivedAt: body.receivedAt,
    kind: body.kind,
    asked_about_violence: body.askedAboutViolence,
    violence_answer: null,
    report_text: body.reason,
    reported_on: body.sentOn,
    reporter_organisation: sender.name,
    reporter_name: body.senderContact,
    reporter_phone: null,
    reporter_email: null,
    interpreter_needed: false,
    interpreter_language: null,
    children_in_household: null,
    information_only_reason: null,
  };
}

/** The person could not be seen: answered as a missing person. */
class PersonNotVisible extends Error {}

export async function receiveReferral(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  body: Body,
) {
  checkSender(body);
  try {
    return await withActor(database.db, actor, async (trx) => {
      const sender = await senderOf(trx, body);
      const input = intakeInput(body, sender);
      checkIntake(actor, input);
      await refuseRepeat(trx, actor, body);
      const answer = await recordIntakeOf(trx, database.cipher, actor, meta, input);
      if (!answer) throw new PersonNotVisible();
      const caseId = answer.intake.caseId as string;
      const id = randomUUID();
      await trx
        .insertInto("referral")
        .values({
          id,
          org_id: actor.orgId,
          case_id: caseId,
          direction: "in",
          agency_id: body.agencyId,
          sender_name: body.senderName,
          sender_reference: body.senderReference,
          reason: body.reason,
          received_on: stockholmDate(new Date(body.receivedAt)),
          intake_id: answer.intake.id,
          created_by: actor.userId,
        })
        .execute();
      await recordAudit(trx, auditContext(actor, meta), [
        {
          action: "referral.receive",
          resourceType: "case",
          resourceId: caseId,
          personId: body.personId,
          unitId: body.unitId,
          data: { referralId: id, intakeId: answer.intake.id },
        },
      ]);
      // Joined a case the recorder does not work: recorded, but not theirs to read (as case).
      return { ...answer, referral: answer.case ? await referralView(trx, id) : null };
    });
  } catch (error) {
    if (error instanceof PersonNotVisible)
      return denyPerson(database, actor, meta, body.personId, "intake.record");
    throw error;
  }
}
