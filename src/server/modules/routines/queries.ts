import {
  isRoutineArea,
  type RoutineRegister,
  type RoutineView,
} from "../../../shared/api/routines.ts";
import type { Trx } from "../../access/transaction.ts";
import { reviewSoon, routineStatus } from "./rules.ts";

/** The register's routines (or the ones named), newest approval first, as they stand on the day. */
export async function routineViews(
  trx: Trx,
  onDate: string,
  ids?: string[],
): Promise<RoutineView[]> {
  let q = trx
    .selectFrom("routine as r")
    .innerJoin("routine_approver as a", "a.id", "r.approver_id")
    .innerJoin("app_user as o", "o.id", "r.owner_id")
    .leftJoin("routine_document as d", "d.routine_id", "r.id")
    .leftJoin("routine as n", "n.supersedes_id", "r.id")
    .select([
      "r.id",
      "r.title",
      "r.area",
      "r.approved_on",
      "r.review_on",
      "r.supersedes_id",
      "r.version",
      "a.id as approver_id",
      "a.name as approver_name",
      "a.management",
      "o.id as owner_id",
      "o.display_name as owner_name",
      "d.filename",
      "d.media_type",
      "d.size_bytes",
      "n.id as superseded_by_id",
      "n.approved_on as superseded_on",
    ]);
  if (ids)
    q = q.where("r.id", "in", ids.length > 0 ? ids : ["00000000-0000-0000-0000-000000000000"]);
  const rows = await q.orderBy("r.approved_on", "desc").orderBy("r.title").execute();
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    area: r.area,
    approver: { id: r.approver_id, name: r.approver_name, management: r.management },
    approvedOn: r.approved_on,
    reviewOn: r.review_on,
    owner: { id: r.owner_id, name: r.owner_name },
    document:
      r.filename && r.media_type && r.size_bytes !== null
        ? { filename: r.filename, mediaType: r.media_type, sizeBytes: r.size_bytes }
        : null,
    supersedesId: r.supersedes_id,
    supersededById: r.superseded_by_id,
    status: routineStatus(
      {
        ...r,
        superseded: r.superseded_on !== null && r.superseded_on <= onDate,
      },
      onDate,
    ),
    reviewSoon: r.superseded_by_id === null && reviewSoon(r.review_on, onDate),
    version: r.version,
  }));
}

/** What the register's form chooses from: the areas, the approvers and the possible owners. */
export async function registerChoices(
  trx: Trx,
  orgId: string,
): Promise<Pick<RoutineRegister, "areas" | "approvers" | "owners">> {
  const areas = await trx
    .selectFrom("routine_area")
    .select(["code", "name", "question"])
    .orderBy("sort_order")
    .execute();
  const approvers = await trx
    .selectFrom("routine_approver")
    .select(["id", "name", "management"])
    .orderBy("name")
    .execute();
  const owners = await trx
    .selectFrom("app_user")
    .select(["id", "display_name as name"])
    .where("org_id", "=", orgId)
    .where("active", "=", true)
    .orderBy("display_name")
    .execute();
  return {
    areas: areas.flatMap((a) => (isRoutineArea(a.code) ? [{ ...a, code: a.code }] : [])),
    approvers,
    owners,
  };
}
