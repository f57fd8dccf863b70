import type { Updateable } from "kysely";
import type {
  CreateSamlProviderBody,
  IdentityProviderView,
  UpdateSamlProviderBody,
} from "../../../shared/api/identity-providers.ts";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import type { AuditEntry } from "../../audit/record.ts";
import { readCertificate } from "../../auth/saml/certificates.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import type { Database } from "../../db/types.ts";
import { AppError, invalid, invalidIfUnique } from "../../http/errors.ts";
import { audited } from "../admin/service.ts";
import { nameInUse, nameTaken, oneProvider, updateEntry } from "./service.ts";

/**
 * The administrator's SAML providers (issue 21 item 2, migration 0106): registered with the
 * IdP's entity id, single sign-on address and signing certificates. Every setting changes
 * through its own PATCH at once; the common PATCH also takes those both protocols share
 * (name, identifier, assurance, enabled), as the list's on/off button sends.
 */

/** Every certificate read and stored in one PEM form; a field message for each bad one. */
function certificatesOf(texts: string[]): string[] {
  const fields: Record<string, string> = {};
  const pems = texts.map((text, i) => {
    const read = readCertificate(text);
    if (!read.ok) fields[`certificates.${i}`] = read.message;
    return read.ok ? read.pem : "";
  });
  if (new Set(pems).size < pems.length && Object.keys(fields).length === 0)
    fields.certificates = "Samma certifikat finns två gånger.";
  if (Object.keys(fields).length > 0) throw invalid(fields);
  return pems;
}

export async function createSamlProvider(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  input: CreateSamlProviderBody,
): Promise<IdentityProviderView> {
  const certificates = certificatesOf(input.certificates);
  if (await nameTaken(database.db, actor.orgId, input.displayName)) throw invalid(nameInUse);
  const entry: AuditEntry = {
    action: "admin.identity_provider.create",
    resourceType: "identity_provider",
    data: { issuer: input.entityId },
  };
  return audited(database, actor, meta, entry, async (db) => {
    const { id } = await db
      .insertInto("identity_provider")
      .values({
        org_id: actor.orgId,
        protocol: "saml",
        display_name: input.displayName,
        issuer: null,
        client_id: null,
        saml_entity_id: input.entityId,
        saml_sso_url: input.ssoUrl,
        saml_certificates: certificates,
        saml_want_encrypted: input.wantEncryptedAssertions ?? false,
        saml_slo_url: input.singleLogoutUrl ?? null,
        identifier_kind: input.identifierKind,
        identifier_claim: input.identifierAttribute,
        acr_values: input.authnContextClassRefs,
        enabled: input.enabled ?? true,
        created_by: actor.userId,
        updated_by: actor.userId,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    return oneProvider(db, actor.orgId, id);
  }).catch((error) => invalidIfUnique(error, nameInUse));
}

/** The columns a change sets: only the fields it names (null clears single logout). */
function changedColumns(
  input: UpdateSamlProviderBody,
  certificates: string[] | undefined,
): Updateable<Database["identity_provider"]> {
  const i = input;
  return {
    ...(i.displayName !== undefined ? { display_name: i.displayName } : {}),
    ...(i.entityId !== undefined ? { saml_entity_id: i.entityId } : {}),
    ...(i.ssoUrl !== undefined ? { saml_sso_url: i.ssoUrl } : {}),
    ...(certificates ? { saml_certificates: certificates } : {}),
    ...(i.wantEncryptedAssertions !== undefined
      ? { saml_want_encrypted: i.wantEncryptedAssertions }
      : {}),
    ...(i.singleLogoutUrl !== undefined ? { saml_slo_url: i.singleLogoutUrl } : {}),
    ...(i.identifierKind !== undefined ? { identifier_kind: i.identifierKind } : {}),
    ...(i.identifierAttribute !== undefined ? { identifier_claim: i.identifierAttribute } : {}),
    ...(i.authnContextClassRefs !== undefined ? { acr_values: i.authnContextClassRefs } : {}),
    ...(i.enabled !== undefined ? { enabled: i.enabled } : {}),
  };
}

/**
 * Any of a SAML provider's settings in one transaction and one audit event: a change the
 * server refuses in part (a name already taken, also by a rename at the same moment) leaves
 * every setting as it was.
 */
export async function updateSamlProvider(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  id: string,
  input: UpdateSamlProviderBody,
): Promise<IdentityProviderView> {
  const current = await oneProvider(database.db, actor.orgId, id);
  if (current.protocol !== "saml")
    throw new AppError(404, "not_found", "Det finns ingen SAML-leverantör med det id:t.");
  const certificates = input.certificates ? certificatesOf(input.certificates) : undefined;
  if (input.displayName && (await nameTaken(database.db, actor.orgId, input.displayName, id)))
    throw invalid(nameInUse);
  return audited(database, actor, meta, updateEntry(id, input), async (db) => {
    await db
      .updateTable("identity_provider")
      .set({
        ...changedColumns(input, certificates),
        updated_by: actor.userId,
        updated_at: new Date(),
      })
      .where("id", "=", id)
      .where("org_id", "=", actor.orgId)
      .where("protocol", "=", "saml")
      .execute();
    return oneProvider(db, actor.orgId, id);
  }).catch((error) => invalidIfUnique(error, nameInUse));
}
