import { randomUUID } from "node:crypto";
import type { z } from "zod";
import type { PartnerRefusalBody } from "../../../shared/api/treatment.ts";
import { stockholmDate } from "../../../shared/calendar.ts";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import { sendAcross } from "../../access/barrier-crossing.ts";
import { runCaseCommand } from "../../access/case-command.ts";
import type { Trx } from "../../access/transaction.ts";
import { caseEntry } from "../../audit/record.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { AppError } from "../../http/errors.ts";
import type { CaseRow } from "../cases/queries.ts";
import { closeTreatment, runningTreatment } from "../treatment/service.ts";
import { loadTreatment } from "../treatment/view.ts";
import { type AddPartner, checkAddPartner, openPartnerCase } from "./partner-case.ts";

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
  return runCaseCommand(database, actor, meta, {
    caseId,
    action: "partner_contact.inform",
    changes: true,
    run: async ({ trx, case: c }) => {
      const t = await runningTreatment(trx, c);
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
      return loadTreatment(trx, caseId);
    },
  });
}

type Treatment = Awaited<ReturnType<typeof runningTreatment>>;

/** What he said about her is checked against what he was told, and when. */
function checkConsentAgainst(t: Treatment, input: AddPartner) {
  if (input.consent && !t.partner_info_given_on)
    throw invalid({
      consent: "Registrera först att han har fått information om partnerkontakt.",
    });
  if (input.consent && t.partner_info_given_on && input.consent.givenOn < t.partner_info_given_on)
    throw invalid({ "consent.givenOn": "Samtycket kan inte ges före informationen." });
}

/** The partner row, and his consent for her when he gave it. */
async function insertPartner(
  trx: Trx,
  actor: Actor,
  c: CaseRow,
  input: AddPartner,
  opened: { partnerCaseId: string; barrierId: string } | null,
) {
  const partnerId = randomUUID();
  await trx
    .insertInto("partner")
    .values({
      id: partnerId,
      org_id: actor.orgId,
      case_id: c.id,
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
        case_id: c.id,
        partner_id: partnerId,
        scope: "partner_contact",
        given_by_name: `${c.given_name} ${c.family_name}`,
        form: input.consent.form,
        given_on: input.consent.givenOn,
        recorded_by: actor.userId,
      })
      .execute();
  }
  return partnerId;
}

export function addPartner(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
  input: AddPartner,
) {
  checkAddPartner(input);
  return runCaseCommand(database, actor, meta, {
    caseId,
    action: "partner_contact.add_partner",
    changes: true,
    run: async ({ trx, case: c }) => {
      const t = await runningTreatment(trx, c);
      checkConsentAgainst(t, input);
      const opened = input.consent
        ? await openPartnerCase(trx, database.cipher, actor, meta, c, input)
        : null;
      const partnerId = await insertPartner(trx, actor, c, input, opened);
      // Treatment already under way: her worker will want to know from the start.
      if (opened && t.phase === "treatment" && t.started_on)
        await sendAcross(
          trx,
          actor,
          meta,
          c,
          [{ barrierId: opened.barrierId, toCaseId: opened.partnerCaseId }],
          { kind: "treatment_started", eventOn: t.started_on },
        );
      return { partnerId, opened, treatment: await loadTreatment(trx, caseId) };
    },
    event: ({ partnerId, opened }) => ({
      data: {
        partnerId,
        partnerCaseId: opened?.partnerCaseId ?? null,
        exception: input.exception?.kind ?? null,
      },
    }),
  }).then((r) => r.treatment);
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
  // The outcome belongs to the end: a treatment that goes on has none yet.
  if (input.continueTreatment && input.outcome)
    fields.outcome = "Måluppfyllelse anges bara när behandlingen inte fortsätter.";
  if (Object.keys(fields).length > 0) throw invalid(fields);
  return runCaseCommand(database, actor, meta, {
    caseId,
    action: "partner_contact.refusal",
    changes: true,
    run: async ({ trx, case: c }) => {
      const t = await runningTreatment(trx, c);
      await insertRefusal(trx, actor, t, input);
      const ended = input.continueTreatment
        ? null
        : await closeTreatment(trx, database, actor, meta, c, t, {
            endedOn: input.teamDecidedOn,
            kind: "ended_by_unit",
            reason: input.reasoning,
            outcome: input.outcome,
          });
      return { ended, treatment: await loadTreatment(trx, caseId) };
    },
    event: ({ ended }, { case: c }) => [
      caseEntry(c, "partner_contact.refusal", {
        data: { continueTreatment: input.continueTreatment },
      }),
      ...(ended ?? []),
    ],
  }).then((r) => r.treatment);
}

async function insertRefusal(
  trx: Trx,
  actor: Actor,
  t: Treatment,
  input: z.output<typeof PartnerRefusalBody>,
) {
  // He can only say no to something he has been told about (seed 004: inform first).
  if (!t.partner_info_given_on)
    throw invalid({
      refusedOn: "Registrera först att han har fått information om partnerkontakt.",
    });
  const consented = await trx
    .selectFrom("consent")
    .select("id")
    .where("case_id", "=", t.case_id)
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
      case_id: t.case_id,
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
  return runCaseCommand(database, actor, meta, {
    caseId,
    action: "consent.revoke",
    changes: true,
    run: async ({ trx, case: c }) => {
      await runningTreatment(trx, c);
      const found = await revokeConsent(trx, caseId, partnerId, input.withdrawnOn);
      if (found.barrier_id && found.partner_case_id)
        await sendAcross(
          trx,
          actor,
          meta,
          c,
          [{ barrierId: found.barrier_id, toCaseId: found.partner_case_id }],
          { kind: "consent_withdrawn", eventOn: input.withdrawnOn },
        );
      return { consentId: found.id, treatment: await loadTreatment(trx, caseId) };
    },
    event: ({ consentId }) => ({ data: { consentId } }),
  }).then((r) => r.treatment);
}

async function revokeConsent(trx: Trx, caseId: string, partnerId: string, withdrawnOn: string) {
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
  if (withdrawnOn < found.given_on)
    throw invalid({ withdrawnOn: "Samtycket kan inte återkallas före det gavs." });
  const done = await trx
    .updateTable("consent")
    .set({ revoked_on: withdrawnOn, revoked_reason: "Återkallat av klienten." })
    .where("id", "=", found.id)
    .where("revoked_on", "is", null)
    .executeTakeFirstOrThrow();
  if (done.numUpdatedRows !== 1n)
    throw new AppError(409, "conflict", "Samtycket är redan återkallat.");
  return found;
}
