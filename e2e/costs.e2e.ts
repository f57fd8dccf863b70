import { describe, expect, it } from "vitest";
import { expectNoSeriousA11yViolations, useBrowser } from "./fixtures/browser.ts";
import { heading, login } from "./fixtures/login.ts";
import { day, description } from "./fixtures/page.ts";

/*
 * Kostnader (issue 16): the adult unit's manager (enhetschef) opens the month's costs of
 * sheltered housing and emergency flats, is told by the field when the month is not one, and
 * finds the XLSX and CSV of the month she sees. The demo's stays belong to another part of the
 * issue: the tables are checked where they are shown, the empty month otherwise.
 */
describe("the month's costs of stays", () => {
  const browser = useBrowser();

  it("a unit manager reads the month's costs and finds its files", async () => {
    const { page, baseURL, problems } = browser();
    await login(page, baseURL, "enhetschef");
    await page.getByRole("navigation").getByRole("link", { name: "Kostnader" }).click();
    await expect.poll(() => heading(page)).toBe("Kostnader");
    const month = day().slice(0, 7);
    const form = page.getByRole("form", { name: "Välj månad" });
    const field = form.getByRole("textbox", { name: "Månad" });
    expect(await field.inputValue()).toBe(month);
    await page.getByRole("heading", { name: `Kostnader ${month}` }).waitFor();
    await expectNoSeriousA11yViolations(page);

    // Not a month: said by the field, before anything is asked of the server.
    await field.fill("2026-13");
    await form.getByRole("button", { name: "Visa kostnader" }).click();
    await expect.poll(() => description(page, field)).toContain("Ange månaden som ÅÅÅÅ-MM.");
    await expectNoSeriousA11yViolations(page);

    await field.fill(month);
    await form.getByRole("button", { name: "Visa kostnader" }).click();
    const xlsx = page.getByRole("link", { name: "Ladda ner XLSX" });
    expect(await xlsx.getAttribute("href")).toBe(`/api/costs.xlsx?month=${month}`);
    expect(await page.getByRole("link", { name: "Ladda ner CSV" }).getAttribute("href")).toBe(
      `/api/costs.csv?month=${month}`,
    );
    const download = page.waitForEvent("download");
    await xlsx.click();
    expect((await download).suggestedFilename()).toBe(`kostnader-${month}.xlsx`);
    const tables = await page.getByRole("table", { name: "Per placerande enhet" }).count();
    const none = await page.getByText("Inga vistelser med kostnader den här månaden.").count();
    expect(tables + none).toBe(1);
    await expectNoSeriousA11yViolations(page);
    expect(problems).toEqual([]);
  });
});
