import { describe, expect, it } from "vitest";
import { expectNoSeriousA11yViolations, useBrowser } from "./fixtures/browser.ts";
import { heading, login } from "./fixtures/login.ts";

describe("the web shell", () => {
  const browser = useBrowser();

  it("shows only the login page, in Swedish with the DEMO banner, to someone not signed in", async () => {
    const { page, baseURL, problems } = browser();
    await page.goto(`${baseURL}/`);
    await expect.poll(() => page.getByRole("note").textContent()).toBe("DEMO – fiktiva uppgifter");
    await expect.poll(() => heading(page)).toBe("Logga in");
    expect(await page.locator("html").getAttribute("lang")).toBe("sv");
    expect(await page.title()).toBe("Logga in – Frid");
    expect(await page.getByRole("navigation").count()).toBe(0);
    expect(await page.getByRole("button", { name: "Logga ut" }).count()).toBe(0);
    expect(await page.getByRole("contentinfo").textContent()).toContain("0.1.0");
    await expectNoSeriousA11yViolations(page);
    expect(problems).toEqual([]);
  });

  it("lands on the page that was asked for after signing in, and survives a reload", async () => {
    const { page, baseURL, problems } = browser();
    const response = await page.goto(`${baseURL}/persons/search`);
    expect(response?.status()).toBe(200);
    await login(page, baseURL, "handlaggare1", "/persons/search");
    await expect.poll(() => heading(page)).toBe("Sök person");
    expect(new URL(page.url()).pathname).toBe("/persons/search");
    expect(await page.getByRole("banner").textContent()).toContain("Lina Ek");
    // After signing in, focus is on the new page's heading, as after any navigation.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("H1");

    await page.reload();
    await expect.poll(() => heading(page)).toBe("Sök person");
    expect(problems).toEqual([]);
  });

  it("signs out to the login page at the start address", async () => {
    const { page, baseURL, problems } = browser();
    await login(page, baseURL, "handlaggare1", "/persons/search");
    await page.getByRole("button", { name: "Logga ut" }).click();
    await expect.poll(() => heading(page)).toBe("Logga in");
    expect(new URL(page.url()).pathname).toBe("/");
    expect(await page.getByText("Du är utloggad.").count()).toBe(1);
    // The session is gone on the server too: a reload does not sign back in.
    await page.reload();
    await expect.poll(() => heading(page)).toBe("Logga in");
    await expectNoSeriousA11yViolations(page);
    expect(problems).toEqual([]);
  });

  it("refuses a wrong password with an alert and an empty password field", async () => {
    const { page, baseURL, problems } = browser();
    await page.goto(`${baseURL}/`);
    // An unknown username, so no demo user is brought closer to a lockout.
    await page.getByLabel("Användarnamn").fill("ingen.sadan");
    await page.getByLabel("Lösenord").fill("fel-losenord");
    await page.getByRole("button", { name: "Logga in" }).click();
    await page.getByRole("alert").waitFor();
    expect((await page.getByRole("alert").textContent())?.trim()).not.toBe("");
    expect(await page.getByLabel("Lösenord").inputValue()).toBe("");
    expect(await heading(page)).toBe("Logga in");
    await expectNoSeriousA11yViolations(page);
    expect(problems).toEqual([]);
  });

  it("navigates to every page in the menu, marks the current one, and each page passes axe", async () => {
    const { page, baseURL, problems } = browser();
    await login(page, baseURL, "enhetschef");
    await expect.poll(() => heading(page)).toBe("Mina ärenden");
    expect(await page.title()).toBe("Mina ärenden – Frid");
    await expectNoSeriousA11yViolations(page);
    const nav = page.getByRole("navigation", { name: "Huvudmeny" });
    for (const [link, path] of [
      ["Sök person", "/persons/search"],
      ["Loggkontroll", "/audit"],
      ["Mina ärenden", "/"],
    ] as const) {
      await nav.getByRole("link", { name: link }).click();
      await expect.poll(() => heading(page)).toBe(link);
      expect(new URL(page.url()).pathname).toBe(path);
      expect(await nav.getByRole("link", { name: link }).getAttribute("aria-current")).toBe("page");
      // Focus moves to the new page's heading, so a screen reader announces it.
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("H1");
      await expectNoSeriousA11yViolations(page);
    }
    expect(problems).toEqual([]);
  });

  it("says so when nobody has assigned the user any case", async () => {
    const { page, baseURL, newPage, problems } = browser();
    // A caseworker of this test's own, so no other file can have given them a case.
    const username = "skal.tom";
    const displayName = "Sam Tomhänt";
    const password = "ett långt första lösenord";
    await login(page, baseURL, "admin", "/admin");
    const userForm = page.getByRole("form", { name: "Skapa användare" });
    await userForm.getByLabel("Användarnamn").fill(username);
    await userForm.getByLabel("Namn", { exact: true }).fill(displayName);
    await userForm.getByLabel("Första lösenord").fill(password);
    await userForm.getByRole("button", { name: "Skapa användare" }).click();
    await page.getByRole("link", { name: displayName }).click();
    await expect.poll(() => heading(page)).toBe(displayName);
    const roleForm = page.getByRole("form", { name: "Lägg till roll" });
    await roleForm.getByLabel("Enhet").selectOption({ label: "IFO Vuxen" });
    await roleForm.getByLabel("Roll").selectOption({ label: "Handläggare" });
    await roleForm.getByRole("button", { name: "Lägg till roll" }).click();
    await page.getByRole("status").filter({ hasText: "Rollen är tillagd." }).waitFor();

    const worker = await newPage();
    await worker.goto(`${baseURL}/`);
    await worker.getByLabel("Användarnamn").fill(username);
    await worker.getByLabel("Lösenord").fill(password);
    await worker.getByRole("button", { name: "Logga in" }).click();
    await worker.getByText("Du är inte tilldelad några ärenden just nu.").waitFor();
    await worker.getByText("Inget är försenat eller ska göras inom 7 dagar.").waitFor();
    expect(await worker.getByRole("table").count()).toBe(0);
    expect(await worker.getByRole("link", { name: "Nytt ärende" }).count()).toBe(1);
    await expectNoSeriousA11yViolations(worker);
    expect(problems).toEqual([]);
  });

  it("shows each user only the menu their roles allow", async () => {
    const { page, baseURL, newPage, problems } = browser();
    const menu = async (p: typeof page) =>
      p.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link").allTextContents();

    await login(page, baseURL, "handlaggare1");
    // Case work includes finding a place (issue 16): the board and the register, no addresses;
    // and the agencies and agreements a caseworker collaborates under (issue 18), to read.
    expect(await menu(page)).toEqual([
      "Mina ärenden",
      "Sök person",
      "Sök ärende",
      "Serviceinsatser",
      "Chatt",
      "Lediga platser",
      "Platser",
      "Aktörer",
      "Överenskommelser",
      // The organisation's written routines, to read (issue 20, item 2).
      "Rutiner",
    ]);
    // The address still works, and says plainly that this is not for them.
    await page.goto(`${baseURL}/admin`);
    await expect.poll(() => heading(page)).toBe("Administration");
    expect(await page.getByText("Du har inte behörighet till administrationen").count()).toBe(1);
    expect(await page.getByRole("table").count()).toBe(0);
    await expectNoSeriousA11yViolations(page);

    const admin = await newPage();
    await login(admin, baseURL, "admin");
    // …and the retention rules (issue 19, item 8): the administrator keeps them.
    // …and the routines register and the action plan (issue 20) they keep with the managers.
    expect(await menu(admin)).toEqual(["Administration", "Gallring", "Rutiner", "Handlingsplan"]);
    // A system administrator does not work with cases: the start is the administration.
    await expect.poll(() => heading(admin)).toBe("Administration");
    expect(new URL(admin.url()).pathname).toBe("/admin");
    await admin.getByRole("table", { name: "Användare i organisationen" }).waitFor();
    await expectNoSeriousA11yViolations(admin);
    expect(problems).toEqual([]);
  });

  it("switches language to English and keeps the choice after a reload", async () => {
    const { page, baseURL, problems } = browser();
    await page.goto(`${baseURL}/`);
    await page.getByLabel("Språk").selectOption("en");
    await expect.poll(() => heading(page)).toBe("Sign in");
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    expect(await page.getByRole("note").textContent()).toBe("DEMO – fictitious data");
    await expectNoSeriousA11yViolations(page);

    await page.reload();
    await expect.poll(() => heading(page)).toBe("Sign in");
    await page.getByLabel("Language").selectOption("sv");
    await expect.poll(() => heading(page)).toBe("Logga in");

    await login(page, baseURL, "handlaggare1");
    await page.getByLabel("Språk").selectOption("en");
    await expect.poll(() => heading(page)).toBe("My cases");
    expect(await page.getByRole("button", { name: "Sign out" }).count()).toBe(1);
    await expectNoSeriousA11yViolations(page);
    await page.getByLabel("Language").selectOption("sv");
    await expect.poll(() => heading(page)).toBe("Mina ärenden");
    expect(problems).toEqual([]);
  });

  it("offers a skip link as the first stop for keyboard users", async () => {
    const { page, baseURL } = browser();
    await page.goto(`${baseURL}/`);
    await page.getByRole("note").waitFor();
    await page.getByRole("heading", { level: 1 }).waitFor();
    await page.keyboard.press("Tab");
    const focused = page.locator(":focus");
    expect(await focused.textContent()).toBe("Hoppa till huvudinnehållet");
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("main");
  });

  it("signs in with the keyboard alone", async () => {
    const { page, baseURL } = browser();
    await page.goto(`${baseURL}/`);
    await page.getByRole("heading", { level: 1, name: "Logga in" }).waitFor();
    await page.getByLabel("Användarnamn").focus();
    await page.keyboard.type("handlaggare1");
    await page.keyboard.press("Tab");
    await page.keyboard.type("frid-demo");
    await page.keyboard.press("Enter");
    await expect.poll(() => heading(page)).toBe("Mina ärenden");
  });

  it("says plainly when a page does not exist", async () => {
    const { page, baseURL, problems } = browser();
    await login(page, baseURL, "handlaggare1", "/no/such/page");
    await expect.poll(() => heading(page)).toBe("Sidan finns inte");
    await expectNoSeriousA11yViolations(page);
    await page.getByRole("link", { name: "Gå till startsidan" }).click();
    await expect.poll(() => heading(page)).toBe("Mina ärenden");
    expect(problems).toEqual([]);
  });
});
