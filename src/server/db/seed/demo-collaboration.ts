import type { Transaction } from "kysely";
import type { Database } from "../types.ts";
import { seedDemoAgencies } from "./demo-agencies.ts";
import { seedDemoAgreements } from "./demo-agreements.ts";
import { seedSaraConsents } from "./demo-consents.ts";
import type { DemoLookups } from "./demo-crisis-work.ts";
import { demoCases } from "./demo-data.ts";
import { seedDemoDisclosures } from "./demo-disclosures.ts";
import { seedDemoPolice } from "./demo-police.ts";
import { seedDemoReferrals } from "./demo-referrals.ts";
import { seedDemoRiskConference } from "./demo-risk-conference.ts";
import { seedDemoSip } from "./demo-sip.ts";

/**
 * Issue 18's collaboration, seeded after the cases it touches: the directory of agencies
 * (kept by the adult unit's manager) and, on it, the agreements, consents, disclosures,
 * referrals, SIP, risk conference and police follow-up of the demo's story.
 */
export async function seedDemoCollaboration(
  trx: Transaction<Database>,
  orgId: string,
  lookups: DemoLookups,
  caseIds: string[],
) {
  const agency = await seedDemoAgencies(trx, orgId, lookups.userId("enhetschef"));
  // Sara Berg's case (demoCases[1]): one consent per recipient (the health centre,
  // psychiatry) that her disclosure, referral and SIP below all rest on.
  const sara = demoCases[1];
  if (!sara || !caseIds[1]) throw new Error("Sara Berg's demo case is missing");
  const saraIds = {
    orgId,
    caseId: caseIds[1],
    personId: lookups.personId(sara.person),
    workerId: lookups.userId(sara.worker),
  };
  const consents = await seedSaraConsents(trx, {
    ...saraIds,
    healthId: agency("health"),
    psychiatryId: agency("psychiatry"),
  });
  await seedDemoDisclosures(trx, { ...saraIds, agencyId: agency("health") }, consents.health);
  await seedDemoPolice(trx, {
    orgId,
    anna: {
      caseId: caseIds[0] as string,
      personId: lookups.personId("198503159827"),
      workerId: lookups.userId("handlaggare1"),
    },
    leo: { caseId: caseIds[4] as string, workerId: lookups.userId("barnhandlaggare") },
    barnahusId: agency("barnahus"),
  });
  await seedDemoReferrals(trx, { orgId, caseIds, agency, ...lookups }, consents.psychiatry.id);
  await seedDemoRiskConference(trx, {
    orgId,
    caseId: caseIds[1] as string,
    personId: lookups.personId("198807049849"),
    workerId: lookups.userId("handlaggare2"),
    chairId: lookups.userId("enhetschef"),
    agency,
  });
  await seedDemoAgreements(trx, {
    orgId,
    unitId: lookups.unitId("adult"),
    managerId: lookups.userId("enhetschef"),
    workerId: lookups.userId("handlaggare1"),
    agency,
  });
  const withContact = async (agencyId: string, consentId: string) => {
    const contact = await trx
      .selectFrom("agency_contact")
      .select("id")
      .where("agency_id", "=", agencyId)
      .executeTakeFirstOrThrow();
    return { agencyId, contactId: contact.id, consentId };
  };
  // Sara Berg's adult case (demoCases[1]): her SIP with the health centre and psychiatry.
  await seedDemoSip(trx, {
    orgId,
    caseId: caseIds[1] as string,
    personId: lookups.personId("198807049849"),
    workerId: lookups.userId("handlaggare2"),
    health: await withContact(agency("health"), consents.health.id),
    psychiatry: await withContact(agency("psychiatry"), consents.psychiatry.id),
  });
}
