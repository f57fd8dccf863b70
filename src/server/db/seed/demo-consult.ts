import { randomUUID } from "node:crypto";
import type { Transaction } from "kysely";
import type { Database } from "../types.ts";
import { dayAgo, daysAgo } from "./demo-clock.ts";

/**
 * The resource function's log and the competence register (issue 17), fictional: Leila Amin
 * (resursperson) advised a school at a vague report ("is this honour or not?") and social
 * services during an investigation, and has a follow-up planned with the school; the
 * register has the year's basic training given jointly with the police, two
 * kvinnofridsinstruktörer and their follow-up meeting, a supervision session given by
 * Kriscentrum and a study visit received. No individual is named anywhere: that is the point.
 */
type Trx = Transaction<Database>;

export interface DemoConsultIds {
  orgId: string;
  resourceUnitId: string;
  consultantId: string;
  managerId: string;
}

export async function seedDemoConsult(trx: Trx, ids: DemoConsultIds): Promise<void> {
  await seedConsultations(trx, ids);
  await seedCompetence(trx, ids);
}

async function seedConsultations(trx: Trx, ids: DemoConsultIds) {
  const base = {
    org_id: ids.orgId,
    unit_id: ids.resourceUnitId,
    worker_id: ids.consultantId,
    created_by: ids.consultantId,
  };
  await trx
    .insertInto("consultation")
    .values([
      {
        ...base,
        id: randomUUID(),
        occurred_at: daysAgo(20, 9 * 60),
        asker_organisation_kind: "school",
        asker_organisation_name: "Demoskolan",
        municipality: "Demokommun",
        asker_role: "kurator",
        topics: ["honour_related_violence"],
        stage: "before_report",
        minutes: 35,
        question:
          "En elev i åk 9 säger att hon inte får följa med på klassresan och att hon är rädd för vad som händer i sommar. Är det hedersrelaterat?",
        advice:
          "Tecken på kontroll som kan vara hedersrelaterad. Gör en orosanmälan i dag; berätta inte för vårdnadshavarna innan socialtjänsten har talat med eleven.",
        follow_up: "planned",
        follow_up_on: dayAgo(-3),
      },
      {
        ...base,
        id: randomUUID(),
        occurred_at: daysAgo(6, 13 * 60),
        asker_organisation_kind: "social_services",
        asker_organisation_name: "Barn och unga",
        municipality: "Demokommun",
        asker_role: "socialsekreterare",
        topics: ["risk_assessment", "child_and_forced_marriage"],
        stage: "during_investigation",
        minutes: 60,
        question:
          "Familjen planerar en resa till släktingar utomlands i sommar. Hur bedömer vi risken för tvångsäktenskap, och vilket skydd finns?",
        advice:
          "Gör en strukturerad riskbedömning; överväg utreseförbud enligt LVU. Vi kan delta i nästa samråd.",
        follow_up: "none",
      },
      {
        ...base,
        id: randomUUID(),
        occurred_at: daysAgo(2, 10 * 60),
        asker_organisation_kind: "health_care",
        municipality: "Grannby",
        asker_role: "skolsköterska",
        topics: ["female_genital_mutilation"],
        stage: "at_report",
        minutes: 25,
        question: "Hur ställer vi frågan om könsstympning vid hälsosamtalet på ett tryggt sätt?",
        follow_up: "none",
      },
    ])
    .execute();
}

async function seedCompetence(trx: Trx, ids: DemoConsultIds) {
  const by = { org_id: ids.orgId, created_by: ids.managerId };
  const [ann, omar] = [randomUUID(), randomUUID()];
  await trx
    .insertInto("instructor")
    .values([
      {
        id: ann,
        ...by,
        name: "Ann Fiktiv",
        administration: "Socialförvaltningen",
        trained_on: dayAgo(400),
      },
      {
        id: omar,
        ...by,
        name: "Omar Påhittad",
        administration: "Barn- och utbildningsförvaltningen",
        trained_on: dayAgo(400),
      },
    ])
    .execute();
  const training = randomUUID();
  await trx
    .insertInto("training")
    .values({
      id: training,
      ...by,
      kind: "joint_day",
      title: "Våld i nära relationer – gemensam grundutbildning",
      starts_on: dayAgo(30),
      hours: 6,
      organiser: "Demokommun och Polisen",
      target_group: "Socialtjänst, skola och polis",
      joint_with: ["police"],
    })
    .execute();
  await trx
    .insertInto("training_participants")
    .values([
      {
        id: randomUUID(),
        org_id: ids.orgId,
        training_id: training,
        organisation: "Socialtjänsten",
        role: "socialsekreterare",
        participants: 12,
      },
      {
        id: randomUUID(),
        org_id: ids.orgId,
        training_id: training,
        organisation: "Polisen",
        role: null,
        participants: 8,
      },
    ])
    .execute();
  await trx
    .insertInto("training_instructor")
    .values({ training_id: training, instructor_id: ann, org_id: ids.orgId })
    .execute();
  const meeting = randomUUID();
  await trx
    .insertInto("instructor_meeting")
    .values({
      id: meeting,
      ...by,
      held_on: dayAgo(14),
      topic: "Uppföljning: hedersrelaterat våld",
      hours: 3,
    })
    .execute();
  await trx
    .insertInto("instructor_meeting_attendance")
    .values([ann, omar].map((i) => ({ meeting_id: meeting, instructor_id: i, org_id: ids.orgId })))
    .execute();
  await trx
    .insertInto("supervision_session")
    .values({
      id: randomUUID(),
      ...by,
      held_on: dayAgo(9),
      staff_group: "Förskolan Solen",
      hours: 1.5,
      given_by: "Kriscentrum",
    })
    .execute();
  await trx
    .insertInto("study_visit")
    .values({
      id: randomUUID(),
      ...by,
      visited_on: dayAgo(5),
      visitors_organisation: "IFO Grannby",
      visitors: 6,
    })
    .execute();
}
