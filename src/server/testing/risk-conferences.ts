import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { addMonths } from "../../shared/calendar.ts";
import {
  dangerAnswers,
  dangerAssessment,
} from "../../shared/instruments/builtin/danger-assessment.ts";
import { computeScores } from "../../shared/instruments/engine.ts";
import { conferenceCriteria } from "../../shared/risk-conference-criteria.ts";
import type { Database } from "../db/types.ts";
import { ensureStored } from "../modules/assessments/registry.ts";
import type { Made } from "./authorization-records.ts";
import { buildAgency, buildAgencyContact, buildPoliceIncident } from "./collaboration.ts";

/**
 * Risk conference records for tests (issue 18, item 8), made as the owner outside the API: a
 * completed danger assessment (its yes answers, the professional's judgement and reasons),
 * and the authorization suite's conference in case X.
 */

export async function buildCompletedAssessment(
  owner: Kysely<Database>,
  input: {
    orgId: string;
    caseId: string;
    userId: string;
    yes: readonly string[];
    judged: string;
    assessedOn?: string;
    reasons?: string;
  },
) {
  await ensureStored(owner, input.orgId, dangerAssessment);
  const answers = dangerAnswers(input.yes);
  const id = randomUUID();
  await owner
    .insertInto("assessment")
    .values({
      id,
      org_id: input.orgId,
      case_id: input.caseId,
      instrument_id: dangerAssessment.id,
      instrument_version: dangerAssessment.version,
      assessed_on: input.assessedOn ?? "2026-11-20",
      answers: JSON.stringify(answers),
      result: JSON.stringify(computeScores(dangerAssessment, answers)),
      judgements: JSON.stringify({ risk: input.judged }),
      reasons: input.reasons ?? "Stryptag i oktober; hon är rädd för att han ska hitta henne.",
      completed_at: new Date(),
      completed_by: input.userId,
      created_by: input.userId,
    })
    .execute();
  return id;
}

/** Three police-reported incidents in the last months: the escalation criterion met. */
export async function buildEscalation(
  owner: Kysely<Database>,
  input: { orgId: string; caseId: string; recordedBy: string; today: string },
) {
  const days = [1, 2, 3].map((back) => addMonths(input.today, -back));
  for (const occurredOn of days)
    await buildPoliceIncident(owner, {
      orgId: input.orgId,
      caseId: input.caseId,
      recordedBy: input.recordedBy,
      occurredOn,
    });
  return days;
}

/** A conference in X (escalated by three incidents), one agency taking part, one action. */
export async function addConferenceRecords({ owner, orgId, caseId, id }: Made, today: string) {
  const incidentDates = await buildEscalation(owner, {
    orgId,
    caseId,
    recordedBy: id("assigned"),
    today,
  });
  const person = await owner
    .selectFrom("case")
    .select("person_id")
    .where("id", "=", caseId)
    .executeTakeFirstOrThrow();
  const agencyId = await buildAgency(owner, { orgId, ownerId: id("manager"), kind: "police" });
  const contactId = await buildAgencyContact(owner, {
    orgId,
    agencyId,
    confirmedBy: id("manager"),
  });
  const conferenceId = randomUUID();
  await owner
    .insertInto("risk_conference")
    .values({
      id: conferenceId,
      org_id: orgId,
      case_id: caseId,
      person_id: person.person_id,
      referred_on: today,
      referred_by: id("assigned"),
      criteria: JSON.stringify(
        conferenceCriteria({ today, assessment: null, incidentDates, lastConferenceOn: null }),
      ),
      secrecy_rule: "serious_crime",
    })
    .execute();
  await owner
    .insertInto("risk_conference_agency")
    .values({
      id: randomUUID(),
      org_id: orgId,
      conference_id: conferenceId,
      case_id: caseId,
      agency_id: agencyId,
      contact_ids: [contactId],
      recorded_by: id("assigned"),
    })
    .execute();
  const actionId = randomUUID();
  await owner
    .insertInto("risk_conference_action")
    .values({
      id: actionId,
      org_id: orgId,
      conference_id: conferenceId,
      case_id: caseId,
      description: "Polisen ser över larmet.",
      owner_contact_id: contactId,
      agency_id: agencyId,
      due_on: today,
      created_by: id("assigned"),
    })
    .execute();
  return { conferenceId, actionId, agencyId, contactId };
}
