import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { demoHsaId, demoIdentityProvider } from "../src/server/db/seed/demo-data.ts";
import { type RunningIdp, startIdp } from "../src/server/testing/oidc-idp.ts";
import { expectNoSeriousA11yViolations, useBrowser } from "./fixtures/browser.ts";
import { login } from "./fixtures/login.ts";

/*
 * Logging in and out through the organisation's identity provider (issue 21, items 5 and 7):
 * a real OpenID Provider (testing/oidc-idp.ts, as `npm run dev:idp`) on a free port; the
 * demo administrator points the demo organisation's provider at it through the API. Frid is
 * opened as localhost: without FRID_PUBLIC_URL that is the address Frid gives the provider
 * for its redirect and post-logout URIs (auth/oidc/addresses.ts). handlaggare1 logs in there
 * — no one-time code —, reaches Att göra, logs out of Frid and of the provider; a logout at
 * the provider itself ends Frid's session in another tab (back-channel logout); a person Frid
 * has no account for is refused.
 */
let idp: RunningIdp;
const providerButton = `Logga in med ${demoIdentityProvider.displayName}`;
const localBase = () => inject("baseURL").replace("://127.0.0.1:", "://localhost:");

async function pointDemoProviderAt(page: Page, baseURL: string, issuer: string) {
  await login(page, baseURL, "admin");
  const me = await page.request.get(`${baseURL}/api/me`);
  const headers = { "x-csrf-token": ((await me.json()) as { csrfToken: string }).csrfToken };
  const list = (await (
    await page.request.get(`${baseURL}/api/admin/identity-providers`)
  ).json()) as {
    providers: { id: string; displayName: string }[];
  };
  const demo = list.providers.find((p) => p.displayName === demoIdentityProvider.displayName);
  const changed = await page.request.patch(`${baseURL}/api/admin/identity-providers/${demo?.id}`, {
    data: { issuer },
    headers,
  });
  expect(changed.status()).toBe(200);
  await page.getByRole("button", { name: "Logga ut" }).click();
  await page.getByRole("heading", { level: 1, name: "Logga in" }).waitFor();
}

/** From Frid's login page through the provider's question, as Lina Ek, to Att göra. */
async function loginAsLina(page: Page, baseURL: string) {
  await page.goto(`${baseURL}/`);
  await page.getByRole("link", { name: providerButton }).click();
  await page.getByRole("button", { name: "Lina Ek" }).click();
  await page.getByRole("button", { name: "Logga ut" }).waitFor();
  await page.getByRole("region", { name: "Att göra", exact: true }).waitFor();
}

describe("Logga in och ut med organisationens inloggning", () => {
  const browser = useBrowser();

  beforeAll(async () => {
    idp = await startIdp({
      identities: [
        { sub: "handlaggare1", name: "Lina Ek", hsaId: demoHsaId("handlaggare1") },
        { sub: "okand", name: "Okänd person", hsaId: demoHsaId("okand") },
      ],
      clients: [
        {
          clientId: demoIdentityProvider.clientId,
          redirectUris: [`${localBase()}/api/auth/oidc/callback`],
          postLogoutRedirectUris: [`${localBase()}/logged-out`],
          backchannelLogoutUri: `${inject("baseURL")}/api/auth/oidc/backchannel-logout`,
        },
      ],
    });
  });
  afterAll(() => idp?.close());

  it("handlaggare1 logs in without a one-time code, sees Att göra, and logs out of Frid and the provider", async () => {
    const { page } = browser();
    const baseURL = localBase();
    await pointDemoProviderAt(page, baseURL, idp.issuer);
    await expectNoSeriousA11yViolations(page);
    await loginAsLina(page, baseURL);
    await expectNoSeriousA11yViolations(page);

    await page.getByRole("button", { name: "Logga ut" }).click();
    // The provider asks, as a provider does; Frid asked it to send the browser back.
    await page.getByRole("heading", { name: "Vill du logga ut från Test-IdP?" }).waitFor();
    await page.getByRole("button", { name: "Ja, logga ut" }).click();
    await page.getByRole("heading", { level: 1, name: "Logga in" }).waitFor();
    await page.getByText("Du är utloggad.", { exact: true }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/");
    await expectNoSeriousA11yViolations(page);

    // Logged out at the provider too: its login asks again, not silently back into Frid.
    await page.getByRole("link", { name: providerButton }).click();
    await page.getByRole("heading", { name: "Test-IdP: välj identitet" }).waitFor();
    expect(page.url().startsWith(idp.issuer)).toBe(true);
  });

  it("a logout at the provider ends Frid's session in another tab (back-channel logout)", async () => {
    const { page } = browser();
    const baseURL = localBase();
    await loginAsLina(page, baseURL);
    const otherTab = await page.context().newPage();
    await otherTab.goto(`${baseURL}/`);
    await otherTab.getByRole("region", { name: "Att göra", exact: true }).waitFor();

    // At the provider itself (its own page, not Frid's button): it tells Frid at once.
    const atProvider = await page.context().newPage();
    await atProvider.goto(`${idp.issuer}/session/end`);
    await atProvider.getByRole("button", { name: "Ja, logga ut" }).click();
    await atProvider.getByRole("heading", { name: "Du är utloggad från Test-IdP" }).waitFor();

    await otherTab.reload();
    await otherTab.getByRole("heading", { level: 1, name: "Logga in" }).waitFor();
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Logga in" }).waitFor();
  });

  it("a person Frid has no account for is refused with the message", async () => {
    const { page } = browser();
    await page.goto(`${localBase()}/`);
    await page.getByRole("link", { name: providerButton }).click();
    await page.getByRole("button", { name: "Okänd person" }).click();
    await page.getByRole("heading", { level: 1, name: "Inloggningen misslyckades" }).waitFor();
    expect(await page.textContent("main")).toContain(
      "Det finns inget konto i Frid för den här inloggningen. Kontakta din administratör.",
    );
    await expectNoSeriousA11yViolations(page);
  });
});
