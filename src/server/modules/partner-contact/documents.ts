import { stockholmDate } from "../../../shared/calendar.ts";
import { formatIdentityNumber } from "../../../shared/personal-identity-number.ts";
import { shownReference, showPerson, showPersonRow } from "../../../shared/protection.ts";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import { runCaseCommand } from "../../access/case-command.ts";
import type { Trx } from "../../access/transaction.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import type { Cipher } from "../../db/sealed-columns.ts";
import { AppError } from "../../http/errors.ts";
import {
  partnerSmsText,
  renderConsentForm,
  renderPartnerLetter,
  type Sender,
} from "../../output/partner-contact-documents.ts";
import type { CaseRow } from "../cases/queries.ts";
import { requireReveal } from "../persons/reveal.ts";
import { requirePerpetratorCase, requireTreatment } from "../treatment/service.ts";
import { herContact } from "./her-contact.ts";

/**
 * The partner-contact documents a worker prints or copies: on his side the consent form to
 * sign; on hers the information letter and the text message — each only in a way her
 * safe-contact instructions allow (a letter is refused when letters are unsafe), and for a
 * protected partner only while her worker has revealed her details with a reason.
 */

async function senderOf(trx: Trx, c: CaseRow): Promise<Sender> {
  const row = await trx
    .selectFrom("unit as u")
    .innerJoin("organisation as o", "o.id", "u.org_id")
    .select([
      "o.name as organisation",
      "u.name",
      "u.contact_phone",
      "u.contact_address",
      "u.contact_email",
    ])
    .where("u.id", "=", c.unit_id)
    .executeTakeFirstOrThrow();
  return {
    organisation: row.organisation,
    unit: row.name,
    phone: row.contact_phone,
    address: row.contact_address,
    email: row.contact_email,
  };
}

export function printConsentForm(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
) {
  return runCaseCommand(database, actor, meta, {
    caseId,
    action: "partner_contact.consent_form",
    run: async ({ trx, case: c }) => {
      requirePerpetratorCase(c);
      await requireTreatment(trx, caseId);
      // A document: through the one rule (issue 19), under fingerade personuppgifter neither
      // his real name, number nor the case's reference.
      const shown = showPersonRow(
        {
          name: `${c.given_name} ${c.family_name}`,
          identityNumber: c.identity_number ? formatIdentityNumber(c.identity_number) : null,
          protectionLevel: c.protection_level,
        },
        "document",
      );
      const pdf = await renderConsentForm({
        sender: await senderOf(trx, c),
        name: shown.name,
        identityNumber: shown.identityNumber,
        printedOn: stockholmDate(new Date()),
      });
      return { pdf, reference: shownReference(c.protection_level, c.reference) };
    },
  });
}

/**
 * Her name, how she may be reached, and the ways her instructions leave open (herContact).
 * Nothing goes out once her case is closed or he has withdrawn his consent: the letter says
 * he agreed.
 */
async function recipient(trx: Trx, cipher: Cipher, c: CaseRow) {
  if (c.case_type !== "partner_contact")
    throw new AppError(400, "validation_failed", "Några uppgifter behöver rättas.", {
      caseId: "Det här gäller bara ett ärende om partnerkontakt.",
    });
  if (c.status === "closed")
    throw new AppError(409, "conflict", "Ärendet är avslutat. Inget brev eller sms skickas.");
  const her = await herContact(trx, cipher, c);
  if (her.consentWithdrawn)
    throw new AppError(
      409,
      "conflict",
      "Samtycket till partnerkontakt är återkallat. Inget brev eller sms skickas om behandlingen.",
    );
  return her;
}

const refusedLetter = {
  letters_not_allowed: "Hon har sagt att brev inte är säkra. Inget brev skrivs ut.",
  protected_identity:
    "Hon har skyddade personuppgifter: inget brev till en adress. Ta kontakt på annat sätt.",
  no_address: "Det finns ingen adress att skicka brevet till.",
} as const;

export function printPartnerLetter(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
) {
  return runCaseCommand(database, actor, meta, {
    caseId,
    action: "partner_case.letter",
    run: async ({ trx, case: c }) => {
      const r = await recipient(trx, database.cipher, c);
      const letter = r.options.find((o) => o.method === "letter");
      const refusal = letter?.refusal;
      if (refusal && refusal in refusedLetter)
        throw new AppError(409, "conflict", refusedLetter[refusal as keyof typeof refusedLetter]);
      // Her address on paper: for a protected partner only after a reveal with a reason.
      await requireReveal(trx, actor, c.person_id, r.protectionLevel);
      const pdf = await renderPartnerLetter({
        sender: await senderOf(trx, c),
        recipientName: r.name,
        address: r.address,
        printedOn: stockholmDate(new Date()),
      });
      return { pdf, reference: c.reference };
    },
  });
}

export function partnerSms(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
) {
  return runCaseCommand(database, actor, meta, {
    caseId,
    action: "partner_case.sms",
    run: async ({ trx, case: c }) => {
      const r = await recipient(trx, database.cipher, c);
      const sms = r.options.find((o) => o.method === "sms");
      if (sms?.refusal === "sms_not_allowed")
        throw new AppError(409, "conflict", "Sms är inte säkert enligt hennes instruktioner.");
      if (sms?.refusal === "no_phone")
        throw new AppError(409, "conflict", "Det finns inget telefonnummer att skicka till.");
      // Her number is shown as her page shows it: for a protected partner after a reveal.
      await requireReveal(trx, actor, c.person_id, r.protectionLevel);
      // The text leaves Frid: named as a document names her (none under fingerade uppgifter).
      const { name } = showPerson(
        { name: r.name, identityNumber: null, protectionLevel: r.protectionLevel },
        "document",
      );
      return {
        to: r.phone ?? "",
        text: partnerSmsText({ sender: await senderOf(trx, c), recipientName: name }),
      };
    },
  });
}
