import type { Transaction } from "kysely";
import type { Database } from "../types.ts";
import { seedDemoAgencies } from "./demo-agencies.ts";
import type { DemoLookups } from "./demo-crisis-work.ts";
import { seedDemoRiskConference } from "./demo-risk-conference.ts";

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
  await seedDemoRiskConference(trx, {
    orgId,
    caseId: caseIds[1] as string,
    personId: lookups.personId("198807049849"),
    workerId: lookups.userId("handlaggare2"),
    chairId: lookups.userId("enhetschef"),
    agency,
  });
}
