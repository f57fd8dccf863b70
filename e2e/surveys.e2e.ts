import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectNoSeriousA11yViolations, useBrowser } from "./fixtures/browser.ts";
import { heading, login } from "./fixtures/login.ts";

/*
 * Enkäter (issue 17, item 4): the resource function's consultant makes a competence-needs
 * survey from the IFO managers' topic list, adds three respondents and opens it; each of
 * the three answers through their own link in a fresh browser without logging in (and the
 * browser keeps nothing); the consultant then reads the table — topic, count, share.
 */
const title = "Kompetensbehov IFO – resa";
const respondents = ["IFO-chef, Ekvik", "IFO-chef, Fjällby", "IFO-chef, Granås"];
const choices = [
  ["Hot- och riskbedömningar", "Kultur, tradition och religion"],
  ["Hot- och riskbedömningar"],
  ["Hot- och riskbedömningar", "LVU-utredningar"],
];

/** What the respondent's browser holds after answering: nothing at all. */
async function browserStorage(page: Page) {
  return page.evaluate(async () => ({
    local: window.localStorage.length,
    session: window.sessionStorage.length,
    cookies: document.cookie,
    databases: (await indexedDB.databases()).length,
  }));
}

describe("a competence-needs survey answered through personal links", () => {
  const browser = useBrowser();

  it("is made, answered by three respondents without an account, and its table read", async () => {
    const { page, baseURL, problems, newPage } = browser();
    await login(page, baseURL, "resursperson");
    await page.getByRole("navigation").getByRole("link", { name: "Enkäter" }).click();
    await expect.poll(() => heading(page)).toBe("Enkäter");
    await expectNoSeriousA11yViolations(page);

    await page.getByRole("button", { name: "Ny enkät" }).click();
    const form = page.getByRole("form", { name: "Enkätens innehåll" });
    await form.getByRole("textbox", { name: "Rubrik" }).fill(title);
    expect(await form.getByRole("checkbox", { name: "Hot- och riskbedömningar" }).isChecked()).toBe(
      true,
    );
    await form.getByRole("checkbox", { name: "Lägg till en fritextfråga" }).check();
    await form.getByRole("textbox", { name: "Fritextfråga" }).fill("Vad mer behöver ni?");
    await expectNoSeriousA11yViolations(page);
    await form.getByRole("button", { name: "Skapa enkät" }).click();
    await expect.poll(() => heading(page)).toBe(title);
    await expectNoSeriousA11yViolations(page);

    await page.getByRole("button", { name: "Lägg till mottagare" }).click();
    await page.getByRole("textbox", { name: "Mottagare, en per rad" }).fill(respondents.join("\n"));
    await page.getByRole("button", { name: "Lägg till", exact: true }).click();
    const table = page.getByRole("table", { name: "Mottagare och om de har svarat" });
    await expect.poll(() => table.getByRole("row").count()).toBe(4);
    await expectNoSeriousA11yViolations(page);

    await page.getByRole("button", { name: "Öppna enkäten" }).click();
    await page.getByRole("heading", { name: "Personliga länkar" }).waitFor();
    await expectNoSeriousA11yViolations(page);
    const links: string[] = [];
    for (const label of respondents)
      links.push(await page.getByRole("textbox", { name: `Länk till ${label}` }).inputValue());
    expect(links.every((l) => l.startsWith(`${baseURL}/enkat/`))).toBe(true);

    for (const [i, link] of links.entries()) {
      const respondent = await newPage();
      await respondent.goto(link);
      await respondent.getByRole("heading", { level: 1, name: title }).waitFor();
      // The link is not in the title the browser's history keeps.
      expect(await respondent.title()).not.toContain(link.split("/").pop() as string);
      await expectNoSeriousA11yViolations(respondent);
      for (const topic of choices[i] ?? [])
        await respondent.getByRole("checkbox", { name: topic }).check();
      await respondent.getByRole("button", { name: "Skicka svaret" }).click();
      await respondent.getByRole("heading", { level: 1, name: "Tack för ditt svar!" }).waitFor();
      await expectNoSeriousA11yViolations(respondent);
      expect(await browserStorage(respondent)).toEqual({
        local: 0,
        session: 0,
        cookies: "",
        databases: 0,
      });
      // The link answers once: opened again, it says it is no longer valid.
      await respondent.reload();
      await respondent.getByRole("heading", { level: 1, name: "Länken gäller inte" }).waitFor();
      await expectNoSeriousA11yViolations(respondent);
    }

    await page.reload();
    await expect.poll(() => heading(page)).toBe(title);
    const answered = page.getByRole("table", { name: "Mottagare och om de har svarat" });
    await expect.poll(() => answered.getByRole("cell", { name: "Har svarat" }).count()).toBe(3);
    const result = page.getByRole("table", { name: "IFO-chefer: 3 av 3 har svarat" });
    const row = (topic: string) =>
      result
        .getByRole("row", { name: new RegExp(`^${topic}`) })
        .getByRole("cell")
        .allTextContents();
    const spaced = (cells: string[]) => cells.map((c) => c.replace(/\s/g, " "));
    await expect
      .poll(async () => spaced(await row("Hot- och riskbedömningar")))
      .toEqual(["3", "100,0 %"]);
    expect(spaced(await row("Kultur, tradition och religion"))).toEqual(["1", "33,3 %"]);
    expect(spaced(await row("LVU-utredningar"))).toEqual(["1", "33,3 %"]);
    expect(spaced(await row("Insatser"))).toEqual(["0", "0,0 %"]);
    await page.getByRole("img", { name: /Stapeldiagram/ }).waitFor();
    expect(await page.getByRole("link", { name: "Ladda ner XLSX" }).getAttribute("href")).toMatch(
      /\/api\/surveys\/[0-9a-f-]+\/results\.xlsx$/,
    );
    await expectNoSeriousA11yViolations(page);

    await page.getByRole("button", { name: "Stäng enkäten" }).click();
    await page.getByText("Stängd", { exact: true }).waitFor();
    await expectNoSeriousA11yViolations(page);
    expect(problems).toEqual([]);
  });
});
