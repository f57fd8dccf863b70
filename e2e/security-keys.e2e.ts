import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectNoSeriousA11yViolations, useBrowser } from "./fixtures/browser.ts";
import { heading } from "./fixtures/login.ts";
import { createCaseworker } from "./fixtures/users.ts";

/*
 * Security keys (issue 21, item 6): a local account adds a key on Mitt konto and logs in
 * with password + key. The key is Chromium's virtual authenticator (DevTools Protocol
 * WebAuthn domain), a real CTAP2 key in software. A browser allows keys only on a domain,
 * not on an IP address, so the journey opens Frid as localhost (the server's relying party
 * without FRID_PUBLIC_URL, auth/webauthn/relying-party.ts).
 */
const ownPassword = "nyckelkontots långa lösenord";
const keyUser = { username: `nyckel.${Date.now()}`, displayName: "Kerstin Nyckelsson" };

/** A USB security key with a PIN (user verification), touched at once when asked. */
async function plugInVirtualKey(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: "usb",
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
}

async function passwordStep(page: Page, baseURL: string) {
  await page.goto(`${baseURL}/`);
  await page.getByRole("heading", { level: 1, name: "Logga in" }).waitFor();
  await page.getByLabel("Användarnamn").fill(keyUser.username);
  await page.getByLabel("Lösenord").fill(ownPassword);
  await page.getByRole("button", { name: "Logga in" }).click();
}

describe("Säkerhetsnycklar", () => {
  const browser = useBrowser();

  it("adds a key on Mitt konto, then logs in with the password and the key", async () => {
    const { page, baseURL: served, problems } = browser();
    const baseURL = served.replace("://127.0.0.1:", "://localhost:");
    await createCaseworker(page, baseURL, { ...keyUser, password: ownPassword });
    await plugInVirtualKey(page);
    await passwordStep(page, baseURL);
    await expect.poll(() => heading(page)).toBe("Mina ärenden");
    await page.goto(`${baseURL}/account`);
    await expect.poll(() => heading(page)).toBe("Mitt konto");
    const section = page.getByRole("region", { name: "Säkerhetsnycklar" });
    await section
      .getByText("Lägg till minst två nycklar, så att du kan logga in om en kommer bort.")
      .waitFor();
    await section.getByText("Du har inga säkerhetsnycklar.").waitFor();
    await expectNoSeriousA11yViolations(page);

    const form = page.getByRole("form", { name: "Lägg till en nyckel" });
    await form.getByLabel("Nyckelns namn").fill("Gul nyckel");
    await form.getByLabel("Ditt lösenord").fill("inte mitt lösenord");
    await form.getByRole("button", { name: "Lägg till nyckel" }).click();
    await expect
      .poll(() => form.getByLabel("Ditt lösenord").getAttribute("aria-invalid"))
      .toBe("true");
    await form.getByLabel("Ditt lösenord").fill(ownPassword);
    await form.getByRole("button", { name: "Lägg till nyckel" }).click();
    await page.getByRole("status").filter({ hasText: "Nyckeln Gul nyckel är tillagd." }).waitFor();
    const keys = page.getByRole("list", { name: "Mina säkerhetsnycklar" });
    await keys.getByText("Gul nyckel", { exact: true }).waitFor();
    expect(await keys.getByText("inte använd ännu").count()).toBe(1);
    await expectNoSeriousA11yViolations(page);

    // The only key of an account without a code app stays: the page says why.
    await page.getByRole("button", { name: "Ta bort Gul nyckel" }).click();
    await page
      .getByRole("alert")
      .filter({ hasText: "Du kan inte ta bort din sista säkerhetsnyckel" })
      .waitFor();
    await expectNoSeriousA11yViolations(page);

    await page.getByRole("button", { name: "Logga ut" }).click();
    await passwordStep(page, baseURL);
    await expect.poll(() => heading(page)).toBe("Logga in med säkerhetsnyckel");
    expect(await page.getByLabel("Engångskod").count()).toBe(0);
    await expectNoSeriousA11yViolations(page);
    await page.getByRole("button", { name: "Använd säkerhetsnyckel" }).click();
    await expect.poll(() => heading(page)).toBe("Mina ärenden");
    expect(await page.getByRole("banner").textContent()).toContain("Kerstin Nyckelsson");

    await page.goto(`${baseURL}/account`);
    await keys.getByText(/senast använd/).waitFor();
    await expectNoSeriousA11yViolations(page);
    expect(problems).toEqual([]);
  });
});
