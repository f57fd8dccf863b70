import { createServer } from "node:net";
import { type Page, request } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoHsaId } from "../src/server/db/seed/demo-data.ts";
import { hsaIdAttribute, loa2, loa3 } from "../src/server/testing/saml-idp.ts";
import { type RunningSamlIdp, startSamlIdp } from "../src/server/testing/saml-idp-server.ts";
import { expectNoSeriousA11yViolations, useBrowser } from "./fixtures/browser.ts";
import { demoPassword } from "./fixtures/login.ts";
import { type RunningServer, startServer } from "./fixtures/server.ts";

/*
 * Logging in through a SAML 2.0 IdP in a browser (issue 21 items 2, 4 and 7): the tests'
 * signing IdP (testing/saml-idp-server.ts) on loopback, and a Frid of its own for this file,
 * because SAML needs FRID_PUBLIC_URL (Frid's entity id and ACS are made from it, never from
 * the Host header) and the run's shared server has none (the OIDC and key journeys rely on
 * that). The administrator registers the IdP through the API with its certificate;
 * handlaggare1 logs in with no one-time code and reaches Att göra; a person Frid has no
 * account for, and a login at too low a level, get the Swedish refusal page.
 */
const providerName = "Test-SAML-IdP";
let idp: RunningSamlIdp;
let frid: RunningServer;

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const address = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}

/** The administrator registers the IdP through the API, with its signing certificate. */
async function registerProvider(baseURL: string) {
  const api = await request.newContext({ baseURL });
  const signedIn = await api.post("/api/auth/login", {
    data: { username: "admin", password: demoPassword },
  });
  const { csrfToken } = (await signedIn.json()) as { csrfToken: string };
  const created = await api.post("/api/admin/identity-providers/saml", {
    headers: { "x-csrf-token": csrfToken },
    data: {
      displayName: providerName,
      entityId: idp.entityId,
      ssoUrl: idp.ssoUrl,
      certificates: [idp.idp.key.certPem],
      identifierKind: "hsa_id",
      identifierAttribute: hsaIdAttribute,
      authnContextClassRefs: [loa3],
    },
  });
  expect(created.status()).toBe(201);
  await api.dispose();
}

/** From Frid's login page to the IdP's choice, and on as `identity`. */
async function loginAs(page: Page, identity: string) {
  await page.goto(`${frid.url}/`);
  await page.getByRole("link", { name: `Logga in med ${providerName}` }).click();
  await page.getByRole("heading", { name: "Test-SAML-IdP: välj identitet" }).waitFor();
  await page.getByRole("button", { name: identity, exact: true }).click();
}

/** Frid's refusal page: the message, the login page's look without its script, a way back. */
async function expectRefusal(page: Page, message: string) {
  await page.getByRole("heading", { level: 1, name: "Inloggningen misslyckades" }).waitFor();
  expect(await page.textContent("main")).toContain(message);
  expect(await page.locator("script").count()).toBe(0);
  await page.getByText("Ärendehantering – våld i nära relationer").waitFor();
  await expectNoSeriousA11yViolations(page);
  const look = () =>
    page.evaluate(() => {
      const style = getComputedStyle(document.querySelector("header") ?? document.body);
      return [getComputedStyle(document.body).fontFamily, style.backgroundColor];
    });
  const refusalLook = await look();
  await page.getByRole("link", { name: "Till inloggningen" }).click();
  await page.getByRole("heading", { level: 1, name: "Logga in" }).waitFor();
  expect(await look()).toEqual(refusalLook);
}

describe("Logga in med SAML", () => {
  const browser = useBrowser();

  beforeAll(async () => {
    idp = await startSamlIdp([
      { label: "Lina Ek", hsaId: demoHsaId("handlaggare1") },
      { label: "Okänd person", hsaId: demoHsaId("okand") },
      {
        label: "Lina Ek (lägre tillitsnivå)",
        hsaId: demoHsaId("handlaggare1"),
        authnContextClassRef: loa2,
      },
    ]);
    const port = await freePort();
    frid = await startServer({ PORT: String(port), FRID_PUBLIC_URL: `http://127.0.0.1:${port}` });
    await registerProvider(frid.url);
  });
  afterAll(async () => {
    await frid?.stop();
    await idp?.close();
  });

  it("handlaggare1 logs in through the SAML IdP without a one-time code and reaches Att göra", async () => {
    const { page, problems } = browser();
    await page.goto(`${frid.url}/`);
    await page.getByRole("link", { name: `Logga in med ${providerName}` }).waitFor();
    await expectNoSeriousA11yViolations(page);
    await loginAs(page, "Lina Ek");
    await page.getByRole("button", { name: "Logga ut" }).waitFor();
    await page.getByRole("region", { name: "Att göra", exact: true }).waitFor();
    expect(new URL(page.url()).origin).toBe(frid.url);
    await expectNoSeriousA11yViolations(page);
    expect(problems).toEqual([]);
  });

  it("a person Frid has no account for is refused with the Swedish message", async () => {
    const { page } = browser();
    await loginAs(page, "Okänd person");
    await expectRefusal(
      page,
      "Det finns inget konto i Frid för den här inloggningen. Kontakta din administratör.",
    );
  });

  it("a login at too low an assurance level is refused", async () => {
    const { page } = browser();
    await loginAs(page, "Lina Ek (lägre tillitsnivå)");
    await expectRefusal(page, "Inloggningen gjordes med för låg tillitsnivå.");
  });
});
