import type {
  CoordinatedPlanOptions,
  CoordinatedPlanView,
  PlanMeeting,
  PlanParticipant,
  PlanResponsibility,
} from "../../../shared/api/coordinated-plans.ts";
import type { Trx } from "../../access/transaction.ts";
import { consentState } from "../consents/validity.ts";

/**
 * The reads of SIP: a case's plans with the agencies each is shared with (and whether each
 * agency's consent holds today), and what a plan may draw on. All under the caller's
 * row-level security, inside the case command that audits them.
 */

const planColumns = [
  "p.id",
  "p.case_id",
  "p.opened_on",
  "p.version",
  "p.goals",
  "p.participants",
  "p.responsibilities",
  "p.meetings",
  "p.coordinator_key",
  "p.follow_up_on",
  "p.followed_up_on",
  "p.follow_up_findings",
  "p.updated_at",
  "u.display_name as updated_by_name",
] as const;

/** Whether each consent holds on `on`, by id (one read of the consents and their givers). */
export async function consentsValidOn(
  trx: Trx,
  consentIds: readonly string[],
  on: string,
): Promise<Map<string, boolean>> {
  if (consentIds.length === 0) return new Map();
  const consents = await trx
    .selectFrom("consent")
    .select(["id", "given_on", "expires_on", "revoked_on", "custodians_required"])
    .where("id", "in", consentIds)
    .execute();
  const givers = await trx
    .selectFrom("consent_giver")
    .select(["consent_id", "kind", "given_on"])
    .where("consent_id", "in", consentIds)
    .execute();
  return new Map(
    consents.map((c) => [
      c.id,
      consentState(
        c,
        givers.filter((g) => g.consent_id === c.id),
        on,
      ) === "valid",
    ]),
  );
}

async function agenciesOf(trx: Trx, planIds: readonly string[], today: string) {
  if (planIds.length === 0) return [];
  const rows = await trx
    .selectFrom("coordinated_plan_agency as pa")
    .innerJoin("agency as a", "a.id", "pa.agency_id")
    .select(["pa.plan_id", "pa.agency_id", "pa.consent_id", "pa.joined_on", "a.name", "a.kind"])
    .where("pa.plan_id", "in", planIds)
    .orderBy("pa.recorded_at")
    .execute();
  const valid = await consentsValidOn(
    trx,
    rows.map((r) => r.consent_id),
    today,
  );
  return rows.map((r) => ({
    planId: r.plan_id,
    agencyId: r.agency_id,
    name: r.name,
    kind: r.kind,
    consentId: r.consent_id,
    joinedOn: String(r.joined_on),
    consentValid: valid.get(r.consent_id) ?? false,
  }));
}

/** The case's plans (or the one asked for), newest first, each with its agencies. */
export async function readPlans(
  trx: Trx,
  caseId: string,
  today: string,
  planId?: string,
): Promise<CoordinatedPlanView[]> {
  const rows = await trx
    .selectFrom("coordinated_plan as p")
    .innerJoin("app_user as u", "u.id", "p.updated_by")
    .select(planColumns)
    .where("p.case_id", "=", caseId)
    .$if(planId !== undefined, (q) => q.where("p.id", "=", planId ?? ""))
    .orderBy("p.opened_on", "desc")
    .orderBy("p.created_at", "desc")
    .execute();
  const agencies = await agenciesOf(
    trx,
    rows.map((r) => r.id),
    today,
  );
  return rows.map((r) => ({
    id: r.id,
    caseId: r.case_id,
    openedOn: String(r.opened_on),
    version: r.version,
    agencies: agencies.filter((a) => a.planId === r.id).map(({ planId: _, ...a }) => a),
    goals: r.goals as string[],
    participants: r.participants as PlanParticipant[],
    responsibilities: r.responsibilities as PlanResponsibility[],
    meetings: r.meetings as PlanMeeting[],
    coordinatorKey: r.coordinator_key,
    followUpOn: r.follow_up_on === null ? null : String(r.follow_up_on),
    followedUpOn: r.followed_up_on === null ? null : String(r.followed_up_on),
    followUpFindings: r.follow_up_findings,
    updatedAt: r.updated_at.toISOString(),
    updatedBy: r.updated_by_name,
  }));
}

/**
 * What a plan of this case may draw on: the person's consents to share with an agency of the
 * directory (each with whether it holds today), and the contacts of those agencies.
 */
export async function planOptions(
  trx: Trx,
  personId: string,
  today: string,
): Promise<CoordinatedPlanOptions> {
  const rows = await trx
    .selectFrom("consent as c")
    .innerJoin("agency as a", "a.id", "c.recipient_agency_id")
    .select([
      "c.id",
      "c.recipient_agency_id as agency_id",
      "a.name",
      "a.kind",
      "c.information",
      "c.given_on",
      "c.expires_on",
    ])
    .where("c.scope", "=", "sharing")
    .where("c.person_id", "=", personId)
    .orderBy("c.given_on", "desc")
    .execute();
  const valid = await consentsValidOn(
    trx,
    rows.map((r) => r.id),
    today,
  );
  const agencyIds = [...new Set(rows.map((r) => r.agency_id ?? ""))];
  const contacts =
    agencyIds.length === 0
      ? []
      : await trx
          .selectFrom("agency_contact")
          .select(["id", "agency_id", "name", "role"])
          .where("agency_id", "in", agencyIds)
          .where("archived_at", "is", null)
          .orderBy("name")
          .execute();
  return {
    consents: rows.map((r) => ({
      id: r.id,
      agencyId: r.agency_id ?? "",
      agencyName: r.name,
      agencyKind: r.kind,
      information: r.information ?? "",
      givenOn: String(r.given_on),
      expiresOn: r.expires_on === null ? null : String(r.expires_on),
      valid: valid.get(r.id) ?? false,
    })),
    contacts: contacts.map((c) => ({
      id: c.id,
      agencyId: c.agency_id,
      name: c.name,
      role: c.role,
    })),
  };
}
