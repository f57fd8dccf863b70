import { activityOwnerRoles } from "../../../shared/api/action-plan.ts";
import type { Actor } from "../../access/actor.ts";
import type { Trx } from "../../access/transaction.ts";
import { invalid } from "../../http/errors.ts";

/**
 * Who may own an activity of the plan: an active user of the organisation who works cases or
 * manages a unit (activityOwnerRoles). The page offers exactly these (planView's `staff`) and
 * the server refuses anyone else, so an analyst-only or deactivated account never gets an
 * activity whose Att göra line nobody would see.
 */
function owners(trx: Trx, orgId: string) {
  return trx
    .selectFrom("app_user as u")
    .select(["u.id", "u.display_name"])
    .where("u.org_id", "=", orgId)
    .where("u.active", "=", true)
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom("role_assignment as r")
          .select("r.id")
          .whereRef("r.user_id", "=", "u.id")
          .where("r.org_id", "=", orgId)
          .where("r.role", "in", activityOwnerRoles),
      ),
    );
}

/** The users an activity may be given to, by name. */
export async function activityOwners(trx: Trx, orgId: string) {
  const rows = await owners(trx, orgId).orderBy("u.display_name").orderBy("u.id").execute();
  return rows.map((u) => ({ id: u.id, name: u.display_name }));
}

/**
 * A new owner must be one who may own an activity; the owner an activity already has is kept
 * as it is (her account may have been deactivated since), so its status can still be changed.
 */
export async function checkOwner(
  trx: Trx,
  actor: Actor,
  ownerId: string,
  currentOwnerId: string | null,
): Promise<void> {
  if (ownerId === currentOwnerId) return;
  const owner = await owners(trx, actor.orgId).where("u.id", "=", ownerId).executeTakeFirst();
  if (!owner)
    throw invalid({
      ownerId:
        "Välj en ansvarig bland organisationens aktiva medarbetare som handlägger ärenden eller är enhetschefer.",
    });
}
