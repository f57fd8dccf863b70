import type { Endpoint } from "./authorization.routes.ts";

/*
 * Security keys' places in the authorization suite (issue 21, item 6; auth/webauthn): each
 * caller's own keys only, so every kind of user gets the same answer. No request here may
 * count as a failed password (the suite's users share one address's login throttle), so the
 * registration is refused by validation, and a key of nobody's is 404 for all (audited).
 */
const noKey = "00000000-0000-4000-8000-00000000a11a";

// biome-ignore format: one line per endpoint
export const keyEndpoints: Endpoint[] = [
  { route: "GET /api/me/keys", request: () => ({ method: "GET", url: "/api/me/keys" }), expect: { otherwise: 200 }, unaudited: "the caller's own keys: no client data" },
  { route: "POST /api/me/keys/options", request: () => ({ method: "POST", url: "/api/me/keys/options", payload: { password: "" } }), expect: { otherwise: 400 } },
  { route: "POST /api/me/keys", request: () => ({ method: "POST", url: "/api/me/keys", payload: { name: "Nyckel", credential: {} } }), expect: { otherwise: 400 } },
  { route: "PATCH /api/me/keys/{keyId}", request: () => ({ method: "PATCH", url: `/api/me/keys/${noKey}`, payload: { name: "Min" } }), expect: { otherwise: 404 } },
  { route: "DELETE /api/me/keys/{keyId}", request: () => ({ method: "DELETE", url: `/api/me/keys/${noKey}` }), expect: { otherwise: 404 } },
  { route: "GET /api/auth/mfa/methods", request: () => ({ method: "GET", url: "/api/auth/mfa/methods" }), expect: { otherwise: 200 }, unaudited: "which second factors the caller's own login may use" },
  // A logged-in session is not waiting for a second factor: refused for all (409).
  { route: "POST /api/auth/webauthn/options", request: () => ({ method: "POST", url: "/api/auth/webauthn/options" }), expect: { otherwise: 409 } },
  { route: "POST /api/auth/webauthn", request: () => ({ method: "POST", url: "/api/auth/webauthn", payload: {} }), expect: { otherwise: 400 } },
];
