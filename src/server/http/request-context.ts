import type { FastifyRequest } from "fastify";
import type { Actor, RequestMeta } from "../access/actor.ts";
import type { LoadedSession, SessionProof } from "../auth/sessions.ts";
import { AppError } from "./errors.ts";

declare module "fastify" {
  interface FastifyRequest {
    /** The live session behind the request's cookie, in whatever state. */
    authSession: LoadedSession | null;
    /** The fully logged-in user (MFA done), with their roles; null otherwise. */
    actor: Actor | null;
    /**
     * Set when the session was taken from memory (a `sessionInStatement` route): the
     * route's statement must check it (sessionHolds) and, when it did not hold, call
     * `reload` — null means the session has ended (401), else the actor as the tables say now.
     */
    sessionCheck: SessionCheck | null;
  }
  interface FastifyContextConfig {
    /** Reachable without logging in (health, app info, login). */
    public?: boolean;
    /**
     * A public POST another site's page may send: the SAML IdP's answer (auth/saml/), which
     * its own signature and the browser's attempt protect. Every other public POST from
     * another site is refused (login CSRF; auth/hook.ts).
     */
    crossSitePost?: boolean;
    /** Reachable with a session that has not finished MFA (the MFA steps, logout). */
    allowPendingSession?: boolean;
    /** Not the user's activity: the idle clock is not moved (how long the session has left). */
    passive?: boolean;
    /**
     * A GET whose own statement checks the session (issue 14, ADR 0010): the session may come
     * from memory, and the route must honour request.sessionCheck.
     */
    sessionInStatement?: boolean;
  }
}

export interface SessionCheck {
  proof: SessionProof;
  reload: () => Promise<Actor | null>;
}

export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError(401, "unauthenticated", "Du behöver logga in.");
  return request.actor;
}

export function requestMeta(request: FastifyRequest): RequestMeta {
  return { requestId: request.id, clientAddress: request.ip ?? null };
}
