import { createHash, randomUUID } from "node:crypto";
import type { Transaction } from "kysely";
import { renderDisclosureDocument } from "../../output/disclosure-document.ts";
import type { Database } from "../types.ts";
import { dayAgo, daysAgo } from "./demo-clock.ts";

/**
 * Issue 18, item 4 in the demo: one disclosure to Vårdcentralen Demo's counsellors on Sara
 * Berg's consent to share with the health centre (demo-consents.ts) — reviewed, and its
 * document kept in her case as it was sent.
 */
export async function seedDemoDisclosures(
  trx: Transaction<Database>,
  ids: {
    orgId: string;
    caseId: string;
    personId: string;
    workerId: string;
    agencyId: string;
  },
  consent: { id: string; givenOn: string },
) {
  await seedDisclosure(trx, ids, consent.id, consent.givenOn);
}

async function seedDisclosure(
  trx: Transaction<Database>,
  ids: { orgId: string; caseId: string; personId: string; workerId: string; agencyId: string },
  consentId: string,
  given: string,
) {
  const facts = await trx
    .selectFrom("case as c")
    .innerJoin("unit as u", "u.id", "c.unit_id")
    .innerJoin("organisation as o", "o.id", "c.org_id")
    .innerJoin("agency as a", (join) => join.on("a.id", "=", ids.agencyId))
    .innerJoin("agency_unit as au", "au.agency_id", "a.id")
    .innerJoin("app_user as w", (join) => join.on("w.id", "=", ids.workerId))
    .select([
      "c.reference",
      "u.name as unit",
      "o.name as org",
      "a.name as agency",
      "au.id as agency_unit_id",
      "au.name as agency_unit",
      "w.display_name as worker",
    ])
    .where("c.id", "=", ids.caseId)
    .executeTakeFirstOrThrow();
  const information =
    "Senaste riskbedömningen (FREDA) visar förhöjd risk. Sara har stödsamtal varannan vecka och en säkerhetsplan.";
  const disclosedOn = dayAgo(18);
  const pdf = await renderDisclosureDocument({
    organisation: facts.org,
    unit: facts.unit,
    reference: facts.reference,
    groundText: `samtycke lämnat ${given}`,
    recipient: { agency: facts.agency, unit: facts.agency_unit, name: null },
    channel: "secure_email",
    person: {
      name: "Sara Berg",
      identityNumber: null,
      protection: "none",
      postalAddress: null,
      phone: null,
      email: null,
    },
    includeIdentityNumber: false,
    includeContactDetails: false,
    information,
    disclosedOn,
    reviewedBy: facts.worker,
  });
  const documentId = randomUUID();
  await trx
    .insertInto("document")
    .values({
      id: documentId,
      org_id: ids.orgId,
      case_id: ids.caseId,
      kind: "disclosure",
      filename: `utlamnande-${disclosedOn}.pdf`,
      media_type: "application/pdf",
      size_bytes: pdf.length,
      sha256: createHash("sha256").update(pdf).digest("hex"),
      content: new Uint8Array(pdf),
      uploaded_by: ids.workerId,
      uploaded_at: daysAgo(18),
    })
    .execute();
  await trx
    .insertInto("disclosure")
    .values({
      id: randomUUID(),
      org_id: ids.orgId,
      case_id: ids.caseId,
      person_id: ids.personId,
      information,
      recipient_agency_id: ids.agencyId,
      recipient_unit_id: facts.agency_unit_id,
      channel: "secure_email",
      ground: "consent",
      consent_id: consentId,
      reviewed_by: ids.workerId,
      reviewed_at: daysAgo(18, -30),
      review_conclusion:
        "Sara har samtyckt till just dessa uppgifter till vårdcentralens kurator. Adress och telefon lämnas inte ut.",
      disclosed_on: disclosedOn,
      document_id: documentId,
      recorded_by: ids.workerId,
      recorded_at: daysAgo(18),
    })
    .execute();
}
