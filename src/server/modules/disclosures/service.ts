import { randomUUID } from "node:crypto";
import type { DisclosureBody, DisclosureView } from "../../../shared/api/disclosures.ts";
import {
  encodeTimePlace,
  type Page,
  pageFrom,
  type TimePlace,
} from "../../../shared/api/paging.ts";
import { stockholmDate } from "../../../shared/calendar.ts";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import { runCaseCommand } from "../../access/case-command.ts";
import { withActor } from "../../access/transaction.ts";
import { auditContext, listEntry, recordAudit } from "../../audit/record.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { invalid, notInFuture } from "../../http/errors.ts";
import { protectionWarnings } from "../consents/subjects.ts";
import { findVisiblePerson } from "../persons/queries.ts";
import { denyPerson } from "../persons/service.ts";
import { checkDisclosure } from "./checks.ts";
import { storeDisclosureDocument } from "./document.ts";
import { caseDisclosures, oneDisclosure, personDisclosurePage, toView } from "./queries.ts";

/**
 * Disclosure with secrecy review (issue 18, item 4). Recording one is a case command: its
 * ground, review, recipient and context are checked (checks.ts), the document sent is made
 * through output/ and kept as a document of the case, and the record is written — all in one
 * transaction with its audit event. A disclosure is never changed.
 */

/** The shape of a body that no rule needs the database for: refused before anything is read. */
function checkShape(input: DisclosureBody) {
  const fields: Record<string, string> = {};
  notInFuture(fields, "disclosedOn", input.disclosedOn);
  if (input.review.reviewedAt > new Date().toISOString())
    fields["review.reviewedAt"] = "Sekretessprövningen kan inte ligga i framtiden.";
  if (stockholmDate(new Date(input.review.reviewedAt)) > input.disclosedOn)
    fields["review.reviewedAt"] = "Sekretessprövningen görs innan uppgifterna lämnas ut.";
  if (!input.recipientAgencyId && !input.recipientName)
    fields.recipientAgencyId =
      "Välj mottagare i samverkansregistret, eller skriv mottagarens namn.";
  if (input.recipientUnitId && !input.recipientAgencyId)
    fields.recipientUnitId = "En enhet hör till en myndighet: välj myndigheten också.";
  if (input.ground === "consent" && !input.consentId)
    fields.consentId = "Välj samtycket som utlämnandet stöds på.";
  if (input.ground === "secrecy_rule" && !input.secrecyRule)
    fields.secrecyRule = "Välj den sekretessbrytande bestämmelse som utlämnandet stöds på.";
  if (input.ground === "court_request" && !input.courtReference)
    fields.courtReference = "Ange domstolens mål- eller ärendenummer.";
  if (Object.keys(fields).length > 0) throw invalid(fields);
}

export function recordDisclosure(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
  input: DisclosureBody,
) {
  checkShape(input);
  const id = randomUUID();
  return runCaseCommand(database, actor, meta, {
    caseId,
    action: "disclosure.record",
    changes: true,
    requires: ["change"],
    closedMessage: "Ärendet är avslutat. Öppna det igen för att lämna ut uppgifter.",
    run: async ({ trx, case: c }) => {
      const checked = await checkDisclosure(trx, actor, c, input);
      const documentId = await storeDisclosureDocument(trx, database, actor, c, input, checked);
      await trx
        .insertInto("disclosure")
        .values({
          id,
          org_id: actor.orgId,
          case_id: caseId,
          person_id: input.personId,
          information: input.information,
          recipient_agency_id: input.recipientAgencyId,
          recipient_unit_id: input.recipientUnitId,
          recipient_name: input.recipientName,
          channel: input.channel,
          ground: input.ground,
          consent_id: input.ground === "consent" ? input.consentId : null,
          secrecy_rule: input.ground === "secrecy_rule" ? input.secrecyRule : null,
          court_reference: input.ground === "court_request" ? input.courtReference : null,
          reviewed_by: checked.reviewerId,
          reviewed_at: new Date(input.review.reviewedAt),
          review_conclusion: input.review.conclusion,
          disclosed_on: input.disclosedOn,
          document_id: documentId,
          context_kind: input.context?.kind ?? "direct",
          context_id: input.context?.id ?? null,
          person_protection: checked.subject.protection,
          protection_considered: input.protectionConsidered,
          identity_number_included: input.includeIdentityNumber,
          contact_details_included: input.includeContactDetails,
          recorded_by: actor.userId,
        })
        .execute();
      const protection = checked.subject.protection;
      return {
        disclosure: toView(await oneDisclosure(trx, id)),
        warnings: protection === "none" ? [] : [protectionWarnings[protection]],
        documentId,
      };
    },
    event: (made) => ({
      data: { disclosureId: id, ground: input.ground, documentId: made.documentId },
    }),
  }).then(({ documentId: _, ...made }) => made);
}

export function readCaseDisclosures(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
): Promise<DisclosureView[]> {
  return runCaseCommand(database, actor, meta, {
    caseId,
    action: "disclosure.read",
    run: async ({ trx }) => (await caseDisclosures(trx, caseId)).map(toView),
    event: (shown) => ({ data: { shown: shown.length } }),
  });
}

/** A page of the disclosures about her, in the cases the reader may see: newest first. */
export async function readPersonDisclosures(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  personId: string,
  page: { limit: number; before?: TimePlace },
): Promise<Page<DisclosureView>> {
  const found = await withActor(database.db, actor, async (trx) => {
    if (!(await findVisiblePerson(trx, actor, personId))) return null;
    const rows = await personDisclosurePage(trx, actor, personId, page);
    const shown = pageFrom(
      rows,
      page.limit,
      (r) => encodeTimePlace({ at: r.place, id: r.id }),
      (r) => r,
    );
    await recordAudit(trx, auditContext(actor, meta), [
      listEntry(
        "disclosure.read",
        {
          resourceType: "person",
          caseIds: shown.items.map((r) => r.case_id),
          unitIds: shown.items.map((r) => r.unit_id),
        },
        { personId, resourceId: personId, data: { shown: shown.items.length } },
      ),
    ]);
    return { items: shown.items.map(toView), nextCursor: shown.nextCursor };
  });
  return found ?? denyPerson(database, actor, meta, personId);
}
