import { sql } from "kysely";
import { showPerson } from "../../../shared/protection.ts";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import { accessibleCases } from "../../access/scope.ts";
import { type Trx, withActor } from "../../access/transaction.ts";
import { auditContext, listEntry, recordAudit } from "../../audit/record.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { stockholmDay } from "../statistics/figures.ts";
import { csvFile, csvLine } from "./export.ts";

/**
 * Children in sheltered housing for Socialstyrelsen's register of interventions for children
 * and young people (docs/national-register.md: what it asks, the source, what is unverified):
 * one row per placement (stay segment) of a child with its own sheltered-housing decision
 * that went on during the year, with the fields the register asks for that Frid holds. The
 * child's case must be one the caller may see (accessibleCases), and row-level security adds
 * the stay's own rule (its adult's case). Never the place's name or address: the register
 * asks for the form of placement, not where.
 */

export const registerColumns = [
  "Personnummer",
  "Identitetstyp",
  "Födelsedatum",
  "Insats",
  "Lagrum",
  "Beslutsdatum",
  "Placeringsform",
  "Regi",
  "Placering från",
  "Placering till",
  "Orsak till avslut",
] as const;

const basisText: Record<string, string> = {
  custodians_consent: "SoL (vårdnadshavarnas samtycke)",
  court_2024_79: "Lag (2024:79)",
};
const regiText: Record<string, string> = {
  own: "Egen regi",
  voluntary_shelter: "Ideell organisation",
  other_municipality: "Annan kommun",
  private_operator: "Enskild verksamhet",
};
const endText: Record<string, string> = {
  own_housing: "Eget boende",
  back_home: "Tillbaka till hemmet",
  other_municipality: "Annan kommun",
  left_without_notice: "Lämnade utan att meddela",
  other: "Annat",
};

/** Each placement of a child with her own sheltered-housing decision during [from, to). */
function childPlacements(trx: Trx, actor: Actor, from: string, to: string) {
  return trx
    .selectFrom("case as c")
    .innerJoin("decision as d", "d.case_id", "c.id")
    .innerJoin("stay_member as m", "m.child_decision_id", "d.id")
    .innerJoin("stay as s", "s.id", "m.stay_id")
    .innerJoin("stay_segment as g", "g.stay_id", "s.id")
    .innerJoin("place as pl", "pl.id", "g.place_id")
    .innerJoin("person as p", "p.id", "m.person_id")
    .leftJoin("child_placement as cp", "cp.decision_id", "d.id")
    .select([
      "c.id as case_id",
      "c.unit_id",
      "p.id as person_id",
      "p.identity_number",
      "p.identity_kind",
      "p.birth_date",
      "p.protection_level",
      stockholmDay("d.decided_at").$castTo<string>().as("decided_on"),
      "cp.basis",
      "pl.operator_kind",
      "g.from_on",
      sql<
        string | null
      >`case when s.left_on is not null and (g.to_on is null or s.left_on < g.to_on)
                             then s.left_on else g.to_on end`.as("to_on"),
      "s.end_reason",
      "s.left_on",
    ])
    .where(accessibleCases(actor))
    .where("m.role", "=", "child")
    .where("d.intervention_kind", "=", "sheltered_housing")
    .where("s.cancelled_at", "is", null)
    .where("g.from_on", "<", to)
    .where((eb) => eb.or([eb("g.to_on", "is", null), eb("g.to_on", ">", from)]))
    .where((eb) => eb.or([eb("s.left_on", "is", null), eb("s.left_on", ">", from)]))
    .orderBy("p.identity_number")
    .orderBy("g.from_on")
    .execute();
}

type Placement = Awaited<ReturnType<typeof childPlacements>>[number];

/** One placement as a line of the file, in the columns of registerColumns. */
function registerLine(r: Placement): string {
  return csvLine([
    r.identity_number ?? "",
    r.identity_kind,
    r.birth_date ?? "",
    "Skyddat boende",
    basisText[r.basis ?? "custodians_consent"] ?? "",
    r.decided_on,
    "Skyddat boende",
    regiText[r.operator_kind] ?? "",
    r.from_on,
    r.to_on ?? "",
    // The reason belongs to the stay's last placement only.
    r.to_on !== null && r.to_on === r.left_on ? (endText[r.end_reason ?? ""] ?? "") : "",
  ]);
}

/**
 * A child under fingerade personuppgifter is left out of the file (issue 19, item 1): the
 * one rule withholds her real identity from every export, and the register has no way to
 * take her under the fictitious one. Her placements are counted instead ("rapporteras
 * manuellt", docs/national-register.md), for her own worker to report by hand.
 */
function leftOut(r: Placement): boolean {
  const shown = showPerson(
    { name: "", identityNumber: r.identity_number, protectionLevel: r.protection_level },
    "document",
  );
  return shown.name === null;
}

/** The file, and how many placements it leaves to be reported by hand. */
export async function nationalRegisterCsv(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  year: number,
): Promise<{ file: Buffer; reportedByHand: number }> {
  return withActor(database.db, actor, async (trx) => {
    const found = await childPlacements(trx, actor, `${year}-01-01`, `${year + 1}-01-01`);
    const rows = found.filter((r) => !leftOut(r));
    const reportedByHand = found.length - rows.length;
    await recordAudit(trx, auditContext(actor, meta), [
      listEntry(
        "national_register.export",
        {
          resourceType: "case",
          // Every child read, those left out too: her log review shows the export.
          caseIds: found.map((r) => r.case_id),
          personIds: found.map((r) => r.person_id),
          unitIds: found.map((r) => r.unit_id),
        },
        { data: { year, rows: rows.length, reportedByHand } },
      ),
    ]);
    const file = csvFile([csvLine([...registerColumns]), ...rows.map(registerLine)]);
    return { file, reportedByHand };
  });
}
