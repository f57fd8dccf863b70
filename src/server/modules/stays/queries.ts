import { sql } from "kysely";
import type { StayView } from "../../../shared/api/stays.ts";
import { type ProtectionLevel, shownName } from "../../../shared/protection.ts";
import type { Trx } from "../../access/transaction.ts";
import { type Cipher, openColumns, rowKeyOf } from "../../db/sealed-columns.ts";

/**
 * The case side's reading of stays: where (the place's name and kind, never its address:
 * place_address is not joined here or anywhere on this side), when, who, the children's
 * schooling. One statement per kind of row, whatever the number of stays.
 */

type StayFilter = { caseId: string } | { stayIds: string[] };

function stayRows(trx: Trx, filter: StayFilter) {
  const q = trx
    .selectFrom("stay as s")
    .innerJoin("case as c", "c.id", "s.case_id")
    .innerJoin("decision as d", "d.id", "s.decision_id")
    .selectAll("s")
    .select(["c.reference", "d.intervention_kind", "d.period_to as decision_period_to"]);
  return (
    "caseId" in filter
      ? q.where("s.case_id", "=", filter.caseId)
      : q.where("s.id", "in", filter.stayIds)
  )
    .orderBy("s.planned_from", "desc")
    .orderBy("s.created_at", "desc")
    .execute();
}

function segmentRows(trx: Trx, stayIds: string[]) {
  return trx
    .selectFrom("stay_segment as g")
    .innerJoin("place as p", "p.id", "g.place_id")
    .select(["g.id", "g.stay_id", "g.from_on", "g.to_on", "p.id as place_id", "p.name", "p.kind"])
    .where("g.stay_id", "in", stayIds)
    .orderBy("g.from_on")
    .orderBy("g.to_on", (o) => o.nullsLast())
    .execute();
}

function memberRows(trx: Trx, stayIds: string[]) {
  return trx
    .selectFrom("stay_member as m")
    .innerJoin(
      sql<{
        stay_id: string;
        person_id: string;
        given_name: string;
        family_name: string;
        protection_level: ProtectionLevel;
      }>`(select x.id as stay_id, y.person_id, y.given_name, y.family_name, y.protection_level
            from unnest(${sql.val(stayIds)}::uuid[]) x(id), frid_stay_people(x.id) y)`.as("n"),
      (j) => j.onRef("n.stay_id", "=", "m.stay_id").onRef("n.person_id", "=", "m.person_id"),
    )
    .selectAll("m")
    .select(["n.given_name", "n.family_name", "n.protection_level"])
    .where("m.stay_id", "in", stayIds)
    .orderBy("m.role")
    .orderBy("n.given_name")
    .execute();
}

function statusOf(s: {
  cancelled_at: Date | null;
  left_on: string | null;
  arrived_on: string | null;
}) {
  if (s.cancelled_at) return "cancelled" as const;
  if (s.left_on) return "ended" as const;
  return s.arrived_on ? ("ongoing" as const) : ("planned" as const);
}

export async function staysOf(trx: Trx, cipher: Cipher, filter: StayFilter): Promise<StayView[]> {
  const stored = await stayRows(trx, filter);
  if (stored.length === 0) return [];
  const ids = stored.map((s) => s.id);
  const segments = await segmentRows(trx, ids);
  // Where she went and the children's schools are sealed (db/sealed-columns.ts).
  const stays = await Promise.all(
    stored.map((s) => openColumns(cipher, "stay", s.org_id, s.id, s)),
  );
  const members = await Promise.all(
    (await memberRows(trx, ids)).map((m) =>
      openColumns(cipher, "stay_member", m.org_id, rowKeyOf(m.stay_id, m.person_id), m),
    ),
  );
  return stays.map((s) => {
    const own = segments
      .filter((g) => g.stay_id === s.id)
      .map((g) => ({
        id: g.id,
        place: { id: g.place_id, name: g.name, kind: g.kind },
        fromOn: g.from_on,
        toOn: g.to_on,
      }));
    return {
      id: s.id,
      caseId: s.case_id,
      caseReference: s.reference,
      decisionId: s.decision_id,
      interventionKind: s.intervention_kind as StayView["interventionKind"],
      decisionPeriodTo: s.decision_period_to,
      status: statusOf(s),
      plannedFrom: s.planned_from,
      plannedTo: s.planned_to,
      arrivedOn: s.arrived_on,
      leftOn: s.left_on,
      endReason: s.end_reason,
      wentTo: s.went_to,
      followedUpOn: s.followed_up_on,
      followUpNote: s.follow_up_note,
      cancelledAt: s.cancelled_at?.toISOString() ?? null,
      // Every stay has a segment from its start (start.ts writes both in one transaction).
      place: own.at(-1)!.place,
      segments: own,
      members: members.filter((m) => m.stay_id === s.id).map(memberView),
    };
  });
}

function memberView(m: Awaited<ReturnType<typeof memberRows>>[number]) {
  return {
    personId: m.person_id,
    role: m.role,
    name: shownName(
      { name: `${m.given_name} ${m.family_name}`, protectionLevel: m.protection_level },
      "list",
    ),
    protectionLevel: m.protection_level,
    childDecisionId: m.child_decision_id,
    schoolKind: m.school_kind,
    schoolName: m.school_name,
    schoolMunicipality: m.school_municipality,
    schoolContactedOn: m.school_contacted_on,
    schoolArrangedOn: m.school_arranged_on,
    schoolTransport: m.school_transport,
    shelterContactPerson: m.shelter_contact_person,
    childView: m.child_view,
  };
}

/** The stay as the command on it needs it, locked for the rest of the transaction. */
export function lockedStay(trx: Trx, caseId: string, stayId: string) {
  return trx
    .selectFrom("stay as s")
    .innerJoin("decision as d", "d.id", "s.decision_id")
    .selectAll("s")
    .select(["d.intervention_kind", "d.period_to as decision_period_to"])
    .where("s.id", "=", stayId)
    .where("s.case_id", "=", caseId)
    .forNoKeyUpdate("s")
    .executeTakeFirst();
}

/** The segment the stay is in now (the one not ended). */
export function currentSegment(trx: Trx, stayId: string) {
  return trx
    .selectFrom("stay_segment")
    .selectAll()
    .where("stay_id", "=", stayId)
    .where("to_on", "is", null)
    .executeTakeFirst();
}
