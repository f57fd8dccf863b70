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
 * Logging in and out through a SAML 2.0 IdP in a browser (issue 21 items 2, 4, 5 and 7): the
 * tests' signing IdP (testing/saml-idp-server.ts) on loopback, and a Frid of its own for this
 * file, because SAML needs FRID_PUBLIC_URL (Frid's entity id and ACS are made from it, never
 * from the Host header) and the run's shared server has none (the OIDC and key journeys rely
 * on that). The administrator registers the IdP through the API with its certificate, its
 * single logout address, and encrypted assertions required — so every login here proves the
 * IdP's encryption to Frid's certificate (from Frid's metadata) is opened, a plain one being
 * refused. handlaggare1 logs in with no one-time code and reaches Att göra; her logout passes
 * the IdP's single logout, whose sign-on then asks again; a logout begun at the IdP ends her
 * Frid session in another tab; a person Frid has no account for, and a login at too low a
 * level, get the Swedish refusal page.
 */
const providerName = "Test-SAML-IdP";
let idp: RunningSamlIdp;
let frid: RunningServer;
let providerId: string;

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const address = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}

/** The administrator registers the IdP through the API: certificate, SLO, encryption. */
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
      wantEncryptedAssertions: true,
      singleLogoutUrl: idp.sloUrl,
    },
  });
  expect(created.status()).toBe(201);
  providerId = ((await created.json()) as { id: string }).id;
  await api.dispose();
}

/** From Frid's login page to the IdP's choice, and on as `identity`. */
async function loginAs(page: Page, identity: string) {
  await page.goto(`${frid.url}/`);
  await page.getByRole("link", { name: `Logga in med ${providerName}` }).click();
  await page.getByRole("heading", { name: "Test-SAML-IdP: välj identitet" }).waitFor();
  await page.getByRole("button", { name: identity, exact: true }).click();
}

/** The addresses of the page's navigations from now on, each redirect's hop included. */
function navigations(page: Page): () => string[] {
  const urls: string[] = [];
  page.on("request", (request) => {
    if (request.isNavigationRequest() && request.frame() === page.mainFrame())
      urls.push(request.url());
  });
  return () => urls;
}

/**
 * While the IdP's session lasts, a new login through it is answered at once, no identity
 * asked: what its single logout has to end.
 */
async function expectIdpRemembers(page: Page) {
  const visited = navigations(page);
  await page.goto(`${frid.url}/api/auth/saml/${providerId}/start`, { waitUntil: "commit" });
  await page.getByRole("region", { name: "Att göra", exact: true }).waitFor();
  expect(visited().some((url) => url.startsWith(`${idp.ssoUrl}?`))).toBe(true);
  expect(visited().some((url) => url.includes("/sso/answer"))).toBe(false);
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
    idp = await startSamlIdp(
      [
        { label: "Lina Ek", hsaId: demoHsaId("handlaggare1") },
        { label: "Okänd person", hsaId: demoHsaId("okand") },
        {
          label: "Lina Ek (lägre tillitsnivå)",
          hsaId: demoHsaId("handlaggare1"),
          authnContextClassRef: loa2,
        },
      ],
      { encryptAssertions: true },
    );
    const port = await freePort();
    frid = await startServer({ PORT: String(port), FRID_PUBLIC_URL: `http://127.0.0.1:${port}` });
    await registerProvider(frid.url);
  });
  afterAll(async () => {
    await frid?.stop();
    await idp?.close();
  });

  it("handlaggare1 logs in (encrypted assertion) without a one-time code, reaches Att göra, and logs out of Frid and the IdP", async () => {
    const { page, problems } = browser();
    await page.goto(`${frid.url}/`);
    await page.getByRole("link", { name: `Logga in med ${providerName}` }).waitFor();
    await expectNoSeriousA11yViolations(page);
    await loginAs(page, "Lina Ek");
    await page.getByRole("button", { name: "Logga ut" }).waitFor();
    await page.getByRole("region", { name: "Att göra", exact: true }).waitFor();
    expect(new URL(page.url()).origin).toBe(frid.url);
    await expectNoSeriousA11yViolations(page);
    await expectIdpRemembers(page);

    const visited = navigations(page);
    await page.getByRole("button", { name: "Logga ut" }).click();
    await page.getByRole("heading", { level: 1, name: "Logga in" }).waitFor();
    await page.getByText("Du är utloggad.", { exact: true }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/");
    // Through the IdP's single logout (Frid's LogoutRequest) and back with its answer.
    const hops = visited().map((url) => url.split("?")[0]);
    expect(hops).toEqual([
      idp.sloUrl,
      `${frid.url}/api/auth/saml/${providerId}/slo`,
      `${frid.url}/logged-out`,
    ]);
    await expectNoSeriousA11yViolations(page);

    // The IdP's session ended too: its sign-on asks again, not silently back into Frid.
    await page.getByRole("link", { name: `Logga in med ${providerName}` }).click();
    await page.getByRole("heading", { name: "Test-SAML-IdP: välj identitet" }).waitFor();
    expect(page.url().startsWith(`${idp.ssoUrl}?`)).toBe(true);
    expect(problems).toEqual([]);
  });

  it("a logout begun at the IdP ends Frid's session in another tab (IdP-initiated single logout)", async () => {
    const { page } = browser();
    await loginAs(page, "Lina Ek");
    await page.getByRole("region", { name: "Att göra", exact: true }).waitFor();
    const otherTab = await page.context().newPage();
    await otherTab.goto(`${frid.url}/`);
    await otherTab.getByRole("region", { name: "Att göra", exact: true }).waitFor();

    // At the IdP itself: its signed LogoutRequest goes by the browser to Frid's SLO address,
    // and Frid's signed answer back to the IdP, which then says it is done.
    const atIdp = await page.context().newPage();
    await atIdp.goto(idp.logoutUrl);
    await atIdp.getByText("Du är inloggad som Lina Ek.").waitFor();
    const visited = navigations(atIdp);
    await atIdp.getByRole("button", { name: "Logga ut" }).click();
    await atIdp.getByRole("heading", { name: "Du är utloggad från Test-SAML-IdP" }).waitFor();
    const hops = visited().map((url) => url.split("?")[0]);
    expect(hops).toEqual([
      idp.logoutUrl,
      `${frid.url}/api/auth/saml/${providerId}/slo`,
      idp.sloUrl,
    ]);

    await otherTab.reload();
    await otherTab.getByRole("heading", { level: 1, name: "Logga in" }).waitFor();
    await expectNoSeriousA11yViolations(otherTab);
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Logga in" }).waitFor();
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
