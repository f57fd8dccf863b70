import { z } from "zod";
import { IdParams } from "../../../shared/api/admin.ts";
import {
  AccountIdentifierList,
  AddAccountIdentifierBody,
  BreakGlassBody,
  CreateIdentityProviderBody,
  CreateSamlProviderBody,
  IdentityProviderList,
  IdentityProviderView,
  LoginPolicyBody,
  LoginPolicyView,
  UpdateIdentityProviderBody,
  UpdateSamlProviderBody,
} from "../../../shared/api/identity-providers.ts";
import type { Config } from "../../config.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import type { App, RouteModule } from "../../http/context.ts";
import { requestMeta, requireActor } from "../../http/request-context.ts";
import { type AdminCheck, administratorsOnly } from "../admin/routes.ts";
import { loginPolicyView } from "./login-policy.ts";
import { createSamlProvider, updateSamlProvider } from "./saml-providers.ts";
import {
  addIdentifier,
  createProvider,
  listIdentifiers,
  listProviders,
  removeIdentifier,
  setBreakGlass,
  setLoginPolicy,
  updateProvider,
} from "./service.ts";

const tags = ["administration"];

/** The administrator's routes of issue 21 (every one for administrators only, audited). */
export const identityProviderRoutes: RouteModule = (app, { config, database }) => {
  const admin = administratorsOnly(database);
  registerProviderRoutes(app, database, admin);
  registerSamlProviderRoutes(app, database, admin);
  registerIdentifierRoutes(app, database, admin);
  registerPolicyRoutes(app, database, admin, config.mode);
};

function registerProviderRoutes(app: App, database: DatabaseHandle, admin: AdminCheck): void {
  app.get(
    "/api/admin/identity-providers",
    {
      ...admin,
      schema: {
        tags,
        summary: "My organisation's identity providers",
        response: { 200: IdentityProviderList },
      },
    },
    async (request) => ({
      providers: await listProviders(database.db, requireActor(request).orgId),
    }),
  );

  app.post(
    "/api/admin/identity-providers",
    {
      ...admin,
      schema: {
        tags,
        summary: "Add an OpenID Connect identity provider (the secret stays in the environment)",
        body: CreateIdentityProviderBody,
        response: { 201: IdentityProviderView },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await createProvider(database, requireActor(request), requestMeta(request), request.body),
        ),
  );

  app.patch(
    "/api/admin/identity-providers/:id",
    {
      ...admin,
      schema: {
        tags,
        summary: "Change, enable or disable an identity provider",
        params: IdParams,
        body: UpdateIdentityProviderBody,
        response: { 200: IdentityProviderView },
      },
    },
    async (request) =>
      updateProvider(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.id,
        request.body,
      ),
  );
}

function registerSamlProviderRoutes(app: App, database: DatabaseHandle, admin: AdminCheck): void {
  app.post(
    "/api/admin/identity-providers/saml",
    {
      ...admin,
      schema: {
        tags,
        summary: "Add a SAML 2.0 identity provider (entity id, sign-on address, certificates)",
        body: CreateSamlProviderBody,
        response: { 201: IdentityProviderView },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await createSamlProvider(
            database,
            requireActor(request),
            requestMeta(request),
            request.body,
          ),
        ),
  );

  app.patch(
    "/api/admin/identity-providers/:id/saml",
    {
      ...admin,
      schema: {
        tags,
        summary:
          "Change any of a SAML provider's settings at once (name, IdP, certificates, identifier, level, on/off)",
        params: IdParams,
        body: UpdateSamlProviderBody,
        response: { 200: IdentityProviderView },
      },
    },
    async (request) =>
      updateSamlProvider(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.id,
        request.body,
      ),
  );
}

function registerIdentifierRoutes(app: App, database: DatabaseHandle, admin: AdminCheck): void {
  app.get(
    "/api/admin/users/:id/identifiers",
    {
      ...admin,
      schema: {
        tags,
        summary: "A user's identifiers for logins through identity providers",
        params: IdParams,
        response: { 200: AccountIdentifierList },
      },
    },
    async (request) => ({
      identifiers: await listIdentifiers(
        database.db,
        requireActor(request).orgId,
        request.params.id,
      ),
    }),
  );

  app.post(
    "/api/admin/users/:id/identifiers",
    {
      ...admin,
      schema: {
        tags,
        summary: "Give a user an identifier (HSA-id, personal identity number, e-mail or sub)",
        params: IdParams,
        body: AddAccountIdentifierBody,
        response: { 201: AccountIdentifierList },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await addIdentifier(
            database,
            requireActor(request),
            requestMeta(request),
            request.params.id,
            request.body,
          ),
        ),
  );

  app.delete(
    "/api/admin/account-identifiers/:id",
    {
      ...admin,
      schema: {
        tags,
        summary: "Take an identifier away",
        params: IdParams,
        response: { 204: z.undefined() },
      },
    },
    async (request, reply) => {
      await removeIdentifier(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.id,
      );
      return reply.status(204).send();
    },
  );
}

function registerPolicyRoutes(
  app: App,
  database: DatabaseHandle,
  admin: AdminCheck,
  mode: Config["mode"],
): void {
  app.get(
    "/api/admin/login-policy",
    {
      ...admin,
      schema: {
        tags,
        summary: "Whether local passwords are allowed in my organisation",
        response: { 200: LoginPolicyView },
      },
    },
    async (request) => loginPolicyView(database.db, requireActor(request).orgId, mode),
  );

  app.put(
    "/api/admin/login-policy",
    {
      ...admin,
      schema: {
        tags,
        summary: "Allow or refuse local passwords (break-glass administrators keep theirs)",
        body: LoginPolicyBody,
        response: { 200: LoginPolicyView },
      },
    },
    async (request) =>
      setLoginPolicy(
        database,
        requireActor(request),
        requestMeta(request),
        request.body.localPasswords,
        mode,
      ),
  );

  app.put(
    "/api/admin/users/:id/break-glass",
    {
      ...admin,
      schema: {
        tags,
        summary: "Mark or unmark a user as the break-glass administrator (keeps a password login)",
        params: IdParams,
        body: BreakGlassBody,
        response: { 200: BreakGlassBody },
      },
    },
    async (request) =>
      setBreakGlass(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.id,
        request.body.breakGlass,
      ),
  );
}
