import { randomUUID } from "node:crypto";
import type { Transaction } from "kysely";
import type { Database } from "../types.ts";
import type { DemoAgencyKey } from "./demo-agencies.ts";
import { dayAgo, daysAgo } from "./demo-clock.ts";
import { type DemoCase, demoCases } from "./demo-data.ts";

/**
 * Sara Berg's referrals (issue 18, item 5): the police's call that became her intake 40 days
 * ago, recorded as a referral in and answered the next day; and her referral out to
 * Vuxenpsykiatrin Demo, sent with what was disclosed for it on her consent to share with
 * psychiatry (demo-consents.ts), and answered.
 */

const saraNumber = "198807049849";

export async function seedDemoReferrals(
  trx: Transaction<Database>,
  ids: {
    orgId: string;
    caseIds: string[];
    agency: (key: DemoAgencyKey) => string;
    userId: (username: string) => string;
    personId: (number: string) => string;
  },
  psychiatryConsentId: string,
) {
  const sara = demoCases.findIndex((c: DemoCase) => c.person === saraNumber);
  const caseId = ids.caseIds[sara] as string;
  const worker = ids.userId((demoCases[sara] as DemoCase).worker);
  const base = { org_id: ids.orgId, case_id: caseId, created_by: worker };
  const intake = await trx
    .selectFrom("intake")
    .select("id")
    .where("case_id", "=", caseId)
    .where("source", "=", "police")
    .executeTakeFirstOrThrow();
  await trx
    .insertInto("referral")
    .values({
      ...base,
      id: randomUUID(),
      direction: "in",
      agency_id: ids.agency("police"),
      sender_reference: "5000-K123456-26",
      reason:
        "Polisen remitterar efter anmälan om misshandel och olaga hot. Hon vill ha skyddat boende och stöd för sig och barnen.",
      received_on: dayAgo(40),
      intake_id: intake.id,
      answer: "accepted",
      answer_text: "Skyddat boende ordnat samma dag; utredning inledd.",
      answered_on: dayAgo(39),
      answered_by: worker,
      created_at: daysAgo(40),
    })
    .execute();
  await seedPsychiatryReferral(trx, ids, {
    caseId,
    worker,
    personId: ids.personId(saraNumber),
    consentId: psychiatryConsentId,
  });
}

/** Out to psychiatry: the disclosure made for it on her consent, sent, accepted. */
async function seedPsychiatryReferral(
  trx: Transaction<Database>,
  ids: { orgId: string; agency: (key: DemoAgencyKey) => string },
  sara: { caseId: string; worker: string; personId: string; consentId: string },
) {
  const agencyId = ids.agency("psychiatry");
  const unit = await trx
    .selectFrom("agency_unit")
    .select("id")
    .where("agency_id", "=", agencyId)
    .executeTakeFirstOrThrow();
  const consentId = sara.consentId;
  const information =
    "Att hon utsatts för våld i nära relation, riskbedömningen och pågående insatser";
  const referralId = randomUUID();
  await trx
    .insertInto("referral")
    .values({
      id: referralId,
      org_id: ids.orgId,
      case_id: sara.caseId,
      direction: "out",
      agency_id: agencyId,
      agency_unit_id: unit.id,
      reason:
        "Bedömning av sömnsvårigheter, ångest och mardrömmar efter långvarigt våld. Hon önskar samtalskontakt.",
      shares_information: true,
      channel: "secure_email",
      sent_on: dayAgo(20),
      answer: "accepted",
      answer_text: "Erbjuden nybesök hos psykolog om tre veckor.",
      answered_on: dayAgo(12),
      answered_by: sara.worker,
      created_by: sara.worker,
      created_at: daysAgo(21),
    })
    .execute();
  await trx
    .insertInto("disclosure")
    .values({
      id: randomUUID(),
      org_id: ids.orgId,
      case_id: sara.caseId,
      person_id: sara.personId,
      information,
      recipient_agency_id: agencyId,
      recipient_unit_id: unit.id,
      channel: "secure_email",
      ground: "consent",
      consent_id: consentId,
      reviewed_by: sara.worker,
      reviewed_at: daysAgo(20, -30),
      review_conclusion:
        "Samtycket täcker uppgifterna och mottagaren. Adress och boende lämnas inte ut (skyddade uppgifter).",
      disclosed_on: dayAgo(20),
      context_kind: "referral",
      context_id: referralId,
      recorded_by: sara.worker,
      recorded_at: daysAgo(20),
    })
    .execute();
}
