import type { Transaction } from "kysely";
import type { Database } from "../types.ts";
import { seedDemoAgencies } from "./demo-agencies.ts";
import type { DemoLookups } from "./demo-crisis-work.ts";
import { type DemoCase, demoCases } from "./demo-data.ts";
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
  const withContact = async (agencyId: string) => {
    const contact = await trx
      .selectFrom("agency_contact")
      .select("id")
      .where("agency_id", "=", agencyId)
      .executeTakeFirstOrThrow();
    return { agencyId, contactId: contact.id };
  };
  // Sara Berg's adult case (demoCases[1]): her SIP with the health centre and psychiatry.
  const sara = demoCases[1] as DemoCase;
  await seedDemoSip(trx, {
    orgId,
    caseId: caseIds[1] as string,
    personId: lookups.personId(sara.person),
    workerId: lookups.userId(sara.worker),
    health: await withContact(agency("health")),
    psychiatry: await withContact(agency("psychiatry")),
  });
}
