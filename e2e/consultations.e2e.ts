import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { luhnCheckDigit } from "../src/shared/personal-identity-number.ts";
import { expectNoSeriousA11yViolations, useBrowser } from "./fixtures/browser.ts";
import { heading, login } from "./fixtures/login.ts";
import { description, statusText } from "./fixtures/page.ts";

/*
 * Konsultationer (issue 17, item 3): the resource function's consultant (resursperson) lands
 * on the log, logs a school's question at a vague report — a personnummer in the question is
 * refused, a name is shown as a warning and saved only when she confirms — and finds it
 * counted in the year's figures. axe on every state.
 */
const year = new Date().toLocaleDateString("sv-SE", { timeZone: "Europe/Stockholm" }).slice(0, 4);

/** The year's total in the figures (the "Totalt" row of the table by organisation). */
async function yearTotal(page: Page): Promise<number> {
  const table = page.getByRole("table", { name: `Efter organisation, ${year}` });
  await table.waitFor();
  const text = await table
    .getByRole("row", { name: /^Totalt/ })
    .getByRole("cell")
    .first()
    .textContent();
  return Number(/^(\d+)/.exec(text?.trim() ?? "")?.[1] ?? Number.NaN);
}

describe("the consultation log", () => {
  const browser = useBrowser();

  it("a consultant logs a consultation, a personnummer refused and a name confirmed, and finds it counted", async () => {
    const { page, baseURL, problems } = browser();
    await login(page, baseURL, "resursperson");
    await expect.poll(() => heading(page)).toBe("Konsultationer");
    expect(new URL(page.url()).pathname).toBe("/consultations");
    const before = await yearTotal(page);
    await expectNoSeriousA11yViolations(page);

    await page.getByRole("button", { name: "Ny konsultation" }).click();
    const form = page.getByRole("form", { name: "Ny konsultation" });
    await form.getByLabel("Typ av organisation").selectOption({ label: "Skola" });
    await form.getByLabel("Organisationens namn (valfritt)").fill("Norra skolan");
    await form.getByLabel("Kommun", { exact: true }).fill("Trollhättan");
    await form.getByLabel("Yrkesroll").fill("rektor");
    await form.getByRole("checkbox", { name: "Hedersrelaterat våld och förtryck" }).check();
    await form.getByRole("radio", { name: "Före anmälan" }).check();
    await form.getByLabel("Tid i minuter").fill("40");

    // A personnummer in the question: refused by the field before anything is sent.
    const nine = "080412238";
    const question = form.getByLabel("Frågan", { exact: true });
    await question.fill(`Gäller eleven 20${nine}${luhnCheckDigit(nine)} – vad gör vi?`);
    await form.getByRole("button", { name: "Spara konsultationen" }).click();
    await expect.poll(() => description(page, question)).toContain("utan personnummer");
    await expectNoSeriousA11yViolations(page);

    // A name: the server warns by the field, and saves only once she has confirmed.
    await question.fill("Rektorn undrar om Sara Ahmed i åk 8 behöver skydd inför sommarlovet.");
    await form.getByRole("button", { name: "Spara konsultationen" }).click();
    await expect.poll(() => description(page, question)).toContain("ser ut som ett namn");
    const confirm = form.getByRole("checkbox", {
      name: "Jag har kontrollerat: det är inte den enskildes namn",
    });
    await confirm.waitFor();
    await expectNoSeriousA11yViolations(page);
    await confirm.check();
    await form.getByRole("button", { name: "Spara ändå" }).click();
    await expect.poll(() => statusText(page)).toContain("Konsultationen är sparad.");
    await expectNoSeriousA11yViolations(page);

    // In the log, and counted in the year's figures.
    await page.getByRole("table").filter({ hasText: "Norra skolan" }).waitFor();
    await expect.poll(() => yearTotal(page)).toBe(before + 1);
    await expectNoSeriousA11yViolations(page);
    expect(problems).toEqual([]);
  });
});
