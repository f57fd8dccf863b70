import { describe, expect, it } from "vitest";
import { expectNoSeriousA11yViolations, useBrowser } from "./fixtures/browser.ts";

describe("the web shell", () => {
  const browser = useBrowser();

  it("shows the start page in Swedish with the DEMO banner", async () => {
    const { page, baseURL, problems } = browser();
    await page.goto(`${baseURL}/`);
    await expect.poll(() => page.getByRole("note").textContent()).toBe("DEMO – fiktiva uppgifter");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Mina ärenden");
    expect(await page.locator("html").getAttribute("lang")).toBe("sv");
    expect(await page.title()).toBe("Mina ärenden – Frid");
    expect(await page.getByText("Kommer snart").count()).toBeGreaterThan(0);
    expect(await page.getByRole("contentinfo").textContent()).toContain("0.1.0");
    await expectNoSeriousA11yViolations(page);
    expect(problems).toEqual([]);
  });

  it("navigates to every page, marks the current one, and each page passes axe", async () => {
    const { page, baseURL, problems } = browser();
    await page.goto(`${baseURL}/`);
    const nav = page.getByRole("navigation", { name: "Huvudmeny" });
    for (const [link, path] of [
      ["Sök person", "/persons/search"],
      ["Administration", "/admin"],
      ["Mina ärenden", "/"],
    ] as const) {
      await nav.getByRole("link", { name: link }).click();
      await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe(link);
      expect(new URL(page.url()).pathname).toBe(path);
      expect(await nav.getByRole("link", { name: link }).getAttribute("aria-current")).toBe("page");
      // Focus moves to the new page's heading, so a screen reader announces it.
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("H1");
      await expectNoSeriousA11yViolations(page);
    }
    expect(problems).toEqual([]);
  });

  it("serves a deep link directly (reload on a page other than the start)", async () => {
    const { page, baseURL } = browser();
    const response = await page.goto(`${baseURL}/persons/search`);
    expect(response?.status()).toBe(200);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Sök person");
  });

  it("switches language to English and keeps the choice after a reload", async () => {
    const { page, baseURL, problems } = browser();
    await page.goto(`${baseURL}/`);
    await page.getByLabel("Språk").selectOption("en");
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("My cases");
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    expect(await page.getByRole("note").textContent()).toBe("DEMO – fictitious data");
    await expectNoSeriousA11yViolations(page);

    await page.reload();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("My cases");
    await page.getByLabel("Language").selectOption("sv");
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).textContent())
      .toBe("Mina ärenden");
    expect(problems).toEqual([]);
  });

  it("offers a skip link as the first stop for keyboard users", async () => {
    const { page, baseURL } = browser();
    await page.goto(`${baseURL}/`);
    await page.getByRole("note").waitFor();
    await page.keyboard.press("Tab");
    const focused = page.locator(":focus");
    expect(await focused.textContent()).toBe("Hoppa till huvudinnehållet");
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("main");
  });

  it("says plainly when a page does not exist", async () => {
    const { page, baseURL, problems } = browser();
    await page.goto(`${baseURL}/no/such/page`);
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).textContent())
      .toBe("Sidan finns inte");
    await page.getByRole("link", { name: "Gå till startsidan" }).click();
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).textContent())
      .toBe("Mina ärenden");
    await expectNoSeriousA11yViolations(page);
    expect(problems).toEqual([]);
  });
});
