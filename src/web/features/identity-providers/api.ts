import type { z } from "zod";
import { ImportResult } from "../../../shared/api/account-import";
import {
  AccountIdentifierList,
  type AddAccountIdentifierBody,
  BreakGlassBody,
  type CreateIdentityProviderBody,
  type CreateSamlProviderBody,
  type IdentifierKind,
  IdentityProviderList,
  IdentityProviderView,
  LoginPolicyView,
  type UpdateIdentityProviderBody,
  type UpdateSamlProviderBody,
} from "../../../shared/api/identity-providers";
import { deleteJson, parseWith, patchJson, postFile } from "../../api/client";
import type { Transport } from "../../api/transport";

export type { IdentifierKind, IdentityProviderView, ImportResult };
export type LoginPolicy = z.infer<typeof LoginPolicyView>;
export type AccountIdentifier = z.infer<typeof AccountIdentifierList>["identifiers"][number];
export type ProviderInput = z.input<typeof CreateIdentityProviderBody>;
export type ProviderChange = z.input<typeof UpdateIdentityProviderBody>;
export type SamlProviderInput = z.input<typeof CreateSamlProviderBody>;
export type SamlProviderChange = z.input<typeof UpdateSamlProviderBody>;
export type IdentifierInput = z.input<typeof AddAccountIdentifierBody>;

/** The administrator's login settings (issue 21): providers, policy, break-glass, identifiers. */
export function identityProvidersApi({ call, get, post, put, opts, id }: Transport) {
  return {
    identityProviders: (signal?: AbortSignal) =>
      get("/api/admin/identity-providers", IdentityProviderList, signal),
    createIdentityProvider: (input: ProviderInput) =>
      post("/api/admin/identity-providers", input, IdentityProviderView),
    updateIdentityProvider: (providerId: string, changes: ProviderChange) =>
      call(async () =>
        parseWith(
          IdentityProviderView,
          await patchJson(`/api/admin/identity-providers/${id(providerId)}`, changes, opts()),
        ),
      ),
    createSamlProvider: (input: SamlProviderInput) =>
      post("/api/admin/identity-providers/saml", input, IdentityProviderView),
    /** Any of a SAML provider's settings, saved together or not at all. */
    updateSamlProvider: (providerId: string, changes: SamlProviderChange) =>
      call(async () =>
        parseWith(
          IdentityProviderView,
          await patchJson(`/api/admin/identity-providers/${id(providerId)}/saml`, changes, opts()),
        ),
      ),
    loginPolicy: (signal?: AbortSignal) => get("/api/admin/login-policy", LoginPolicyView, signal),
    setLoginPolicy: (localPasswords: boolean) =>
      put("/api/admin/login-policy", { localPasswords }, LoginPolicyView),
    setBreakGlass: (userId: string, breakGlass: boolean) =>
      put(`/api/admin/users/${id(userId)}/break-glass`, { breakGlass }, BreakGlassBody),
    accountIdentifiers: (userId: string, signal?: AbortSignal) =>
      get(`/api/admin/users/${id(userId)}/identifiers`, AccountIdentifierList, signal),
    addAccountIdentifier: (userId: string, input: IdentifierInput) =>
      post(`/api/admin/users/${id(userId)}/identifiers`, input, AccountIdentifierList),
    removeAccountIdentifier: (identifierId: string) =>
      call(async () => {
        await deleteJson(`/api/admin/account-identifiers/${id(identifierId)}`, opts());
      }),
    /** The CSV file itself as the body: a dry run, or (apply) the whole file or nothing. */
    importAccounts: (file: Blob, apply: boolean) =>
      call(async () =>
        parseWith(
          ImportResult,
          await postFile(
            `/api/admin/users/import?mode=${apply ? "apply" : "dry-run"}`,
            file,
            "text/csv",
            opts(),
          ),
        ),
      ),
  };
}
