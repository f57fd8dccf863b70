import { randomUUID } from "node:crypto";
import type { Transaction } from "kysely";
import type {
  PlanMeeting,
  PlanParticipant,
  PlanResponsibility,
} from "../../../shared/api/coordinated-plans.ts";
import { addDays } from "../../../shared/calendar.ts";
import type { Database } from "../types.ts";
import { dayAgo, seedDay } from "./demo-clock.ts";

/**
 * Sara Berg's SIP (issue 18, item 6): made with Vårdcentralen Demo and Vuxenpsykiatrin Demo,
 * each on her one consent to share with that agency (demo-consents.ts, the same the disclosure
 * and the referral rest on). One responsibility is due within the week, so the plan is on her
 * worker's Att göra.
 */
export interface DemoSipIds {
  orgId: string;
  caseId: string;
  personId: string;
  workerId: string;
  health: { agencyId: string; contactId: string; consentId: string };
  psychiatry: { agencyId: string; contactId: string; consentId: string };
}

function sipContent(ids: DemoSipIds, workerName: string) {
  const participants: PlanParticipant[] = [
    {
      key: "sara",
      kind: "person",
      agencyId: null,
      contactId: null,
      userId: null,
      name: "Sara Berg",
      role: "",
    },
    {
      key: "soc",
      kind: "social_services",
      agencyId: null,
      contactId: null,
      userId: ids.workerId,
      name: workerName,
      role: "Socialsekreterare",
    },
    {
      key: "vc",
      kind: "agency",
      agencyId: ids.health.agencyId,
      contactId: ids.health.contactId,
      userId: null,
      name: "Helena Vik",
      role: "Kurator",
    },
    {
      key: "psy",
      kind: "agency",
      agencyId: ids.psychiatry.agencyId,
      contactId: ids.psychiatry.contactId,
      userId: null,
      name: "Olof Sand",
      role: "Sjuksköterska",
    },
  ];
  const responsibilities: PlanResponsibility[] = [
    {
      key: "r1",
      participantKey: "vc",
      what: "Samtal om sömn och smärta; remiss till fysioterapeut.",
      dueOn: dayAgo(4),
      doneOn: dayAgo(6),
    },
    {
      key: "r2",
      participantKey: "psy",
      what: "Bedömning av behov av traumabehandling.",
      dueOn: addDays(seedDay(), 5),
      doneOn: null,
    },
    {
      key: "r3",
      participantKey: "soc",
      what: "Ansökan om bostad med förstahandskontrakt via bostadsförmedlingen.",
      dueOn: addDays(seedDay(), 30),
      doneOn: null,
    },
  ];
  const meetings: PlanMeeting[] = [
    {
      plannedOn: dayAgo(14),
      heldOn: dayAgo(14),
      notes: "Första SIP-mötet på vårdcentralen. Sara var med hela mötet.",
    },
    { plannedOn: addDays(seedDay(), 21), heldOn: null, notes: "" },
  ];
  const goals = [
    "Jag vill kunna sova en hel natt igen.",
    "Jag vill ha en egen lägenhet där barnen och jag är trygga.",
  ];
  return { participants, responsibilities, meetings, goals };
}

export async function seedDemoSip(trx: Transaction<Database>, ids: DemoSipIds) {
  const planId = randomUUID();
  const worker = await trx
    .selectFrom("app_user")
    .select("display_name")
    .where("id", "=", ids.workerId)
    .executeTakeFirstOrThrow();
  const content = sipContent(ids, worker.display_name);
  await trx
    .insertInto("coordinated_plan")
    .values({
      id: planId,
      org_id: ids.orgId,
      case_id: ids.caseId,
      person_id: ids.personId,
      opened_on: dayAgo(15),
      goals: JSON.stringify(content.goals),
      participants: JSON.stringify(content.participants),
      responsibilities: JSON.stringify(content.responsibilities),
      meetings: JSON.stringify(content.meetings),
      coordinator_key: "soc",
      follow_up_on: addDays(seedDay(), 45),
      version: 3,
      created_by: ids.workerId,
      updated_by: ids.workerId,
    })
    .execute();
  for (const agency of [ids.health, ids.psychiatry]) {
    await trx
      .insertInto("coordinated_plan_agency")
      .values({
        id: randomUUID(),
        org_id: ids.orgId,
        plan_id: planId,
        case_id: ids.caseId,
        agency_id: agency.agencyId,
        consent_id: agency.consentId,
        joined_on: dayAgo(15),
        recorded_by: ids.workerId,
      })
      .execute();
  }
  return planId;
}
