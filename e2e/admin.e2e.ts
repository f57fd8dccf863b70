import { describe, expect, it } from "vitest";
import { totp } from "../src/server/auth/totp.ts";
import { expectNoSeriousA11yViolations, useBrowser } from "./fixtures/browser.ts";
import { heading, login } from "./fixtures/login.ts";

/*
 * Administration, and a new user's first login. Everything here is created by this file
 * (a unit and a user with names no other file uses).
 */
const unitName = "Resurscentrum Öst";
const username = "nora.ny";
const displayName = "Nora Ny";
const firstPassword = "ett långt första lösenord";

describe("administration", () => {
  const browser = useBrowser();

  it("creates a unit and a user, explaining invalid input at each field", async () => {
    const { page, baseURL, problems } = browser();
    await login(page, baseURL, "admin");
    await expect.poll(() => heading(page)).toBe("Administration");
    await page.getByRole("table", { name: "Enheter i organisationen" }).waitFor();
    await expectNoSeriousA11yViolations(page);

    const unitForm = page.getByRole("form", { name: "Skapa enhet" });
    await unitForm.getByLabel("Namn", { exact: true }).fill(unitName);
    await unitForm.getByLabel("Typ av enhet").selectOption({ label: "Resursfunktion" });
    await unitForm.getByRole("button", { name: "Skapa enhet" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: `Enheten ${unitName} är skapad.` })
      .waitFor();
    const units = page.getByRole("table", { name: "Enheter i organisationen" });
    await units.getByRole("row", { name: new RegExp(unitName) }).waitFor();

    const userForm = page.getByRole("form", { name: "Skapa användare" });
    await userForm.getByLabel("Användarnamn").fill(username);
    await userForm.getByLabel("Namn", { exact: true }).fill(displayName);
    const password = userForm.getByLabel("Första lösenord");
    await password.fill("kort");
    await userForm.getByRole("button", { name: "Skapa användare" }).click();
    await expect.poll(() => password.getAttribute("aria-invalid")).toBe("true");
    expect(await page.getByRole("alert").count()).toBeGreaterThan(0);
    await expectNoSeriousA11yViolations(page);

    await password.fill(firstPassword);
    await userForm.getByRole("button", { name: "Skapa användare" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: `Användaren ${displayName} är skapad.` })
      .waitFor();
    const users = page.getByRole("table", { name: "Användare i organisationen" });
    const row = users.getByRole("row", { name: new RegExp(displayName) });
    await row.waitFor();
    expect(await row.textContent()).toContain("Inga roller");
    expect(await row.textContent()).toContain("Inte inställd");
    expect(problems).toEqual([]);
  });

  it("gives and removes roles, and deactivates and activates the user", async () => {
    const { page, baseURL, problems } = browser();
    await login(page, baseURL, "admin", "/admin");
    await page.getByRole("link", { name: displayName }).click();
    await expect.poll(() => heading(page)).toBe(displayName);
    await expectNoSeriousA11yViolations(page);

    const form = page.getByRole("form", { name: "Lägg till roll" });
    const roles = page.getByRole("list", { name: "Roller" });
    await form.getByLabel("Enhet").selectOption({ label: "IFO Vuxen" });
    await form.getByLabel("Roll").selectOption({ label: "Handläggare" });
    await form.getByRole("button", { name: "Lägg till roll" }).click();
    await page.getByRole("status").filter({ hasText: "Rollen är tillagd." }).waitFor();
    expect(await roles.textContent()).toContain("Handläggare, IFO Vuxen");

    await form.getByLabel("Enhet").selectOption({ label: unitName });
    await form.getByLabel("Roll").selectOption({ label: "Behandlare" });
    await form.getByRole("button", { name: "Lägg till roll" }).click();
    await expect.poll(() => roles.textContent()).toContain(`Behandlare, ${unitName}`);
    await expectNoSeriousA11yViolations(page);

    await page.getByRole("button", { name: `Ta bort rollen Behandlare, ${unitName}` }).click();
    await page.getByRole("status").filter({ hasText: "Rollen är borttagen." }).waitFor();
    expect(await roles.textContent()).not.toContain("Behandlare");

    await page.getByRole("button", { name: "Inaktivera användaren" }).click();
    await page.getByRole("status").filter({ hasText: "Användaren är inaktiverad" }).waitFor();
    await page.getByRole("button", { name: "Aktivera användaren" }).click();
    await page.getByRole("status").filter({ hasText: "Användaren är aktiverad." }).waitFor();
    await expectNoSeriousA11yViolations(page);
    expect(problems).toEqual([]);
  });

  it("walks the new user through setting up an authenticator app at the first login", async () => {
    const { page, baseURL, newPage, problems } = browser();
    // Demo mode asks no one to set up MFA, so the login answer's state is rewritten to what
    // production answers; the rest (enrolment, code, session) is the real server's.
    await page.route("**/api/auth/login", async (route) => {
      const response = await route.fetch();
      const body = (await response.json()) as { state: string; csrfToken: string };
      await route.fulfill({ response, json: { ...body, state: "mfa_enrolment_required" } });
    });
    await page.goto(`${baseURL}/`);
    await page.getByLabel("Användarnamn").fill(username);
    await page.getByLabel("Lösenord").fill(firstPassword);
    await page.getByRole("button", { name: "Logga in" }).click();
    await expect.poll(() => heading(page)).toBe("Ställ in tvåstegsverifiering");
    await page
      .getByRole("img", { name: "QR-kod för att lägga till Frid i autentiseringsappen" })
      .waitFor();
    expect(await page.getByRole("navigation").count()).toBe(0);
    await expectNoSeriousA11yViolations(page);

    const shown = await page.getByText(/^[A-Z2-7]{4}( [A-Z2-7]{1,4})+$/).textContent();
    const secret = (shown ?? "").replace(/\s/g, "");
    await page.getByLabel("Engångskod").fill(totp(secret));
    await page.getByRole("button", { name: "Aktivera och logga in" }).click();
    await expect.poll(() => heading(page)).toBe("Mina ärenden");
    expect(await page.getByRole("banner").textContent()).toContain(displayName);

    // The administrator sees the app set up, and can reset it (e.g. after a lost phone).
    const admin = await newPage();
    await login(admin, baseURL, "admin", "/admin");
    const row = admin
      .getByRole("table", { name: "Användare i organisationen" })
      .getByRole("row", { name: new RegExp(displayName) });
    await expect.poll(() => row.textContent()).toContain("Inställd");
    await row.getByRole("link", { name: displayName }).click();
    await admin.getByRole("button", { name: "Återställ tvåstegsverifiering" }).click();
    await admin
      .getByRole("status")
      .filter({ hasText: "Tvåstegsverifieringen är återställd." })
      .waitFor();
    expect(problems).toEqual([]);
  });
});
