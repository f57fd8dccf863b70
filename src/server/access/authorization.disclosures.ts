import { disclosureBody, oralConsentBody } from "../testing/disclosures.ts";
import type { Endpoint, Expect } from "./authorization.routes.ts";

/**
 * The consent registry's and disclosures' routes in the authorization suite (issue 18, items
 * 3–4): case X's workers (its assigned worker and its unit's manager) only; everyone else 404,
 * audited. In a file of its own so the other parts of issue 18 add theirs beside it.
 */
const onlyWorkers: Expect = { assigned: 200, manager: 200, otherwise: 404 };
const consent = (w: Parameters<Endpoint["request"]>[0]) =>
  oralConsentBody({
    personId: w.personId,
    agencyId: w.disclosures.agencyId,
    heardBy: w.disclosures.heardBy,
  });

// biome-ignore format: one line per endpoint
export const disclosureEndpoints: Endpoint[] = [
  { route: "GET /api/cases/{id}/sharing-consents", request: (w) => ({ method: "GET", url: `/api/cases/${w.caseId}/sharing-consents` }), expect: onlyWorkers },
  { route: "POST /api/cases/{id}/sharing-consents", request: (w) => ({ method: "POST", url: `/api/cases/${w.caseId}/sharing-consents`, payload: consent(w) }), expect: { assigned: 201, manager: 201, otherwise: 404 } },
  { route: "GET /api/persons/{id}/sharing-consents", request: (w) => ({ method: "GET", url: `/api/persons/${w.personId}/sharing-consents` }), expect: onlyWorkers },
  // Her own consent has its one giver: those who may see X reach the rule (409).
  { route: "POST /api/cases/{id}/sharing-consents/{consentId}/givers", request: (w) => ({ method: "POST", url: `/api/cases/${w.caseId}/sharing-consents/${w.disclosures.consentId}/givers`, payload: { kind: "self", name: "Hon igen", form: "oral", heardBy: w.disclosures.heardBy, givenOn: "2026-11-01" } }), expect: { assigned: 409, manager: 409, otherwise: 404 } },
  // The assigned worker records the revocation; the manager, later, finds it revoked (409).
  { route: "POST /api/cases/{id}/sharing-consents/{consentId}/revoke", request: (w) => ({ method: "POST", url: `/api/cases/${w.caseId}/sharing-consents/${w.disclosures.revocableConsentId}/revoke`, payload: { revokedOn: "2026-11-05", reason: "Drog tillbaka." } }), expect: { assigned: 200, manager: 409, otherwise: 404 } },
  { route: "GET /api/cases/{id}/disclosures", request: (w) => ({ method: "GET", url: `/api/cases/${w.caseId}/disclosures` }), expect: onlyWorkers },
  { route: "POST /api/cases/{id}/disclosures", request: (w) => ({ method: "POST", url: `/api/cases/${w.caseId}/disclosures`, payload: disclosureBody({ personId: w.personId, agencyId: w.disclosures.agencyId, overrides: { ground: "consent", consentId: w.disclosures.consentId, secrecyRule: null } }) }), expect: { assigned: 201, manager: 201, otherwise: 404 } },
  { route: "GET /api/persons/{id}/disclosures", request: (w) => ({ method: "GET", url: `/api/persons/${w.personId}/disclosures` }), expect: onlyWorkers },
];
