import { randomUUID } from "node:crypto";
import type { Transaction } from "kysely";
import type { Database } from "../types.ts";
import { dayAgo, daysAgo } from "./demo-clock.ts";

/**
 * Johan Lind's treatment at Kriscentrum, as the API would have stored it: referred by social
 * services a month ago, informed about partner contact and consenting in writing for Sara
 * Berg, in treatment for three weeks with one no-show three days ago. Sara's partner case
 * (behandlare2) has his details for reaching her, a phone call where she accepted, and the
 * no-show still waiting to be acknowledged — so Eva Lund's Att göra shows it.
 */
export async function seedDemoTreatment(
  trx: Transaction<Database>,
  orgId: string,
  sides: Sides,
  barrierId: string,
) {
  await seedTreatment(trx, orgId, sides);
  await seedSessions(trx, orgId, sides);
  await seedPartner(trx, orgId, sides, barrierId);
  await seedContactAttempt(trx, orgId, sides);
  await seedBarrierEvents(trx, orgId, sides, barrierId);
}

type Sides = {
  caseId: string;
  therapistId: string;
  partnerCaseId: string;
  partnerWorkerId: string;
};

/** His treatment: referred a month ago, started three weeks ago, with the status history. */
async function seedTreatment(
  trx: Transaction<Database>,
  orgId: string,
  { caseId, therapistId }: Sides,
) {
  await trx
    .insertInto("treatment")
    .values({
      case_id: caseId,
      org_id: orgId,
      referral_source: "social_services",
      referred_on: dayAgo(30),
      phase: "treatment",
      started_on: dayAgo(21),
      partner_info_given_on: dayAgo(30),
      recorded_by: therapistId,
      recorded_at: daysAgo(30),
    })
    .execute();
  await trx
    .updateTable("case")
    .set({ status: "implementation", status_changed_at: daysAgo(21) })
    .where("id", "=", caseId)
    .execute();
  await trx
    .insertInto("case_status_change")
    .values([
      {
        org_id: orgId,
        case_id: caseId,
        from_status: "intake",
        to_status: "investigation",
        trigger_code: "treatment_registered",
        changed_by: therapistId,
        changed_at: daysAgo(30),
      },
      {
        org_id: orgId,
        case_id: caseId,
        from_status: "investigation",
        to_status: "implementation",
        trigger_code: "treatment_started",
        changed_by: therapistId,
        changed_at: daysAgo(21),
      },
    ])
    .execute();
}

/** Two sessions attended, and the no-show three days ago. */
async function seedSessions(
  trx: Transaction<Database>,
  orgId: string,
  { caseId, therapistId }: Sides,
) {
  await trx
    .insertInto("treatment_session")
    .values(
      (
        [
          [17, "attended"],
          [10, "attended"],
          [3, "no_show"],
        ] as const
      ).map(([days, attendance]) => ({
        org_id: orgId,
        case_id: caseId,
        held_on: dayAgo(days),
        attendance,
        recorded_by: therapistId,
        recorded_at: daysAgo(days),
      })),
    )
    .execute();
}

/** His details for reaching her on her case; the partner and his written consent on his. */
async function seedPartner(
  trx: Transaction<Database>,
  orgId: string,
  { caseId, therapistId, partnerCaseId }: Sides,
  barrierId: string,
) {
  await trx
    .insertInto("partner_contact")
    .values({
      case_id: partnerCaseId,
      org_id: orgId,
      relationship: "former",
      given_phone: "070-123 45 67",
      given_address: null,
      given_email: null,
      created_by: therapistId,
      created_at: daysAgo(30),
    })
    .execute();
  const partnerId = randomUUID();
  await trx
    .insertInto("partner")
    .values({
      id: partnerId,
      org_id: orgId,
      case_id: caseId,
      relationship: "former",
      partner_case_id: partnerCaseId,
      barrier_id: barrierId,
      recorded_by: therapistId,
      recorded_at: daysAgo(30),
    })
    .execute();
  await trx
    .insertInto("consent")
    .values({
      org_id: orgId,
      case_id: caseId,
      partner_id: partnerId,
      scope: "partner_contact",
      given_by_name: "Johan Lind",
      form: "written",
      given_on: dayAgo(30),
      recorded_by: therapistId,
    })
    .execute();
}

/** Her worker's phone call, where she accepted. */
async function seedContactAttempt(
  trx: Transaction<Database>,
  orgId: string,
  { partnerCaseId, partnerWorkerId }: Sides,
) {
  await trx
    .insertInto("partner_contact_attempt")
    .values({
      org_id: orgId,
      case_id: partnerCaseId,
      method: "phone",
      attempted_on: dayAgo(27),
      outcome: "accepted",
      recorded_by: partnerWorkerId,
      recorded_at: daysAgo(27),
    })
    .execute();
}

/** Across the barrier: the treatment's start, acknowledged; the no-show, still waiting. */
async function seedBarrierEvents(
  trx: Transaction<Database>,
  orgId: string,
  { caseId, therapistId, partnerCaseId, partnerWorkerId }: Sides,
  barrierId: string,
) {
  await trx
    .insertInto("barrier_event")
    .values([
      {
        id: randomUUID(),
        org_id: orgId,
        barrier_id: barrierId,
        from_case_id: caseId,
        to_case_id: partnerCaseId,
        kind: "treatment_started",
        event_on: dayAgo(21),
        created_by: therapistId,
        created_at: daysAgo(21),
        acknowledged_at: daysAgo(20),
        acknowledged_by: partnerWorkerId,
      },
      {
        id: randomUUID(),
        org_id: orgId,
        barrier_id: barrierId,
        from_case_id: caseId,
        to_case_id: partnerCaseId,
        kind: "absence",
        event_on: dayAgo(3),
        created_by: therapistId,
        created_at: daysAgo(3),
      },
    ])
    .execute();
}
