import type { ReferralRecipient, ReferralView } from "../../../shared/api/referrals.ts";
import { addDays } from "../../../shared/calendar.ts";
import type { Trx } from "../../access/transaction.ts";

/**
 * The reads of referrals (migration 0066), under the caller's row-level security: a case's
 * referrals with the directory's names, and for each the disclosures made for it — only those
 * whose context is that referral, never the case's other disclosures.
 */

function referralRows(trx: Trx) {
  return trx
    .selectFrom("referral as r")
    .innerJoin("case as c", "c.id", "r.case_id")
    .innerJoin("unit as cu", "cu.id", "c.unit_id")
    .innerJoin("app_user as u", "u.id", "r.created_by")
    .leftJoin("app_user as au", "au.id", "r.answered_by")
    .leftJoin("agency as a", "a.id", "r.agency_id")
    .leftJoin("agency_unit as au2", "au2.id", "r.agency_unit_id")
    .leftJoin("agency_contact as ac", "ac.id", "r.agency_contact_id")
    .selectAll("r")
    .select([
      "u.display_name as created_by_name",
      "au.display_name as answered_by_name",
      "a.name as agency_name",
      "au2.name as agency_unit_name",
      "ac.name as contact_name",
      "cu.referral_answer_days",
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof referralRows>["execute"]>>[number];

/** The day an answer is due: sent (out) or received (in) plus the unit's days; none once answered. */
export function answerDueOn(r: {
  direction: "out" | "in";
  sent_on: string | null;
  received_on: string | null;
  answered_on: string | null;
  referral_answer_days: number;
}): string | null {
  if (r.answered_on !== null) return null;
  const from = r.direction === "out" ? r.sent_on : r.received_on;
  return from === null ? null : addDays(from, r.referral_answer_days);
}

async function disclosuresOf(trx: Trx, referralIds: string[]) {
  if (referralIds.length === 0) return [];
  return trx
    .selectFrom("disclosure as d")
    .leftJoin("agency as a", "a.id", "d.recipient_agency_id")
    .leftJoin("agency_unit as au", "au.id", "d.recipient_unit_id")
    .select([
      "d.id",
      "d.context_id",
      "d.information",
      "d.channel",
      "d.ground",
      "d.disclosed_on",
      "d.recipient_name",
      "a.name as agency_name",
      "au.name as unit_name",
    ])
    .where("d.context_kind", "=", "referral")
    .where("d.context_id", "in", referralIds)
    .orderBy("d.disclosed_on")
    .orderBy("d.recorded_at")
    .execute();
}

function view(r: Row, disclosures: Awaited<ReturnType<typeof disclosuresOf>>): ReferralView {
  return {
    id: r.id,
    caseId: r.case_id,
    direction: r.direction,
    agencyId: r.agency_id,
    agencyName: r.agency_name,
    agencyUnitId: r.agency_unit_id,
    agencyUnitName: r.agency_unit_name,
    contactName: r.contact_name,
    senderName: r.sender_name,
    senderReference: r.sender_reference,
    reason: r.reason,
    sharesInformation: r.shares_information,
    channel: r.channel,
    sentOn: r.sent_on,
    receivedOn: r.received_on,
    intakeId: r.intake_id,
    answer: r.answer,
    answerText: r.answer_text,
    answeredOn: r.answered_on,
    answeredBy: r.answered_by_name,
    answerDueOn: answerDueOn(r),
    disclosures: disclosures
      .filter((d) => d.context_id === r.id)
      .map((d) => ({
        id: d.id,
        information: d.information,
        recipient: [d.agency_name, d.unit_name, d.recipient_name].filter(Boolean).join(", "),
        channel: d.channel,
        ground: d.ground,
        disclosedOn: d.disclosed_on,
      })),
    createdBy: r.created_by_name,
    createdAt: r.created_at.toISOString(),
  };
}

/** The case's referrals, newest first, each with what was disclosed for it. */
export async function referralsOfCase(trx: Trx, caseId: string): Promise<ReferralView[]> {
  const rows = await referralRows(trx)
    .where("r.case_id", "=", caseId)
    .orderBy("r.created_at", "desc")
    .orderBy("r.id")
    .execute();
  const disclosures = await disclosuresOf(
    trx,
    rows.map((r) => r.id),
  );
  return rows.map((r) => view(r, disclosures));
}

/** One referral as its view (after the caller has found it in a case it may see). */
export async function referralView(trx: Trx, id: string): Promise<ReferralView> {
  const row = await referralRows(trx).where("r.id", "=", id).executeTakeFirstOrThrow();
  return view(row, await disclosuresOf(trx, [id]));
}

/** The referral in this case, locked for a change; undefined when the case has no such one. */
export function lockedReferral(trx: Trx, caseId: string, id: string) {
  return trx
    .selectFrom("referral")
    .selectAll()
    .where("id", "=", id)
    .where("case_id", "=", caseId)
    .forUpdate()
    .executeTakeFirst();
}

/** The disclosures made for this referral to its own agency: what was shared with it. */
export async function disclosuresToItsAgency(trx: Trx, id: string, agencyId: string) {
  const row = await trx
    .selectFrom("disclosure")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("context_kind", "=", "referral")
    .where("context_id", "=", id)
    .where("recipient_agency_id", "=", agencyId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The referral's disclosures made on consent: sending it checks each consent again. */
export async function consentDisclosuresOf(trx: Trx, id: string) {
  const rows = await trx
    .selectFrom("disclosure")
    .select(["consent_id", "person_id"])
    .where("context_kind", "=", "referral")
    .where("context_id", "=", id)
    .where("ground", "=", "consent")
    .where("consent_id", "is not", null)
    .execute();
  return rows.map((d) => ({ consentId: d.consent_id as string, personId: d.person_id }));
}

/** The directory's current agencies with their units and contacts: where a referral may go. */
export async function recipients(trx: Trx): Promise<ReferralRecipient[]> {
  // One after another: the queries share the transaction's one connection.
  const agencies = await trx
    .selectFrom("agency")
    .select(["id", "name", "kind"])
    .where("archived_at", "is", null)
    .orderBy("name")
    .execute();
  const units = await trx
    .selectFrom("agency_unit")
    .select(["id", "name", "agency_id"])
    .where("archived_at", "is", null)
    .orderBy("name")
    .execute();
  const contacts = await trx
    .selectFrom("agency_contact")
    .select(["id", "name", "role", "agency_id", "agency_unit_id"])
    .where("archived_at", "is", null)
    .orderBy("name")
    .execute();
  return agencies.map((a) => ({
    ...a,
    units: units.filter((u) => u.agency_id === a.id).map(({ id, name }) => ({ id, name })),
    contacts: contacts
      .filter((c) => c.agency_id === a.id)
      .map((c) => ({ id: c.id, name: c.name, role: c.role, unitId: c.agency_unit_id })),
  }));
}
