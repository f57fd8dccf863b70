import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { ConsultationBody } from "../../shared/api/consultations.ts";
import type { Database } from "../db/types.ts";
import { buildUnit } from "./factories.ts";

/** A consultation as the log's form sends it (issue 17), with what a test says about it. */
export function consultationBody(
  unitId: string,
  over: Partial<ConsultationBody> = {},
): ConsultationBody {
  return {
    unitId,
    occurredAt: "2026-03-10T09:30:00+01:00",
    askerOrganisationKind: "school",
    askerOrganisationName: "Skogsbackaskolan",
    municipality: "Trollhättan",
    askerRole: "kurator",
    topics: ["honour_related_violence"],
    stage: "before_report",
    minutes: 30,
    question: "En elev berättar vagt om kontroll hemma. Är det hedersrelaterat?",
    advice: "Gör en orosanmälan; ring socialtjänsten först om hur eleven kan skyddas.",
    followUp: "none",
    ...over,
  };
}

/**
 * The authorization suite's records of issue 17's consultation log and competence register:
 * a resource function unit where the suite's consultant is also a consultant (roles are read
 * at every request, so the role given after login counts), a consultation of that unit, and
 * one entry of each kind of the register (a second training, to remove).
 */
export async function addConsultRecords(made: {
  owner: Kysely<Database>;
  orgId: string;
  id: (a: "consultant" | "manager") => string;
}) {
  const { owner, orgId, id } = made;
  const resourceUnitId = (await buildUnit(owner, orgId, "resource_function")).id;
  await owner
    .insertInto("role_assignment")
    .values({
      org_id: orgId,
      user_id: id("consultant"),
      unit_id: resourceUnitId,
      role: "consultant",
    })
    .execute();
  const consultationId = randomUUID();
  await owner
    .insertInto("consultation")
    .values({
      id: consultationId,
      org_id: orgId,
      unit_id: resourceUnitId,
      occurred_at: new Date("2026-02-02T10:00:00Z"),
      asker_organisation_kind: "social_services",
      municipality: "Trollhättan",
      asker_role: "socialsekreterare",
      topics: ["risk_assessment"],
      stage: "during_investigation",
      minutes: 40,
      question: "Hur bedömer vi risken när familjen planerar en resa?",
      follow_up: "none",
      worker_id: id("consultant"),
      created_by: id("consultant"),
    })
    .execute();
  const by = { org_id: orgId, created_by: id("manager") };
  const training = () => ({
    id: randomUUID(),
    ...by,
    kind: "course" as const,
    title: "Grundutbildning om våld i nära relationer",
    starts_on: "2026-02-10",
    hours: 3.5,
    organiser: "Kvinnofridssamordnaren",
  });
  const trainings = [training(), training()];
  await owner.insertInto("training").values(trainings).execute();
  const instructorId = randomUUID();
  await owner
    .insertInto("instructor")
    .values({
      id: instructorId,
      ...by,
      name: "Instruktör Fiktiv",
      administration: "Socialförvaltningen",
      trained_on: "2024-05-01",
    })
    .execute();
  const meetingId = randomUUID();
  await owner
    .insertInto("instructor_meeting")
    .values({ id: meetingId, ...by, held_on: "2026-03-01", topic: "Uppföljning" })
    .execute();
  const supervisionId = randomUUID();
  await owner
    .insertInto("supervision_session")
    .values({
      id: supervisionId,
      ...by,
      held_on: "2026-03-05",
      staff_group: "Förskolans personal",
      hours: 2,
      given_by: "Kriscentrum",
    })
    .execute();
  const studyVisitId = randomUUID();
  await owner
    .insertInto("study_visit")
    .values({
      id: studyVisitId,
      ...by,
      visited_on: "2026-03-09",
      visitors_organisation: "Grannkommunens IFO",
      visitors: 6,
    })
    .execute();
  return {
    resourceUnitId,
    consultationId,
    trainingId: trainings[0]?.id as string,
    spareTrainingId: trainings[1]?.id as string,
    instructorId,
    meetingId,
    supervisionId,
    studyVisitId,
  };
}
