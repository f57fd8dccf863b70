import type { SharingConsentView } from "../../../shared/api/sharing-consents.ts";
import { stockholmDate } from "../../../shared/calendar.ts";
import { shownName } from "../../../shared/protection.ts";
import type { Actor } from "../../access/actor.ts";
import { accessibleCases } from "../../access/scope.ts";
import type { Trx } from "../../access/transaction.ts";
import { consentState } from "./validity.ts";

/** A person's consents are few; the person page shows at most this many, newest first. */
export const personConsentsMax = 100;

function consentRows(trx: Trx) {
  return trx
    .selectFrom("consent as k")
    .innerJoin("person as p", "p.id", "k.person_id")
    .innerJoin("app_user as u", "u.id", "k.recorded_by")
    .leftJoin("agency as a", "a.id", "k.recipient_agency_id")
    .select([
      "k.id",
      "k.case_id",
      "k.person_id",
      "k.information",
      "k.purpose",
      "k.recipient_agency_id",
      "k.recipient_name",
      "k.given_on",
      "k.expires_on",
      "k.revoked_on",
      "k.revoked_reason",
      "k.custodians_required",
      "k.recorded_at",
      "p.given_name",
      "p.family_name",
      "p.protection_level",
      "a.name as agency_name",
      "u.display_name as recorded_by_name",
    ])
    .where("k.scope", "=", "sharing")
    .orderBy("k.given_on", "desc")
    .orderBy("k.recorded_at", "desc");
}

type Row = Awaited<ReturnType<ReturnType<typeof consentRows>["execute"]>>[number];

async function withGivers(trx: Trx, rows: Row[]): Promise<SharingConsentView[]> {
  if (rows.length === 0) return [];
  const givers = await trx
    .selectFrom("consent_giver as g")
    .leftJoin("app_user as h", "h.id", "g.heard_by")
    .select([
      "g.id",
      "g.consent_id",
      "g.kind",
      "g.name",
      "g.form",
      "g.document_id",
      "g.given_on",
      "h.display_name as heard_by",
    ])
    .where(
      "g.consent_id",
      "in",
      rows.map((r) => r.id),
    )
    .orderBy("g.recorded_at")
    .execute();
  const today = stockholmDate(new Date());
  return rows.map((r) => {
    const own = givers.filter((g) => g.consent_id === r.id);
    return {
      id: r.id,
      caseId: r.case_id,
      personId: r.person_id as string,
      personName: shownName(
        { name: `${r.given_name} ${r.family_name}`, protectionLevel: r.protection_level },
        "list",
      ),
      personProtection: r.protection_level,
      information: r.information ?? "",
      purpose: r.purpose ?? "",
      recipientAgencyId: r.recipient_agency_id,
      recipientAgencyName: r.agency_name,
      recipientName: r.recipient_name,
      givenOn: r.given_on,
      expiresOn: r.expires_on,
      revokedOn: r.revoked_on,
      revokedReason: r.revoked_reason,
      custodiansRequired: r.custodians_required,
      givers: own.map((g) => ({
        id: g.id,
        kind: g.kind,
        name: g.name,
        form: g.form,
        documentId: g.document_id,
        heardBy: g.heard_by,
        givenOn: g.given_on,
      })),
      state: consentState(r, own, today),
      recordedBy: r.recorded_by_name,
      recordedAt: r.recorded_at.toISOString(),
    };
  });
}

/** The case's consents to share, newest first, each with its state today. */
export async function caseConsents(trx: Trx, caseId: string) {
  return withGivers(trx, await consentRows(trx).where("k.case_id", "=", caseId).execute());
}

export async function oneConsent(trx: Trx, caseId: string, consentId: string) {
  const rows = await consentRows(trx)
    .where("k.case_id", "=", caseId)
    .where("k.id", "=", consentId)
    .execute();
  return (await withGivers(trx, rows))[0];
}

/** Her consents in the cases the actor may see (the person page). */
export async function personConsents(trx: Trx, actor: Actor, personId: string) {
  const rows = await consentRows(trx)
    .innerJoin("case as c", "c.id", "k.case_id")
    .select("c.unit_id")
    .where(accessibleCases(actor))
    .where("k.person_id", "=", personId)
    .limit(personConsentsMax)
    .execute();
  return { rows, views: await withGivers(trx, rows) };
}
