import type {
  CompetenceRegister,
  InstructorView,
  MeetingView,
  StudyVisitView,
  SupervisionView,
  TrainingView,
} from "../../../shared/api/competence.ts";
import type { Trx } from "../../access/transaction.ts";

/**
 * Reads of the competence register under its row-level security (0059): the year's
 * trainings, meetings, supervision and visits, and every instructor (an instructor trained
 * years ago may still be active). A year is its days, 1 January to 31 December.
 */
const inYear = (year: number) => ({ from: `${year}-01-01`, to: `${year}-12-31` });
const hoursOf = (h: unknown) => (h === null || h === undefined ? null : Number(h));

export async function trainingViews(trx: Trx, where: { year?: number; id?: string }) {
  let q = trx.selectFrom("training").selectAll().orderBy("starts_on").orderBy("id");
  if (where.id) q = q.where("id", "=", where.id);
  if (where.year) {
    const { from, to } = inYear(where.year);
    q = q.where("starts_on", ">=", from).where("starts_on", "<=", to);
  }
  const rows = await q.execute();
  const ids = rows.map((r) => r.id);
  const [groups, leaders] =
    ids.length === 0
      ? [[], []]
      : await Promise.all([
          trx
            .selectFrom("training_participants")
            .select(["training_id", "organisation", "role", "participants"])
            .where("training_id", "in", ids)
            .orderBy("organisation")
            .orderBy("role")
            .execute(),
          trx
            .selectFrom("training_instructor")
            .select(["training_id", "instructor_id"])
            .where("training_id", "in", ids)
            .execute(),
        ]);
  return rows.map(
    (t): TrainingView => ({
      id: t.id,
      kind: t.kind,
      title: t.title,
      startsOn: t.starts_on,
      endsOn: t.ends_on,
      sessions: t.sessions,
      hours: Number(t.hours),
      organiser: t.organiser,
      targetGroup: t.target_group,
      jointWith: t.joint_with,
      participants: groups
        .filter((g) => g.training_id === t.id)
        .map(({ organisation, role, participants }) => ({ organisation, role, participants })),
      instructorIds: leaders.filter((l) => l.training_id === t.id).map((l) => l.instructor_id),
      notes: t.notes,
      version: t.version,
    }),
  );
}

export async function instructorViews(trx: Trx, id?: string): Promise<InstructorView[]> {
  let q = trx.selectFrom("instructor").selectAll().orderBy("name").orderBy("id");
  if (id) q = q.where("id", "=", id);
  return (await q.execute()).map((i) => ({
    id: i.id,
    name: i.name,
    administration: i.administration,
    trainedOn: i.trained_on,
    active: i.active,
    version: i.version,
  }));
}

export async function meetingViews(trx: Trx, where: { year?: number; id?: string }) {
  let q = trx.selectFrom("instructor_meeting").selectAll().orderBy("held_on").orderBy("id");
  if (where.id) q = q.where("id", "=", where.id);
  if (where.year) {
    const { from, to } = inYear(where.year);
    q = q.where("held_on", ">=", from).where("held_on", "<=", to);
  }
  const rows = await q.execute();
  const present =
    rows.length === 0
      ? []
      : await trx
          .selectFrom("instructor_meeting_attendance")
          .select(["meeting_id", "instructor_id"])
          .where(
            "meeting_id",
            "in",
            rows.map((r) => r.id),
          )
          .execute();
  return rows.map(
    (m): MeetingView => ({
      id: m.id,
      heldOn: m.held_on,
      topic: m.topic,
      hours: hoursOf(m.hours),
      attendeeIds: present.filter((p) => p.meeting_id === m.id).map((p) => p.instructor_id),
    }),
  );
}

export async function supervisionViews(trx: Trx, where: { year?: number; id?: string }) {
  let q = trx.selectFrom("supervision_session").selectAll().orderBy("held_on").orderBy("id");
  if (where.id) q = q.where("id", "=", where.id);
  if (where.year) {
    const { from, to } = inYear(where.year);
    q = q.where("held_on", ">=", from).where("held_on", "<=", to);
  }
  return (await q.execute()).map(
    (s): SupervisionView => ({
      id: s.id,
      heldOn: s.held_on,
      staffGroup: s.staff_group,
      hours: Number(s.hours),
      givenBy: s.given_by,
      notes: s.notes,
    }),
  );
}

export async function studyVisitViews(trx: Trx, where: { year?: number; id?: string }) {
  let q = trx.selectFrom("study_visit").selectAll().orderBy("visited_on").orderBy("id");
  if (where.id) q = q.where("id", "=", where.id);
  if (where.year) {
    const { from, to } = inYear(where.year);
    q = q.where("visited_on", ">=", from).where("visited_on", "<=", to);
  }
  return (await q.execute()).map(
    (v): StudyVisitView => ({
      id: v.id,
      visitedOn: v.visited_on,
      visitorsOrganisation: v.visitors_organisation,
      visitors: v.visitors,
      notes: v.notes,
    }),
  );
}

export async function registerOf(
  trx: Trx,
  year: number,
  mayKeep: boolean,
): Promise<CompetenceRegister> {
  const [trainings, instructors, meetings, supervision, studyVisits] = await Promise.all([
    trainingViews(trx, { year }),
    instructorViews(trx),
    meetingViews(trx, { year }),
    supervisionViews(trx, { year }),
    studyVisitViews(trx, { year }),
  ]);
  return { year, mayKeep, trainings, instructors, meetings, supervision, studyVisits };
}
