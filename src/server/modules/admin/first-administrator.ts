import { randomBytes, randomUUID } from "node:crypto";
import { type Kysely, sql } from "kysely";
import type { Trx } from "../../access/transaction.ts";
import { recordAudit } from "../../audit/record.ts";
import { hashPassword } from "../../auth/passwords.ts";
import { revokeUserSessions } from "../../auth/sessions.ts";
import type { Database } from "../../db/types.ts";

/**
 * `npm run admin:create`: the only way into a production installation. Creates the
 * organisation when it does not exist yet, and an administrator with a one-time password
 * that is printed once; at the first login the administrator sets up an authenticator app
 * (every account outside demo mode must) and chooses a password of their own.
 *
 * With an active administrator in the organisation it refuses unless forced: a second
 * administrator made from the command line bypasses everything the first one sees in the
 * audit trail. Forced, it creates another administrator or resets the named one (new
 * one-time password, authenticator app removed, sessions ended) — the way back in when the
 * only administrator has lost their phone.
 */
export const organisationKinds = ["municipality", "region", "foundation", "association"] as const;
export type OrganisationKind = (typeof organisationKinds)[number];

export interface FirstAdministratorInput {
  username: string;
  organisation: string;
  organisationKind: OrganisationKind;
  displayName: string;
  force: boolean;
}

export interface FirstAdministratorResult {
  organisationCreated: boolean;
  /** "created": a new account; "reset": an existing one of this organisation (forced). */
  account: "created" | "reset";
  oneTimePassword: string;
}

/** A refusal the command prints as it is (no stack) and exits 1 with. */
export class AdministratorRefused extends Error {
  override name = "AdministratorRefused";
}

/** 144 random bits, typed once by the administrator: base64url without look-alike worries. */
function oneTimePassword(): string {
  return randomBytes(18).toString("base64url");
}

async function findOrCreateOrganisation(trx: Trx, input: FirstAdministratorInput) {
  const found = await trx
    .selectFrom("organisation")
    .select("id")
    .where("name", "=", input.organisation)
    .execute();
  if (found.length > 1) {
    throw new AdministratorRefused(
      `More than one organisation is called "${input.organisation}"; nothing was changed.`,
    );
  }
  if (found[0]) return { id: found[0].id, created: false };
  const { id } = await trx
    .insertInto("organisation")
    .values({ name: input.organisation, kind: input.organisationKind })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { id, created: true };
}

async function activeAdministrators(trx: Trx, orgId: string) {
  const rows = await trx
    .selectFrom("app_user as u")
    .innerJoin("role_assignment as r", "r.user_id", "u.id")
    .select("u.username")
    .where("u.org_id", "=", orgId)
    .where("u.active", "=", true)
    .where("r.role", "=", "administrator")
    .orderBy("u.username")
    .execute();
  return rows.map((r) => r.username);
}

export async function createFirstAdministrator(
  owner: Kysely<Database>,
  input: FirstAdministratorInput,
): Promise<FirstAdministratorResult> {
  const password = oneTimePassword();
  const passwordHash = await hashPassword(password);
  return owner.transaction().execute(async (trx) => {
    // Two runs at once must not both find "no administrator yet".
    await sql`lock table app_user in share row exclusive mode`.execute(trx);
    const org = await findOrCreateOrganisation(trx, input);
    const admins = await activeAdministrators(trx, org.id);
    const existing = await trx
      .selectFrom("app_user")
      .select(["id", "org_id"])
      .where("username", "=", input.username)
      .executeTakeFirst();
    if (existing && existing.org_id !== org.id) {
      throw new AdministratorRefused(
        `The username "${input.username}" belongs to another organisation; choose another.`,
      );
    }
    if (!input.force && admins.length > 0) {
      throw new AdministratorRefused(
        `"${input.organisation}" already has an administrator (${admins.join(", ")}); ` +
          "nothing was changed. Log in as them, or run again with --force to create or reset " +
          "this administrator (a lost phone, a forgotten password).",
      );
    }
    if (!input.force && existing) {
      throw new AdministratorRefused(
        `The username "${input.username}" is taken; nothing was changed. Run again with --force to reset it as an administrator.`,
      );
    }
    const userId = existing
      ? await resetAccount(trx, existing.id, passwordHash)
      : await createAccount(trx, org.id, input, passwordHash);
    const hadRole = await ensureAdministratorRole(trx, org.id, userId);
    await auditCommand(trx, org.id, userId, existing ? "reset" : "created", hadRole);
    return {
      organisationCreated: org.created,
      account: existing ? "reset" : "created",
      oneTimePassword: password,
    };
  });
}

async function createAccount(
  trx: Trx,
  orgId: string,
  input: FirstAdministratorInput,
  passwordHash: string,
): Promise<string> {
  const { id } = await trx
    .insertInto("app_user")
    .values({
      org_id: orgId,
      username: input.username,
      display_name: input.displayName,
      password_hash: passwordHash,
      password_change_required: true,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

/** Forced reset: a new one-time password, no authenticator app, every session ended. */
async function resetAccount(trx: Trx, userId: string, passwordHash: string): Promise<string> {
  await trx
    .updateTable("app_user")
    .set({
      password_hash: passwordHash,
      password_change_required: true,
      totp_secret: null,
      mfa_enrolled_at: null,
      active: true,
    })
    .where("id", "=", userId)
    .execute();
  await revokeUserSessions(trx, userId);
  return userId;
}

async function ensureAdministratorRole(trx: Trx, orgId: string, userId: string) {
  const held = await trx
    .selectFrom("role_assignment")
    .select("id")
    .where("user_id", "=", userId)
    .where("role", "=", "administrator")
    .where("unit_id", "is", null)
    .executeTakeFirst();
  if (held) return true;
  await trx
    .insertInto("role_assignment")
    .values({ org_id: orgId, user_id: userId, unit_id: null, role: "administrator" })
    .execute();
  return false;
}

/** The command leaves the same trace an administrator's clicks would, with no actor. */
async function auditCommand(
  trx: Trx,
  orgId: string,
  userId: string,
  account: "created" | "reset",
  hadRole: boolean,
) {
  const meta = { requestId: `admin-create-${randomUUID()}`, clientAddress: null };
  await recordAudit(trx, { actor: null, orgId, meta }, [
    account === "created"
      ? { action: "admin.user.create", resourceType: "user", resourceId: userId }
      : { action: "admin.mfa.reset", resourceType: "user", resourceId: userId },
    ...(hadRole
      ? []
      : [
          {
            action: "admin.role.add" as const,
            resourceType: "user" as const,
            resourceId: userId,
            data: { role: "administrator", unitId: null },
          },
        ]),
  ]);
}
