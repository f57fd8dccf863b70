import { createHash, randomUUID } from "node:crypto";
import type { DisclosureBody } from "../../../shared/api/disclosures.ts";
import { displayIdentityNumber } from "../../../shared/personal-identity-number.ts";
import type { Actor } from "../../access/actor.ts";
import type { Trx } from "../../access/transaction.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { openColumns } from "../../db/sealed-columns.ts";
import { renderDisclosureDocument } from "../../output/disclosure-document.ts";
import type { CaseRow } from "../cases/queries.ts";
import { sealedContent } from "../documents/content.ts";
import type { Checked } from "./checks.ts";

/**
 * The document sent with a disclosure, made by output/disclosure-document.ts and kept as a
 * document of the case (kind disclosure): what left is on file exactly as it left, and can be
 * downloaded again through the documents module (each download audited as document.read).
 * Sealed under a record key of its own like every document (documents/content.ts).
 */
export async function storeDisclosureDocument(
  trx: Trx,
  { cipher, recordKeys: keys }: Pick<DatabaseHandle, "cipher" | "recordKeys">,
  actor: Actor,
  c: CaseRow,
  input: DisclosureBody,
  checked: Checked,
): Promise<string> {
  const stored = await trx
    .selectFrom("person as p")
    .innerJoin("organisation as o", "o.id", "p.org_id")
    .select([
      "p.org_id",
      "p.identity_kind",
      "p.postal_address",
      "p.phone",
      "p.email",
      "o.name as org_name",
    ])
    .where("p.id", "=", input.personId)
    .executeTakeFirstOrThrow();
  const who = await openColumns(cipher, "person", stored.org_id, input.personId, stored);
  const reviewer = await trx
    .selectFrom("app_user")
    .select("display_name")
    .where("id", "=", checked.reviewerId)
    .executeTakeFirstOrThrow();
  const pdf = await renderDisclosureDocument({
    organisation: who.org_name,
    unit: c.unit_name,
    reference: c.reference,
    groundText: checked.groundText,
    recipient: checked.recipient,
    channel: input.channel,
    person: {
      name: checked.subject.name,
      identityNumber: displayIdentityNumber(who.identity_kind, checked.subject.identityNumber),
      protection: checked.subject.protection,
      postalAddress: who.postal_address,
      phone: who.phone,
      email: who.email,
    },
    includeIdentityNumber: input.includeIdentityNumber,
    includeContactDetails: input.includeContactDetails,
    information: input.information,
    disclosedOn: input.disclosedOn,
    reviewedBy: reviewer.display_name,
  });
  const id = randomUUID();
  await trx
    .insertInto("document")
    .values({
      id,
      org_id: actor.orgId,
      case_id: c.id,
      kind: "disclosure",
      filename: `utlamnande-${input.disclosedOn}.pdf`,
      media_type: "application/pdf",
      size_bytes: pdf.length,
      sha256: createHash("sha256").update(pdf).digest("hex"),
      ...(await sealedContent(keys, id, pdf)),
      uploaded_by: actor.userId,
    })
    .execute();
  return id;
}
