import { type SqlBool, sql } from "kysely";
import type { DisclosureView } from "../../../shared/api/disclosures.ts";
import type { TimePlace } from "../../../shared/api/paging.ts";
import { shownName } from "../../../shared/protection.ts";
import type { Actor } from "../../access/actor.ts";
import { accessibleCases } from "../../access/scope.ts";
import type { Trx } from "../../access/transaction.ts";

/**
 * Reads of disclosures under the caller's row-level security (0063: the case's rule). A row's
 * place in the person's list is its recording time to the microsecond and its id.
 */
const recordedPlace = sql<string>`to_char(d.recorded_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

function disclosureRows(trx: Trx) {
  return trx
    .selectFrom("disclosure as d")
    .innerJoin("case as c", "c.id", "d.case_id")
    .innerJoin("person as p", "p.id", "d.person_id")
    .innerJoin("app_user as r", "r.id", "d.reviewed_by")
    .innerJoin("app_user as u", "u.id", "d.recorded_by")
    .leftJoin("agency as a", "a.id", "d.recipient_agency_id")
    .leftJoin("agency_unit as au", "au.id", "d.recipient_unit_id")
    .leftJoin("secrecy_rule as s", "s.code", "d.secrecy_rule")
    .leftJoin("consent as k", "k.id", "d.consent_id")
    .selectAll("d")
    .select([
      "c.reference",
      "c.unit_id",
      "p.given_name",
      "p.family_name",
      "p.protection_level",
      "r.display_name as reviewer",
      "u.display_name as recorder",
      "a.name as agency_name",
      "au.name as agency_unit_name",
      "s.name_sv as rule_name",
      "s.legal_ref as rule_ref",
      "k.given_on as consent_given_on",
      recordedPlace.as("place"),
    ]);
}

export type DisclosureRow = Awaited<
  ReturnType<ReturnType<typeof disclosureRows>["execute"]>
>[number];

/** The ground as the document's header words it. */
export function groundText(r: {
  ground: DisclosureRow["ground"];
  rule_name: string | null;
  rule_ref: string | null;
  consent_given_on: string | null;
  court_reference: string | null;
}): string {
  if (r.ground === "consent") return `samtycke lämnat ${r.consent_given_on}`;
  if (r.ground === "secrecy_rule") return `${r.rule_name} (${r.rule_ref})`;
  return `domstolens begäran, ${r.court_reference}`;
}

export function toView(r: DisclosureRow): DisclosureView {
  return {
    id: r.id,
    caseId: r.case_id,
    caseReference: r.reference,
    personId: r.person_id,
    // Named as lists name her today (issue 19); personProtection is her level when disclosed.
    personName: shownName(
      { name: `${r.given_name} ${r.family_name}`, protectionLevel: r.protection_level },
      "list",
    ),
    information: r.information,
    recipientAgencyName: r.agency_name,
    recipientUnitName: r.agency_unit_name,
    recipientName: r.recipient_name,
    channel: r.channel,
    ground: r.ground,
    groundText: groundText(r),
    consentId: r.consent_id,
    secrecyRule: r.secrecy_rule,
    courtReference: r.court_reference,
    reviewedBy: r.reviewer,
    reviewedAt: r.reviewed_at.toISOString(),
    reviewConclusion: r.review_conclusion,
    disclosedOn: r.disclosed_on,
    documentId: r.document_id,
    contextKind: r.context_kind,
    contextId: r.context_id,
    personProtection: r.person_protection,
    identityNumberIncluded: r.identity_number_included,
    contactDetailsIncluded: r.contact_details_included,
    recordedBy: r.recorder,
    recordedAt: r.recorded_at.toISOString(),
  };
}

/** The case's disclosures, newest first (a case has few: not paged). */
export function caseDisclosures(trx: Trx, caseId: string) {
  return disclosureRows(trx)
    .where("d.case_id", "=", caseId)
    .orderBy("d.disclosed_on", "desc")
    .orderBy("d.recorded_at", "desc")
    .execute();
}

export function oneDisclosure(trx: Trx, id: string) {
  return disclosureRows(trx).where("d.id", "=", id).executeTakeFirstOrThrow();
}

/** A page of the disclosures about a person in the cases the actor may see: up to limit + 1 rows. */
export function personDisclosurePage(
  trx: Trx,
  actor: Actor,
  personId: string,
  page: { limit: number; before?: TimePlace },
) {
  let q = disclosureRows(trx).where("d.person_id", "=", personId).where(accessibleCases(actor));
  if (page.before) {
    const { at, id } = page.before;
    q = q.where(sql<SqlBool>`(d.recorded_at, d.id) < (${at}::timestamptz, ${id}::uuid)`);
  }
  return q
    .orderBy("d.recorded_at", "desc")
    .orderBy("d.id", "desc")
    .limit(page.limit + 1)
    .execute();
}
