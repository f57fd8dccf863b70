import type { Kysely } from "kysely";
import type { LoginPolicyView } from "../../../shared/api/identity-providers.ts";
import { localPasswordsPolicy } from "../../auth/login-policy.ts";
import type { Config } from "../../config.ts";
import type { Database } from "../../db/types.ts";

/**
 * The login policy as the administrator's page shows it: whether passwords are allowed, and
 * the break-glass administrators with whether each has the hardware key that keeps them a
 * way in while passwords are off (auth/login-policy.ts: assertWayInRemains).
 */
export async function loginPolicyView(
  db: Kysely<Database>,
  orgId: string,
  mode: Config["mode"],
): Promise<LoginPolicyView> {
  const [policy, accounts] = await Promise.all([
    localPasswordsPolicy(db, orgId, mode),
    db
      .selectFrom("app_user as u")
      .select((eb) => [
        "u.id",
        "u.username",
        "u.display_name",
        eb
          .exists(
            eb
              .selectFrom("webauthn_credential as k")
              .select("k.id")
              .whereRef("k.user_id", "=", "u.id")
              .where("k.device_type", "=", "singleDevice"),
          )
          .as("hardware_key"),
      ])
      .where("u.org_id", "=", orgId)
      .where("u.break_glass", "=", true)
      .where("u.active", "=", true)
      .orderBy("u.display_name")
      .execute(),
  ]);
  return {
    localPasswords: policy.allowed,
    localPasswordsBasis: policy.basis,
    breakGlassAccounts: accounts.map((a) => ({
      id: a.id,
      username: a.username,
      displayName: a.display_name,
      hardwareKey: Boolean(a.hardware_key),
    })),
  };
}
