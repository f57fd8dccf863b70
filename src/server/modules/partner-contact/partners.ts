import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import type { z } from "zod";
import type { AddPartnerBody, PartnerRefusalBody } from "../../../shared/api/treatment.ts";
import { stockholmDate } from "../../../shared/calendar.ts";
import { parseIdentityNumber } from "../../../shared/personal-identity-number.ts";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import { sendAcross } from "../../access/barrier-crossing.ts";
import type { Trx } from "../../access/transaction.ts";
import { auditCase, auditContext, recordAudit } from "../../audit/record.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { AppError } from "../../http/errors.ts";
import type { CaseRow } from "../cases/queries.ts";
import { nextReference } from "../cases/queries.ts";
import { personBarred } from "../persons/service.ts";
import { closeTreatment, treatmentCommand } from "../treatment/service.ts";

/**
 * Partner contact from the perpetrator's side (seed 004, "Förslag på rutiner"): he is told
 * what it means; he consents — in writing or orally, per partner — or refuses, and the team
 * decides whether treatment continues. An exception (she is in sheltered housing or abroad,
 * the relationship long ended, a strongly controlling pattern) is recorded with its reason
 * instead of contacting her. With consent, her own case is opened on the unit behind an
 * information barrier; what he said about how to reach her is stored there only.
 */

const invalid = (fields: Record<string, string>) =>
  new AppError(400, "validation_failed", "Några uppgifter behöver rättas.", fields);
const today = () => stockholmDate(new Date());
const alreadyInformed = () =>
  new AppError(
    409,
    "conflict",
    "Att han har fått information om partnerkontakt är redan registrerat. Ladda om sidan för att se datumet.",
  );

export function recordPartnerInformation(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
  input: { informedOn: string },
) {
  if (input.informedOn > today())
    throw invalid({ informedOn: "Datumet kan inte ligga i framtiden." });
  return treatmentCommand(
    database,
    actor,
    meta,
    caseId,
    "partner_contact.inform",
    async (trx, c, t) => {
      // Recorded once (the form is shown until then): a second record is a conflict, not a
      // silent change of the date his consent and refusal are checked against.
      if (t.partner_info_given_on) throw alreadyInformed();
      if (input.informedOn < t.referred_on)
        throw invalid({ informedOn: "Datumet kan inte ligga före kontakten med mottagningen." });
      const done = await trx
        .updateTable("treatment")
        .set({ partner_info_given_on: input.informedOn })
        .where("case_id", "=", caseId)
        .where("partner_info_given_on", "is", null)
        .executeTakeFirstOrThrow();
      if (done.numUpdatedRows !== 1n) throw alreadyInformed();
      await auditCase(trx, actor, meta, c, "partner_contact.inform");
    },
  );
}

type AddPartner = z.output<typeof AddPartnerBody>;

function checkAddPartner(input: AddPartner) {
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
async function openPartnerCase(
  trx: Trx,
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
  await trx
    .insertInto("partner_contact")
    .values({
      case_id: partnerCaseId,
      org_id: actor.orgId,
      relationship: input.relationship,
      given_phone: partner.phone,
      given_address: partner.postalAddress,
      given_email: partner.email,
      created_by: actor.userId,
    })
    .execute();
  const barrierId = randomUUID();
  const reason = "Partnerkontakt: våldsutövarens behandling och partnerns ärende hålls åtskilda.";
  await trx
    .insertInto("barrier")
    .values({
      id: barrierId,
      org_id: actor.orgId,
      case_a_id: c.id,
      case_b_id: partnerCaseId,
      reason,
      purpose: "partner_contact",
      created_by: actor.userId,
    })
    .execute();
  await recordAudit(trx, auditContext(actor, meta), [
    {
      action: "case.open",
      resourceType: "case",
      resourceId: partnerCaseId,
      personId,
      unitId: c.unit_id,
    },
    {
      action: "barrier.create",
      resourceType: "case",
      resourceId: c.id,
      personId: c.person_id,
      unitId: c.unit_id,
      reason,
      data: { otherCaseId: partnerCaseId },
    },
    {
      action: "barrier.create",
      resourceType: "case",
      resourceId: partnerCaseId,
      personId,
      unitId: c.unit_id,
      reason,
      data: { otherCaseId: c.id },
    },
  ]);
  return { partnerCaseId, barrierId };
}

export function addPartner(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
  input: AddPartner,
) {
  checkAddPartner(input);
  return treatmentCommand(
    database,
    actor,
    meta,
    caseId,
    "partner_contact.add_partner",
    async (trx, c, t) => {
      if (input.consent && !t.partner_info_given_on)
        throw invalid({
          consent: "Registrera först att han har fått information om partnerkontakt.",
        });
      if (
        input.consent &&
        t.partner_info_given_on &&
        input.consent.givenOn < t.partner_info_given_on
      )
        throw invalid({ "consent.givenOn": "Samtycket kan inte ges före informationen." });
      const opened = input.consent ? await openPartnerCase(trx, actor, meta, c, input) : null;
      const partnerId = randomUUID();
      await trx
        .insertInto("partner")
        .values({
          id: partnerId,
          org_id: actor.orgId,
          case_id: caseId,
          relationship: input.relationship,
          exception_kind: input.exception?.kind ?? null,
          exception_reason: input.exception?.reason ?? null,
          team_decided_on: input.exception?.teamDecidedOn ?? null,
          partner_case_id: opened?.partnerCaseId ?? null,
          barrier_id: opened?.barrierId ?? null,
          recorded_by: actor.userId,
        })
        .execute();
      if (input.consent) {
        await trx
          .insertInto("consent")
          .values({
            org_id: actor.orgId,
            case_id: caseId,
            partner_id: partnerId,
            scope: "partner_contact",
            given_by_name: `${c.given_name} ${c.family_name}`,
            form: input.consent.form,
            given_on: input.consent.givenOn,
            recorded_by: actor.userId,
          })
          .execute();
      }
      await auditCase(trx, actor, meta, c, "partner_contact.add_partner", {
        partnerId,
        partnerCaseId: opened?.partnerCaseId ?? null,
        exception: input.exception?.kind ?? null,
      });
      // Treatment already under way: her worker will want to know from the start.
      if (opened && t.phase === "treatment" && t.started_on)
        await sendAcross(
          trx,
          actor,
          meta,
          c,
          [{ barrierId: opened.barrierId, toCaseId: opened.partnerCaseId }],
          {
            kind: "treatment_started",
            eventOn: t.started_on,
          },
        );
    },
  );
}

/** He said no: the team's decision whether treatment continues is recorded with its reasons. */
export function recordRefusal(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
  input: z.output<typeof PartnerRefusalBody>,
) {
  const fields: Record<string, string> = {};
  if (input.refusedOn > today()) fields.refusedOn = "Datumet kan inte ligga i framtiden.";
  if (input.teamDecidedOn > today()) fields.teamDecidedOn = "Datumet kan inte ligga i framtiden.";
  if (Object.keys(fields).length > 0) throw invalid(fields);
  return treatmentCommand(
    database,
    actor,
    meta,
    caseId,
    "partner_contact.refusal",
    async (trx, c, t) => {
      // He can only say no to something he has been told about (seed 004: inform first).
      if (!t.partner_info_given_on)
        throw invalid({
          refusedOn: "Registrera först att han har fått information om partnerkontakt.",
        });
      const consented = await trx
        .selectFrom("consent")
        .select("id")
        .where("case_id", "=", caseId)
        .where("scope", "=", "partner_contact")
        .where("revoked_on", "is", null)
        .executeTakeFirst();
      if (consented)
        throw new AppError(
          409,
          "conflict",
          "Han har samtyckt till partnerkontakt. Om han ångrar sig: registrera att samtycket återkallas.",
        );
      const inserted = await trx
        .insertInto("partner_contact_refusal")
        .values({
          case_id: caseId,
          org_id: actor.orgId,
          refused_on: input.refusedOn,
          team_decided_on: input.teamDecidedOn,
          continue_treatment: input.continueTreatment,
          reasoning: input.reasoning,
          recorded_by: actor.userId,
        })
        .onConflict((oc) => oc.column("case_id").doNothing())
        .executeTakeFirst();
      if (inserted.numInsertedOrUpdatedRows !== 1n)
        throw new AppError(409, "conflict", "Teamets beslut är redan registrerat.");
      await auditCase(trx, actor, meta, c, "partner_contact.refusal", {
        continueTreatment: input.continueTreatment,
      });
      if (!input.continueTreatment)
        await closeTreatment(trx, actor, meta, c, t, {
          endedOn: input.teamDecidedOn,
          kind: "ended_by_unit",
          reason: input.reasoning,
        });
    },
  );
}

/** He takes his consent back: her worker is told, and no more news about him crosses. */
export function withdrawPartnerConsent(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
  partnerId: string,
  input: { withdrawnOn: string },
) {
  if (input.withdrawnOn > today())
    throw invalid({ withdrawnOn: "Datumet kan inte ligga i framtiden." });
  return treatmentCommand(database, actor, meta, caseId, "consent.revoke", async (trx, c) => {
    const found = await trx
      .selectFrom("partner as pa")
      .innerJoin("consent as co", "co.partner_id", "pa.id")
      .select(["co.id", "co.given_on", "co.revoked_on", "pa.barrier_id", "pa.partner_case_id"])
      .where("pa.id", "=", partnerId)
      .where("pa.case_id", "=", caseId)
      .executeTakeFirst();
    if (!found)
      throw new AppError(404, "not_found", "Det finns inget samtycke för den partnern i ärendet.");
    if (found.revoked_on) throw new AppError(409, "conflict", "Samtycket är redan återkallat.");
    if (input.withdrawnOn < found.given_on)
      throw invalid({ withdrawnOn: "Samtycket kan inte återkallas före det gavs." });
    const done = await trx
      .updateTable("consent")
      .set({ revoked_on: input.withdrawnOn, revoked_reason: "Återkallat av klienten." })
      .where("id", "=", found.id)
      .where("revoked_on", "is", null)
      .executeTakeFirstOrThrow();
    if (done.numUpdatedRows !== 1n)
      throw new AppError(409, "conflict", "Samtycket är redan återkallat.");
    await auditCase(trx, actor, meta, c, "consent.revoke", { consentId: found.id });
    if (found.barrier_id && found.partner_case_id)
      await sendAcross(
        trx,
        actor,
        meta,
        c,
        [{ barrierId: found.barrier_id, toCaseId: found.partner_case_id }],
        { kind: "consent_withdrawn", eventOn: input.withdrawnOn },
      );
  });
}
