import { randomUUID } from "node:crypto";
import type { z } from "zod";
import type {
  AnswerReferralBody,
  CreateReferralBody,
  SendReferralBody,
} from "../../../shared/api/referrals.ts";
import { stockholmDate } from "../../../shared/calendar.ts";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import { runCaseCommand } from "../../access/case-command.ts";
import { RecordNotInCase } from "../../access/case-guard.ts";
import type { Trx } from "../../access/transaction.ts";
import type { AuditAction, AuditData } from "../../audit/events.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { AppError, invalid } from "../../http/errors.ts";
import { requireValidConsent } from "../consents/validity.ts";
import {
  consentDisclosuresOf,
  disclosuresToItsAgency,
  lockedReferral,
  referralsOfCase,
  referralView,
} from "./queries.ts";

/**
 * Referrals on a case (issue 18, item 5). A referral out is made as a draft naming the
 * agency's unit and what is asked; the disclosures for it are made through the disclosure
 * API (context 'referral'); then it is sent — refused while it shares client information and
 * no disclosure to its agency has been made for it. Its answer, or ours to an in-referral's
 * sender, is recorded once, with its date.
 */

type CreateInput = z.output<typeof CreateReferralBody>;
type SendInput = z.output<typeof SendReferralBody>;
type AnswerInput = z.output<typeof AnswerReferralBody>;

const conflict = (message: string) => new AppError(409, "conflict", message);
const closedMessage = "Ärendet är avslutat. Öppna det igen för att arbeta med remisser.";

export function readReferrals(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
) {
  return runCaseCommand(database, actor, meta, {
    caseId,
    action: "referral.read",
    run: async ({ trx, case: c }) => ({
      referrals: await referralsOfCase(trx, caseId),
      answerDays: await answerDaysOf(trx, c.unit_id),
    }),
  });
}

async function answerDaysOf(trx: Trx, unitId: string) {
  const unit = await trx
    .selectFrom("unit")
    .select("referral_answer_days")
    .where("id", "=", unitId)
    .executeTakeFirstOrThrow();
  return unit.referral_answer_days;
}

/** The unit and contact must be the agency's own, in the directory and not archived. */
async function checkRecipient(trx: Trx, input: CreateInput) {
  const unit = await trx
    .selectFrom("agency_unit as u")
    .innerJoin("agency as a", "a.id", "u.agency_id")
    .select(["u.id"])
    .where("u.id", "=", input.agencyUnitId)
    .where("u.agency_id", "=", input.agencyId)
    .where("u.archived_at", "is", null)
    .where("a.archived_at", "is", null)
    .executeTakeFirst();
  if (!unit) throw invalid({ agencyUnitId: "Välj en enhet hos myndigheten i katalogen." });
  if (input.agencyContactId === null) return;
  const contact = await trx
    .selectFrom("agency_contact")
    .select("id")
    .where("id", "=", input.agencyContactId)
    .where("agency_id", "=", input.agencyId)
    .where("archived_at", "is", null)
    .executeTakeFirst();
  if (!contact)
    throw invalid({ agencyContactId: "Välj en kontaktperson hos myndigheten i katalogen." });
}

export function createReferral(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
  input: CreateInput,
) {
  const id = randomUUID();
  return runCaseCommand(database, actor, meta, {
    caseId,
    action: "referral.create",
    changes: true,
    requires: ["change"],
    closedMessage,
    run: async ({ trx }) => {
      await checkRecipient(trx, input);
      await trx
        .insertInto("referral")
        .values({
          id,
          org_id: actor.orgId,
          case_id: caseId,
          direction: "out",
          agency_id: input.agencyId,
          agency_unit_id: input.agencyUnitId,
          agency_contact_id: input.agencyContactId,
          reason: input.reason,
          shares_information: input.sharesInformation,
          created_by: actor.userId,
        })
        .execute();
      return referralView(trx, id);
    },
    event: () => ({ data: { referralId: id } }),
  });
}

type Locked = NonNullable<Awaited<ReturnType<typeof lockedReferral>>>;

/**
 * A command on one referral of a case: the case's own checks (runCaseCommand), then the
 * referral, locked; a referral of another case (or none) answers 404, the attempt audited.
 */
async function onReferral<A extends AuditAction>(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  target: { caseId: string; referralId: string; action: A },
  run: (trx: Trx, r: Locked) => Promise<AuditData<A>>,
) {
  const { caseId, referralId, action } = target;
  return runCaseCommand(database, actor, meta, {
    caseId,
    action,
    changes: true,
    requires: ["change"],
    closedMessage,
    run: async ({ trx }) => {
      const r = await lockedReferral(trx, caseId, referralId);
      if (!r) throw new RecordNotInCase();
      const data = await run(trx, r);
      return { view: await referralView(trx, referralId), data };
    },
    event: ({ data }) => ({ data }),
  }).then(({ view }) => view);
}

export function sendReferral(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  target: { caseId: string; referralId: string },
  input: SendInput,
) {
  if (input.sentOn > stockholmDate(new Date()))
    throw invalid({ sentOn: "Datumet kan inte ligga i framtiden." });
  return onReferral(
    database,
    actor,
    meta,
    { ...target, action: "referral.send" },
    async (trx, r) => {
      if (r.direction !== "out") throw conflict("En inkommen remiss skickas inte.");
      if (r.sent_on !== null) throw conflict("Remissen är redan skickad.");
      const disclosures = await disclosuresToItsAgency(trx, r.id, r.agency_id as string);
      // What the referral carries on consent leaves now: each consent must still hold.
      for (const d of await consentDisclosuresOf(trx, r.id))
        await requireValidConsent(trx, d.consentId, {
          personId: d.personId,
          agencyId: r.agency_id,
          on: input.sentOn,
        });
      if (r.shares_information && disclosures === 0)
        throw new AppError(
          409,
          "conflict",
          "Remissen lämnar ut uppgifter om klienten. Registrera utlämnandet till mottagaren (med samtycke eller sekretessbrytande grund) innan remissen skickas.",
          { disclosures: "Inget utlämnande är gjort för remissen." },
        );
      await trx
        .updateTable("referral")
        .set({ sent_on: input.sentOn, channel: input.channel })
        .where("id", "=", r.id)
        .execute();
      return { referralId: r.id, disclosures };
    },
  );
}

export function answerReferral(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  target: { caseId: string; referralId: string },
  input: AnswerInput,
) {
  if (input.answeredOn > stockholmDate(new Date()))
    throw invalid({ answeredOn: "Datumet kan inte ligga i framtiden." });
  if (input.answer === "other" && input.text === "")
    throw invalid({ text: "Skriv vad svaret var." });
  return onReferral(
    database,
    actor,
    meta,
    { ...target, action: "referral.answer" },
    async (trx, r) => {
      if (r.answered_on !== null) throw conflict("Remissen är redan besvarad.");
      const from = r.direction === "out" ? r.sent_on : r.received_on;
      if (from === null) throw conflict("Remissen är inte skickad än. Skicka den först.");
      if (input.answeredOn < from)
        throw invalid({ answeredOn: "Svaret kan inte komma före remissen." });
      await trx
        .updateTable("referral")
        .set({
          answer: input.answer,
          answer_text: input.text || null,
          answered_on: input.answeredOn,
          answered_by: actor.userId,
        })
        .where("id", "=", r.id)
        .execute();
      return { referralId: r.id, answer: input.answer };
    },
  );
}
