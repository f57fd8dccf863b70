import { sql } from "kysely";
import type { CompetenceFigures } from "../../../shared/api/competence.ts";
import type { Trx } from "../../access/transaction.ts";

/**
 * The competence register in figures for a year (issue 17, item 5), as the yearly report
 * calls them: read in the actor's transaction (the register is the organisation's own, no
 * client's data; row-level security of 0059 lets its readers count it). One statement.
 *
 * - trainings, their hours and participants: trainings that start in the year;
 * - joint trainings: those held with another agency;
 * - instructors trained: trained_on in the year;
 * - instructors active: attended a follow-up meeting in the year or led a training that
 *   started in it (each counted once);
 * - supervision sessions and hours, study visits and visitors: held in the year.
 */
export async function competenceFigures(
  trx: Trx,
  s: { orgId: string; year: number },
): Promise<CompetenceFigures> {
  const from = `${s.year}-01-01`;
  const to = `${s.year}-12-31`;
  const { rows } = await sql<Record<Exclude<keyof CompetenceFigures, "year">, string | number>>`
    with t as (select id, hours, joint_with from training
                where org_id = ${s.orgId}::uuid and starts_on between ${from}::date and ${to}::date),
         m as (select id from instructor_meeting
                where org_id = ${s.orgId}::uuid and held_on between ${from}::date and ${to}::date)
    select
      (select count(*) from t)::integer as "trainings",
      (select coalesce(sum(hours), 0) from t)::float8 as "trainingHours",
      (select coalesce(sum(p.participants), 0) from training_participants p
        where p.training_id in (select id from t))::integer as "participants",
      (select count(*) from t where cardinality(joint_with) > 0)::integer as "jointTrainings",
      (select count(*) from instructor
        where org_id = ${s.orgId}::uuid
          and trained_on between ${from}::date and ${to}::date)::integer as "instructorsTrained",
      (select count(*) from (
         select instructor_id from instructor_meeting_attendance where meeting_id in (select id from m)
         union
         select instructor_id from training_instructor where training_id in (select id from t)) a
      )::integer as "instructorsActive",
      (select count(*) from m)::integer as "followUpMeetings",
      (select count(*) from supervision_session
        where org_id = ${s.orgId}::uuid
          and held_on between ${from}::date and ${to}::date)::integer as "supervisionSessions",
      (select coalesce(sum(hours), 0) from supervision_session
        where org_id = ${s.orgId}::uuid
          and held_on between ${from}::date and ${to}::date)::float8 as "supervisionHours",
      (select count(*) from study_visit
        where org_id = ${s.orgId}::uuid
          and visited_on between ${from}::date and ${to}::date)::integer as "studyVisits",
      (select coalesce(sum(visitors), 0) from study_visit
        where org_id = ${s.orgId}::uuid
          and visited_on between ${from}::date and ${to}::date)::integer as "studyVisitors"
  `.execute(trx);
  const row = rows[0];
  const n = (k: Exclude<keyof CompetenceFigures, "year">) => Number(row?.[k] ?? 0);
  return {
    year: s.year,
    trainings: n("trainings"),
    trainingHours: n("trainingHours"),
    participants: n("participants"),
    jointTrainings: n("jointTrainings"),
    instructorsTrained: n("instructorsTrained"),
    instructorsActive: n("instructorsActive"),
    followUpMeetings: n("followUpMeetings"),
    supervisionSessions: n("supervisionSessions"),
    supervisionHours: n("supervisionHours"),
    studyVisits: n("studyVisits"),
    studyVisitors: n("studyVisitors"),
  };
}
