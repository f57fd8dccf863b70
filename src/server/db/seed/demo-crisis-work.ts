import type { Transaction } from "kysely";
import type { Database } from "../types.ts";
import { seedDemoChildWork } from "./demo-child-work.ts";
import { seedDemoConsult } from "./demo-consult.ts";
import { demoServiceIds, seedDemoService } from "./demo-service.ts";

/** The demo's lookups by key, username and identity number (demo.ts builds them). */
export interface DemoLookups {
  unitId: (key: string) => string;
  userId: (username: string) => string;
  personId: (number: string) => string;
}

/**
 * Issue 17's work outside an investigated case, seeded after the cases it touches: the
 * resource function's consultations and competence register, Kriscentrum's service contacts
 * (one became a case's intake), and Maja Berg's crisis talks at the children's crisis centre.
 */
export async function seedDemoCrisisWork(
  trx: Transaction<Database>,
  orgId: string,
  lookups: DemoLookups,
  caseIds: string[],
  maja: { caseId: string; personId: string },
) {
  await seedDemoConsult(trx, {
    orgId,
    resourceUnitId: lookups.unitId("resource"),
    consultantId: lookups.userId("resursperson"),
    managerId: lookups.userId("resurschef"),
  });
  await seedDemoService(trx, demoServiceIds(orgId, lookups, caseIds));
  await seedDemoChildWork(trx, {
    orgId,
    crisisUnitId: lookups.unitId("crisis"),
    therapistId: lookups.userId("behandlare2"),
    childManagerId: lookups.userId("barnchef"),
    maja,
  });
}
