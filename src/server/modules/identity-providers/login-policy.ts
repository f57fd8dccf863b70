import type { Kysely } from "kysely";
import type { LoginPolicyView } from "../../../shared/api/identity-providers.ts";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import { withActor } from "../../access/transaction.ts";
import { type AuditEntry, auditContext, recordAudit } from "../../audit/record.ts";
import { localPasswordsAllowed } from "../../auth/login-policy.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import type { Database } from "../../db/types.ts";
import { AppError } from "../../http/errors.ts";

/**
 * The organisation's login policy and its break-glass administrators (issue 21, item 4).
 * Turning local passwords off is refused while it would lock everyone out: with no enabled
 * identity provider nobody could log in, and with no break-glass administrator nobody could
 * log in the day the provider is down. The same holds for taking away the last break-glass
 * mark while passwords are off.
 */
const lockedOut = (message: string) => new AppError(409, "conflict", message);

export const noProviderMessage =
  "Inloggning med lösenord kan inte stängas av innan organisationen har en aktiverad identitetsleverantör: då kunde ingen logga in.";
export const noBreakGlassMessage =
  "Inloggning med lösenord kan inte stängas av utan ett nödkonto: markera först en aktiv systemförvaltare med lösenord som nödkonto, så att någon kan logga in när identitetsleverantören inte svarar.";
export const lastBreakGlassMessage =
  "Kontot är organisationens enda nödkonto och inloggning med lösenord är avstängd: markera ett annat nödkonto först, eller slå på lösenorden igen.";

/** Active administrators marked break-glass who can still log in with a password. */
function breakGlassAccounts(db: Kysely<Database>, orgId: string) {
  return db
    .selectFrom("app_user as u")
    .select(["u.id", "u.username", "u.display_name"])
    .where("u.org_id", "=", orgId)
    .where("u.break_glass", "=", true)
    .where("u.active", "=", true)
    .where("u.password_hash", "is not", null)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom("role_assignment as r")
          .select("r.id")
          .whereRef("r.user_id", "=", "u.id")
          .where("r.role", "=", "administrator"),
      ),
    )
    .orderBy("u.display_name")
    .execute();
}

export async function loginPolicyView(
  db: Kysely<Database>,
  orgId: string,
): Promise<LoginPolicyView> {
  const [localPasswords, accounts] = await Promise.all([
    localPasswordsAllowed(db, orgId),
    breakGlassAccounts(db, orgId),
  ]);
  return {
    localPasswords,
    breakGlassAccounts: accounts.map((a) => ({
      id: a.id,
      username: a.username,
      displayName: a.display_name,
    })),
  };
}

async function enabledProviders(db: Kysely<Database>, orgId: string) {
  const row = await db
    .selectFrom("identity_provider")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("org_id", "=", orgId)
    .where("enabled", "=", true)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function setLoginPolicy(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  localPasswords: boolean,
): Promise<LoginPolicyView> {
  return withActor(database.db, actor, async (db) => {
    if (!localPasswords) {
      if ((await enabledProviders(db, actor.orgId)) === 0) throw lockedOut(noProviderMessage);
      if ((await breakGlassAccounts(db, actor.orgId)).length === 0)
        throw lockedOut(noBreakGlassMessage);
    }
    await db
      .insertInto("login_policy")
      .values({ org_id: actor.orgId, local_passwords: localPasswords, updated_by: actor.userId })
      .onConflict((oc) =>
        oc.column("org_id").doUpdateSet({
          local_passwords: localPasswords,
          updated_by: actor.userId,
          updated_at: new Date(),
        }),
      )
      .execute();
    const entry: AuditEntry = {
      action: "admin.login_policy.update",
      resourceType: "login_policy",
      data: { localPasswords },
    };
    await recordAudit(db, auditContext(actor, meta), [entry]);
    return loginPolicyView(db, actor.orgId);
  });
}

/** Why this account cannot be the break-glass administrator, or null when it can. */
async function breakGlassProblem(db: Kysely<Database>, orgId: string, userId: string) {
  const user = await db
    .selectFrom("app_user")
    .select(["id", "active", "password_hash"])
    .where("id", "=", userId)
    .where("org_id", "=", orgId)
    .executeTakeFirst();
  if (!user) throw new AppError(404, "not_found", "Användaren finns inte.");
  const admin = await db
    .selectFrom("role_assignment")
    .select("id")
    .where("user_id", "=", userId)
    .where("role", "=", "administrator")
    .executeTakeFirst();
  if (!admin) return "Bara en systemförvaltare kan vara nödkonto.";
  if (!user.active) return "Kontot är inaktiverat och kan inte vara nödkonto.";
  if (user.password_hash === null)
    return "Kontot har inget lösenord (det loggar in genom identitetsleverantören) och kan inte vara nödkonto.";
  return null;
}

export async function setBreakGlass(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  userId: string,
  breakGlass: boolean,
) {
  return withActor(database.db, actor, async (db) => {
    if (breakGlass) {
      const problem = await breakGlassProblem(db, actor.orgId, userId);
      if (problem) throw new AppError(400, "validation_failed", problem, { breakGlass: problem });
    } else {
      await breakGlassProblem(db, actor.orgId, userId); // 404 for another organisation's
      const others = (await breakGlassAccounts(db, actor.orgId)).filter((a) => a.id !== userId);
      if (others.length === 0 && !(await localPasswordsAllowed(db, actor.orgId)))
        throw lockedOut(lastBreakGlassMessage);
    }
    await db
      .updateTable("app_user")
      .set({ break_glass: breakGlass })
      .where("id", "=", userId)
      .execute();
    const entry: AuditEntry = {
      action: "admin.break_glass.update",
      resourceType: "user",
      resourceId: userId,
      data: { breakGlass },
    };
    await recordAudit(db, auditContext(actor, meta), [entry]);
    return { breakGlass };
  });
}
