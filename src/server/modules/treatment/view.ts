import type { TreatmentView } from "../../../shared/api/treatment.ts";
import type { Trx } from "../../access/transaction.ts";

/**
 * The treatment as its own side sees it: phase, sessions, and the partner contact from his
 * side — consent, exceptions, whether a partner case was opened. Nothing from her case.
 */
export async function loadTreatment(trx: Trx, caseId: string): Promise<TreatmentView | null> {
  const t = await trx
    .selectFrom("treatment as t")
    .leftJoin("app_user as e", "e.id", "t.ended_by")
    .selectAll("t")
    .select("e.display_name as ended_by_name")
    .where("t.case_id", "=", caseId)
    .executeTakeFirst();
  if (!t) return null;
  const [sessions, partners, refusal] = await Promise.all([
    sessionRows(trx, caseId),
    partnerRows(trx, caseId),
    trx
      .selectFrom("partner_contact_refusal")
      .selectAll()
      .where("case_id", "=", caseId)
      .executeTakeFirst(),
  ]);
  return {
    referralSource: t.referral_source,
    referredOn: t.referred_on,
    phase: t.phase,
    startedOn: t.started_on,
    ended:
      t.ended_on && t.end_kind
        ? {
            on: t.ended_on,
            kind: t.end_kind,
            reason: t.end_reason ?? "",
            by: t.ended_by_name ?? "",
          }
        : null,
    sessions: sessions.map((s) => ({
      id: s.id,
      heldOn: s.held_on,
      attendance: s.attendance,
      recordedBy: s.display_name,
    })),
    partnerContact: {
      informedOn: t.partner_info_given_on,
      refusal: refusal
        ? {
            refusedOn: refusal.refused_on,
            teamDecidedOn: refusal.team_decided_on,
            continueTreatment: refusal.continue_treatment,
            reasoning: refusal.reasoning,
          }
        : null,
      partners: partners.map(partnerView),
    },
  };
}

/** The sessions held, newest first. */
function sessionRows(trx: Trx, caseId: string) {
  return trx
    .selectFrom("treatment_session as s")
    .innerJoin("app_user as u", "u.id", "s.recorded_by")
    .select(["s.id", "s.held_on", "s.attendance", "u.display_name"])
    .where("s.case_id", "=", caseId)
    .orderBy("s.held_on", "desc")
    .orderBy("s.recorded_at", "desc")
    .execute();
}

/** His partners as recorded in his case, each with the consent she gave (if any). */
function partnerRows(trx: Trx, caseId: string) {
  return trx
    .selectFrom("partner as pa")
    .leftJoin("consent as co", "co.partner_id", "pa.id")
    .select([
      "pa.id",
      "pa.relationship",
      "pa.exception_kind",
      "pa.exception_reason",
      "pa.team_decided_on",
      "pa.partner_case_id",
      "pa.recorded_at",
      "co.form",
      "co.given_on",
      "co.revoked_on",
    ])
    .where("pa.case_id", "=", caseId)
    .orderBy("pa.recorded_at")
    .execute();
}

type PartnerRow = Awaited<ReturnType<typeof partnerRows>>[number];

function partnerView(p: PartnerRow): TreatmentView["partnerContact"]["partners"][number] {
  return {
    id: p.id,
    relationship: p.relationship,
    consent:
      p.form && p.given_on
        ? { form: p.form, givenOn: p.given_on, withdrawnOn: p.revoked_on }
        : null,
    exception: p.exception_kind
      ? {
          kind: p.exception_kind,
          reason: p.exception_reason ?? "",
          teamDecidedOn: p.team_decided_on,
        }
      : null,
    contactOpened: p.partner_case_id !== null,
    recordedAt: p.recorded_at.toISOString(),
  };
}
