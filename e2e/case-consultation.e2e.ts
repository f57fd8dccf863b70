import { describe, expect, it } from "vitest";
import { expectNoSeriousA11yViolations, useBrowser } from "./fixtures/browser.ts";
import { openMyCase, openSection } from "./fixtures/case.ts";
import { login } from "./fixtures/login.ts";
import { description, statusText } from "./fixtures/page.ts";

/*
 * An anonymised consultation in a case (issue 18, item 7): under Samverkan in Anna
 * Andersson's demo case (which has none) the list says so in one line and the form stands
 * behind its button. A name in the question is the server's to notice; the worker confirms
 * it is none and saves. This file writes only that consultation.
 */

describe("an anonymised consultation recorded in a case", () => {
  const browser = useBrowser();

  it("a caseworker opens the form from its button and saves after confirming the name", async () => {
    const { page, baseURL, problems } = browser();
    await login(page, baseURL, "handlaggare1");
    await openMyCase(page, "Anna Andersson");
    await openSection(page, "Samverkan");

    const panel = page.getByRole("region", { name: "Anonyma konsultationer" });
    await panel.getByText("Ingen anonym konsultation är registrerad.").waitFor();
    expect(await panel.getByRole("form").count()).toBe(0);
    await panel.getByRole("button", { name: "Registrera anonym konsultation" }).click();
    const form = panel.getByRole("form", { name: "Registrera anonym konsultation" });
    await form.getByRole("radio", { name: "Vuxen" }).check();
    await form.getByLabel("Med vem (om inte i registret)").fill("Resursfunktionen");
    const question = form.getByLabel("Frågan", { exact: true });
    await question.fill("Grannen Kalle Persson har sett bråk. Kan vi fråga honom utan samtycke?");
    await form.getByLabel("Rådet").fill("Nej, inte utan samtycke.");
    await expectNoSeriousA11yViolations(page);

    await form.getByRole("button", { name: "Spara konsultationen" }).click();
    await expect.poll(() => description(page, question)).toContain("ser ut som ett namn");
    await form.getByRole("checkbox", { name: /^Jag har kontrollerat/ }).check();
    await form.getByRole("button", { name: "Spara ändå" }).click();
    await expect.poll(() => statusText(page)).toContain("Konsultationen är sparad.");
    await panel.getByRole("heading", { name: /^Resursfunktionen, / }).waitFor();
    // Saved: the form starts over, empty, for the next consultation.
    expect(await question.inputValue()).toBe("");
    await expectNoSeriousA11yViolations(page);
    expect(problems).toEqual([]);
  });
});
