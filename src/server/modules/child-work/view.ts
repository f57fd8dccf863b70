import { sql } from "kysely";
import type { z } from "zod";
import type { ChildWorkView } from "../../../shared/api/child-work.ts";
import { type ProtectionLevel, shownName } from "../../../shared/protection.ts";
import type { Trx } from "../../access/transaction.ts";

type View = z.infer<typeof ChildWorkView>;

/**
 * A child's work as the page shows it: its series with their talks (the child's own words
 * kept apart from the worker's notes), police reports, medical examinations and
 * consultations. Read under row-level security in the caller's transaction; the caller
 * writes the audit event that names the child.
 */
export async function loadWorks(
  trx: Trx,
  workIds: string[],
  mayChange: (work: { closed_on: string | null }) => boolean,
): Promise<View[]> {
  if (workIds.length === 0) return [];
  const [works, records] = await Promise.all([workRows(trx, workIds), recordRows(trx, workIds)]);
  return works.map((w) => ({
    id: w.id,
    anchor: w.case_id
      ? { kind: "case", caseId: w.case_id, personId: w.person_id as string }
      : { kind: "course", courseId: w.course_id as string },
    // A list of works names the child as every list does: a fictitious identity is not.
    childName:
      w.child_name === null
        ? null
        : shownName({ name: w.child_name, protectionLevel: w.child_protection ?? "none" }, "list"),
    unitName: w.unit_name,
    openedOn: w.opened_on,
    closedOn: w.closed_on,
    mayChange: mayChange(w),
    ...recordsOf(w.id, records),
  }));
}

/** Every record of the works, each kind in one query. */
async function recordRows(trx: Trx, workIds: string[]) {
  const [series, talks, reports, exams, consultations] = await Promise.all([
    seriesRows(trx, workIds),
    talkRows(trx, workIds),
    trx
      .selectFrom("child_police_report as r")
      .leftJoin("app_user as u", "u.id", "r.reporter_user_id")
      .select([
        "r.id",
        "r.child_work_id",
        "r.reported_on",
        "r.reporter_kind",
        "r.crime_category",
        "r.notes",
        "u.display_name",
      ])
      .where("r.child_work_id", "in", workIds)
      .orderBy("r.reported_on")
      .orderBy("r.created_at")
      .execute(),
    trx
      .selectFrom("child_medical_exam")
      .select(["id", "child_work_id", "examined_on", "kind", "place", "notes"])
      .where("child_work_id", "in", workIds)
      .orderBy("examined_on")
      .orderBy("created_at")
      .execute(),
    trx
      .selectFrom("child_consultation")
      .select([
        "id",
        "child_work_id",
        "held_on",
        "agencies",
        "participants",
        "basis",
        "consent_note",
        "notes",
      ])
      .where("child_work_id", "in", workIds)
      .orderBy("held_on")
      .orderBy("created_at")
      .execute(),
  ]);
  return { series, talks, reports, exams, consultations };
}

function seriesRows(trx: Trx, workIds: string[]) {
  return trx
    .selectFrom("crisis_talk_series as s")
    .innerJoin("app_user as u", "u.id", "s.worker_id")
    .select([
      "s.id",
      "s.child_work_id",
      "s.model",
      "s.planned_talks",
      "s.started_on",
      "s.ended_on",
      "u.display_name",
    ])
    .where("s.child_work_id", "in", workIds)
    .orderBy("s.started_on")
    .orderBy("s.created_at")
    .execute();
}

function talkRows(trx: Trx, workIds: string[]) {
  return trx
    .selectFrom("crisis_talk as t")
    .innerJoin("crisis_talk_series as s", "s.id", "t.series_id")
    .innerJoin("app_user as u", "u.id", "t.created_by")
    .select([
      "t.id",
      "t.series_id",
      "t.number",
      "t.held_on",
      "t.child_words",
      "t.notes",
      "u.display_name",
    ])
    .where("s.child_work_id", "in", workIds)
    .orderBy("t.number")
    .execute();
}

type Records = Awaited<ReturnType<typeof recordRows>>;

/** One work's records as the page shows them. */
function recordsOf(
  workId: string,
  r: Records,
): Omit<View, "id" | "anchor" | "childName" | "unitName" | "openedOn" | "closedOn" | "mayChange"> {
  const mine = <T extends { child_work_id: string }>(rows: T[]) =>
    rows.filter((x) => x.child_work_id === workId);
  return {
    series: mine(r.series).map((s) => {
      const own = r.talks.filter((t) => t.series_id === s.id);
      return {
        id: s.id,
        model: s.model,
        plannedTalks: s.planned_talks,
        startedOn: s.started_on,
        endedOn: s.ended_on,
        worker: s.display_name,
        talks: own.map((t) => ({
          id: t.id,
          number: t.number,
          heldOn: t.held_on,
          childWords: t.child_words,
          notes: t.notes,
          recordedBy: t.display_name,
        })),
        nextNumber: Math.max(0, ...own.map((t) => t.number)) + 1,
      };
    }),
    policeReports: mine(r.reports).map((x) => ({
      id: x.id,
      reportedOn: x.reported_on,
      reporterKind: x.reporter_kind,
      reporter: x.display_name,
      crimeCategory: x.crime_category,
      notes: x.notes,
    })),
    medicalExams: mine(r.exams).map((e) => ({
      id: e.id,
      examinedOn: e.examined_on,
      kind: e.kind,
      place: e.place,
      notes: e.notes,
    })),
    consultations: mine(r.consultations).map((c) => ({
      id: c.id,
      heldOn: c.held_on,
      agencies: c.agencies as View["consultations"][number]["agencies"],
      participants: c.participants,
      basis: c.basis,
      consentNote: c.consent_note,
      notes: c.notes,
    })),
  };
}

/**
 * The works with the child's name as the caller may name them: in a case, as the case names
 * its person or the relation names the child (the name the recorder typed, 0026); as a
 * service, as the course names its person (a record, a first name and birth year, or nobody).
 */
function workRows(trx: Trx, workIds: string[]) {
  return trx
    .selectFrom("child_work as w")
    .innerJoin("unit as u", "u.id", "w.unit_id")
    .select([
      "w.id",
      "w.case_id",
      "w.person_id",
      "w.course_id",
      "w.opened_on",
      "w.closed_on",
      "u.name as unit_name",
      sql<string | null>`case
        when w.case_id is not null then (
          select coalesce(r.given_name, p.given_name) || ' ' || coalesce(r.family_name, p.family_name)
            from person p
            left join relation r on r.case_id = w.case_id and r.other_person_id = p.id
                                and r.kind = 'child'
           where p.id = w.person_id
           order by r.recorded_at limit 1)
        else (
          select case s.subject_kind
                   when 'identified' then (select p.given_name || ' ' || p.family_name
                                             from person p where p.id = s.person_id)
                   when 'first_name' then s.first_name || ' (' || s.birth_year || ')'
                 end
            from service_course s where s.id = w.course_id)
        end`.as("child_name"),
      sql<ProtectionLevel | null>`(select p.protection_level from person p
          where p.id = coalesce(w.person_id,
                                (select s.person_id from service_course s where s.id = w.course_id)))`.as(
        "child_protection",
      ),
    ])
    .where("w.id", "in", workIds)
    .orderBy("w.opened_on")
    .orderBy("w.created_at")
    .execute();
}
