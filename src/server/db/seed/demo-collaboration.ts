import type { Transaction } from "kysely";
import type { Database } from "../types.ts";
import { seedDemoAgencies } from "./demo-agencies.ts";
import { seedDemoAgreements } from "./demo-agreements.ts";
import type { DemoLookups } from "./demo-crisis-work.ts";

/**
 * Issue 18's collaboration, seeded after the cases it touches: the directory of agencies
 * (kept by the adult unit's manager) and, on it, the agreements, consents, disclosures,
 * referrals, SIP, risk conference and police follow-up of the demo's story.
 */
export async function seedDemoCollaboration(
  trx: Transaction<Database>,
  orgId: string,
  lookups: DemoLookups,
  _caseIds: string[],
) {
  const agency = await seedDemoAgencies(trx, orgId, lookups.userId("enhetschef"));
  await seedDemoAgreements(trx, {
    orgId,
    unitId: lookups.unitId("adult"),
    managerId: lookups.userId("enhetschef"),
    workerId: lookups.userId("handlaggare1"),
    agency,
  });
}
