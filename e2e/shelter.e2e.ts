import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../src/server/paths.ts";
import { expectNoSeriousA11yViolations, useBrowser } from "./fixtures/browser.ts";
import { heading, login } from "./fixtures/login.ts";

/*
 * Boendet (issue 16, item 6): the staff of Demokommun's own shelter Lärkan (boendepersonal)
 * land on their board, see Sara Berg and her children by name and birth year — nothing of her
 * case — and note a talk with Maja, at 390 px as on a phone. Axe on every state. The server
 * is shared with the other journeys: only this file's own note is counted.
 */
const shots = join(projectRoot, "test-results", "screenshots");

describe("the shelter's staff at Lärkan", () => {
  const browser = useBrowser();

  it("land on Boendet, see who lives there with the children, and note a talk with a child", async () => {
    const { page, baseURL, problems } = browser();
    await page.setViewportSize({ width: 390, height: 844 });
    await login(page, baseURL, "boendepersonal");
    await expect.poll(() => heading(page)).toBe("Boendet");
    const nav = page.getByRole("navigation", { name: "Huvudmeny" });
    expect(await nav.getByRole("link").allTextContents()).toEqual([
      "Boendet",
      "Lediga platser",
      "Platser",
    ]);

    const current = page.getByRole("region", { name: "Bor här nu" });
    const sara = current.getByRole("article", { name: "Sara Berg, född 1988" });
    await sara.waitFor();
    const text = (await sara.textContent()) ?? "";
    expect(text).toContain("Leo Berg, född 2015");
    expect(text).toContain("Maja Berg, född 2018");
    expect(text).toContain("Skyddat boende Lärkan");
    // Nothing of her case: no reference, no identity number.
    expect(await page.textContent("main")).not.toMatch(/D00\d|19880704/);
    await expectNoSeriousA11yViolations(page);
    mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: join(shots, "shelter-board-390.png"), fullPage: true });

    await sara.getByRole("button", { name: "Anteckning", exact: true }).click();
    const form = sara.getByRole("form", { name: "Anteckning" });
    await form.getByLabel("Typ av anteckning").selectOption({ label: "Samtal med barn" });
    await form.getByLabel("Anteckning", { exact: true }).fill("Maja ritade sitt nya rum.");
    await form.getByRole("button", { name: "Spara anteckning" }).click();
    await form.getByText("Välj vilket barn samtalet var med.").first().waitFor();
    await expectNoSeriousA11yViolations(page);
    await form.getByLabel("Vilket barn").selectOption({ label: "Maja Berg" });
    await form.getByRole("button", { name: "Spara anteckning" }).click();
    await expect.poll(() => form.getByLabel("Anteckning", { exact: true }).inputValue()).toBe("");

    await sara.getByRole("button", { name: "Anteckningar" }).click();
    await sara.getByText("Maja ritade sitt nya rum.").waitFor();
    expect(await sara.textContent()).toContain("Inskrivningssamtal med Sara");
    await expectNoSeriousA11yViolations(page);
    expect(problems).toEqual([]);
  });
});
