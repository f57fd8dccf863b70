import type { AdultPopulation } from "../../../shared/api/yearly-report.ts";
import { type Actor, hasRole, type RequestMeta } from "../../access/actor.ts";
import { type Trx, withActor } from "../../access/transaction.ts";
import { auditContext, recordAudit } from "../../audit/record.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { AppError } from "../../http/errors.ts";

/**
 * The organisation's adult population per year (0090): Kolada's figures are per 10,000
 * adults, and only the organisation knows its own. An administrator enters it (audited with
 * the old and the new value); those who run the report (analysts, unit managers) and
 * administrators read it. A number of the organisation, never of a person.
 */

const readers = (actor: Actor) =>
  hasRole(actor, "administrator") || hasRole(actor, "analyst") || hasRole(actor, "unit_manager");

async function refuse(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  year: number,
  writing: boolean,
): Promise<never> {
  await withActor(database.db, actor, (trx) =>
    recordAudit(trx, auditContext(actor, meta), [
      writing
        ? {
            action: "adult_population.update",
            outcome: "denied",
            resourceType: "unit",
            data: { year, adults: { from: null, to: 0 } },
          }
        : {
            action: "statistics.read",
            outcome: "denied",
            resourceType: "unit",
            data: { report: "adult_population", from: `${year}-01-01`, to: `${year}-12-31` },
          },
    ]),
  );
  throw new AppError(
    403,
    "forbidden",
    writing
      ? "Antalet vuxna invånare läggs in av en administratör."
      : "Antalet vuxna invånare är för administratörer, analytiker och enhetschefer.",
  );
}

async function load(trx: Trx, orgId: string, year: number): Promise<AdultPopulation> {
  const row = await trx
    .selectFrom("adult_population")
    .select(["adults", "updated_at"])
    .where("org_id", "=", orgId)
    .where("year", "=", year)
    .executeTakeFirst();
  return {
    year,
    adults: row?.adults ?? null,
    updatedAt: row ? new Date(row.updated_at).toISOString() : null,
  };
}

export async function readAdultPopulation(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  year: number,
): Promise<AdultPopulation> {
  if (!readers(actor)) return refuse(database, actor, meta, year, false);
  return withActor(database.db, actor, async (trx) => {
    await recordAudit(trx, auditContext(actor, meta), [
      {
        action: "statistics.read",
        resourceType: "unit",
        data: { report: "adult_population", from: `${year}-01-01`, to: `${year}-12-31` },
      },
    ]);
    return load(trx, actor.orgId, year);
  });
}

export async function setAdultPopulation(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  year: number,
  adults: number,
): Promise<AdultPopulation> {
  if (!hasRole(actor, "administrator")) return refuse(database, actor, meta, year, true);
  return withActor(database.db, actor, async (trx) => {
    const before = await trx
      .selectFrom("adult_population")
      .select("adults")
      .where("org_id", "=", actor.orgId)
      .where("year", "=", year)
      .forUpdate()
      .executeTakeFirst();
    await trx
      .insertInto("adult_population")
      .values({ org_id: actor.orgId, year, adults, updated_by: actor.userId })
      .onConflict((oc) =>
        oc
          .columns(["org_id", "year"])
          .doUpdateSet({ adults, updated_by: actor.userId, updated_at: new Date() }),
      )
      .execute();
    await recordAudit(trx, auditContext(actor, meta), [
      {
        action: "adult_population.update",
        resourceType: "unit",
        data: { year, adults: { from: before?.adults ?? null, to: adults } },
      },
    ]);
    return load(trx, actor.orgId, year);
  });
}
