import type { z } from "zod";
import {
  type ContactIntakeBody,
  intakeChannelOf,
  reportTextOf,
} from "../../../shared/api/service-contacts.ts";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import type { Trx } from "../../access/transaction.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import type { Cipher } from "../../db/sealed-columns.ts";
import { AppError, invalid } from "../../http/errors.ts";
import { checkIntake, recordIntakeOf } from "../intake/service.ts";
import { denyPerson } from "../persons/service.ts";
import { type CourseRef, runCourseCommand } from "./guard.ts";

type Body = z.output<typeof ContactIntakeBody>;

/** The person the intake is about could not be seen: answered as a missing person. */
class PersonNotVisible extends Error {
  constructor(readonly personId: string) {
    super("person not visible");
  }
}

/** Whose intake: an identified course's person, or the one the worker has just identified. */
function personOf(course: CourseRef, body: Body): string {
  if (course.subject_kind === "identified" && course.person_id) {
    if (body.personId && body.personId !== course.person_id)
      throw invalid({ personId: "Serien gäller en annan person." });
    return course.person_id;
  }
  if (!body.personId)
    throw invalid({
      personId: "Identifiera personen först: sök eller registrera hen, sedan görs aktualiseringen.",
    });
  return body.personId;
}

/**
 * One click: the contact becomes an intake (and the case it opens or joins), through the
 * intake module's own recordIntakeOf — the one way an intake is recorded — in the same
 * transaction as the contact's outcome (intake_made). The intake came in when the contact
 * happened and by its channel; its report text is what the worker wrote of the contact,
 * unless the form says otherwise. A second click finds the outcome made (409).
 *
 * A first-name or anonymous course becomes identified here: the person has now come
 * forward and applied, the intake and its case carry what was said in the course's contact,
 * and left unlinked the course would be missing from her page and counted as a second person.
 */
export async function contactIntake(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  contactId: string,
  body: Body,
) {
  try {
    return await runCourseCommand(database, actor, meta, {
      target: { contactId },
      action: "service_contact.intake",
      need: "serve",
      run: (trx, course) =>
        intakeOfContact(trx, database.cipher, actor, meta, course, contactId, body),
      event: (r) => ({ contactId, intakeId: r.intake.id, caseId: r.case?.id ?? null }),
      personOf: (r) => r.intake.personId,
    });
  } catch (error) {
    if (error instanceof PersonNotVisible)
      return denyPerson(database, actor, meta, error.personId, "intake.record");
    throw error;
  }
}

async function intakeOfContact(
  trx: Trx,
  cipher: Cipher,
  actor: Actor,
  meta: RequestMeta,
  course: CourseRef,
  contactId: string,
  body: Body,
) {
  const contact = await trx
    .selectFrom("service_contact")
    .select(["id", "occurred_at", "channel", "topic", "summary", "outcome"])
    .where("id", "=", contactId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  if (contact.outcome === "intake_made")
    throw new AppError(409, "conflict", "Kontakten har redan blivit en aktualisering.");
  const personId = personOf(course, body);
  const { personId: _given, ...fields } = body;
  const input = {
    person_id: personId,
    unit_id: fields.unitId,
    source: fields.source,
    channel: intakeChannelOf[contact.channel],
    receivedAt: new Date(contact.occurred_at).toISOString(),
    kind: fields.kind,
    asked_about_violence: fields.askedAboutViolence,
    violence_answer: fields.violenceAnswer,
    report_text: fields.reportText ?? reportTextOf(contact),
    reported_on: fields.reportedOn,
    reporter_organisation: fields.reporterOrganisation,
    reporter_name: fields.reporterName,
    reporter_phone: fields.reporterPhone,
    reporter_email: fields.reporterEmail,
    interpreter_needed: fields.interpreterNeeded,
    interpreter_language: fields.interpreterLanguage,
    children_in_household: fields.childrenInHousehold,
    information_only_reason: fields.informationOnlyReason,
  };
  checkIntake(actor, input);
  const answer = await recordIntakeOf(trx, cipher, actor, meta, input);
  if (!answer) throw new PersonNotVisible(personId);
  await trx
    .updateTable("service_contact")
    .set({ outcome: "intake_made", intake_id: answer.intake.id })
    .where("id", "=", contactId)
    .execute();
  if (course.subject_kind !== "identified")
    await trx
      .updateTable("service_course")
      .set({ subject_kind: "identified", person_id: personId, first_name: null })
      .where("id", "=", course.id)
      .execute();
  return { ...answer, courseId: course.id };
}
