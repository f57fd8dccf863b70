import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { App } from "../http/context.ts";
import {
  type Answer,
  authnRequestOf,
  type SigningKey,
  signingKey,
  type TestSamlIdp,
} from "./saml-idp.ts";

/**
 * A browser's walk through a SAML login for API tests: Frid answered through app.inject,
 * the test IdP (testing/saml-idp.ts) in-process. The ACS is posted as the IdP's page posts
 * it: a form, from another site (Sec-Fetch-Site: cross-site), asking for a page.
 */
export const fridPublicUrl = "https://frid.example.se";
export const acsUrl = `${fridPublicUrl}/api/auth/saml/acs`;
export const spEntityId = (providerId: string) =>
  `${fridPublicUrl}/api/auth/saml/${providerId}/metadata`;
const browserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

export const setCookies = (res: { headers: Record<string, unknown> }) =>
  ([] as string[]).concat((res.headers["set-cookie"] as string[] | string | undefined) ?? []);
export const cookieOf = (res: { headers: Record<string, unknown> }, name: string) =>
  setCookies(res)
    .find((c) => c.startsWith(`${name}=`) && !c.startsWith(`${name}=;`))
    ?.split(";")[0];

export async function startSaml(app: App, providerId: string) {
  const res = await app.inject({
    method: "GET",
    url: `/api/auth/saml/${providerId}/start`,
    headers: { accept: browserAccept },
  });
  const location = res.headers.location as string | undefined;
  return {
    res,
    binding: cookieOf(res, "frid_saml"),
    request: location ? authnRequestOf(location) : null,
    location,
  };
}

export function postAnswer(
  app: App,
  form: { SAMLResponse?: string; RelayState?: string },
  cookie: string | undefined,
) {
  return app.inject({
    method: "POST",
    url: "/api/auth/saml/acs",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      accept: browserAccept,
      "sec-fetch-site": "cross-site",
      ...(cookie ? { cookie } : {}),
    },
    payload: new URLSearchParams(form as Record<string, string>).toString(),
  });
}

/** Start, the IdP's honest answer changed by `change`, and the post — in one browser. */
export async function loginThroughSaml(
  app: App,
  idp: TestSamlIdp,
  providerId: string,
  change: Partial<Answer> & Pick<Answer, "attributes">,
  cookie?: string,
) {
  const started = await startSaml(app, providerId);
  if (!started.request || !started.binding)
    throw new Error(`start answered ${started.res.statusCode}: ${started.res.body}`);
  const samlResponse = idp.respond({
    inResponseTo: started.request.id,
    audience: spEntityId(providerId),
    recipient: acsUrl,
    ...change,
  });
  const form = { SAMLResponse: samlResponse, RelayState: started.request.relayState };
  const browser = [started.binding, cookie].filter(Boolean).join("; ");
  const res = await postAnswer(app, form, browser);
  return { res, form, binding: started.binding, requestId: started.request.id };
}

/**
 * Frid's own SAML key pair for the tests, made once per test file and written where
 * FRID_SAML_SP_KEY_FILE / FRID_SAML_SP_CERT_FILE name it (as in production): the test IdP
 * checks Frid's signatures and encrypts to it with this certificate.
 */
export const fridSpKey: SigningKey = signingKey("Frid SP (test)");
let spKeyFolder: string | null = null;
export function spKeyEnv(): { FRID_SAML_SP_KEY_FILE: string; FRID_SAML_SP_CERT_FILE: string } {
  if (!spKeyFolder) {
    spKeyFolder = mkdtempSync(join(tmpdir(), "frid-saml-sp-"));
    writeFileSync(join(spKeyFolder, "key.pem"), fridSpKey.keyPem, { mode: 0o600 });
    writeFileSync(join(spKeyFolder, "cert.pem"), fridSpKey.certPem);
  }
  return {
    FRID_SAML_SP_KEY_FILE: join(spKeyFolder, "key.pem"),
    FRID_SAML_SP_CERT_FILE: join(spKeyFolder, "cert.pem"),
  };
}
