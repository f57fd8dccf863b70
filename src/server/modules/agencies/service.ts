import { randomUUID } from "node:crypto";
import type { z } from "zod";
import type {
  AgencyBody,
  AgencyList,
  AgencyQuery,
  AgencyUnitBody,
  AgencyView,
  UpdateAgencyBody,
} from "../../../shared/api/agencies.ts";
import { stockholmDate } from "../../../shared/calendar.ts";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import { type Trx, withActor } from "../../access/transaction.ts";
import { auditContext, recordAudit } from "../../audit/record.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { AppError, invalid } from "../../http/errors.ts";
import { agencyNotFound, recordDirectoryRefusal, runAgencyCommand } from "./guard.ts";
import { keepsDirectory, readsDirectory } from "./policy.ts";
import { agencySummaries, agencyView } from "./queries.ts";

/**
 * The agency directory (issue 18, item 1): read by everyone doing case work, kept by each
 * agency's owner, unit managers and administrators. Reads are not audited — the directory
 * holds professionals' work contacts, no client's data (docs/security.md) — every change and
 * every refusal is.
 */
const today = () => stockholmDate(new Date());
const changedMeanwhile = (what: string) =>
  new AppError(
    409,
    "conflict",
    `Någon annan har ändrat ${what} under tiden. Din ändring är inte sparad – ladda om sidan och gör den igen.`,
  );

export async function listAgencies(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  query: AgencyQuery,
): Promise<AgencyList> {
  if (!readsDirectory(actor)) {
    await recordDirectoryRefusal(database, actor, meta, "agency.read", "agency", null);
    throw new AppError(
      403,
      "forbidden",
      "Aktörsregistret är till för dem som arbetar med ärenden.",
    );
  }
  return withActor(database.db, actor, async (trx) => ({
    agencies: await agencySummaries(trx, query, today()),
    mayAdd: keepsDirectory(actor),
  }));
}

async function oneAgency(trx: Trx, actor: Actor, agencyId: string): Promise<AgencyView> {
  const view = await agencyView(trx, actor, agencyId, today());
  if (!view) throw agencyNotFound();
  return view;
}

export function readAgency(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  agencyId: string,
) {
  return runAgencyCommand(database, actor, meta, {
    agencyId,
    action: "agency.read",
    need: "see",
    run: (trx) => oneAgency(trx, actor, agencyId),
  });
}

type AgencyInput = z.output<typeof AgencyBody>;

/** The owner named is a user of the organisation who reads the directory: 400 otherwise. */
async function checkOwner(trx: Trx, actor: Actor, ownerId: string) {
  if (ownerId === actor.userId) return;
  const owner = await trx
    .selectFrom("app_user as u")
    .innerJoin("role_assignment as r", "r.user_id", "u.id")
    .select("u.id")
    .where("u.id", "=", ownerId)
    .where("u.org_id", "=", actor.orgId)
    .where("u.active", "=", true)
    .where("r.role", "in", [
      "caseworker",
      "therapist",
      "protection_officer",
      "unit_manager",
      "housing_coordinator",
      "shelter_staff",
      "administrator",
    ])
    .executeTakeFirst();
  if (!owner) throw invalid({ ownerId: "Välj en medarbetare i organisationen som ansvarig." });
}

/** A name already used by another agency of the organisation: 400 on the name. */
async function checkName(trx: Trx, actor: Actor, name: string, agencyId?: string) {
  const same = await trx
    .selectFrom("agency")
    .select("id")
    .where("org_id", "=", actor.orgId)
    .where("name", "=", name)
    .$if(agencyId !== undefined, (q) => q.where("id", "<>", agencyId ?? ""))
    .executeTakeFirst();
  if (same) throw invalid({ name: "Det finns redan en aktör med det namnet." });
}

export async function createAgency(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  input: AgencyInput,
): Promise<AgencyView> {
  if (!keepsDirectory(actor)) {
    await recordDirectoryRefusal(database, actor, meta, "agency.create", "agency", null);
    throw new AppError(
      403,
      "forbidden",
      "Bara enhetschefer och administratörer kan lägga till aktörer.",
    );
  }
  return withActor(database.db, actor, async (trx) => {
    const ownerId = input.ownerId ?? actor.userId;
    await checkOwner(trx, actor, ownerId);
    await checkName(trx, actor, input.name);
    const id = randomUUID();
    await trx
      .insertInto("agency")
      .values({
        id,
        org_id: actor.orgId,
        kind: input.kind,
        name: input.name,
        municipality: input.municipality,
        owner_id: ownerId,
        notes: input.notes,
        created_by: actor.userId,
      })
      .execute();
    await recordAudit(trx, auditContext(actor, meta), [
      { action: "agency.create", resourceType: "agency", resourceId: id, data: { agencyId: id } },
    ]);
    return oneAgency(trx, actor, id);
  });
}

export function updateAgency(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  agencyId: string,
  input: z.output<typeof UpdateAgencyBody>,
) {
  return runAgencyCommand(database, actor, meta, {
    agencyId,
    action: "agency.update",
    need: "keep",
    run: async (trx, agency) => {
      const ownerId = input.ownerId ?? agency.owner_id;
      if (ownerId !== agency.owner_id) await checkOwner(trx, actor, ownerId);
      await checkName(trx, actor, input.name, agencyId);
      const before = await oneAgency(trx, actor, agencyId);
      const updated = await trx
        .updateTable("agency")
        .set((eb) => ({
          kind: input.kind,
          name: input.name,
          municipality: input.municipality,
          owner_id: ownerId,
          notes: input.notes,
          version: eb("version", "+", 1),
        }))
        .where("id", "=", agencyId)
        .where("version", "=", input.version)
        .returning("id")
        .executeTakeFirst();
      if (!updated) throw changedMeanwhile("aktören");
      const after = await oneAgency(trx, actor, agencyId);
      const fields = (["kind", "name", "municipality", "notes"] as const).filter(
        (k) => before[k] !== after[k],
      );
      if (before.owner.userId !== after.owner.userId) fields.push("ownerId" as never);
      return { after, fields: fields as string[] };
    },
    event: ({ fields }) => ({ agencyId, fields }),
  }).then(({ after }) => after);
}

export function archiveAgency(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  agencyId: string,
) {
  return runAgencyCommand(database, actor, meta, {
    agencyId,
    action: "agency.archive",
    need: "keep",
    run: async (trx, agency) => {
      if (agency.archived_at) throw new AppError(409, "conflict", "Aktören är redan arkiverad.");
      await trx
        .updateTable("agency")
        .set((eb) => ({ archived_at: new Date(), version: eb("version", "+", 1) }))
        .where("id", "=", agencyId)
        .execute();
      return oneAgency(trx, actor, agencyId);
    },
    event: () => ({ agencyId }),
  });
}

/** A unit name used already at this agency: 400 on the name. */
async function checkUnitName(trx: Trx, agencyId: string, name: string, unitId?: string) {
  const same = await trx
    .selectFrom("agency_unit")
    .select("id")
    .where("agency_id", "=", agencyId)
    .where("name", "=", name)
    .$if(unitId !== undefined, (q) => q.where("id", "<>", unitId ?? ""))
    .executeTakeFirst();
  if (same) throw invalid({ name: "Aktören har redan en enhet med det namnet." });
}

export function addUnit(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  agencyId: string,
  input: z.output<typeof AgencyUnitBody>,
) {
  return runAgencyCommand(database, actor, meta, {
    agencyId,
    action: "agency.unit",
    need: "keep",
    run: async (trx) => {
      await checkUnitName(trx, agencyId, input.name);
      const unitId = randomUUID();
      await trx
        .insertInto("agency_unit")
        .values({
          id: unitId,
          org_id: actor.orgId,
          agency_id: agencyId,
          name: input.name,
          archived_at: input.archived ? new Date() : null,
        })
        .execute();
      return { unitId, view: await oneAgency(trx, actor, agencyId) };
    },
    event: ({ unitId }) => ({ agencyId, unitId, change: "added" as const }),
  }).then(({ view }) => view);
}

export function changeUnit(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  ids: { agencyId: string; unitId: string },
  input: z.output<typeof AgencyUnitBody>,
) {
  const { agencyId, unitId } = ids;
  return runAgencyCommand(database, actor, meta, {
    agencyId,
    action: "agency.unit",
    need: "keep",
    run: async (trx) => {
      await checkUnitName(trx, agencyId, input.name, unitId);
      const updated = await trx
        .updateTable("agency_unit")
        .set((eb) => ({
          name: input.name,
          archived_at: input.archived ? eb.fn.coalesce("archived_at", eb.val(new Date())) : null,
        }))
        .where("id", "=", unitId)
        .where("agency_id", "=", agencyId)
        .returning("id")
        .executeTakeFirst();
      if (!updated) throw new AppError(404, "not_found", "Enheten finns inte hos aktören.");
      return oneAgency(trx, actor, agencyId);
    },
    event: () => ({ agencyId, unitId, change: "changed" as const }),
  });
}
