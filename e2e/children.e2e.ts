import { describe, expect, it } from "vitest";
import { addMonths, stockholmDate } from "../src/shared/calendar.ts";
import { childInvestigationLastDay, lastDayUnderLaw } from "../src/shared/deadlines.ts";
import { luhnCheckDigit } from "../src/shared/personal-identity-number.ts";
import { expectNoSeriousA11yViolations, useBrowser } from "./fixtures/browser.ts";
import { caseHeaderText, openSection } from "./fixtures/case.ts";
import { dateInvalid, fillDate } from "./fixtures/dates.ts";
import { heading, login } from "./fixtures/login.ts";
import { statusText } from "./fixtures/page.ts";
import { registerPerson } from "./fixtures/persons.ts";

/*
 * The children's track (barnspåret): a children's caseworker registers a child, records a
 * report of concern, which opens a case in Förhandsbedömning; the start page's Att göra
 * lists the protection assessment; the caseworker makes it, then decides to open an
 * investigation, whose deadline is shown. The child is this file's own; the steps run in
 * order and share the case's address.
 */

// A fictional child: birth numbers 980–989 are not given to real people. This file only.
const childNine = "170824986";
const childNumber = `20${childNine.slice(0, 6)}-${childNine.slice(6)}${luhnCheckDigit(childNine)}`;
const child = { givenName: "Tilde", familyName: "Barnspår" };
const childName = `${child.givenName} ${child.familyName}`;
const assessmentText = "Barnet bor hos mormor just nu och är inte i fara i kväll.";
const decisionText = "Oron från skolan behöver utredas.";
const reportText =
  "Tilde berättade för mentorn att det är bråk hemma och att hon inte vill gå hem.";
// The school's letter is dated the day before it came in.
const reportedOn = stockholmDate(new Date(Date.now() - 86_400_000));

const journey: { casePath?: string; reference?: string } = {};

describe("the children's track: report of concern, protection assessment, investigation", () => {
  const browser = useBrowser();

  it("a children's caseworker records a report of concern, which opens a case in Förhandsbedömning", async () => {
    const { page, baseURL, problems } = browser();
    await login(page, baseURL, "barnhandlaggare");
    await registerPerson(page, { ...child, number: childNumber });

    const form = page.getByRole("form", { name: "Ny aktualisering" });
    await form
      .getByRole("group", { name: "Typ av aktualisering" })
      .getByLabel("Orosanmälan")
      .check();
    await form.getByLabel("Vem aktualiserade?").selectOption({ label: "Skolan" });
    await form.getByLabel("Kontaktväg").selectOption({ label: "Telefon" });
    // A child's report of concern: the child is not asked about violence at intake.
    expect(
      await form.getByRole("group", { name: "Har personen fått frågan om våld?" }).count(),
    ).toBe(0);
    await form.getByText("tillfrågas inte barnet om våld", { exact: false }).waitFor();
    await form.getByLabel("Vad kom fram?").fill(reportText);
    await fillDate(form, "Anmälans datum", reportedOn);
    const reporter = form.getByRole("group", { name: "Anmälare" });
    await reporter.getByLabel("Organisation").fill("Demoskolan");
    await reporter.getByLabel("Kontaktperson").fill("Kim Lärare");
    await expectNoSeriousA11yViolations(page);
    await form.getByRole("button", { name: "Registrera aktualisering" }).click();

    await expect.poll(() => heading(page)).toMatch(/^Ärende \S+/);
    journey.casePath = new URL(page.url()).pathname;
    journey.reference = ((await heading(page)) ?? "").replace(/^Ärende /, "");
    // The case header says the status on every section.
    await expect.poll(() => caseHeaderText(page)).toContain("StatusFörhandsbedömning");
    await openSection(page, "Aktualiseringar");
    const intakes = page.getByRole("region", { name: "Aktualiseringar" });
    await intakes.getByText(reportText).waitFor();
    expect(await intakes.textContent()).toContain("Demoskolan, Kim Lärare");
    expect(await intakes.textContent()).not.toContain("Har personen fått frågan om våld?");
    const track = page.getByRole("region", { name: "Barnspåret" });
    await track.getByRole("heading", { name: /^Orosanmälan mottagen / }).waitFor();
    expect(await track.textContent()).toMatch(/Skyddsbedömning senast \d{4}-\d{2}-\d{2}/);
    expect(await track.textContent()).toMatch(/Förhandsbedömning senast \d{4}-\d{2}-\d{2}/);
    await expectNoSeriousA11yViolations(page);
    expect(problems).toEqual([]);
  });

  it("the start page's Att göra lists the protection assessment for the child", async () => {
    const { page, baseURL, problems } = browser();
    expect(journey.reference).toBeTruthy();
    await login(page, baseURL, "barnhandlaggare");
    await expect.poll(() => heading(page)).toBe("Mina ärenden");
    const todo = page.getByRole("region", { name: "Att göra", exact: true });
    // Same day: overdue late in the evening, else within 7 days. Either way it is listed.
    const row = todo.getByRole("row", {
      name: new RegExp(`Skyddsbedömning.*${journey.reference}`),
    });
    await row.waitFor();
    expect(await row.textContent()).toContain(childName);
    expect(await row.textContent()).toMatch(/senast \d{4}-\d{2}-\d{2}/);
    const tables = await todo
      .getByRole("table")
      .evaluateAll((ts) => ts.map((t) => t.querySelector("caption")?.textContent));
    expect(tables.every((c) => c === "Försenat" || c === "Inom 7 dagar")).toBe(true);
    await expectNoSeriousA11yViolations(page);

    await row.getByRole("link", { name: journey.reference }).click();
    await expect.poll(() => heading(page)).toBe(`Ärende ${journey.reference}`);
    expect(problems).toEqual([]);
  });

  it("the caseworker makes the protection assessment, explaining what is missing first", async () => {
    const { page, baseURL, problems } = browser();
    await login(page, baseURL, "barnhandlaggare", `${journey.casePath}/intakes`);
    const track = page.getByRole("region", { name: "Barnspåret" });
    const form = track.getByRole("form", { name: "Skyddsbedömning" });
    await form.getByRole("button", { name: "Spara skyddsbedömning" }).click();
    const question = form.getByRole("group", { name: "Behöver barnet skydd nu?" });
    const reasoning = form.getByLabel("Bedömning");
    await expect.poll(() => reasoning.getAttribute("aria-invalid")).toBe("true");
    expect(await question.textContent()).toContain("Svara ja eller nej.");
    expect(await page.getByRole("alert").textContent()).toContain(
      "Några uppgifter behöver rättas.",
    );
    await expectNoSeriousA11yViolations(page);

    await question.getByLabel("Nej").check();
    await reasoning.fill(assessmentText);
    await form.getByRole("button", { name: "Spara skyddsbedömning" }).click();
    await expect.poll(() => statusText(page)).toContain("Skyddsbedömningen är sparad.");
    expect(await track.getByRole("form", { name: "Skyddsbedömning" }).count()).toBe(0);
    const report = track.getByRole("article", { name: /^Orosanmälan mottagen / });
    expect(await report.textContent()).toContain(assessmentText);
    expect(await report.textContent()).toContain("Karin Sjöberg");
    // The form is gone: focus is on the report's heading.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(
      /^Orosanmälan mottagen /,
    );
    await expectNoSeriousA11yViolations(page);
    expect(problems).toEqual([]);
  });

  it("the caseworker decides to open an investigation, and its deadline is shown", async () => {
    const { page, baseURL, problems } = browser();
    await login(page, baseURL, "barnhandlaggare", `${journey.casePath}/intakes`);
    const track = page.getByRole("region", { name: "Barnspåret" });
    const form = track.getByRole("form", { name: "Beslut i förhandsbedömningen" });
    await form.getByRole("button", { name: "Spara beslut" }).click();
    const decision = form.getByRole("group", { name: "Beslut" });
    await expect.poll(() => decision.textContent()).toContain("Välj ett beslut.");
    await expectNoSeriousA11yViolations(page);

    await decision.getByLabel("Inleda utredning", { exact: true }).check();
    await form.getByLabel("Motivering").fill(decisionText);
    await form.getByRole("button", { name: "Spara beslut" }).click();
    await expect.poll(() => statusText(page)).toContain("Beslutet är sparat.");
    await expect.poll(() => caseHeaderText(page)).toContain("StatusUtredning");
    // The last day shown is the law's (lag 1930:173): four months on, or the next weekday.
    const { last } = childInvestigationLastDay(new Date());
    await track.getByText(`Utredningen ska vara klar senast ${last}`).waitFor();
    expect(await track.textContent()).toContain(decisionText);
    expect(await track.textContent()).toContain("Utredningstiden är inte förlängd.");
    // Extending is the unit manager's decision: no form for the caseworker.
    expect(await track.getByRole("form", { name: "Förläng utredningstiden" }).count()).toBe(0);
    await expectNoSeriousA11yViolations(page);
    expect(problems).toEqual([]);
  });

  it("the unit manager extends the investigation with a reason; the new last day is shown", async () => {
    const { page, baseURL, problems } = browser();
    await login(page, baseURL, "barnchef", `${journey.casePath}/intakes`);
    const track = page.getByRole("region", { name: "Barnspåret" });
    const form = track.getByRole("form", { name: "Förläng utredningstiden" });
    await form.getByRole("button", { name: "Förläng utredningstiden" }).click();
    // Nothing filled in: both fields are marked and explained, nothing is sent.
    await expect.poll(() => dateInvalid(form, "Ny sista dag")).toBe(true);
    expect(await form.getByLabel("Skäl").getAttribute("aria-invalid")).toBe("true");
    await expectNoSeriousA11yViolations(page);

    const until = addMonths(stockholmDate(new Date()), 5);
    await fillDate(form, "Ny sista dag", until);
    await form.getByLabel("Skäl").fill("Väntar på BUP:s bedömning av barnets behov.");
    await form.getByRole("button", { name: "Förläng utredningstiden" }).click();
    await expect.poll(() => statusText(page)).toContain("Utredningstiden är förlängd.");
    await track
      .getByText(`Utredningen ska vara klar senast ${lastDayUnderLaw(until).last}`)
      .waitFor();
    expect(await track.textContent()).toContain("Väntar på BUP:s bedömning");
    await expectNoSeriousA11yViolations(page);
    expect(problems).toEqual([]);
  });
});
