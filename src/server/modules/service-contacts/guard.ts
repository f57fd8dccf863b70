import { sql } from "kysely";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import { type Trx, withActor } from "../../access/transaction.ts";
import type { AuditAction, AuditData } from "../../audit/events.ts";
import { auditContext, recordAudit } from "../../audit/record.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { AppError } from "../../http/errors.ts";
import { givesService, managesUnit } from "./policy.ts";
import { seesCourse } from "./queries.ts";

/**
 * The course guard: every read of and command on a service course (or one of its contacts)
 * passes here, as a case's pass runCaseCommand. A course the actor may not see answers like
 * a missing one (404); one they see but may not change answers 403. Both refusals are
 * audited in a transaction of their own, naming the course and, when identified, its person
 * (frid_service_course_person, 0057), so her log review lists the attempt. A success's
 * event is written in the command's transaction.
 */
export const courseNotFound = () =>
  new AppError(404, "not_found", "Kontakten finns inte, eller så saknar du behörighet.");

const forbidden = {
  manage: () =>
    new AppError(403, "forbidden", "Bara enhetens chef kan byta ansvarig för en serie."),
  serve: () =>
    new AppError(
      403,
      "forbidden",
      "Du ger inte serviceinsatser i enheten och kan inte ändra serien.",
    ),
};

export interface CourseRef {
  id: string;
  unit_id: string;
  person_id: string | null;
  subject_kind: "identified" | "first_name" | "anonymous";
  closed_at: Date | null;
}

export interface CourseCommand<A extends AuditAction, T> {
  /** The course, or a contact of it (the course is found from the contact). */
  target: { courseId: string } | { contactId: string };
  action: A;
  /** see: read; serve: a worker of the unit who sees it; manage: its unit's manager. */
  need: "see" | "serve" | "manage";
  run: (trx: Trx, course: CourseRef) => Promise<T>;
  event: (result: NoInfer<T>, course: CourseRef) => AuditData<A>;
  /** The person the event names when the command identified the course (an intake). */
  personOf?: (result: NoInfer<T>) => string;
}

type Outcome<T> =
  | { value: T }
  | { refused: 404 | 403; courseId: string | null; why?: "manage" | "serve" };

async function courseIdOf(trx: Trx, target: CourseCommand<AuditAction, unknown>["target"]) {
  if ("courseId" in target) return target.courseId;
  const { rows } = await sql<{
    id: string | null;
  }>`select frid_service_course_of(${target.contactId}::uuid) as id`.execute(trx);
  return rows[0]?.id ?? null;
}

export async function runCourseCommand<A extends AuditAction, T>(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  command: CourseCommand<A, T>,
): Promise<T> {
  const outcome = await withActor(database.db, actor, async (trx): Promise<Outcome<T>> => {
    const courseId = await courseIdOf(trx, command.target);
    if (!courseId) return { refused: 404, courseId: null };
    const q = trx
      .selectFrom("service_course as c")
      .select(["c.id", "c.unit_id", "c.person_id", "c.subject_kind", "c.closed_at"])
      .where("c.id", "=", courseId)
      .where(seesCourse(actor));
    // A change locks the course: two changes of one course (a second click) take turns.
    const course = await (command.need === "see" ? q : q.forUpdate()).executeTakeFirst();
    if (!course) return { refused: 404, courseId };
    const allowed =
      command.need === "see" ||
      (command.need === "manage" ? managesUnit : givesService)(actor, course.unit_id);
    if (!allowed) return { refused: 403, courseId, why: command.need as "manage" | "serve" };
    const value = await command.run(trx, course);
    await recordAudit(trx, auditContext(actor, meta), [
      {
        action: command.action,
        resourceType: "service_course",
        resourceId: course.id,
        personId: command.personOf?.(value) ?? course.person_id,
        unitId: course.unit_id,
        data: command.event(value, course),
      },
    ]);
    return { value };
  });
  if ("value" in outcome) return outcome.value;
  await recordCourseRefusal(database, actor, meta, command.action, outcome.courseId);
  throw outcome.refused === 404 || !outcome.why ? courseNotFound() : forbidden[outcome.why]();
}

/**
 * Leaves a trace of a refused look at or change of a course, in its own transaction, naming
 * whose it is (looked up for the trail only). Without a course (a contact, or a child's work
 * or series, that does not exist) the event names `unknownAs`: a child's work answers as on a
 * case, since it may as well have been in one.
 */
export function recordCourseRefusal(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  action: AuditAction,
  courseId: string | null,
  unknownAs: "service_course" | "case" = "service_course",
) {
  return withActor(database.db, actor, async (trx) => {
    const { rows } = courseId
      ? await sql<{
          person_id: string | null;
        }>`select frid_service_course_person(${courseId}::uuid) as person_id`.execute(trx)
      : { rows: [] };
    await recordAudit(trx, auditContext(actor, meta), [
      {
        action,
        outcome: "denied",
        resourceType: courseId ? "service_course" : unknownAs,
        resourceId: courseId,
        personId: rows[0]?.person_id ?? null,
      },
    ]);
  });
}
