import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { demoHsaId, demoIdentityProvider } from "../src/server/db/seed/demo-data.ts";
import { type RunningIdp, startIdp } from "../src/server/testing/oidc-idp.ts";
import { expectNoSeriousA11yViolations, useBrowser } from "./fixtures/browser.ts";
import { login } from "./fixtures/login.ts";

/*
 * Logging in through the organisation's identity provider (issue 21): a real OpenID Provider
 * (testing/oidc-idp.ts, as `npm run dev:idp`) on a free port; the demo administrator points
 * the demo organisation's provider at it through the API, then handlaggare1 logs in there —
 * no one-time code — and reaches Att göra; a person Frid has no account for is refused.
 */
let idp: RunningIdp;

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
}

describe("Logga in med organisationens inloggning", () => {
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
          redirectUris: [`${inject("baseURL")}/api/auth/oidc/callback`],
        },
      ],
    });
  });
  afterAll(() => idp?.close());

  it("handlaggare1 logs in through the provider without a one-time code and sees Att göra", async () => {
    const { page, baseURL, newPage } = browser();
    await pointDemoProviderAt(page, baseURL, idp.issuer);
    await page.goto(`${baseURL}/`);
    await page.getByRole("heading", { level: 1, name: "Logga in" }).waitFor();
    await expectNoSeriousA11yViolations(page);
    await page
      .getByRole("link", { name: `Logga in med ${demoIdentityProvider.displayName}` })
      .click();
    await page.getByRole("button", { name: "Lina Ek" }).click();
    await page.getByRole("button", { name: "Logga ut" }).waitFor();
    await page.getByRole("region", { name: "Att göra", exact: true }).waitFor();
    await expectNoSeriousA11yViolations(page);

    // Another browser (the provider's own session would log Lina in again: logging out at
    // the provider is a later step of issue 21).
    const other = await newPage();
    await other.goto(`${baseURL}/`);
    await other
      .getByRole("link", { name: `Logga in med ${demoIdentityProvider.displayName}` })
      .click();
    await other.getByRole("button", { name: "Okänd person" }).click();
    await other.getByRole("heading", { level: 1, name: "Inloggningen misslyckades" }).waitFor();
    expect(await other.textContent("main")).toContain(
      "Det finns inget konto i Frid för den här inloggningen. Kontakta din administratör.",
    );
    await expectNoSeriousA11yViolations(other);
  });
});
