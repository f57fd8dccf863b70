import type { DisclosureBody } from "../../../shared/api/disclosures.ts";
import type { Actor } from "../../access/actor.ts";
import type { Trx } from "../../access/transaction.ts";
import { AppError, invalid } from "../../http/errors.ts";
import type { CaseRow } from "../cases/queries.ts";
import {
  protectionWarnings,
  requireCaseUser,
  type Subject,
  subjectOfCase,
} from "../consents/subjects.ts";
import { requireValidConsent } from "../consents/validity.ts";
import { requireConsultation } from "../protection/consultations.ts";
import { contextCases } from "./contexts.ts";

/**
 * Every rule a disclosure must meet before anything leaves, read in the command's transaction
 * (row-level security: a recipient, consent or context the caller may not see is as missing as
 * one that does not exist). A disclosure without a valid ground is refused: a consent that is
 * revoked, expired, for another recipient or lacking a custodian answers 409 consent_not_valid;
 * an unknown rule or a missing review answers 400.
 */
export interface Checked {
  subject: Subject;
  reviewerId: string;
  groundText: string;
  recipient: { agency: string | null; unit: string | null; name: string | null };
}

export async function checkDisclosure(
  trx: Trx,
  actor: Actor,
  c: CaseRow,
  input: DisclosureBody,
): Promise<Checked> {
  const subject = await subjectOfCase(trx, c, input.personId);
  checkProtection(subject, input);
  // Her protection officer is consulted before anything about her leaves (issue 19, item 3).
  if (subject.protection !== "none") await requireConsultation(trx, subject.personId, "disclosure");
  const recipient = await checkRecipient(trx, input);
  const reviewerId = input.review.reviewedBy ?? actor.userId;
  await requireCaseUser(trx, c.id, actor.userId, reviewerId, "review.reviewedBy");
  if (input.context) {
    const resolve = contextCases[input.context.kind];
    if (!resolve)
      throw invalid({
        "context.kind": "Utlämnanden för det här sammanhanget kan inte registreras än.",
      });
    if ((await resolve(trx, input.context.id)) !== c.id)
      throw invalid({ "context.id": "Sammanhanget hör inte till ärendet." });
  }
  return { subject, reviewerId, groundText: await checkGround(trx, input), recipient };
}

/** A protected person: the review must have weighed it, and nothing may locate or unmask her. */
function checkProtection(subject: Subject, input: DisclosureBody) {
  if (subject.protection === "none") return;
  const fields: Record<string, string> = {};
  if (!input.protectionConsidered)
    fields.protectionConsidered = `${protectionWarnings[subject.protection]} Bekräfta att prövningen har tagit hänsyn till det.`;
  if (input.includeContactDetails)
    fields.includeContactDetails =
      "Adress och kontaktuppgifter lämnas aldrig ut för en person med skyddade personuppgifter.";
  if (input.includeIdentityNumber && subject.protection === "fictitious_identity")
    fields.includeIdentityNumber =
      "Den verkliga identiteten lämnas aldrig ut för en person med fingerade personuppgifter.";
  if (Object.keys(fields).length > 0) throw invalid(fields);
}

async function checkRecipient(trx: Trx, input: DisclosureBody) {
  if (!input.recipientAgencyId) return { agency: null, unit: null, name: input.recipientName };
  const agency = await trx
    .selectFrom("agency")
    .select("name")
    .where("id", "=", input.recipientAgencyId)
    .where("archived_at", "is", null)
    .executeTakeFirst();
  if (!agency) throw invalid({ recipientAgencyId: "Mottagaren finns inte i samverkansregistret." });
  let unit: string | null = null;
  if (input.recipientUnitId) {
    const found = await trx
      .selectFrom("agency_unit")
      .select("name")
      .where("id", "=", input.recipientUnitId)
      .where("agency_id", "=", input.recipientAgencyId)
      .executeTakeFirst();
    if (!found) throw invalid({ recipientUnitId: "Enheten hör inte till den valda mottagaren." });
    unit = found.name;
  }
  return { agency: agency.name, unit, name: input.recipientName };
}

/** The ground, checked, as the document's header words it. */
async function checkGround(trx: Trx, input: DisclosureBody): Promise<string> {
  if (input.ground === "consent") {
    const consent = await requireValidConsent(trx, input.consentId as string, {
      personId: input.personId,
      agencyId: input.recipientAgencyId,
      on: input.disclosedOn,
    });
    // A consent to a recipient outside the directory covers that recipient only.
    const named = consent.recipient_name?.trim().toLowerCase();
    if (consent.recipient_agency_id === null && named !== input.recipientName?.trim().toLowerCase())
      throw new AppError(
        409,
        "consent_not_valid",
        "Samtycket gäller utlämnande till en annan mottagare.",
        {
          consentId: "Samtycket gäller utlämnande till en annan mottagare.",
        },
      );
    return `samtycke lämnat ${consent.given_on}`;
  }
  if (input.ground === "secrecy_rule") {
    const rule = await trx
      .selectFrom("secrecy_rule")
      .select(["name_sv", "legal_ref"])
      .where("code", "=", input.secrecyRule as string)
      .executeTakeFirst();
    if (!rule) throw invalid({ secrecyRule: "Välj en bestämmelse ur listan." });
    return `${rule.name_sv} (${rule.legal_ref})`;
  }
  return `domstolens begäran, ${input.courtReference}`;
}
