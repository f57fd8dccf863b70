import type { Kysely } from "kysely";
import type {
  AddAccountIdentifierBody,
  CreateIdentityProviderBody,
  IdentityProviderView,
  UpdateIdentityProviderBody,
} from "../../../shared/api/identity-providers.ts";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import { withActor } from "../../access/transaction.ts";
import { type AuditEntry, auditContext, recordAudit } from "../../audit/record.ts";

import { assertWayInRemains } from "../../auth/login-policy.ts";

import { normaliseIdentifier, storedIdentifier } from "../../auth/oidc/identifiers.ts";
import { samlSettingsView } from "../../auth/saml/certificates.ts";
import type { Config } from "../../config.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import type { Database } from "../../db/types.ts";
import { AppError, invalid, invalidIfUnique } from "../../http/errors.ts";
import { audited } from "../admin/service.ts";
import { loginPolicyView } from "./login-policy.ts";

/**
 * The administrator's side of issue 21: the organisation's identity providers, the
 * identifiers that match a provider's login to an account, the login policy and the
 * break-glass account. Every change is audited in its own transaction.
 */
const valueHeld = { value: "Identifieraren hör redan till ett konto i organisationen." };
const kindHeld = {
  kind: "Kontot har redan en identifierare av det slaget. Ta bort den först om den ska bytas.",
};
export const nameInUse = { displayName: "Det finns redan en identitetsleverantör med det namnet." };
const providerNotFound = () => new AppError(404, "not_found", "Identitetsleverantören finns inte.");
const userNotFound = () => new AppError(404, "not_found", "Användaren finns inte.");

// A SAML provider's IdP settings are changed through its own route (saml-providers.ts).
const samlHasNoOidcFields = {
  body: "En SAML-leverantör har ingen utfärdare, klient-id, hemlighet eller scope: ändra dess SAML-inställningar.",
};

type ProviderRow = Awaited<ReturnType<typeof providerRows>>[number];

function providerRows(db: Kysely<Database>, orgId: string, id?: string) {
  let query = db.selectFrom("identity_provider").selectAll().where("org_id", "=", orgId);
  if (id) query = query.where("id", "=", id);
  return query.orderBy("display_name").execute();
}

export function providerView(row: ProviderRow): IdentityProviderView {
  return {
    id: row.id,
    protocol: row.protocol,
    displayName: row.display_name,
    issuer: row.issuer,
    clientId: row.client_id,
    clientSecretEnv: row.client_secret_env,
    clientSecretSet: row.client_secret_env ? Boolean(process.env[row.client_secret_env]) : false,
    scopes: row.scopes,
    identifierKind: row.identifier_kind,
    identifierClaim: row.identifier_claim,
    acrValues: row.acr_values,
    enabled: row.enabled,
    saml: samlSettingsView(row),
  };
}

export async function listProviders(db: Kysely<Database>, orgId: string) {
  return (await providerRows(db, orgId)).map(providerView);
}

export async function oneProvider(db: Kysely<Database>, orgId: string, id: string) {
  const [row] = await providerRows(db, orgId, id);
  if (!row) throw providerNotFound();
  return providerView(row);
}

export async function nameTaken(
  db: Kysely<Database>,
  orgId: string,
  name: string,
  exceptId?: string,
) {
  let query = db
    .selectFrom("identity_provider")
    .select("id")
    .where("org_id", "=", orgId)
    .where("display_name", "=", name);
  if (exceptId) query = query.where("id", "<>", exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

export async function createProvider(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  input: CreateIdentityProviderBody,
): Promise<IdentityProviderView> {
  if (await nameTaken(database.db, actor.orgId, input.displayName)) throw invalid(nameInUse);
  const entry: AuditEntry = {
    action: "admin.identity_provider.create",
    resourceType: "identity_provider",
    data: { issuer: input.issuer },
  };
  return audited(database, actor, meta, entry, async (db) => {
    const { id } = await db
      .insertInto("identity_provider")
      .values({
        org_id: actor.orgId,
        display_name: input.displayName,
        issuer: input.issuer,
        client_id: input.clientId,
        client_secret_env: input.clientSecretEnv ?? null,
        scopes: input.scopes ?? "openid",
        identifier_kind: input.identifierKind,
        identifier_claim: input.identifierClaim,
        acr_values: input.acrValues,
        enabled: input.enabled ?? true,
        created_by: actor.userId,
        updated_by: actor.userId,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    return oneProvider(db, actor.orgId, id);
  }).catch((error) => invalidIfUnique(error, nameInUse));
}

/** A provider's change, audited by the names of the fields it sets (never their values). */
export function updateEntry(id: string, input: object): AuditEntry {
  const fields = Object.entries(input)
    .filter(([, value]) => value !== undefined)
    .map(([key]) => key);
  return {
    action: "admin.identity_provider.update",
    resourceType: "identity_provider",
    resourceId: id,
    data: { fields },
  };
}

export async function updateProvider(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  id: string,
  input: UpdateIdentityProviderBody,
): Promise<IdentityProviderView> {
  const current = await oneProvider(database.db, actor.orgId, id);
  const oidcOnly = ["issuer", "clientId", "clientSecretEnv", "scopes"] as const;
  if (current.protocol === "saml" && oidcOnly.some((k) => input[k] !== undefined))
    throw invalid(samlHasNoOidcFields);
  if (input.displayName && (await nameTaken(database.db, actor.orgId, input.displayName, id)))
    throw invalid(nameInUse);
  return audited(database, actor, meta, updateEntry(id, input), async (db) => {
    await db
      .updateTable("identity_provider")
      .set({
        ...(input.displayName !== undefined ? { display_name: input.displayName } : {}),
        ...(input.issuer !== undefined ? { issuer: input.issuer } : {}),
        ...(input.clientId !== undefined ? { client_id: input.clientId } : {}),
        ...(input.clientSecretEnv !== undefined
          ? { client_secret_env: input.clientSecretEnv }
          : {}),
        ...(input.scopes !== undefined ? { scopes: input.scopes } : {}),
        ...(input.identifierKind !== undefined ? { identifier_kind: input.identifierKind } : {}),
        ...(input.identifierClaim !== undefined ? { identifier_claim: input.identifierClaim } : {}),
        ...(input.acrValues !== undefined ? { acr_values: input.acrValues } : {}),
        ...(input.enabled !== undefined ? { enabled: input.enabled } : {}),
        updated_by: actor.userId,
        updated_at: new Date(),
      })
      .where("id", "=", id)
      .where("org_id", "=", actor.orgId)
      .execute();
    return oneProvider(db, actor.orgId, id);
  }).catch((error) => invalidIfUnique(error, nameInUse));
}

async function requireUser(db: Kysely<Database>, orgId: string, userId: string) {
  const user = await db
    .selectFrom("app_user")
    .select((eb) => [
      "id",
      "break_glass",
      "active",
      eb
        .exists(
          eb
            .selectFrom("role_assignment as r")
            .select("r.id")
            .whereRef("r.user_id", "=", "app_user.id")
            .where("r.role", "=", "administrator"),
        )
        .as("administrator"),
    ])
    .where("id", "=", userId)
    .where("org_id", "=", orgId)
    .executeTakeFirst();
  if (!user) throw userNotFound();
  return user;
}

export async function listIdentifiers(db: Kysely<Database>, orgId: string, userId: string) {
  await requireUser(db, orgId, userId);
  const rows = await db
    .selectFrom("account_identifier")
    .select(["id", "kind", "value", "provider_id"])
    .where("org_id", "=", orgId)
    .where("user_id", "=", userId)
    .orderBy("kind")
    .orderBy("created_at")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    // The hash says nothing to a person: a stored number is shown only as stored.
    value: r.kind === "personal_identity_number" ? null : r.value,
    providerId: r.provider_id,
  }));
}

export async function addIdentifier(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  userId: string,
  input: AddAccountIdentifierBody,
) {
  await requireUser(database.db, actor.orgId, userId);
  const normalised = normaliseIdentifier(input.kind, input.value);
  if (!normalised.ok) throw invalid({ value: normalised.message });
  const providerId = input.kind === "sub" ? (input.providerId ?? null) : null;
  if (input.kind === "sub" && !providerId)
    throw invalid({
      providerId: "Ett sub gäller bara hos sin utfärdare: välj identitetsleverantören.",
    });
  if (providerId) await oneProvider(database.db, actor.orgId, providerId);
  const value = await storedIdentifier(database, actor.orgId, input.kind, normalised.value);
  // One identifier of a kind per account (per provider for a sub), and one account per value.
  const clash = await database.db
    .selectFrom("account_identifier")
    .select(["value"])
    .where("org_id", "=", actor.orgId)
    .where("kind", "=", input.kind)
    .where((eb) =>
      providerId ? eb("provider_id", "=", providerId) : eb("provider_id", "is", null),
    )
    .where((eb) => eb.or([eb("value", "=", value), eb("user_id", "=", userId)]))
    .executeTakeFirst();
  if (clash) throw invalid(clash.value === value ? valueHeld : kindHeld);
  const entry: AuditEntry = {
    action: "admin.identifier.add",
    resourceType: "user",
    resourceId: userId,
    data: { kind: input.kind },
  };
  await audited(database, actor, meta, entry, (db) =>
    db
      .insertInto("account_identifier")
      .values({
        org_id: actor.orgId,
        user_id: userId,
        kind: input.kind,
        value,
        provider_id: providerId,
        created_by: actor.userId,
      })
      .execute(),
  ).catch((error) => invalidIfUnique(error, valueHeld));
  return { identifiers: await listIdentifiers(database.db, actor.orgId, userId) };
}

export async function removeIdentifier(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  identifierId: string,
): Promise<void> {
  // Deleted and audited in one statement's turn: of two removals at once, one finds it gone.
  await withActor(database.db, actor, async (trx) => {
    const gone = await trx
      .deleteFrom("account_identifier")
      .where("id", "=", identifierId)
      .where("org_id", "=", actor.orgId)
      .returning(["user_id", "kind"])
      .executeTakeFirst();
    if (!gone) throw new AppError(404, "not_found", "Identifieraren finns inte.");
    await recordAudit(trx, auditContext(actor, meta), [
      {
        action: "admin.identifier.remove",
        resourceType: "user",
        resourceId: gone.user_id,
        data: { kind: gone.kind },
      },
    ]);
  });
}

export async function setLoginPolicy(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  localPasswords: boolean,
  mode: Config["mode"],
) {
  const entry: AuditEntry = {
    action: "admin.login_policy.update",
    resourceType: "login_policy",
    data: { localPasswords },
  };
  return audited(database, actor, meta, entry, async (db) => {
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
    // Passwords off leaves the break-glass account as the way in when the provider is down.
    await assertWayInRemains(db, actor.orgId);
    return loginPolicyView(db, actor.orgId, mode);
  });
}

export async function setBreakGlass(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  userId: string,
  breakGlass: boolean,
) {
  const user = await requireUser(database.db, actor.orgId, userId);
  if (breakGlass && !(user.active && user.administrator))
    throw invalid({ breakGlass: "Nödkontot måste vara en aktiv systemförvaltare." });
  const entry: AuditEntry = {
    action: "admin.break_glass.update",
    resourceType: "user",
    resourceId: userId,
    data: { breakGlass },
  };
  await audited(database, actor, meta, entry, async (db) => {
    await db
      .updateTable("app_user")
      .set({ break_glass: breakGlass })
      .where("id", "=", userId)
      .execute();
    if (!breakGlass) await assertWayInRemains(db, actor.orgId);
  });
  return { breakGlass };
}
