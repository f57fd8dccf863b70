import { type Kysely, sql } from "kysely";
import type { LocalPasswordsBasis } from "../../shared/api/identity-providers.ts";
import type { Config } from "../config.ts";
import type { Database } from "../db/types.ts";
import { AppError } from "../http/errors.ts";

/** The organisation's own choice (PUT /api/admin/login-policy); null: it never chose. */
async function chosenLocalPasswords(db: Kysely<Database>, orgId: string) {
  const row = await db
    .selectFrom("login_policy")
    .select("local_passwords")
    .where("org_id", "=", orgId)
    .executeTakeFirst();
  return row?.local_passwords ?? null;
}

/**
 * May the organisation's accounts log in with a password Frid keeps, and why (issue 21
 * item 4)? An explicit choice always wins. Without one: outside production, yes. In
 * production, no once the organisation has an enabled identity provider — but only while a
 * way in remains (an active break-glass administrator with a hardware key); without one,
 * passwords stay on (`production_default_kept_on`), so a default never locks an
 * organisation out, and they go off by themselves when its keeper gets a key. A break-glass
 * administrator's password works either way (login.ts), with a security key as its second
 * factor while passwords are off (keyOnly).
 */
export async function localPasswordsPolicy(
  db: Kysely<Database>,
  orgId: string,
  mode: Config["mode"],
): Promise<{ allowed: boolean; basis: LocalPasswordsBasis }> {
  const chosen = await chosenLocalPasswords(db, orgId);
  if (chosen !== null) return { allowed: chosen, basis: "chosen" };
  if (mode !== "production" || !(await hasEnabledProvider(db, orgId)))
    return { allowed: true, basis: "default" };
  return (await wayInRemains(db, orgId))
    ? { allowed: false, basis: "production_default" }
    : { allowed: true, basis: "production_default_kept_on" };
}

export async function localPasswordsAllowed(
  db: Kysely<Database>,
  orgId: string,
  mode: Config["mode"],
) {
  return (await localPasswordsPolicy(db, orgId, mode)).allowed;
}

async function hasEnabledProvider(db: Kysely<Database>, orgId: string) {
  const row = await db
    .selectFrom("identity_provider")
    .select("id")
    .where("org_id", "=", orgId)
    .where("enabled", "=", true)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Must this account prove its second factor with a security key (never a one-time code)?
 * Yes for the break-glass administrator of an organisation whose passwords are off: the
 * one password left must not fall to a phished code (issue 21 item 4, docs/security.md).
 */
export async function keyOnly(
  db: Kysely<Database>,
  user: { id: string; orgId: string },
  mode: Config["mode"],
) {
  const row = await db
    .selectFrom("app_user")
    .select("break_glass")
    .where("id", "=", user.id)
    .executeTakeFirst();
  return row?.break_glass === true && !(await localPasswordsAllowed(db, user.orgId, mode));
}

export const keyOnlyMessage =
  "Nödkontot loggar in med en säkerhetsnyckel (hårdvarunyckel) när organisationen har stängt av lösenord. Använd din nyckel.";

const noWayIn =
  "Inloggning med lösenord är avstängd. Då måste organisationen ha kvar ett aktivt nödkonto – en systemförvaltare med hårdvarunyckel – om identitetsleverantören inte svarar. Ändringen skulle ta bort det sista.";

/**
 * With passwords off, the organisation keeps one way in when its identity provider is down:
 * an active break-glass administrator with a hardware key (a key bound to its device, not a
 * passkey synced to a cloud account). Every change that could take the
 * last one away (passwords off, the mark removed, a key removed, the second factor reset,
 * the account deactivated, its administrator role removed) calls this in its transaction,
 * after its write, and is rolled back with a 409 if none is left. The changes of one
 * organisation take turns on an advisory lock, so two of them cannot each leave the other's
 * account as "the one left" and together remove both.
 */
export async function assertWayInRemains(trx: Kysely<Database>, orgId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`break-glass:${orgId}`}, 0))`.execute(
    trx,
  );
  // Only the organisation's own "off" binds here: production's default goes back on by
  // itself when the last way in goes (localPasswordsPolicy), so it never needs a refusal.
  if ((await chosenLocalPasswords(trx, orgId)) !== false) return;
  if (!(await wayInRemains(trx, orgId))) throw new AppError(409, "conflict", noWayIn);
}

/** An active break-glass administrator with a hardware key: the way in without the provider. */
async function wayInRemains(db: Kysely<Database>, orgId: string): Promise<boolean> {
  const ready = await db
    .selectFrom("app_user as u")
    .select("u.id")
    .where("u.org_id", "=", orgId)
    .where("u.break_glass", "=", true)
    .where("u.active", "=", true)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom("role_assignment as r")
          .select("r.id")
          .whereRef("r.user_id", "=", "u.id")
          .where("r.role", "=", "administrator"),
      ),
    )
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom("webauthn_credential as k")
          .select("k.id")
          .whereRef("k.user_id", "=", "u.id")
          .where("k.device_type", "=", "singleDevice"),
      ),
    )
    .limit(1)
    .executeTakeFirst();
  return ready !== undefined;
}
