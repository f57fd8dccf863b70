import { randomUUID } from "node:crypto";
import type { z } from "zod";
import type {
  CompetenceFigures,
  CompetenceRegister,
  InstructorBody,
  MeetingBody,
  StudyVisitBody,
  SupervisionBody,
  TrainingBody,
  UpdateInstructorBody,
  UpdateTrainingBody,
} from "../../../shared/api/competence.ts";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import { type Trx, withActor } from "../../access/transaction.ts";
import { auditContext, recordAudit } from "../../audit/record.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { AppError } from "../../http/errors.ts";
import { competenceFigures } from "../statistics/competence.ts";
import { notReader, recordCompetenceRefusal, runCompetenceCommand } from "./guard.ts";
import { competenceTables, keepsCompetence, readsCompetence } from "./policy.ts";
import {
  instructorViews,
  meetingViews,
  registerOf,
  studyVisitViews,
  supervisionViews,
  trainingViews,
} from "./queries.ts";

/**
 * The competence register (issue 17, item 5): reads for those doing case work or
 * consulting, changes by unit managers and consultants (guard.ts). Every read and change is
 * audited: the register names staff (instructors) and holds free text.
 */
const changedMeanwhile = () =>
  new AppError(
    409,
    "conflict",
    "Någon annan har ändrat uppgiften under tiden. Din ändring är inte sparad – ladda om och gör den igen.",
  );
const first = <T>(rows: T[]) => {
  const [row] = rows;
  if (row === undefined) throw new Error("the entry just written was not read back");
  return row;
};

/** A read of the register or its figures: readers only (403 audited otherwise). */
async function readAs<T>(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  action: "competence.read" | "statistics.read",
  read: (trx: Trx) => Promise<{ value: T; data: Record<string, unknown> }>,
): Promise<T> {
  if (!readsCompetence(actor)) {
    await recordCompetenceRefusal(database, actor, meta, action, null);
    throw notReader();
  }
  return withActor(database.db, actor, async (trx) => {
    const { value, data } = await read(trx);
    await recordAudit(trx, auditContext(actor, meta), [
      { action, resourceType: "competence", data: data as never },
    ]);
    return value;
  });
}

export const readRegister = (
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  year: number,
): Promise<CompetenceRegister> =>
  readAs(database, actor, meta, "competence.read", async (trx) => ({
    value: await registerOf(trx, year, keepsCompetence(actor)),
    data: { year },
  }));

export const readFigures = (
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  year: number,
): Promise<CompetenceFigures> =>
  readAs(database, actor, meta, "statistics.read", async (trx) => ({
    value: await competenceFigures(trx, { orgId: actor.orgId, year }),
    data: { report: "competence", from: `${year}-01-01`, to: `${year}-12-31` },
  }));

/** The instructors named exist in the register (400 on the field otherwise). */
async function checkInstructors(trx: Trx, ids: string[], field: string) {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return unique;
  const found = await trx.selectFrom("instructor").select("id").where("id", "in", unique).execute();
  if (found.length !== unique.length)
    throw new AppError(400, "validation_failed", "Några uppgifter behöver rättas.", {
      [field]: "Välj instruktörer som finns i registret.",
    });
  return unique;
}

type Training = z.output<typeof TrainingBody>;

async function writeTrainingParts(trx: Trx, actor: Actor, id: string, input: Training) {
  const leaders = await checkInstructors(trx, input.instructorIds, "instructorIds");
  await trx.deleteFrom("training_participants").where("training_id", "=", id).execute();
  await trx.deleteFrom("training_instructor").where("training_id", "=", id).execute();
  if (input.participants.length > 0)
    await trx
      .insertInto("training_participants")
      .values(
        input.participants.map((p) => ({
          id: randomUUID(),
          org_id: actor.orgId,
          training_id: id,
          ...p,
        })),
      )
      .execute();
  if (leaders.length > 0)
    await trx
      .insertInto("training_instructor")
      .values(leaders.map((i) => ({ training_id: id, instructor_id: i, org_id: actor.orgId })))
      .execute();
}

const trainingColumns = (input: Training) => ({
  kind: input.kind,
  title: input.title,
  starts_on: input.startsOn,
  ends_on: input.endsOn,
  sessions: input.sessions,
  hours: input.hours,
  organiser: input.organiser,
  target_group: input.targetGroup,
  joint_with: [...new Set(input.jointWith)],
  notes: input.notes,
});

export const createTraining = (
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  input: Training,
) =>
  runCompetenceCommand(database, actor, meta, {
    record: "training",
    change: "created",
    run: async (trx) => {
      const id = randomUUID();
      await trx
        .insertInto("training")
        .values({ id, org_id: actor.orgId, created_by: actor.userId, ...trainingColumns(input) })
        .execute();
      await writeTrainingParts(trx, actor, id, input);
      return { id, value: first(await trainingViews(trx, { id })) };
    },
  });

export const updateTraining = (
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  id: string,
  input: z.output<typeof UpdateTrainingBody>,
) =>
  runCompetenceCommand(database, actor, meta, {
    record: "training",
    recordId: id,
    change: "updated",
    run: async (trx) => {
      const updated = await trx
        .updateTable("training")
        .set((eb) => ({ ...trainingColumns(input), version: eb("version", "+", 1) }))
        .where("id", "=", id)
        .where("version", "=", input.version)
        .returning("id")
        .executeTakeFirst();
      if (!updated) throw changedMeanwhile();
      await writeTrainingParts(trx, actor, id, input);
      return { id, value: first(await trainingViews(trx, { id })) };
    },
  });

const instructorColumns = (input: z.output<typeof InstructorBody>) => ({
  name: input.name,
  administration: input.administration,
  trained_on: input.trainedOn,
  active: input.active,
});

export const createInstructor = (
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  input: z.output<typeof InstructorBody>,
) =>
  runCompetenceCommand(database, actor, meta, {
    record: "instructor",
    change: "created",
    run: async (trx) => {
      const id = randomUUID();
      await trx
        .insertInto("instructor")
        .values({ id, org_id: actor.orgId, created_by: actor.userId, ...instructorColumns(input) })
        .execute();
      return { id, value: first(await instructorViews(trx, id)) };
    },
  });

export const updateInstructor = (
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  id: string,
  input: z.output<typeof UpdateInstructorBody>,
) =>
  runCompetenceCommand(database, actor, meta, {
    record: "instructor",
    recordId: id,
    change: "updated",
    run: async (trx) => {
      const updated = await trx
        .updateTable("instructor")
        .set((eb) => ({ ...instructorColumns(input), version: eb("version", "+", 1) }))
        .where("id", "=", id)
        .where("version", "=", input.version)
        .returning("id")
        .executeTakeFirst();
      if (!updated) throw changedMeanwhile();
      return { id, value: first(await instructorViews(trx, id)) };
    },
  });

export const createMeeting = (
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  input: z.output<typeof MeetingBody>,
) =>
  runCompetenceCommand(database, actor, meta, {
    record: "meeting",
    change: "created",
    run: async (trx) => {
      const id = randomUUID();
      const attendees = await checkInstructors(trx, input.attendeeIds, "attendeeIds");
      await trx
        .insertInto("instructor_meeting")
        .values({
          id,
          org_id: actor.orgId,
          created_by: actor.userId,
          held_on: input.heldOn,
          topic: input.topic,
          hours: input.hours,
        })
        .execute();
      if (attendees.length > 0)
        await trx
          .insertInto("instructor_meeting_attendance")
          .values(attendees.map((i) => ({ meeting_id: id, instructor_id: i, org_id: actor.orgId })))
          .execute();
      return { id, value: first(await meetingViews(trx, { id })) };
    },
  });

export const createSupervision = (
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  input: z.output<typeof SupervisionBody>,
) =>
  runCompetenceCommand(database, actor, meta, {
    record: "supervision",
    change: "created",
    run: async (trx) => {
      const id = randomUUID();
      await trx
        .insertInto("supervision_session")
        .values({
          id,
          org_id: actor.orgId,
          created_by: actor.userId,
          held_on: input.heldOn,
          staff_group: input.staffGroup,
          hours: input.hours,
          given_by: input.givenBy,
          notes: input.notes,
        })
        .execute();
      return { id, value: first(await supervisionViews(trx, { id })) };
    },
  });

export const createStudyVisit = (
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  input: z.output<typeof StudyVisitBody>,
) =>
  runCompetenceCommand(database, actor, meta, {
    record: "study_visit",
    change: "created",
    run: async (trx) => {
      const id = randomUUID();
      await trx
        .insertInto("study_visit")
        .values({
          id,
          org_id: actor.orgId,
          created_by: actor.userId,
          visited_on: input.visitedOn,
          visitors_organisation: input.visitorsOrganisation,
          visitors: input.visitors,
          notes: input.notes,
        })
        .execute();
      return { id, value: first(await studyVisitViews(trx, { id })) };
    },
  });

/** Removes an entry that was wrongly recorded (its parts go with it); the event keeps the trace. */
export const removeEntry = (
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  record: "training" | "meeting" | "supervision" | "study_visit",
  id: string,
) =>
  runCompetenceCommand(database, actor, meta, {
    record,
    recordId: id,
    change: "removed",
    run: async (trx) => {
      await trx.deleteFrom(competenceTables[record]).where("id", "=", id).execute();
      return { id, value: undefined };
    },
  });
