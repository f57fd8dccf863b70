import { sql } from "kysely";
import type {
  Resident,
  ShelterStay,
  ShelterStayList,
  StayEndReason,
} from "../../../shared/api/shelter.ts";
import { addDays, stockholmDate } from "../../../shared/calendar.ts";
import { type ProtectionLevel, shownName } from "../../../shared/protection.ts";
import { type Actor, type RequestMeta, unitsWithRole } from "../../access/actor.ts";
import { recordCaseRefusal } from "../../access/case-guard.ts";
import { type Trx, withActor } from "../../access/transaction.ts";
import { auditContext, listEntry, recordAudit } from "../../audit/record.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { AppError } from "../../http/errors.ts";
import { stayNotFound } from "./stay-command.ts";

/**
 * The shelter's own view (issue 16, item 6): the stays at the places the actor's shelter
 * units run — expected, current, recently left — with who stays by name and birth year
 * (frid_stay_people). Built from the shelter's own segments only (row-level security shows a
 * shelter nothing else), it never reaches the case, its reference, the investigation, the
 * decision, the costs, or where she went: none of those is read here.
 */
const recentDays = 30;

/** Who may open the shelter's view: its staff, and managers (of a shelter unit, if any). */
const shelterRoles = ["shelter_staff", "unit_manager"] as const;

interface SegmentRow {
  stay_id: string;
  case_id: string;
  place_id: string;
  place_name: string;
  shelter_unit_id: string;
  from_on: string;
  to_on: string | null;
  planned_from: string;
  planned_to: string | null;
  arrived_on: string | null;
  left_on: string | null;
  end_reason: string | null;
  runs_now: boolean;
}

/** The latest segment of each stay at a place the actor runs (one row per stay). */
function segmentsAtMyPlaces(trx: Trx, since: string, stayId?: string) {
  return sql<SegmentRow>`
    select distinct on (s.id) s.id as stay_id, s.case_id, p.id as place_id, p.name as place_name,
           p.shelter_unit_id, g.from_on::text as from_on, g.to_on::text as to_on,
           s.planned_from::text as planned_from, s.planned_to::text as planned_to,
           s.arrived_on::text as arrived_on, s.left_on::text as left_on, s.end_reason,
           frid_runs_stay(s.id) as runs_now
      from stay_segment g
      join place p on p.id = g.place_id
      join stay s on s.id = g.stay_id
     where frid_runs_place(g.place_id) and s.cancelled_at is null
       and (g.to_on is null or g.to_on >= ${since}::date)
       ${stayId ? sql`and s.id = ${stayId}::uuid` : sql``}
     order by s.id, g.from_on desc`.execute(trx);
}

async function residentsOf(trx: Trx, stayIds: string[]) {
  const byStay = new Map<string, Resident[]>();
  for (const stayId of stayIds) {
    const { rows } = await sql<{
      person_id: string;
      role: "adult" | "child";
      given_name: string;
      family_name: string;
      birth_year: number | null;
      protection_level: ProtectionLevel;
    }>`select * from frid_stay_people(${stayId}::uuid) order by role, birth_year, given_name`.execute(
      trx,
    );
    byStay.set(stayId, rows.map(toResident));
  }
  return byStay;
}

/** A resident through the one rule for lists: a fictitious identity is not named. */
function toResident(r: {
  person_id: string;
  role: "adult" | "child";
  given_name: string;
  family_name: string;
  birth_year: number | null;
  protection_level: ProtectionLevel;
}): Resident {
  const name = `${r.given_name} ${r.family_name}`;
  const shown = shownName({ name, protectionLevel: r.protection_level }, "list");
  return {
    personId: r.person_id,
    role: r.role,
    givenName: shown === name ? r.given_name : shown,
    familyName: shown === name ? r.family_name : "",
    birthYear: r.birth_year,
    protectionLevel: r.protection_level,
  };
}

/** A segment as the shelter sees it: a later place (moved) shows only that she left here. */
function toShelterStay(row: SegmentRow, residents: Resident[]): ShelterStay {
  const here = row.runs_now && row.to_on === row.left_on;
  const status: ShelterStay["status"] =
    row.to_on === null
      ? row.arrived_on
        ? "current"
        : "expected"
      : here && row.left_on
        ? "left"
        : "moved";
  return {
    id: row.stay_id,
    place: { id: row.place_id, name: row.place_name },
    status,
    plannedFrom: row.arrived_on ? row.planned_from : row.from_on,
    plannedTo: status === "moved" ? null : row.planned_to,
    arrivedOn: row.arrived_on,
    leftOn: row.to_on,
    endReason: status === "left" ? (row.end_reason as StayEndReason) : null,
    residents,
  };
}

async function refuseNonStaff(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
): Promise<never> {
  await withActor(database.db, actor, (trx) =>
    recordAudit(trx, auditContext(actor, meta), [
      { action: "shelter.stays_read", outcome: "denied", resourceType: "unit" },
    ]),
  );
  throw new AppError(403, "forbidden", "Boendets vy är för personalen på ett skyddat boende.");
}

export async function shelterStays(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
): Promise<ShelterStayList> {
  if (unitsWithRole(actor, shelterRoles).length === 0) return refuseNonStaff(database, actor, meta);
  const since = addDays(stockholmDate(new Date()), -recentDays);
  return withActor(database.db, actor, async (trx) => {
    const { rows } = await segmentsAtMyPlaces(trx, since);
    const residents = await residentsOf(
      trx,
      rows.map((r) => r.stay_id),
    );
    const stays = rows.map((r) => toShelterStay(r, residents.get(r.stay_id) ?? []));
    await recordAudit(trx, auditContext(actor, meta), [
      listEntry(
        "shelter.stays_read",
        {
          resourceType: "case",
          personIds: stays.flatMap((s) => s.residents.map((p) => p.personId)),
          caseIds: rows.map((r) => r.case_id),
          unitIds: rows.map((r) => r.shelter_unit_id),
        },
        { data: { stays: stays.length } },
      ),
    ]);
    const byDay = (a: ShelterStay, b: ShelterStay) =>
      (a.arrivedOn ?? a.plannedFrom).localeCompare(b.arrivedOn ?? b.plannedFrom);
    return {
      expected: stays.filter((s) => s.status === "expected").sort(byDay),
      current: stays.filter((s) => s.status === "current").sort(byDay),
      recentlyLeft: stays
        .filter((s) => s.status === "left" || s.status === "moved")
        .sort((a, b) => (b.leftOn ?? "").localeCompare(a.leftOn ?? "")),
    };
  });
}

export async function shelterStay(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  stayId: string,
): Promise<ShelterStay> {
  const found = await withActor(database.db, actor, async (trx) => {
    // Not only the recent ones: a stay at this place long ago still opens from a link.
    const { rows } = await segmentsAtMyPlaces(trx, "1900-01-01", stayId);
    const row = rows[0];
    if (!row) return undefined;
    const residents = (await residentsOf(trx, [stayId])).get(stayId) ?? [];
    await recordAudit(trx, auditContext(actor, meta), [
      {
        action: "shelter.stay_read",
        resourceType: "case",
        resourceId: row.case_id,
        personId: residents.find((r) => r.role === "adult")?.personId ?? null,
        unitId: row.shelter_unit_id,
        personIds: residents.map((r) => r.personId),
        data: { stayId },
      },
    ]);
    return toShelterStay(row, residents);
  });
  if (found) return found;
  const caseId = await withActor(database.db, actor, async (trx) => {
    const { rows } = await sql<{
      case_id: string | null;
    }>`select frid_stay_case(${stayId}::uuid) as case_id`.execute(trx);
    return rows[0]?.case_id ?? null;
  });
  await recordCaseRefusal(database, actor, meta, caseId, "shelter.stay_read", { stayId });
  throw stayNotFound();
}
