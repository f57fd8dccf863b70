import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import type { z } from "zod";
import type { AddPartnerBody } from "../../../shared/api/treatment.ts";
import { stockholmDate } from "../../../shared/calendar.ts";
import { parseIdentityNumber } from "../../../shared/personal-identity-number.ts";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import type { Trx } from "../../access/transaction.ts";
import { type AuditEntry, auditContext, recordAudit } from "../../audit/record.ts";
import { type Cipher, sealColumns } from "../../db/sealed-columns.ts";
import { AppError } from "../../http/errors.ts";
import type { CaseRow } from "../cases/queries.ts";
import { nextReference } from "../cases/queries.ts";
import { personBarred } from "../persons/service.ts";

/**
 * A partner added with his consent gets her own case on the treatment unit, behind an
 * information barrier from his: what he said about how to reach her is stored there only.
 * Split from partners.ts (the commands) so each file stays readable.
 */

const invalid = (fields: Record<string, string>) =>
  new AppError(400, "validation_failed", "Några uppgifter behöver rättas.", fields);
const today = () => stockholmDate(new Date());

export type AddPartner = z.output<typeof AddPartnerBody>;

export function checkAddPartner(input: AddPartner) {
  const fields: Record<string, string> = {};
  if (input.consent && input.exception)
    fields.exception = "Välj antingen samtycke eller undantag, inte båda.";
  if (!input.consent && !input.exception)
    fields.consent = "Registrera hans samtycke, eller varför partnern inte ska kontaktas.";
  if (input.consent && !input.partner) fields.partner = "Skriv partnerns namn och hur hon kan nås.";
  if (input.exception && input.partner)
    fields.partner = "Vid undantag kontaktas partnern inte – lämna hennes uppgifter tomma.";
  if (input.consent && input.consent.givenOn > today())
    fields["consent.givenOn"] = "Datumet kan inte ligga i framtiden.";
  if (input.exception?.kind === "controlling_pattern" && !input.exception.teamDecidedOn)
    fields["exception.teamDecidedOn"] =
      "Vid ett starkt kontrollerande mönster beslutar teamet – ange datumet för beslutet.";
  if (input.exception?.teamDecidedOn && input.exception.teamDecidedOn > today())
    fields["exception.teamDecidedOn"] = "Datumet kan inte ligga i framtiden.";
  const p = input.partner;
  if (p && !p.phone && !p.postalAddress && !p.email)
    fields["partner.phone"] = "Ange minst ett sätt att nå henne: telefon, adress eller e-post.";
  if (p?.identityNumber) {
    const parsed = parseIdentityNumber(p.identityNumber);
    if (!parsed.ok) fields["partner.identityNumber"] = parsed.message;
  }
  if (Object.keys(fields).length > 0) throw invalid(fields);
}

/**
 * Her person: a known personnummer links to the person the organisation already has (as a
 * registration does); otherwise a new person. The therapist is not registered as knowing
 * her, so afterwards he cannot see her at all (she is visible to her own case's workers).
 */
async function partnerPerson(trx: Trx, actor: Actor, p: NonNullable<AddPartner["partner"]>) {
  const parsed = p.identityNumber ? parseIdentityNumber(p.identityNumber) : null;
  const number = parsed?.ok ? parsed.value : null;
  if (number) {
    const existing = (
      await sql<{
        id: string | null;
      }>`select frid_person_id_by_identity(${number.normalized}) as id`.execute(trx)
    ).rows[0]?.id;
    if (existing) return existing;
  }
  const id = randomUUID();
  await trx
    .insertInto("person")
    .values({
      id,
      org_id: actor.orgId,
      identity_kind: number?.kind ?? "unidentified",
      identity_number: number?.normalized ?? null,
      given_name: p.givenName,
      family_name: p.familyName,
      birth_date: number?.birthDate ?? null,
      sex: "unknown",
      created_by: actor.userId,
    })
    .execute();
  return id;
}

/**
 * Opens her case on the treatment unit, with nobody assigned (the unit manager assigns a
 * worker who has never worked his side), the contact details he gave, and the barrier.
 */
export async function openPartnerCase(
  trx: Trx,
  cipher: Cipher,
  actor: Actor,
  meta: RequestMeta,
  c: CaseRow,
  input: AddPartner,
) {
  const partner = input.partner;
  if (!partner) throw new Error("a partner case needs the partner's details");
  const personId = await partnerPerson(trx, actor, partner);
  // She already has partner contact behind a barrier from a case he worked (an earlier
  // treatment): her worker there goes on; a second case would open without its worker.
  if (await personBarred(trx, personId, actor.userId))
    throw new AppError(
      409,
      "conflict",
      "Partnern har redan partnerkontakt bakom en informationsspärr från ett ärende du har arbetat med. Kontakta enhetschefen.",
    );
  const partnerCaseId = await insertPartnerCase(trx, cipher, actor, c, personId, {
    relationship: input.relationship,
    partner,
  });
  const barrierId = await insertPartnerBarrier(trx, actor, c.id, partnerCaseId);
  await recordAudit(trx, auditContext(actor, meta), [
    {
      action: "case.open",
      resourceType: "case",
      resourceId: partnerCaseId,
      personId,
      unitId: c.unit_id,
    },
    ...barrierEvents(c, { id: partnerCaseId, person_id: personId }),
  ]);
  return { partnerCaseId, barrierId };
}

const partnerBarrierReason =
  "Partnerkontakt: våldsutövarens behandling och partnerns ärende hålls åtskilda.";

/** Her case, with the ways to reach her that he gave (stored in her case only). */
async function insertPartnerCase(
  trx: Trx,
  cipher: Cipher,
  actor: Actor,
  c: CaseRow,
  personId: string,
  input: { relationship: AddPartner["relationship"]; partner: NonNullable<AddPartner["partner"]> },
): Promise<string> {
  const { partner } = input;
  const partnerCaseId = randomUUID();
  await trx
    .insertInto("case")
    .values({
      id: partnerCaseId,
      org_id: actor.orgId,
      unit_id: c.unit_id,
      person_id: personId,
      case_type: "partner_contact",
      reference: await nextReference(trx, actor.orgId),
      opened_by: actor.userId,
    })
    .execute();
  const given = await sealColumns(cipher, "partner_contact", actor.orgId, partnerCaseId, {
    given_phone: partner.phone,
    given_address: partner.postalAddress,
    given_email: partner.email,
  });
  await trx
    .insertInto("partner_contact")
    .values({
      case_id: partnerCaseId,
      org_id: actor.orgId,
      relationship: input.relationship,
      ...given,
      created_by: actor.userId,
    })
    .execute();
  return partnerCaseId;
}

/** The barrier between his case and hers, marked as partner contact's own. */
async function insertPartnerBarrier(
  trx: Trx,
  actor: Actor,
  caseId: string,
  partnerCaseId: string,
): Promise<string> {
  const barrierId = randomUUID();
  await trx
    .insertInto("barrier")
    .values({
      id: barrierId,
      org_id: actor.orgId,
      case_a_id: caseId,
      case_b_id: partnerCaseId,
      reason: partnerBarrierReason,
      purpose: "partner_contact",
      created_by: actor.userId,
    })
    .execute();
  return barrierId;
}

/** The barrier's event on each side, each naming the other case. */
function barrierEvents(c: CaseRow, her: { id: string; person_id: string }): AuditEntry[] {
  return [
    {
      action: "barrier.create",
      resourceType: "case",
      resourceId: c.id,
      personId: c.person_id,
      unitId: c.unit_id,
      reason: partnerBarrierReason,
      data: { otherCaseId: her.id },
    },
    {
      action: "barrier.create",
      resourceType: "case",
      resourceId: her.id,
      personId: her.person_id,
      unitId: c.unit_id,
      reason: partnerBarrierReason,
      data: { otherCaseId: c.id },
    },
  ];
}
