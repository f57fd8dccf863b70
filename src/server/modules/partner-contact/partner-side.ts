import type { z } from "zod";
import type {
  OfferSupportBody,
  PartnerCaseView,
  RecordAttemptBody,
} from "../../../shared/api/partner-contact.ts";
import { stockholmDate } from "../../../shared/calendar.ts";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import { runCaseCommand } from "../../access/case-command.ts";
import type { Trx } from "../../access/transaction.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { type Cipher, openColumns } from "../../db/sealed-columns.ts";
import { AppError } from "../../http/errors.ts";
import type { CaseRow } from "../cases/queries.ts";
import { liveReveal, masksContact } from "../persons/reveal.ts";
import { herContact } from "./her-contact.ts";

/**
 * Her side of partner contact: her worker reaches out in a way her safe-contact
 * instructions allow (a letter is refused when letters are unsafe), records how each attempt
 * went, and offers support of her own. Her case never shows anything of his beyond the
 * barrier's events.
 */

const invalid = (fields: Record<string, string>) =>
  new AppError(400, "validation_failed", "Några uppgifter behöver rättas.", fields);

const refusalText = {
  letters_not_allowed: "Hon har sagt att brev inte är säkra. Välj ett annat sätt.",
  protected_identity: "Hon har skyddade personuppgifter: inget brev till en adress.",
  no_address: "Det finns ingen adress att skicka brev till.",
  calls_not_allowed: "Hon har sagt att samtal inte är säkra. Välj ett annat sätt.",
  sms_not_allowed: "Sms är inte säkert enligt hennes instruktioner. Välj ett annat sätt.",
  no_phone: "Det finns inget telefonnummer.",
} as const;

function requirePartnerCase(c: CaseRow) {
  if (c.case_type !== "partner_contact")
    throw invalid({ caseId: "Det här gäller bara ett ärende om partnerkontakt." });
}

async function load(trx: Trx, cipher: Cipher, actor: Actor, c: CaseRow): Promise<PartnerCaseView> {
  const stored = await trx
    .selectFrom("partner_contact")
    .selectAll()
    .where("case_id", "=", c.id)
    .executeTakeFirstOrThrow();
  const row = await openColumns(cipher, "partner_contact", stored.org_id, c.id, stored);
  const her = await herContact(trx, cipher, c);
  const attempts = await trx
    .selectFrom("partner_contact_attempt as a")
    .innerJoin("app_user as u", "u.id", "a.recorded_by")
    .select(["a.id", "a.method", "a.attempted_on", "a.outcome", "u.display_name"])
    .where("a.case_id", "=", c.id)
    .orderBy("a.attempted_on", "desc")
    .orderBy("a.recorded_at", "desc")
    .execute();
  // Her latest answer decides; a letter or text sent after she answered does not undo it.
  const answers = attempts.map((a) => a.outcome).filter((o) => o !== "sent");
  const answered = answers[0];
  // What he gave is how to reach HER: masked as her own details are, until she is revealed
  // with a reason on her page (issue 19, item 2; persons/reveal.ts).
  const givenMasked =
    masksContact(her.protectionLevel) && (await liveReveal(trx, actor, c.person_id)) === null;
  return {
    relationship: row.relationship,
    given: givenMasked
      ? { phone: null, postalAddress: null, email: null }
      : { phone: row.given_phone, postalAddress: row.given_address, email: row.given_email },
    givenMasked,
    // Her own number and address, once she has given them, come before what he said.
    contactOptions: her.options,
    // Her letter and text carry her address and number: the same reveal first (documents.ts).
    firstContact: { ...her.firstContact, revealNeeded: givenMasked },
    attempts: attempts.map((a) => ({
      id: a.id,
      method: a.method,
      attemptedOn: a.attempted_on,
      outcome: a.outcome,
      recordedBy: a.display_name,
    })),
    standing:
      answered === undefined
        ? attempts.length > 0
          ? "waiting"
          : "not_contacted"
        : answered === "later_accepted"
          ? "accepted"
          : answered,
    ownSupport:
      row.own_support && row.own_support_on
        ? { kind: row.own_support, note: row.own_support_note ?? "", offeredOn: row.own_support_on }
        : null,
  };
}

export function readPartnerCase(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
) {
  return runCaseCommand(database, actor, meta, {
    caseId,
    action: "partner_case.read",
    run: ({ trx, case: c }) => {
      requirePartnerCase(c);
      return load(trx, database.cipher, actor, c);
    },
  });
}

/** Her case as a command on it finds it (under the case's lock): hers, and not closed. */
async function partnerCaseForChange(trx: Trx, cipher: Cipher, actor: Actor, c: CaseRow) {
  requirePartnerCase(c);
  if (c.status === "closed") throw new AppError(409, "conflict", "Ärendet är avslutat.");
  return load(trx, cipher, actor, c);
}

/** An attempt to reach her, in a way her instructions allow; "sent" only for letter or SMS. */
export function recordAttempt(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
  input: z.output<typeof RecordAttemptBody>,
) {
  const fields: Record<string, string> = {};
  if (input.attemptedOn > stockholmDate(new Date()))
    fields.attemptedOn = "Datumet kan inte ligga i framtiden.";
  if (Object.keys(fields).length > 0) throw invalid(fields);
  return runCaseCommand(database, actor, meta, {
    caseId,
    action: "partner_case.contact",
    changes: true,
    run: async ({ trx, case: c }) => {
      const view = await partnerCaseForChange(trx, database.cipher, actor, c);
      const option = view.contactOptions.find((o) => o.method === input.method);
      if (option?.refusal) throw invalid({ method: refusalText[option.refusal] });
      await trx
        .insertInto("partner_contact_attempt")
        .values({
          org_id: actor.orgId,
          case_id: c.id,
          method: input.method,
          attempted_on: input.attemptedOn,
          outcome: input.outcome,
          recorded_by: actor.userId,
        })
        .execute();
      return load(trx, database.cipher, actor, c);
    },
    event: () => ({ data: { method: input.method, outcome: input.outcome } }),
  });
}

/** Support of her own, offered whatever he does: in house, a referral (to whom), or declined. */
export function offerSupport(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
  input: z.output<typeof OfferSupportBody>,
) {
  const fields: Record<string, string> = {};
  if (input.offeredOn > stockholmDate(new Date()))
    fields.offeredOn = "Datumet kan inte ligga i framtiden.";
  if (Object.keys(fields).length > 0) throw invalid(fields);
  return runCaseCommand(database, actor, meta, {
    caseId,
    action: "partner_case.support",
    changes: true,
    run: async ({ trx, case: c }) => {
      await partnerCaseForChange(trx, database.cipher, actor, c);
      await trx
        .updateTable("partner_contact")
        .set({
          own_support: input.kind,
          own_support_note: input.note || null,
          own_support_on: input.offeredOn,
        })
        .where("case_id", "=", c.id)
        .execute();
      return load(trx, database.cipher, actor, c);
    },
    event: () => ({ data: { kind: input.kind } }),
  });
}
