import type { Kysely } from "kysely";
import type { ConsultationKind } from "../../shared/api/protection.ts";
import type { Database } from "../db/types.ts";
import { buildUser } from "./factories.ts";

/**
 * The protection officer's agreement, recorded as the officer of the case's unit would
 * (issue 19, item 3): for tests whose subject is the step it allows (lowering a protection
 * level, a disclosure about a protected person), not the consultation itself.
 */
export async function buildConsultation(
  owner: Kysely<Database>,
  input: {
    orgId: string;
    unitId: string;
    caseId: string;
    personId: string;
    kind: ConsultationKind;
  },
) {
  const officer = await buildUser(owner, input.orgId, [
    { unitId: input.unitId, role: "protection_officer" },
  ]);
  await owner
    .insertInto("protection_consultation")
    .values({
      org_id: input.orgId,
      person_id: input.personId,
      case_id: input.caseId,
      officer_id: officer.id,
      kind: input.kind,
      outcome: "agreed",
      note: "Samrått med skyddshandläggaren.",
    })
    .execute();
  return officer;
}
