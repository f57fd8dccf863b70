import type {
  AgreementArea,
  AgreementView,
  AssignmentView,
} from "../../../shared/api/agreements.ts";
import type { Actor } from "../../access/actor.ts";
import type { Trx } from "../../access/transaction.ts";
import { followsUp, managesUnit } from "./policy.ts";

/** Agreements and assignments as the API gives them; the select policies decide what is seen. */

const day = (v: unknown) => String(v);

/** The agreements (all of the organisation, or the ids named), newest signing first. */
export async function agreementViews(
  trx: Trx,
  actor: Actor,
  today: string,
  ids?: readonly string[],
): Promise<AgreementView[]> {
  if (ids && ids.length === 0) return [];
  const rows = await trx
    .selectFrom("agreement as a")
    .innerJoin("unit as u", "u.id", "a.unit_id")
    .selectAll("a")
    .select("u.name as unit_name")
    .$if(ids !== undefined, (q) => q.where("a.id", "in", ids ?? []))
    .orderBy("a.signed_on", "desc")
    .orderBy("a.title")
    .limit(500)
    .execute();
  if (rows.length === 0) return [];
  const agreementIds = rows.map((r) => r.id);
  const parties = await trx
    .selectFrom("agreement_party as p")
    .innerJoin("agency as g", "g.id", "p.agency_id")
    .select(["p.agreement_id", "g.id", "g.name", "g.kind"])
    .where("p.agreement_id", "in", agreementIds)
    .orderBy("g.name")
    .execute();
  const responsible = await trx
    .selectFrom("agreement_responsible as r")
    .leftJoin("app_user as u", "u.id", "r.user_id")
    .leftJoin("agency_contact as c", "c.id", "r.agency_contact_id")
    .leftJoin("agency as g", "g.id", "c.agency_id")
    .select([
      "r.agreement_id",
      "r.user_id",
      "r.agency_contact_id",
      "u.display_name",
      "c.name as contact_name",
      "g.name as agency_name",
    ])
    .where("r.agreement_id", "in", agreementIds)
    .execute();
  const followUps = await trx
    .selectFrom("agreement_follow_up as f")
    .innerJoin("app_user as u", "u.id", "f.recorded_by")
    .select([
      "f.id",
      "f.agreement_id",
      "f.followed_up_on",
      "f.findings",
      "f.next_follow_up_on",
      "u.display_name",
    ])
    .where("f.agreement_id", "in", agreementIds)
    .orderBy("f.followed_up_on", "desc")
    .orderBy("f.recorded_at", "desc")
    .execute();
  return rows.map((a) => {
    const mine = responsible.filter((r) => r.agreement_id === a.id);
    const userIds = mine.flatMap((r) => (r.user_id ? [r.user_id] : []));
    return {
      id: a.id,
      title: a.title,
      unit: { id: a.unit_id, name: a.unit_name },
      parties: parties
        .filter((p) => p.agreement_id === a.id)
        .map((p) => ({ agencyId: p.id, name: p.name, kind: p.kind })),
      areas: a.areas as AgreementArea[],
      goals: a.goals,
      responsible: mine.map((r) => ({
        userId: r.user_id,
        contactId: r.agency_contact_id,
        name: r.display_name ?? r.contact_name ?? "",
        agencyName: r.agency_name,
      })),
      signedOn: day(a.signed_on),
      nextFollowUpOn: day(a.next_follow_up_on),
      followUpOverdue: a.ended_on === null && day(a.next_follow_up_on) < today,
      endedOn: a.ended_on === null ? null : day(a.ended_on),
      documentReference: a.document_reference,
      version: a.version,
      mayChange: managesUnit(actor, a.unit_id),
      mayFollowUp: a.ended_on === null && followsUp(actor, a.unit_id, userIds),
      followUps: followUps
        .filter((f) => f.agreement_id === a.id)
        .map((f) => ({
          id: f.id,
          followedUpOn: day(f.followed_up_on),
          findings: f.findings,
          nextFollowUpOn: day(f.next_follow_up_on),
          recordedBy: f.display_name,
        })),
    };
  });
}

/** The assignments to voluntary organisations (all, or the ids named), newest decision first. */
export async function assignmentViews(
  trx: Trx,
  actor: Actor,
  ids?: readonly string[],
): Promise<AssignmentView[]> {
  if (ids && ids.length === 0) return [];
  const rows = await trx
    .selectFrom("voluntary_assignment as v")
    .innerJoin("unit as u", "u.id", "v.unit_id")
    .innerJoin("agency as g", "g.id", "v.agency_id")
    .selectAll("v")
    .select(["u.name as unit_name", "g.name as agency_name"])
    .$if(ids !== undefined, (q) => q.where("v.id", "in", ids ?? []))
    .orderBy("v.decided_on", "desc")
    .limit(500)
    .execute();
  return rows.map((v) => ({
    id: v.id,
    unit: { id: v.unit_id, name: v.unit_name },
    agency: { id: v.agency_id, name: v.agency_name },
    decidedOn: day(v.decided_on),
    decisionReference: v.decision_reference,
    legalBasis: v.legal_basis,
    scope: v.scope,
    validFrom: day(v.valid_from),
    validUntil: v.valid_until === null ? null : day(v.valid_until),
    followUpOn: v.follow_up_on === null ? null : day(v.follow_up_on),
    version: v.version,
    mayChange: managesUnit(actor, v.unit_id),
  }));
}
