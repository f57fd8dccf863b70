import type { AuthenticationResponseJSON, RegistrationResponseJSON } from "@simplewebauthn/server";
import type { FastifyRequest } from "fastify";
import { z } from "zod";
import { LoginResult } from "../../../shared/api/auth.ts";
import {
  KeyCreationOptions,
  KeyIdParams,
  KeyLoginBody,
  KeyRegistrationBody,
  KeyRegistrationStartBody,
  KeyRenameBody,
  KeyRequestOptions,
  SecondFactorMethods,
  SecurityKey,
  SecurityKeyList,
} from "../../../shared/api/webauthn.ts";
import type { Config } from "../../config.ts";
import type { App, AppContext, RouteModule } from "../../http/context.ts";
import { RateLimiter, rateLimited } from "../../http/rate-limit.ts";
import { requestMeta, requireActor } from "../../http/request-context.ts";
import { sessionCookieHeader } from "../sessions.ts";
import { finishKeyLogin, secondFactorMethods, startKeyLogin } from "./authentication.ts";
import { listKeys, removeKey, renameKey } from "./keys.ts";
import { finishKeyRegistration, startKeyRegistration } from "./registration.ts";
import { relyingParty } from "./relying-party.ts";

const tags = ["auth"];

const rpOf = (config: Config, request: FastifyRequest) =>
  relyingParty(config, request.socket.localPort);

/** Security keys and passkeys: the login step (auth/webauthn) and Mitt konto's keys. */
export const webauthnRoutes: RouteModule = (app, context) => {
  registerKeyLoginRoutes(app, context);
  registerMyKeyRoutes(app, context);
  registerKeyChangeRoutes(app, context);
};

function registerKeyLoginRoutes(app: App, { config, database }: AppContext): void {
  const { db } = database;
  // A refused key writes an audit event and checks a signature, and does not count towards
  // the login lockout (ADR 0029): the volume from one address is bounded here instead —
  // generously, as a whole office may log in through one proxy address at eight.
  const attempts = new RateLimiter(300, 60_000);
  const pending = { config: { allowPendingSession: true } };
  const limited = {
    ...pending,
    onRequest: rateLimited(attempts, "Många försök med säkerhetsnyckel härifrån. Vänta en minut."),
  };
  app.get(
    "/api/auth/mfa/methods",
    {
      ...pending,
      schema: {
        tags,
        summary: "Which second factors the login may use (one-time code, security key)",
        response: { 200: SecondFactorMethods },
      },
    },
    async (request) => secondFactorMethods(db, request.authSession!, config.mode),
  );

  app.post(
    "/api/auth/webauthn/options",
    {
      ...limited,
      schema: {
        tags,
        summary: "Start logging in with a security key: the challenge for the user's keys",
        response: { 200: KeyRequestOptions },
      },
    },
    // Spread: the library's option type, as a plain object the loose schema describes.
    async (request) => ({
      ...(await startKeyLogin(db, rpOf(config, request), request.authSession!)),
    }),
  );

  app.post(
    "/api/auth/webauthn",
    {
      ...limited,
      schema: {
        tags,
        summary: "Finish the login with the key's signed answer (instead of the one-time code)",
        body: KeyLoginBody,
        response: { 200: LoginResult },
      },
    },
    async (request, reply) => {
      const { state, next } = await finishKeyLogin(
        config,
        db,
        rpOf(config, request),
        request.authSession!,
        request.body.credential as AuthenticationResponseJSON,
        requestMeta(request),
      );
      reply.header("set-cookie", sessionCookieHeader(next.id, request.protocol === "https"));
      return { state, csrfToken: next.csrfToken };
    },
  );
}

function registerMyKeyRoutes(app: App, { config, database }: AppContext): void {
  const { db } = database;
  app.get(
    "/api/me/keys",
    { schema: { tags, summary: "My security keys", response: { 200: SecurityKeyList } } },
    async (request) => listKeys(db, requireActor(request)),
  );

  app.post(
    "/api/me/keys/options",
    {
      schema: {
        tags,
        summary: "Start adding a security key (the password again): the options for the browser",
        body: KeyRegistrationStartBody,
        response: { 200: KeyCreationOptions },
      },
    },
    async (request) => ({
      ...(await startKeyRegistration(
        config,
        db,
        rpOf(config, request),
        requireActor(request),
        request.authSession!,
        request.body.password,
        requestMeta(request),
      )),
    }),
  );

  app.post(
    "/api/me/keys",
    {
      schema: {
        tags,
        summary: "Add a security key: the key's answer to the options, and its name",
        body: KeyRegistrationBody,
        response: { 201: SecurityKey },
      },
    },
    async (request, reply) => {
      const key = await finishKeyRegistration(
        db,
        rpOf(config, request),
        requireActor(request),
        request.authSession!,
        {
          name: request.body.name,
          credential: request.body.credential as RegistrationResponseJSON,
        },
        requestMeta(request),
      );
      return reply.status(201).send(key);
    },
  );
}

function registerKeyChangeRoutes(app: App, { database }: AppContext): void {
  const { db } = database;
  app.patch(
    "/api/me/keys/:keyId",
    {
      schema: {
        tags,
        summary: "Rename one of my security keys",
        params: KeyIdParams,
        body: KeyRenameBody,
        response: { 200: SecurityKey },
      },
    },
    async (request) =>
      renameKey(
        db,
        requireActor(request),
        request.params.keyId,
        request.body.name,
        requestMeta(request),
      ),
  );

  app.delete(
    "/api/me/keys/:keyId",
    {
      schema: {
        tags,
        summary: "Remove one of my security keys (never the last second factor)",
        params: KeyIdParams,
        response: { 204: z.undefined() },
      },
    },
    async (request, reply) => {
      await removeKey(db, requireActor(request), request.params.keyId, requestMeta(request));
      return reply.status(204).send();
    },
  );
}
