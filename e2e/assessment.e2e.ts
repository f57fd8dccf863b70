import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { luhnCheckDigit } from "../src/shared/personal-identity-number.ts";
import { expectNoSeriousA11yViolations, useBrowser } from "./fixtures/browser.ts";
import { caseHeaderText, openSection } from "./fixtures/case.ts";
import { dateText, fillDate } from "./fixtures/dates.ts";
import { heading, login } from "./fixtures/login.ts";
import { description, hasFocus, statusText } from "./fixtures/page.ts";
import { recordApplication, registerPerson } from "./fixtures/persons.ts";

/*
 * Risk assessment: a caseworker records an application, which opens a case in Utredning,
 * and makes a Farlighetsbedömning in it with the keyboard only: answers every question
 * (stryptag "Ja", so the instrument suggests Hög), saves the draft and sees the suggestion,
 * judges the risk Medel (which needs reasons), and completes it. The completed assessment
 * is read-only, and the case's header says the risk level in words. The person is this
 * file's own; the steps run in order and share the case's address.
 */

// A fictional person: birth numbers 980–989 are not given to real people. This file only.
const personNine = "850914981";
const personNumber = `19${personNine.slice(0, 6)}-${personNine.slice(6)}${luhnCheckDigit(personNine)}`;
const person = { givenName: "Stina", familyName: "Riskvall" };

const ownWords = "Att han hittar mig och barnen.";
const reasons =
  "Stryptaget var för två år sedan. Han har flyttat, och kontaktförbudet har hållits sedan dess.";
const strangulation = "Har hen tagit stryptag eller på annat sätt hindrat dig från att andas?";

const fullName = `${person.givenName} ${person.familyName}`;
const measure = "Sover hos sin mamma i Gävle till kontaktförbudet är prövat.";

const journey: { casePath?: string; personPath?: string } = {};

/** A calendar day in Swedish time: YYYY-MM-DD, as the app shows dates. */
function today() {
  return new Date().toLocaleDateString("sv-SE", { timeZone: "Europe/Stockholm" });
}

/** Presses Tab until `target` has focus: the keyboard's way to reach a field. */
async function tabTo(page: Page, target: Locator, most = 25) {
  for (let i = 0; i < most; i += 1) {
    if (await hasFocus(target)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error("Tab never reached the field");
}

/** Presses Shift+Tab until `target` has focus: back to an earlier field. */
async function shiftTabTo(page: Page, target: Locator, most = 25) {
  for (let i = 0; i < most; i += 1) {
    if (await hasFocus(target)) return;
    await page.keyboard.press("Shift+Tab");
  }
  throw new Error("Shift+Tab never reached the field");
}

const radio = (group: Locator, name: string) => group.getByRole("radio", { name, exact: true });

describe("risk assessment: a Farlighetsbedömning from draft to judgement", () => {
  const browser = useBrowser();

  it("a caseworker records an application; the case has no risk assessment yet", async () => {
    const { page, baseURL, problems } = browser();
    await login(page, baseURL, "handlaggare1");
    await registerPerson(page, { ...person, number: personNumber });

    await recordApplication(page, "Besök");
    journey.casePath = new URL(page.url()).pathname;
    await expect.poll(() => caseHeaderText(page)).toContain("StatusUtredning");
    const details = page.getByRole("region", { name: "Om ärendet" });
    await details.getByText("Ingen riskbedömning ännu.").waitFor();
    await openSection(page, "Bedömningar");
    const panel = page.getByRole("region", { name: "Riskbedömningar" });
    await panel.getByText("Ingen riskbedömning är gjord i ärendet.").waitFor();
    await expectNoSeriousA11yViolations(page);

    // Her page has no risk over time yet: no chart, only the words.
    await details.getByRole("link", { name: fullName }).click();
    journey.personPath = new URL(page.url()).pathname;
    const risk = page.getByRole("region", { name: "Risk över tid" });
    await risk.getByText("Inga slutförda riskbedömningar ännu.").waitFor();
    expect(await risk.getByRole("application").count()).toBe(0);
    await expectNoSeriousA11yViolations(page);
    expect(problems).toEqual([]);
  });

  it("the caseworker makes a Farlighetsbedömning with the keyboard only and judges the risk", async () => {
    const { page, baseURL, problems } = browser();
    expect(journey.casePath).toBeTruthy();
    await login(page, baseURL, "handlaggare1", `${journey.casePath}/assessments`);
    const panel = page.getByRole("region", { name: "Riskbedömningar" });
    const start = panel.getByRole("form", { name: "Ny bedömning" });
    const instrument = start.getByLabel("Instrument", { exact: true });
    await instrument.waitFor();

    // Choose the instrument: its source note is shown before starting.
    await instrument.focus();
    await page.keyboard.type("Farl");
    await expect
      .poll(() => instrument.evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.text))
      .toBe("Farlighetsbedömning");
    await start.getByText(/Frågorna är formulerade av Frid/).waitFor();
    await expectNoSeriousA11yViolations(page);
    await tabTo(page, start.getByRole("button", { name: "Påbörja bedömningen" }));
    await page.keyboard.press("Enter");

    // The draft opens, with focus on it, rendered from its instrument version.
    await expect.poll(() => statusText(page)).toContain("Bedömningen är påbörjad.");
    const article = panel.getByRole("article", { name: /^Farlighetsbedömning .*Utkast$/ });
    await expect.poll(() => hasFocus(article)).toBe(true);
    const form = article.getByRole("form", { name: "Fyll i Farlighetsbedömning" });
    await form.waitFor();
    expect(await dateText(form, "Datum för bedömningen")).toBe(today());
    for (const section of [
      "Våldet",
      "Kontroll och förföljelse",
      "Den som utövar våldet",
      "Barnen och din egen bedömning",
    ]) {
      expect(await form.getByRole("group", { name: section, exact: true }).count(), section).toBe(
        1,
      );
    }
    // Required questions say so in words.
    const questions = form.getByRole("group", { name: /\(obligatorisk\)$/ });
    const count = await questions.count();
    expect(count).toBe(18);
    await expectNoSeriousA11yViolations(page);

    // Not given until answered: Tab lands on the chosen radio, arrow keys choose another.
    const present = form.getByRole("group", { name: "Klienten var med" });
    expect(await radio(present, "Ej angivet").isChecked()).toBe(true);
    await tabTo(page, radio(present, "Ej angivet"));
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("ArrowLeft");
    expect(await radio(present, "Ja").isChecked()).toBe(true);
    const interpreter = form.getByRole("group", { name: "Tolk användes" });
    await tabTo(page, radio(interpreter, "Ej angivet"));
    await page.keyboard.press("ArrowLeft");
    expect(await radio(interpreter, "Nej").isChecked()).toBe(true);

    // Every question: "Ja" for the stranglehold (Space), "Nej" for the rest (an arrow key).
    for (let i = 0; i < count; i += 1) {
      const question = questions.nth(i);
      const name = (await question.locator("legend").textContent()) ?? "";
      await tabTo(page, radio(question, "Ja"));
      if (name.startsWith(strangulation)) {
        await page.keyboard.press("Space");
        expect(await radio(question, "Ja").isChecked()).toBe(true);
      } else {
        await page.keyboard.press("ArrowRight");
        expect(await radio(question, "Nej").isChecked(), name).toBe(true);
      }
    }
    const words = form.getByLabel("Med egna ord: vad är du mest rädd för?");
    await tabTo(page, words);
    await page.keyboard.type(ownWords);
    await form.getByText("19 av 19 frågor besvarade.").waitFor();

    // Saving the draft shows the server's summary and the suggested level.
    const saved = page.waitForRequest(
      (r) => r.method() === "PUT" && /\/assessments\/[^/]+$/.test(r.url()),
    );
    await tabTo(page, form.getByRole("button", { name: "Spara utkast" }));
    await page.keyboard.press("Enter");
    const body = (await saved).postDataJSON() as {
      answers: Record<string, string>;
      clientPresent: boolean | null;
      interpreterUsed: boolean | null;
    };
    expect(body.answers.strangulation).toBe("yes");
    expect(body.answers.more_often).toBe("no");
    expect(body.answers.client_own_words).toBe(ownWords);
    expect(Object.keys(body.answers)).toHaveLength(19);
    expect(body.clientPresent).toBe(true);
    expect(body.interpreterUsed).toBe(false);
    await expect.poll(() => statusText(page)).toContain("Utkastet är sparat.");
    const summary = form.getByRole("region", { name: "Sammanställning" });
    await summary.getByText("Föreslagen nivå: Hög").waitFor();
    const summaryText = (await summary.textContent()) ?? "";
    expect(summaryText).toContain("Antal ja1");
    expect(summaryText).toContain("Tecken på dödligt våld (stryptag, vapen, dödshot)Ja");
    // The button pressed is still there, with focus.
    expect(await hasFocus(form.getByRole("button", { name: "Spara utkast" }))).toBe(true);
    await expectNoSeriousA11yViolations(page);

    // The caseworker judges Medel: lower than suggested, which needs reasons.
    const level = form.getByRole("group", { name: "Risknivå" });
    expect(await description(page, level)).toContain("Föreslagen nivå: Hög");
    await tabTo(page, radio(level, "Låg"));
    await page.keyboard.press("ArrowRight");
    expect(await radio(level, "Medel").isChecked()).toBe(true);
    const complete = form.getByRole("button", { name: "Slutför bedömningen" });
    await tabTo(page, complete);
    await page.keyboard.press("Enter");
    const reasonsField = form.getByLabel("Skäl för din bedömning");
    await expect.poll(() => reasonsField.getAttribute("aria-invalid")).toBe("true");
    expect(await page.getByRole("alert").textContent()).toContain(
      "Några uppgifter behöver rättas.",
    );
    expect(await description(page, reasonsField)).toContain(
      "Din bedömning skiljer sig från den föreslagna nivån – skriv varför.",
    );
    await expectNoSeriousA11yViolations(page);

    await shiftTabTo(page, reasonsField);
    await page.keyboard.type(reasons);
    const completed = page.waitForRequest(
      (r) => r.method() === "POST" && r.url().endsWith("/complete"),
    );
    await tabTo(page, complete);
    await page.keyboard.press("Enter");
    expect((await completed).postDataJSON()).toEqual({ judgements: { risk: "medium" }, reasons });

    // Completed: read-only, with focus on it, in its own version's words.
    await expect.poll(() => statusText(page)).toContain("Bedömningen är slutförd.");
    const done = panel.getByRole("article", { name: /^Farlighetsbedömning .*Slutförd$/ });
    await expect.poll(() => hasFocus(done)).toBe(true);
    const doneText = (await done.textContent()) ?? "";
    expect(doneText).toContain("Bedömd nivåMedel");
    expect(doneText).toContain("Föreslagen nivåHög");
    expect(doneText).toContain("Föreslagen nivå: Hög");
    expect(doneText).toContain(`Skäl för din bedömning${reasons}`);
    expect(doneText).toContain("Slutförd avLina Ek");
    expect(doneText).toMatch(/Ny bedömning senast\d{4}-\d{2}-\d{2}/);
    expect(await done.getByRole("form").count()).toBe(0);
    expect(await done.getByRole("radio").count()).toBe(0);
    expect(await done.getByRole("textbox").count()).toBe(0);
    expect(await done.getByRole("button", { name: /Spara utkast|Slutför/ }).count()).toBe(0);
    await expectNoSeriousA11yViolations(page);

    // The answers, shown on request.
    const show = done.getByRole("button", { name: /^Visa svaren/ });
    expect(await show.getAttribute("aria-expanded")).toBe("false");
    await tabTo(page, show);
    await page.keyboard.press("Enter");
    const hide = done.getByRole("button", { name: /^Dölj svaren/ });
    await expect.poll(() => hide.getAttribute("aria-expanded")).toBe("true");
    expect(await hasFocus(hide)).toBe(true);
    const violence = done.getByRole("region", { name: "Våldet", exact: true });
    expect(await violence.textContent()).toContain(`${strangulation}Ja`);
    expect(
      await done.getByRole("region", { name: "Barnen och din egen bedömning" }).textContent(),
    ).toContain(ownWords);
    await expectNoSeriousA11yViolations(page);

    // The case header says the risk level in words, without loading the page again.
    const details = page.getByRole("region", { name: "Om ärendet" });
    await expect
      .poll(() => details.textContent())
      .toContain(`RisknivåMedel – Farlighetsbedömning ${today()}.`);
    expect(await details.textContent()).toMatch(/Ny bedömning senast \d{4}-\d{2}-\d{2}\./);
    await expectNoSeriousA11yViolations(page);
    expect(problems).toEqual([]);
  });

  it("the completed assessment stays as it was, with no controls to change it", async () => {
    const { page, baseURL, problems } = browser();
    await login(page, baseURL, "handlaggare1", `${journey.casePath}/assessments`);
    const panel = page.getByRole("region", { name: "Riskbedömningar" });
    const done = panel.getByRole("article", { name: /^Farlighetsbedömning .*Slutförd$/ });
    await done.getByRole("button", { name: /^Visa svaren/ }).waitFor();
    expect(await done.textContent()).toContain("Bedömd nivåMedel");
    expect(await panel.getByRole("article").count()).toBe(1);
    expect(await done.getByRole("form").count()).toBe(0);
    expect(await done.getByRole("button").allTextContents()).toEqual([
      expect.stringMatching(/^Visa svaren/),
    ]);
    const details = page.getByRole("region", { name: "Om ärendet" });
    expect(await details.textContent()).toContain("RisknivåMedel – Farlighetsbedömning");
    await expectNoSeriousA11yViolations(page);
    expect(problems).toEqual([]);
  });

  it("her page now shows the judged level over time, with the reasons on focus", async () => {
    const { page, baseURL, problems } = browser();
    expect(journey.personPath).toBeTruthy();
    await login(page, baseURL, "handlaggare1", journey.personPath);
    const risk = page.getByRole("region", { name: "Risk över tid" });
    const chart = risk.getByRole("application", {
      name: "Risknivå över tid, en linje per instrument",
    });
    await chart.waitFor();
    expect(await risk.locator(".recharts-line").count()).toBe(1);
    await chart.focus();
    const tooltip = risk.locator(".risk-tooltip");
    const tip = async () => (await tooltip.textContent()) ?? "";
    await expect.poll(tip).toContain(reasons);
    expect(await tip()).toContain(`${today()} · Farlighetsbedömning`);
    expect(await tip()).toContain("NivåMedel");
    // The table alternative: her judgement first, then the level the instrument suggested.
    const rows = risk.getByRole("table", { name: "Riskbedömningar i tabellform" }).getByRole("row");
    expect(await rows.count()).toBe(2);
    expect(await rows.nth(1).textContent()).toContain("MedelHög");
    await expectNoSeriousA11yViolations(page);
    expect(problems).toEqual([]);
  });

  it("from the risk in the case header she opens the safety plan and makes it", async () => {
    const { page, baseURL, problems } = browser();
    await login(page, baseURL, "handlaggare1", journey.casePath);
    const details = page.getByRole("region", { name: "Om ärendet" });
    await details.getByRole("link", { name: "Säkerhetsplan" }).click();
    await expect.poll(() => heading(page)).toBe("Säkerhetsplan");
    const shown = page.getByRole("region", { name: "Gällande plan" });
    await shown.getByRole("button", { name: "Gör en säkerhetsplan" }).click();
    const form = page.getByRole("form", { name: "Ny säkerhetsplan" });
    const first = form.getByRole("group", { name: "Åtgärd 1" });
    await first.getByLabel("Typ av åtgärd").selectOption({ label: "Säker plats att ta sig till" });
    await first.getByLabel("Beskrivning").fill(measure);
    await first.getByLabel("Gäller").fill(person.givenName);
    await first.getByLabel("Ansvarig").fill(person.givenName);
    await fillDate(first, "Följs upp", today());
    await form.getByRole("button", { name: "Spara ny version" }).click();
    await expect.poll(() => statusText(page)).toContain("Säkerhetsplanen är sparad som version 1.");
    const saved = shown.getByRole("article", { name: "Säker plats att ta sig till" });
    expect(await saved.textContent()).toContain(measure);
    expect(await saved.textContent()).toContain(`Följs upp${today()}`);
    await expectNoSeriousA11yViolations(page);
    expect(problems).toEqual([]);
  });
});
