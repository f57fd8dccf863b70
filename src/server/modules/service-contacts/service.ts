import { randomUUID } from "node:crypto";
import type { z } from "zod";
import type { TimePlace } from "../../../shared/api/paging.ts";
import { encodeTimePlace } from "../../../shared/api/paging.ts";
import type {
  NewCourse,
  RecordServiceContactBody,
  ServiceContactKind,
  ServiceCoursePage,
  ServiceCourseSummary,
  ServiceCourseView,
} from "../../../shared/api/service-contacts.ts";
import { serviceRoles } from "../../../shared/api/service-contacts.ts";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import { type Trx, withActor } from "../../access/transaction.ts";
import { auditContext, listEntry, recordAudit } from "../../audit/record.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { AppError, invalid } from "../../http/errors.ts";
import { findVisiblePerson } from "../persons/queries.ts";
import { denyPerson } from "../persons/service.ts";
import { type CourseRef, courseNotFound, runCourseCommand } from "./guard.ts";
import { givesService, managesUnit } from "./policy.ts";
import { contactsOf, courseCount, courseRows, summaries } from "./queries.ts";

type ContactInput = z.output<typeof RecordServiceContactBody>;
type CourseInput = z.output<typeof NewCourse>;

/** The contact's own rules beyond its schema: one course, a referral names where to. */
function checkContact(input: ContactInput) {
  const fields: Record<string, string> = {};
  if ((input.courseId === undefined) === (input.course === undefined))
    fields.course = "Ange antingen en befintlig serie eller vem kontakten gällde.";
  if (input.outcome === "referred" && !input.referredTo)
    fields.referredTo = "Skriv vart personen hänvisades.";
  if (input.outcome !== "referred" && input.referredTo)
    fields.referredTo = "Vart personen hänvisades anges bara när utfallet är hänvisning.";
  if (new Date(input.occurredAt).getTime() > Date.now() + 5 * 60_000)
    fields.occurredAt = "Tidpunkten kan inte ligga i framtiden.";
  if (Object.keys(fields).length > 0) throw invalid(fields);
}

/** The course as the actor sees it, with its contacts (after a check that they see it). */
export async function courseView(
  trx: Trx,
  actor: Actor,
  courseId: string,
): Promise<ServiceCourseView> {
  const rows = await courseRows(trx, actor, { courseId });
  const [summary] = await summaries(trx, actor, rows);
  if (!summary) throw courseNotFound();
  return {
    ...summary,
    contactList: await contactsOf(trx, courseId),
    mayChangeResponsible: managesUnit(actor, summary.unitId),
  };
}

/**
 * Records a contact: a further one in a course the actor may change, or the first of a new
 * course. A first-name or anonymous course names nobody: no person row is written, and its
 * text fields refuse an identity number (shared/api/service-contacts.ts).
 */
export async function recordContact(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  input: ContactInput,
) {
  checkContact(input);
  if (input.courseId) {
    const contactId = randomUUID();
    const course = await runCourseCommand(database, actor, meta, {
      target: { courseId: input.courseId },
      action: "service_contact.record",
      need: "serve",
      run: async (trx, c) => {
        if (c.closed_at)
          throw new AppError(
            409,
            "conflict",
            "Serien är avslutad. Registrera kontakten som en ny serie.",
          );
        await insertContact(trx, actor, c.id, contactId, input);
        return courseView(trx, actor, c.id);
      },
      event: (_, c) => ({ contactId, courseId: c.id, newCourse: false }),
    });
    return { contactId, course };
  }
  return recordFirstContact(database, actor, meta, input, input.course as CourseInput);
}

async function recordFirstContact(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  input: ContactInput,
  course: CourseInput,
) {
  if (!givesService(actor, course.unitId))
    throw invalid({
      "course.unitId": "Du kan bara registrera kontakter på en enhet där du ger stöd.",
    });
  const personId = course.subject.kind === "identified" ? course.subject.personId : null;
  const result = await withActor(database.db, actor, async (trx) => {
    if (personId && !(await findVisiblePerson(trx, actor, personId))) return null;
    const courseId = randomUUID();
    const contactId = randomUUID();
    await insertCourse(trx, actor, courseId, course);
    await insertContact(trx, actor, courseId, contactId, input);
    await recordAudit(trx, auditContext(actor, meta), [
      {
        action: "service_contact.record",
        resourceType: "service_course",
        resourceId: courseId,
        personId,
        unitId: course.unitId,
        data: { contactId, courseId, newCourse: true },
      },
    ]);
    return { contactId, course: await courseView(trx, actor, courseId) };
  });
  // A person the actor may not see answers as a missing one, audited on her (persons).
  return result ?? denyPerson(database, actor, meta, personId as string);
}

function insertCourse(trx: Trx, actor: Actor, id: string, course: CourseInput) {
  const s = course.subject;
  return trx
    .insertInto("service_course")
    .values({
      id,
      org_id: actor.orgId,
      unit_id: course.unitId,
      subject_kind: s.kind,
      person_id: s.kind === "identified" ? s.personId : null,
      first_name: s.kind === "first_name" ? s.firstName : null,
      birth_year: s.kind === "identified" ? null : s.birthYear,
      sex: course.sex,
      is_child: course.isChild,
      responsible_id: actor.userId,
      created_by: actor.userId,
    })
    .execute();
}

function insertContact(trx: Trx, actor: Actor, courseId: string, id: string, input: ContactInput) {
  return trx
    .insertInto("service_contact")
    .values({
      id,
      org_id: actor.orgId,
      course_id: courseId,
      kind: input.kind,
      channel: input.channel,
      occurred_at: new Date(input.occurredAt),
      duration_minutes: input.durationMinutes,
      worker_id: actor.userId,
      violence_kinds: [...new Set(input.violenceKinds)],
      topic: input.topic,
      summary: input.summary || null,
      outcome: input.outcome,
      referred_to: input.outcome === "referred" ? input.referredTo : null,
      created_by: actor.userId,
    })
    .execute();
}

export function readCourse(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  courseId: string,
) {
  return runCourseCommand(database, actor, meta, {
    target: { courseId },
    action: "service_course.read",
    need: "see",
    run: (trx) => courseView(trx, actor, courseId),
    event: () => ({}),
  });
}

export interface CourseListInput {
  limit: number;
  before?: TimePlace;
  count: boolean;
  unitId?: string;
  from?: string;
  to?: string;
  kind?: ServiceContactKind;
  mine: boolean;
}

/** A page of the courses the actor may see, newest contact first; one event names them all. */
export function listCourses(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  input: CourseListInput,
): Promise<ServiceCoursePage> {
  const { limit, before, count, ...filters } = input;
  return withActor(database.db, actor, async (trx) => {
    const rows = await courseRows(trx, actor, filters, { limit: limit + 1, before });
    const shown = rows.slice(0, limit);
    const last = shown.at(-1);
    await recordAudit(trx, auditContext(actor, meta), [
      listEntry(
        "service_course.list",
        {
          resourceType: "service_course",
          personIds: shown.flatMap((r) => (r.person_id ? [r.person_id] : [])),
          unitIds: shown.map((r) => r.unit_id),
        },
        { data: { courseIds: shown.map((r) => r.id) } },
      ),
    ]);
    return {
      courses: await summaries(trx, actor, shown),
      nextCursor:
        rows.length > limit && last ? encodeTimePlace({ at: last.last_place, id: last.id }) : null,
      total: count ? await courseCount(trx, actor, filters) : null,
    };
  });
}

/** An identified person's courses that the actor may see, on the person's page. */
export async function personCourses(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  personId: string,
): Promise<{ courses: ServiceCourseSummary[] }> {
  const found = await withActor(database.db, actor, async (trx) => {
    if (!(await findVisiblePerson(trx, actor, personId))) return null;
    const rows = await courseRows(trx, actor, { personId });
    await recordAudit(trx, auditContext(actor, meta), [
      listEntry(
        "service_course.list",
        { resourceType: "person", personIds: [personId], unitIds: rows.map((r) => r.unit_id) },
        { personId, resourceId: personId, data: { courseIds: rows.map((r) => r.id) } },
      ),
    ]);
    return { courses: await summaries(trx, actor, rows) };
  });
  return found ?? denyPerson(database, actor, meta, personId);
}

/** A unit manager hands the course to another worker who gives service in its unit. */
export function changeResponsible(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  courseId: string,
  userId: string,
) {
  return runCourseCommand(database, actor, meta, {
    target: { courseId },
    action: "service_course.responsible",
    need: "manage",
    run: async (trx, c) => {
      await requireServiceWorker(trx, c, userId);
      await trx
        .updateTable("service_course")
        .set({ responsible_id: userId })
        .where("id", "=", c.id)
        .execute();
      return courseView(trx, actor, c.id);
    },
    event: () => ({ userId }),
  });
}

/** The new responsible gives service in the course's unit (frid_gives_service's roles). */
async function requireServiceWorker(trx: Trx, c: CourseRef, userId: string) {
  const held = await trx
    .selectFrom("role_assignment as r")
    .innerJoin("app_user as u", "u.id", "r.user_id")
    .select("r.id")
    .where("r.user_id", "=", userId)
    .where("r.unit_id", "=", c.unit_id)
    .where("u.active", "=", true)
    .where("r.role", "in", serviceRoles)
    .executeTakeFirst();
  if (!held) throw invalid({ userId: "Välj någon som ger stöd i enheten." });
}

/** Closes the course: no further contacts in it (a new course starts a new series). */
export function closeCourse(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  courseId: string,
) {
  return runCourseCommand(database, actor, meta, {
    target: { courseId },
    action: "service_course.close",
    need: "serve",
    run: async (trx, c) => {
      if (c.closed_at) throw new AppError(409, "conflict", "Serien är redan avslutad.");
      await trx
        .updateTable("service_course")
        .set({ closed_at: new Date() })
        .where("id", "=", c.id)
        .execute();
      return courseView(trx, actor, c.id);
    },
    event: () => ({}),
  });
}
