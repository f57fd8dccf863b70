/** Reachable without logging in; every other route must answer 401 without a session. */
export const publicRoutes = new Set([
  "GET /api/health",
  "GET /api/app-info",
  "POST /api/auth/login",
  // Logging in through the organisation's identity provider (issue 21, auth/oidc): the list
  // names organisations and their providers only; start and callback carry no session yet.
  "GET /api/auth/identity-providers",
  "GET /api/auth/oidc/{providerId}/start",
  "GET /api/auth/oidc/callback",
  // The same through a SAML provider (auth/saml): start and the IdP's answer carry no
  // session yet; the metadata is Frid's own public description as a service provider.
  "GET /api/auth/saml/{providerId}/start",
  "POST /api/auth/saml/acs",
  "GET /api/auth/saml/{providerId}/metadata",
  // SAML single logout: the IdP's signed message is the only key (auth/saml/logout.ts).
  "GET /api/auth/saml/{providerId}/slo",
  // The provider's server posts a signed logout token (back-channel logout): the token is
  // the only key, checked before any session is touched (auth/oidc/backchannel.ts).
  "POST /api/auth/oidc/backchannel-logout",
  // A survey's personal link (issue 17): the token is the only key; survey-links.test.ts
  // proves it opens nothing else.
  "GET /api/survey-links/{token}",
  "POST /api/survey-links/{token}/answer",
  // The young people's chat: her page has no account (rate-limited, modules/chat/limits.ts).
  "GET /api/chat/public/units",
  "POST /api/chat/public/conversations",
]);
