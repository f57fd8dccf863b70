import type { Trx } from "../../access/transaction.ts";
import type { ProtectionLevel } from "../../db/types.ts";
import { invalid } from "../../http/errors.ts";
import type { CaseRow } from "../cases/queries.ts";
import { childrenOfCase } from "../child-work/open.ts";

/**
 * Whose information a consent or a disclosure of a case is about: the case's person, or a
 * child related to her (the children child-work knows of the case). A child's consent is given
 * by the custodians; an adult's by herself.
 */
export interface Subject {
  personId: string;
  name: string;
  isChild: boolean;
  protection: ProtectionLevel;
  identityNumber: string | null;
}

export async function subjectOfCase(trx: Trx, c: CaseRow, personId: string): Promise<Subject> {
  const children = await childrenOfCase(trx, c);
  const isChild = children.some((child) => child.personId === personId);
  if (personId !== c.person_id && !isChild)
    throw invalid({ personId: "Välj ärendets person eller ett barn till henne." });
  const p = await trx
    .selectFrom("person")
    .select(["given_name", "family_name", "protection_level", "identity_number"])
    .where("id", "=", personId)
    .executeTakeFirstOrThrow();
  return {
    personId,
    name: `${p.given_name} ${p.family_name}`,
    isChild,
    protection: p.protection_level,
    identityNumber: p.identity_number,
  };
}

/**
 * A user who heard a consent or made a secrecy review must be someone of the case: the
 * caller, or a worker assigned to it now. Anyone else answers 400 on `field`.
 */
export async function requireCaseUser(
  trx: Trx,
  caseId: string,
  callerId: string,
  userId: string,
  field: string,
): Promise<void> {
  if (userId === callerId) return;
  const assigned = await trx
    .selectFrom("case_assignment")
    .select("user_id")
    .where("case_id", "=", caseId)
    .where("user_id", "=", userId)
    .where("unassigned_at", "is", null)
    .executeTakeFirst();
  if (!assigned) throw invalid({ [field]: "Välj dig själv eller en handläggare i ärendet." });
}

/** The warning a disclosure's form and answer carry for a protected person. */
export const protectionWarnings: Record<Exclude<ProtectionLevel, "none">, string> = {
  confidentiality_marking:
    "Personen har sekretessmarkering. Pröva särskilt om uppgifterna kan röja var hon finns; adress och kontaktuppgifter lämnas aldrig ut i handlingen.",
  protected_registration:
    "Personen har skyddad folkbokföring. Adress, telefon och e-post lämnas aldrig ut; pröva om något annat i uppgifterna kan röja var hon finns.",
  fictitious_identity:
    "Personen har fingerade personuppgifter. Handlingen får aldrig knyta den verkliga identiteten till den fingerade; varken personnummer eller adress skrivs ut.",
};
