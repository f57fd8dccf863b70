import { type RawBuilder, type SqlBool, sql } from "kysely";
import type { TimePlace } from "../../../shared/api/paging.ts";
import type {
  CourseSubjectView,
  ServiceContactKind,
  ServiceContactView,
  ServiceCourseSummary,
  ViolenceKind,
} from "../../../shared/api/service-contacts.ts";
import { addDays, startOfDay } from "../../../shared/calendar.ts";
import { shownName as shownPersonName } from "../../../shared/protection.ts";
import type { Actor } from "../../access/actor.ts";
import type { Trx } from "../../access/transaction.ts";
import { shownPersons } from "../persons/queries.ts";
import { managedServiceUnits } from "./policy.ts";

/**
 * The reads of service courses and contacts. Each names the application's rule (who sees a
 * course: responsible, a worker of one of its contacts, a manager of its unit) in its own
 * where clause, and row-level security (0056) checks it again.
 */

export interface CourseRow {
  id: string;
  unit_id: string;
  unit_name: string;
  subject_kind: "identified" | "first_name" | "anonymous";
  person_id: string | null;
  first_name: string | null;
  birth_year: number | null;
  sex: "female" | "male" | "other" | null;
  is_child: boolean;
  responsible_id: string;
  responsible_name: string;
  closed_at: Date | null;
  contacts: number;
  first_at: Date;
  last_at: Date;
  /** last_at as PostgreSQL keeps it, to the microsecond: the list's cursor. */
  last_place: string;
  total_minutes: number;
  last_kind: ServiceContactKind;
  last_topic: string;
}

/** The course is the actor's to see (the application's side of frid_can_see_service_course). */
export function seesCourse(actor: Actor): RawBuilder<SqlBool> {
  return sql<SqlBool>`(c.responsible_id = ${actor.userId}::uuid
    or c.unit_id = any(${managedServiceUnits(actor)}::uuid[])
    or exists (select 1 from service_contact w
                where w.course_id = c.id and w.worker_id = ${actor.userId}::uuid))`;
}

/** What a list of courses is narrowed by. */
export interface CourseFilters {
  unitId?: string;
  from?: string;
  to?: string;
  kind?: ServiceContactKind;
  mine?: boolean;
  personId?: string;
  courseId?: string;
}

function filtersOf(actor: Actor, f: CourseFilters): RawBuilder<SqlBool> {
  const parts: RawBuilder<unknown>[] = [sql`c.org_id = ${actor.orgId}::uuid`, seesCourse(actor)];
  if (f.courseId) parts.push(sql`c.id = ${f.courseId}::uuid`);
  if (f.unitId) parts.push(sql`c.unit_id = ${f.unitId}::uuid`);
  if (f.personId) parts.push(sql`c.person_id = ${f.personId}::uuid`);
  if (f.mine)
    parts.push(sql`(c.responsible_id = ${actor.userId}::uuid or exists (select 1
      from service_contact m where m.course_id = c.id and m.worker_id = ${actor.userId}::uuid))`);
  if (f.from || f.to || f.kind) {
    const contact: RawBuilder<unknown>[] = [sql`f.course_id = c.id`];
    if (f.kind) contact.push(sql`f.kind = ${f.kind}`);
    if (f.from) contact.push(sql`f.occurred_at >= ${startOfDay(f.from)}`);
    if (f.to) contact.push(sql`f.occurred_at < ${startOfDay(addDays(f.to, 1))}`);
    parts.push(
      sql`exists (select 1 from service_contact f where ${sql.join(contact, sql` and `)})`,
    );
  }
  return sql<SqlBool>`${sql.join(parts, sql` and `)}`;
}

/**
 * Courses with their contacts in figures, newest contact first, keyset (last contact, id)
 * after `before`; up to `limit` rows.
 */
export async function courseRows(
  trx: Trx,
  actor: Actor,
  filters: CourseFilters,
  page: { limit: number; before?: TimePlace } = { limit: 100 },
): Promise<CourseRow[]> {
  const after = page.before
    ? sql`and (a.last_at, c.id) < (${page.before.at}::timestamptz, ${page.before.id}::uuid)`
    : sql``;
  const { rows } = await sql<CourseRow>`
    select c.id, c.unit_id, u.name as unit_name, c.subject_kind, c.person_id, c.first_name,
      c.birth_year, c.sex, c.is_child, c.responsible_id, r.display_name as responsible_name,
      c.closed_at, a.contacts, a.first_at, a.last_at, a.total_minutes,
      to_char(a.last_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as last_place,
      l.kind as last_kind, l.topic as last_topic
    from service_course c
    join unit u on u.id = c.unit_id
    join app_user r on r.id = c.responsible_id
    cross join lateral (select count(*)::integer as contacts, min(s.occurred_at) as first_at,
        max(s.occurred_at) as last_at, sum(s.duration_minutes)::integer as total_minutes
      from service_contact s where s.course_id = c.id) a
    cross join lateral (select s.kind, s.topic from service_contact s where s.course_id = c.id
      order by s.occurred_at desc, s.id desc limit 1) l
    where ${filtersOf(actor, filters)} ${after}
    order by a.last_at desc, c.id desc
    limit ${page.limit}`.execute(trx);
  return rows;
}

/** How many courses the list holds, asked only when the reader wants the total. */
export async function courseCount(trx: Trx, actor: Actor, filters: CourseFilters) {
  const { rows } = await sql<{ n: number }>`
    select count(*)::integer as n from service_course c
    where ${filtersOf(actor, filters)}
      and exists (select 1 from service_contact s where s.course_id = c.id)`.execute(trx);
  return Number(rows[0]?.n ?? 0);
}

/** The names of identified persons as the actor may see them (persons/queries.ts). */
export async function shownNames(trx: Trx, actor: Actor, personIds: string[]) {
  const names = new Map<string, string>();
  if (personIds.length === 0) return names;
  const rows = await shownPersons(trx, actor).where("p.id", "in", personIds).execute();
  // A course list names her as every list does: a fictitious identity is not (issue 19).
  for (const p of rows)
    names.set(
      p.id,
      shownPersonName(
        { name: `${p.given_name} ${p.family_name}`, protectionLevel: p.protection_level ?? "none" },
        "list",
      ),
    );
  return names;
}

function subjectOf(row: CourseRow, names: Map<string, string>): CourseSubjectView {
  if (row.subject_kind === "identified" && row.person_id)
    return {
      kind: "identified",
      personId: row.person_id,
      name: names.get(row.person_id) ?? null,
    };
  if (row.subject_kind === "first_name" && row.first_name && row.birth_year !== null)
    return { kind: "first_name", firstName: row.first_name, birthYear: row.birth_year };
  return { kind: "anonymous", birthYear: row.birth_year };
}

export function toCourseSummary(row: CourseRow, names: Map<string, string>): ServiceCourseSummary {
  return {
    id: row.id,
    unitId: row.unit_id,
    unitName: row.unit_name,
    subject: subjectOf(row, names),
    sex: row.sex,
    isChild: row.is_child,
    responsibleId: row.responsible_id,
    responsibleName: row.responsible_name,
    contacts: Number(row.contacts),
    firstAt: new Date(row.first_at).toISOString(),
    lastAt: new Date(row.last_at).toISOString(),
    totalMinutes: Number(row.total_minutes),
    closedAt: row.closed_at ? new Date(row.closed_at).toISOString() : null,
    lastKind: row.last_kind,
    lastTopic: row.last_topic,
  };
}

/** Summaries of the rows, each identified person's name as the actor may see it. */
export async function summaries(trx: Trx, actor: Actor, rows: CourseRow[]) {
  const ids = rows.flatMap((r) => (r.person_id ? [r.person_id] : []));
  const names = await shownNames(trx, actor, [...new Set(ids)]);
  return rows.map((r) => toCourseSummary(r, names));
}

/** The course's contacts, newest first, each with the case its intake opened or joined. */
export async function contactsOf(trx: Trx, courseId: string): Promise<ServiceContactView[]> {
  const rows = await trx
    .selectFrom("service_contact as s")
    .innerJoin("app_user as w", "w.id", "s.worker_id")
    .leftJoin("intake as i", "i.id", "s.intake_id")
    .select([
      "s.id",
      "s.course_id",
      "s.kind",
      "s.channel",
      "s.occurred_at",
      "s.duration_minutes",
      "s.worker_id",
      "w.display_name as worker_name",
      "s.violence_kinds",
      "s.topic",
      "s.summary",
      "s.outcome",
      "s.referred_to",
      "s.intake_id",
      "i.case_id",
    ])
    .where("s.course_id", "=", courseId)
    .orderBy("s.occurred_at", "desc")
    .orderBy("s.id", "desc")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    courseId: r.course_id,
    kind: r.kind,
    channel: r.channel,
    occurredAt: new Date(r.occurred_at).toISOString(),
    durationMinutes: r.duration_minutes,
    workerId: r.worker_id,
    workerName: r.worker_name,
    violenceKinds: r.violence_kinds as ViolenceKind[],
    topic: r.topic,
    summary: r.summary,
    outcome: r.outcome,
    referredTo: r.referred_to,
    intakeId: r.intake_id,
    caseId: r.case_id ?? null,
  }));
}
