import type { Endpoint } from "./authorization.routes.ts";

/*
 * The identity providers' and account identifiers' places in the authorization suite (issue
 * 21; modules/identity-providers): the administrator's alone (403 for the others: the
 * module's own tests). Input is checked before the administrator's rule, so a write with an
 * empty body is 400 for every kind of user. An id of nobody's is the administrator's 404,
 * audited as a denial (admin/routes.ts administratorsOnly). Nothing here changes how the
 * suite's users log in.
 */
const nobody = "00000000-0000-4000-8000-00000000b0d1";
const adminOnly = (status: number) => ({ administrator: status, otherwise: 403 });

// biome-ignore format: one line per endpoint
export const identityEndpoints: Endpoint[] = [
  { route: "GET /api/admin/identity-providers", request: () => ({ method: "GET", url: "/api/admin/identity-providers" }), expect: adminOnly(200), unaudited: "the organisation's login settings, no client data" },
  { route: "POST /api/admin/identity-providers", request: () => ({ method: "POST", url: "/api/admin/identity-providers", payload: {} }), expect: { otherwise: 400 } },
  { route: "POST /api/admin/identity-providers/saml", request: () => ({ method: "POST", url: "/api/admin/identity-providers/saml", payload: {} }), expect: { otherwise: 400 } },
  { route: "PATCH /api/admin/identity-providers/{id}/saml", request: () => ({ method: "PATCH", url: `/api/admin/identity-providers/${nobody}/saml`, payload: {} }), expect: { otherwise: 400 } },
  { route: "PATCH /api/admin/identity-providers/{id}", request: () => ({ method: "PATCH", url: `/api/admin/identity-providers/${nobody}`, payload: { enabled: false } }), expect: adminOnly(404) },
  { route: "GET /api/admin/users/{id}/identifiers", request: () => ({ method: "GET", url: `/api/admin/users/${nobody}/identifiers` }), expect: adminOnly(404) },
  { route: "POST /api/admin/users/{id}/identifiers", request: () => ({ method: "POST", url: `/api/admin/users/${nobody}/identifiers`, payload: { kind: "email", value: "ingen@kommun.example" } }), expect: adminOnly(404) },
  { route: "DELETE /api/admin/account-identifiers/{id}", request: () => ({ method: "DELETE", url: `/api/admin/account-identifiers/${nobody}` }), expect: adminOnly(404) },
  { route: "GET /api/admin/login-policy", request: () => ({ method: "GET", url: "/api/admin/login-policy" }), expect: adminOnly(200), unaudited: "the organisation's login settings, no client data" },
  { route: "PUT /api/admin/login-policy", request: () => ({ method: "PUT", url: "/api/admin/login-policy", payload: {} }), expect: { otherwise: 400 } },
  { route: "POST /api/admin/users/import", request: () => ({ method: "POST", url: "/api/admin/users/import", headers: { "content-type": "text/csv" }, payload: "name,username,email,roles,unit,hsa_id,personal_identity_number\nProv Körning,prov.korning,,analyst,,SE2321000016-PROV,\n" }), expect: adminOnly(200), unaudited: "a dry run: it writes nothing and shows staff accounts only" },
  { route: "PUT /api/admin/users/{id}/break-glass", request: () => ({ method: "PUT", url: `/api/admin/users/${nobody}/break-glass`, payload: { breakGlass: true } }), expect: adminOnly(404) },
];
