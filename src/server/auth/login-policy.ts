import { type Kysely, sql } from "kysely";
import type { Database } from "../db/types.ts";
import { AppError } from "../http/errors.ts";

/**
 * May the organisation's accounts log in with a password Frid keeps? No row: yes — the
 * default until an administrator turns it off (modules/identity-providers/). A break-glass
 * administrator's password works either way (login.ts), with a security key as its second
 * factor while passwords are off (keyOnly).
 */
export async function localPasswordsAllowed(db: Kysely<Database>, orgId: string) {
  const row = await db
    .selectFrom("login_policy")
    .select("local_passwords")
    .where("org_id", "=", orgId)
    .executeTakeFirst();
  return row?.local_passwords ?? true;
}

/**
 * Must this account prove its second factor with a security key (never a one-time code)?
 * Yes for the break-glass administrator of an organisation that turned passwords off: the
 * one password left must not fall to a phished code (issue 21 item 4, docs/security.md).
 */
export async function keyOnly(db: Kysely<Database>, user: { id: string; orgId: string }) {
  const row = await db
    .selectFrom("app_user")
    .select("break_glass")
    .where("id", "=", user.id)
    .executeTakeFirst();
  return row?.break_glass === true && !(await localPasswordsAllowed(db, user.orgId));
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
  if (await localPasswordsAllowed(trx, orgId)) return;
  const ready = await trx
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
  if (!ready) throw new AppError(409, "conflict", noWayIn);
}
