import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { totp } from "../src/server/auth/totp.ts";
import { expectNoSeriousA11yViolations, useBrowser } from "./fixtures/browser.ts";
import { heading } from "./fixtures/login.ts";
import { createCaseworker } from "./fixtures/users.ts";

/*
 * Mitt konto. Each test changes a user of its own, made for it by the demo administrator
 * (one sets up two-step verification, the other changes the password): changing a demo user
 * would lock out the other journeys that sign in as them on the same server.
 */
const ownPassword = "kontots eget långa lösenord";
const mfaUser = { username: `konto.mfa.${Date.now()}`, displayName: "Kim Kontosson" };
const passwordUser = { username: `konto.losen.${Date.now()}`, displayName: "Alex Lösensson" };

/** A six-digit code the server will not accept now (it allows one 30 s step either side). */
function wrongCode(secret: string): string {
  const now = Date.now();
  const valid = new Set([-30_000, 0, 30_000].map((d) => totp(secret, new Date(now + d))));
  for (let n = 0; ; n++) {
    const code = String(n).padStart(6, "0");
    if (!valid.has(code)) return code;
  }
}

async function fillPasswordStep(page: Page, baseURL: string, username: string, password: string) {
  await page.goto(`${baseURL}/`);
  await page.getByRole("heading", { level: 1, name: "Logga in" }).waitFor();
  await page.getByLabel("Användarnamn").fill(username);
  await page.getByLabel("Lösenord").fill(password);
  await page.getByRole("button", { name: "Logga in" }).click();
}

describe("Mitt konto", () => {
  const browser = useBrowser();

  it("sets up two-step verification, after which signing in asks for a one-time code", async () => {
    const { page, baseURL, problems } = browser();
    await createCaseworker(page, baseURL, { ...mfaUser, password: ownPassword });
    await fillPasswordStep(page, baseURL, mfaUser.username, ownPassword);
    await expect.poll(() => heading(page)).toBe("Mina ärenden");
    await page.getByRole("link", { name: "Kim Kontosson (mitt konto)" }).click();
    await expect.poll(() => heading(page)).toBe("Mitt konto");
    await expectNoSeriousA11yViolations(page);

    await page.getByRole("button", { name: "Ställ in tvåstegsverifiering" }).click();
    await page
      .getByRole("img", { name: "QR-kod för att lägga till Frid i autentiseringsappen" })
      .waitFor();
    const shown = await page.getByText(/^[A-Z2-7]{4}( [A-Z2-7]{1,4})+$/).textContent();
    const secret = (shown ?? "").replace(/\s/g, "");
    expect(secret.length).toBeGreaterThanOrEqual(16);
    await expectNoSeriousA11yViolations(page);

    const code = page.getByLabel("Engångskod");
    await code.fill(wrongCode(secret));
    await page.getByRole("button", { name: "Aktivera" }).click();
    await page.getByRole("alert").waitFor();
    await expect.poll(() => code.getAttribute("aria-invalid")).toBe("true");
    await expectNoSeriousA11yViolations(page);

    await code.fill(totp(secret));
    await page.getByRole("button", { name: "Aktivera" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: "Tvåstegsverifiering är inställd." })
      .waitFor();
    // The session was renewed by the code; the page goes on working with the new one.
    await page.reload();
    await page.getByText("Tvåstegsverifiering är inställd. Har du bytt telefon?").waitFor();

    await page.getByRole("button", { name: "Logga ut" }).click();
    await fillPasswordStep(page, baseURL, mfaUser.username, ownPassword);
    await expect.poll(() => heading(page)).toBe("Ange engångskod");
    expect(await page.getByRole("navigation").count()).toBe(0);
    await expectNoSeriousA11yViolations(page);
    // The next step's code: still accepted, and not the one already used above.
    await page.getByLabel("Engångskod").fill(totp(secret, new Date(Date.now() + 30_000)));
    await page.getByRole("button", { name: "Fortsätt" }).click();
    await expect.poll(() => heading(page)).toBe("Mina ärenden");
    expect(await page.getByRole("banner").textContent()).toContain("Kim Kontosson");
    expect(problems).toEqual([]);
  });

  it("changes the password, with each mistake explained at its field", async () => {
    const { page, baseURL, problems } = browser();
    const newPassword = "en lång mening som lösenord";
    await createCaseworker(page, baseURL, { ...passwordUser, password: ownPassword });
    await fillPasswordStep(page, baseURL, passwordUser.username, ownPassword);
    await expect.poll(() => heading(page)).toBe("Mina ärenden");
    await page.goto(`${baseURL}/account`);
    await expect.poll(() => heading(page)).toBe("Mitt konto");
    const form = page.getByRole("form", { name: "Byt lösenord" });
    const current = form.getByLabel("Nuvarande lösenord");
    const next = form.getByLabel("Nytt lösenord");
    const repeat = form.getByLabel("Upprepa det nya lösenordet");
    const submit = form.getByRole("button", { name: "Byt lösenord" });

    await current.fill(ownPassword);
    await next.fill(newPassword);
    await repeat.fill(`${newPassword}!`);
    await submit.click();
    await expect.poll(() => repeat.getAttribute("aria-invalid")).toBe("true");
    expect(await page.getByText("Lösenorden är inte likadana.").count()).toBe(1);

    await current.fill("inte-mitt-losenord");
    await repeat.fill(newPassword);
    await submit.click();
    await expect.poll(() => current.getAttribute("aria-invalid")).toBe("true");
    expect(await repeat.getAttribute("aria-invalid")).toBeNull();
    await expectNoSeriousA11yViolations(page);

    await current.fill(ownPassword);
    await next.fill("kort");
    await repeat.fill("kort");
    await submit.click();
    await expect.poll(() => next.getAttribute("aria-invalid")).toBe("true");
    expect(await page.getByText("minst 12 tecken").count()).toBeGreaterThan(0);

    await next.fill(newPassword);
    await repeat.fill(newPassword);
    await submit.click();
    await page.getByRole("status").filter({ hasText: "Lösenordet är bytt." }).waitFor();
    expect(await current.inputValue()).toBe("");

    await page.getByRole("button", { name: "Logga ut" }).click();
    await fillPasswordStep(page, baseURL, passwordUser.username, ownPassword);
    await page.getByRole("alert").waitFor();
    await fillPasswordStep(page, baseURL, passwordUser.username, newPassword);
    await expect.poll(() => heading(page)).toBe("Mina ärenden");
    expect(problems).toEqual([]);
  });
});
