import { sql } from "kysely";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import { runCaseCommand } from "../../access/case-command.ts";
import { type Trx, withActor } from "../../access/transaction.ts";
import type { AuditAction, AuditData } from "../../audit/events.ts";
import { type AuditEntry, auditContext, recordAudit } from "../../audit/record.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { AppError } from "../../http/errors.ts";
import { recordCourseRefusal as recordServiceRefusal } from "../service-contacts/guard.ts";

/**
 * The one way a read or command on a child's work (/api/child-work/:id, and a series in it)
 * runs. The work is anchored in a case or in a service course, and so is its rule:
 *   - in a case: a command on the case (runCaseCommand: the case locked for a change, its
 *     visibility, `change` refused once the case is closed, 404 audited on the case);
 *   - as a service: the course rule (frid_can_see_service_course: its responsible worker, a
 *     worker of one of its contacts, the unit's managers); anyone else 404, audited on the
 *     course and its person.
 * Either way the work's row is locked before a change reads it, a change on a closed work is
 * refused (409), and the success event is written in the command's own transaction, naming
 * the child among its persons.
 */
export interface WorkRow {
  id: string;
  unit_id: string;
  case_id: string | null;
  person_id: string | null;
  course_id: string | null;
  opened_on: string;
  closed_on: string | null;
}

export interface WorkContext {
  trx: Trx;
  actor: Actor;
  work: WorkRow;
  /** The caller may change the work (its case or course allows a change, and it is open). */
  mayChange: boolean;
}

export interface WorkCommand<A extends AuditAction, T> {
  workId: string;
  action: A;
  /** Changes the work or records in it: locked, refused once it (or its case) is closed. */
  changes?: boolean;
  run: (ctx: WorkContext) => Promise<T>;
  data: (result: NoInfer<T>, ctx: WorkContext) => AuditData<A>;
}

export const workNotFound = () =>
  new AppError(
    404,
    "not_found",
    "Barnets ärende hos kriscentrum finns inte, eller så saknar du behörighet.",
  );

export const workClosed = () =>
  new AppError(409, "conflict", "Arbetet med barnet är avslutat och kan inte ändras.");

const workColumns = [
  "id",
  "unit_id",
  "case_id",
  "person_id",
  "course_id",
  "opened_on",
  "closed_on",
] as const;

/** The work's row under row-level security, locked for a change (undefined: not visible). */
export async function readWork(trx: Trx, workId: string, lock: boolean) {
  const query = trx.selectFrom("child_work").select(workColumns).where("id", "=", workId);
  return (await (lock ? query.forNoKeyUpdate() : query).executeTakeFirst()) as WorkRow | undefined;
}

/** Where the work is anchored, looked up for routing and the trail only (0058). */
async function anchorOf(database: DatabaseHandle, actor: Actor, workId: string) {
  return withActor(database.db, actor, async (trx) => {
    const { rows } = await sql<{
      case_id: string | null;
      course_id: string | null;
      person_id: string | null;
    }>`select case_id, course_id, person_id from frid_child_work_anchor(${workId}::uuid)`.execute(
      trx,
    );
    return rows[0];
  });
}

/** The child's work a crisis-talk series belongs to (null: no such series here). */
export async function workOfSeries(database: DatabaseHandle, actor: Actor, seriesId: string) {
  return withActor(database.db, actor, async (trx) => {
    const { rows } = await sql<{
      work: string | null;
    }>`select frid_crisis_series_work(${seriesId}::uuid) as work`.execute(trx);
    return rows[0]?.work ?? null;
  });
}

/** A refused attempt on a course, or on a work or series that does not exist (0058). */
export const recordCourseRefusal = <A extends AuditAction>(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  courseId: string | null,
  action: A,
) => recordServiceRefusal(database, actor, meta, action, courseId, "case");

/** The success event of a command on a course's work: on the course, and its person. */
export function courseEntry<A extends AuditAction>(
  action: A,
  course: { id: string; person_id: string | null; unit_id: string },
  data: AuditData<A>,
): AuditEntry<A> {
  return {
    action,
    resourceType: "service_course",
    resourceId: course.id,
    personId: course.person_id,
    unitId: course.unit_id,
    data,
  };
}

export async function runWorkCommand<A extends AuditAction, T>(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  command: WorkCommand<A, T>,
): Promise<T> {
  const anchor = await anchorOf(database, actor, command.workId);
  if (anchor?.case_id) return onCase(database, actor, meta, anchor.case_id, command);
  if (anchor?.course_id) {
    const done = await onCourse(database, actor, meta, anchor.course_id, command);
    if (done) return done.value;
  }
  await recordCourseRefusal(database, actor, meta, anchor?.course_id ?? null, command.action);
  throw workNotFound();
}

function onCase<A extends AuditAction, T>(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
  command: WorkCommand<A, T>,
): Promise<T> {
  let context: WorkContext | undefined;
  return runCaseCommand(database, actor, meta, {
    caseId,
    action: command.action,
    changes: Boolean(command.changes),
    requires: command.changes ? ["change"] : [],
    closedMessage: "Ärendet är avslutat. Öppna det igen för att registrera barnets arbete.",
    run: async ({ trx, abilities }) => {
      const work = await readWork(trx, command.workId, Boolean(command.changes));
      if (!work || work.case_id !== caseId) throw workNotFound();
      if (command.changes && work.closed_on) throw workClosed();
      context = { trx, actor, work, mayChange: abilities.change && !work.closed_on };
      return command.run(context);
    },
    event: (value, ctx) => [
      {
        action: command.action,
        resourceType: "case",
        resourceId: caseId,
        personId: ctx.case.person_id,
        unitId: ctx.case.unit_id,
        personIds: [(context as WorkContext).work.person_id as string],
        data: command.data(value, context as WorkContext),
      },
    ],
  });
}

/** The course's side; undefined when the actor may not see the course. */
function onCourse<A extends AuditAction, T>(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  courseId: string,
  command: WorkCommand<A, T>,
): Promise<{ value: T } | undefined> {
  return withActor(database.db, actor, async (trx) => {
    const course = await trx
      .selectFrom("service_course")
      .select(["id", "person_id", "unit_id", "closed_at"])
      .where("id", "=", courseId)
      .executeTakeFirst();
    const work = course && (await readWork(trx, command.workId, Boolean(command.changes)));
    if (!course || !work) return undefined;
    if (command.changes && course.closed_at)
      throw new AppError(409, "conflict", "Kontakten är avslutad och kan inte ändras.");
    if (command.changes && work.closed_on) throw workClosed();
    const ctx: WorkContext = {
      trx,
      actor,
      work,
      mayChange: !course.closed_at && !work.closed_on,
    };
    const value = await command.run(ctx);
    await recordAudit(trx, auditContext(actor, meta), [
      courseEntry(command.action, course, command.data(value, ctx)),
    ]);
    return { value };
  });
}
