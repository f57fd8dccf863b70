import { readFileSync } from "node:fs";
import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { pdfText } from "../src/server/testing/pdf.ts";
import { lastDayUnderLaw } from "../src/shared/deadlines.ts";
import { luhnCheckDigit } from "../src/shared/personal-identity-number.ts";
import { expectNoSeriousA11yViolations, useBrowser } from "./fixtures/browser.ts";
import { caseStatus, openSection } from "./fixtures/case.ts";
import { dateText, fillDate } from "./fixtures/dates.ts";
import { heading, login } from "./fixtures/login.ts";
import { day, hasFocus, statusText } from "./fixtures/page.ts";
import { fullName, registerPerson } from "./fixtures/persons.ts";

/*
 * A family from the first call to closed cases, across two units and three users. A
 * caseworker at IFO Vuxen takes a woman's application, records how she may be contacted
 * safely, investigates and finds that her two children witnessed violence (a task: report
 * the children), decides on sheltered housing and financial aid, hands over the decision
 * letter the way her safe-contact answers allow, writes the plan, follows it up and closes
 * the case. A children's caseworker at Barn och unga takes a report of concern for each
 * child, assesses, investigates and places one child on both custodians' consent and the
 * other without consent under lag (2024:79) — an immediate decision, to the administrative
 * court within a week — and closes both cases. The children's unit manager sees the unit's
 * cases; the adults' caseworker cannot open a child's case. The persons are this file's own;
 * the steps run in order and share their addresses.
 */

// Fictional persons: birth numbers 980–989 are not given to real people. 989 is this
// file's own (no other e2e file or the demo data uses it).
const identity = (century: string, nine: string) =>
  `${century}${nine.slice(0, 6)}-${nine.slice(6)}${luhnCheckDigit(nine)}`;
const woman = { givenName: "Amra", familyName: "Vallinder", number: identity("19", "870305989") };
const childOne = { givenName: "Noa", familyName: "Vallinder", number: identity("20", "160419989") };
const childTwo = {
  givenName: "Elsa",
  familyName: "Vallinder",
  number: identity("20", "190822989"),
};
const father = "Fredrik Vallinder";

const violenceAnswer = "Ja. Sambon har slagit henne och hotat barnen.";
const safeAddress = "Box 123, 111 22 Demostad";
const taskNote = "Orosanmälan gjord i dag till Barn och unga, mottagen av Karin Sjöberg.";
const aidReasoning = "Inkomsten överstiger riksnormen för hushållet.";
const shelterReasoning = "Akut skyddsbehov enligt utredningen.";
const childShelterReasoning = "Barnet behöver följa med mamma till skyddat boende.";

interface ChildCase {
  path?: string;
  reference?: string;
}
const journey: {
  personPath?: string;
  casePath?: string;
  reference?: string;
  childOne: ChildCase;
  childTwo: ChildCase;
} = { childOne: {}, childTwo: {} };

/** Registers a person from "Sök person" (after searching, as the page asks) and opens them. */
/** The case's current status, as the Status panel says it. */
function currentStatus(page: Page) {
  return caseStatus(page);
}

/** Downloads a decision's letter through its link and reads the PDF's text with pdf.js. */
async function letterText(page: Page, decision: Locator) {
  const link = decision.getByRole("link", { name: /^Beslutsbrev \(PDF\)/ });
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  expect(download.suggestedFilename()).toMatch(/^beslut-.+\.pdf$/);
  const path = await download.path();
  return pdfText(new Uint8Array(readFileSync(path)));
}

/** Changes whether letters may be sent, on the person's page. */
async function setLetters(page: Page, answer: "Ja" | "Nej") {
  await page.getByRole("button", { name: "Ändra uppgifter" }).click();
  const form = page.getByRole("form", {
    name: "Ändra säker kontakt, språk och kontaktuppgifter",
  });
  await form.waitFor();
  await form.getByRole("group", { name: "Får vi skicka brev?" }).getByLabel(answer).check();
  return form;
}

/** Moves the case on with the Status panel's button and waits for the new status. */
async function moveTo(page: Page, button: string, status: string) {
  await openSection(page, "Status och ansvar");
  await page
    .getByRole("region", { name: "Status", exact: true })
    .getByRole("button", { name: button })
    .click();
  await expect.poll(() => statusText(page)).toContain(`Ärendet har nu status ${status}.`);
}

async function closeCase(page: Page, reason: string) {
  await openSection(page, "Status och ansvar");
  const status = page.getByRole("region", { name: "Status", exact: true });
  await status.getByRole("button", { name: "Avsluta ärendet" }).click();
  const form = status.getByRole("form", { name: "Avsluta ärendet" });
  await form.getByLabel("Skäl för avslut").selectOption({ label: reason });
  // A case that was investigated says whether its goal was reached (issue 20; a case closed
  // at its preliminary assessment had no goal and is not asked).
  const goal = form.getByRole("group", { name: "Har målet med insatsen nåtts?" });
  if ((await goal.count()) > 0) await goal.getByLabel("Helt").check();
  await form.getByRole("button", { name: "Avsluta ärendet" }).click();
  await expect.poll(() => statusText(page)).toContain("Ärendet har nu status Avslutat.");
}

/** Writes and completes an investigation: summary and assessment, then confirms. */
async function completeInvestigation(
  page: Page,
  sections: Record<string, string>,
  summary: string,
  assessment: string,
) {
  await openSection(page, "Utredning");
  const panel = page.getByRole("region", { name: "Utredning", exact: true });
  const form = panel.getByRole("form", { name: "Skriv utredningen" });
  for (const [label, text] of Object.entries(sections)) {
    await form.getByLabel(label, { exact: true }).fill(text);
  }
  await form.getByLabel("Sammanfattning").fill(summary);
  await form.getByLabel("Bedömning").fill(assessment);
  await form.getByRole("button", { name: "Slutför utredningen" }).click();
  await form.getByText("En slutförd utredning kan inte ändras.", { exact: false }).waitFor();
  await form.getByRole("button", { name: "Slutför utredningen" }).click();
  await expect.poll(() => statusText(page)).toContain("Utredningen är slutförd.");
  return panel;
}

/** Registers a child and records the report of concern that opens the child's case. */
async function reportConcern(
  page: Page,
  child: { givenName: string; familyName: string; number: string },
  into: ChildCase,
) {
  await registerPerson(page, child);
  const form = page.getByRole("form", { name: "Ny aktualisering" });
  await form.getByRole("group", { name: "Typ av aktualisering" }).getByLabel("Orosanmälan").check();
  await form.getByLabel("Vem aktualiserade?").selectOption({ label: "Annan myndighet" });
  await form.getByLabel("Kontaktväg").selectOption({ label: "Telefon" });
  await form
    .getByLabel("Vad kom fram?")
    .fill("Barnet har sett våld i hemmet, enligt mammans handläggare.");
  await form.getByRole("button", { name: "Registrera aktualisering" }).click();
  await expect.poll(() => heading(page)).toMatch(/^Ärende \S+/);
  into.path = new URL(page.url()).pathname;
  into.reference = ((await heading(page)) ?? "").replace(/^Ärende /, "");
  await expect.poll(() => currentStatus(page)).toBe("Förhandsbedömning");
}

/** The children's track: the protection assessment, then the decision to investigate. */
async function assessAndOpenInvestigation(page: Page) {
  await openSection(page, "Aktualiseringar");
  const track = page.getByRole("region", { name: "Barnspåret" });
  const assess = track.getByRole("form", { name: "Skyddsbedömning" });
  await assess.getByRole("group", { name: "Behöver barnet skydd nu?" }).getByLabel("Nej").check();
  await assess
    .getByLabel("Bedömning")
    .fill("Barnet är med mamma på skyddat boende och är inte i fara i kväll.");
  await assess.getByRole("button", { name: "Spara skyddsbedömning" }).click();
  await expect.poll(() => statusText(page)).toContain("Skyddsbedömningen är sparad.");
  const decide = track.getByRole("form", { name: "Beslut i förhandsbedömningen" });
  await decide
    .getByRole("group", { name: "Beslut", exact: true })
    .getByLabel("Inleda utredning", { exact: true })
    .check();
  await decide.getByLabel("Motivering").fill("Barnet har bevittnat våld mot mamma.");
  await decide.getByRole("button", { name: "Spara beslut" }).click();
  await expect.poll(() => statusText(page)).toContain("Beslutet är sparat.");
  await expect.poll(() => currentStatus(page)).toBe("Utredning");
}

/** Chooses sheltered housing, granted, in the decision form. */
async function shelterGranted(form: Locator) {
  await form.getByLabel("Insats").selectOption({ label: "Skyddat boende" });
  await form
    .getByRole("group", { name: "Beslut", exact: true })
    .getByLabel("Beviljas", { exact: true })
    .check();
  await fillDate(form, "Gäller från och med", day());
  await form.getByLabel("Motivering").fill(childShelterReasoning);
}

/** Fills one custodian's consent (name, form, date) in a group of the placement fieldset. */
async function fillConsent(group: Locator, name: string, form: "Skriftligt" | "Muntligt") {
  await group.getByLabel("Vårdnadshavarens namn").fill(name);
  await group.getByRole("group", { name: "Form", exact: true }).getByLabel(form).check();
  await fillDate(group, "Datum", day());
}

describe("a family: the mother's case at IFO Vuxen, the children's cases at Barn och unga", () => {
  const browser = useBrowser();

  it("the adults' caseworker registers the woman and records her application by phone", async () => {
    const { page, baseURL, problems } = browser();
    await login(page, baseURL, "handlaggare1");
    await registerPerson(page, woman);
    journey.personPath = new URL(page.url()).pathname;
    await expectNoSeriousA11yViolations(page);

    const form = page.getByRole("form", { name: "Ny aktualisering" });
    expect(
      await form
        .getByRole("group", { name: "Typ av aktualisering" })
        .getByLabel("Ansökan")
        .isChecked(),
    ).toBe(true);
    await form.getByLabel("Vem aktualiserade?").selectOption({ label: "Den enskilde" });
    await form.getByLabel("Kontaktväg").selectOption({ label: "Telefon" });
    await form
      .getByRole("group", { name: "Har personen fått frågan om våld?" })
      .getByLabel("Ja")
      .check();
    await form.getByLabel("Vad svarade personen?").fill(violenceAnswer);
    await form.getByLabel("Personen behöver tolk").check();
    await form.getByLabel("Tolkspråk").fill("bosniska");
    await form.getByLabel("Antal barn i hushållet").fill("2");
    await form.getByRole("button", { name: "Registrera aktualisering" }).click();

    await expect.poll(() => heading(page)).toMatch(/^Ärende \S+/);
    journey.casePath = new URL(page.url()).pathname;
    journey.reference = ((await heading(page)) ?? "").replace(/^Ärende /, "");
    await expect.poll(() => currentStatus(page)).toBe("Utredning");
    await openSection(page, "Aktualiseringar");
    const intakes = page.getByRole("region", { name: "Aktualiseringar" });
    await intakes.getByRole("heading", { name: /^Ansökan, / }).waitFor();
    const intakeText = (await intakes.textContent()) ?? "";
    expect(intakeText).toContain(violenceAnswer);
    expect(intakeText).toContain("bosniska");
    // No task yet: the panel is not there.
    expect(
      await page.getByRole("region", { name: "Uppgifter att göra", exact: true }).count(),
    ).toBe(0);
    await expectNoSeriousA11yViolations(page);
    expect(problems).toEqual([]);
  });

  it("the caseworker records how the woman may be contacted safely", async () => {
    const { page, baseURL, problems } = browser();
    expect(journey.personPath).toBeTruthy();
    await login(page, baseURL, "handlaggare1", journey.personPath);
    await expect.poll(() => heading(page)).toBe(fullName(woman));
    const form = await setLetters(page, "Ja");
    await form.getByRole("group", { name: "Får vi ringa?" }).getByLabel("Ja").check();
    await form
      .getByRole("group", { name: "Får vi lämna röstmeddelande?" })
      .getByLabel("Nej")
      .check();
    await form.getByLabel("Adress för brev").fill(safeAddress);
    await expectNoSeriousA11yViolations(page);
    await form.getByRole("button", { name: "Spara" }).click();
    await expect.poll(() => statusText(page)).toContain("Uppgifterna är sparade.");
    const text = (await page.getByRole("region", { name: "Säker kontakt" }).textContent()) ?? "";
    expect(text).toMatch(/Får vi ringa\?Ja/);
    expect(text).toMatch(/Får vi lämna röstmeddelande\?Nej/);
    expect(text).toMatch(/Får vi skicka brev\?Ja/);
    expect(text).toContain(safeAddress);
    await expectNoSeriousA11yViolations(page);
    expect(problems).toEqual([]);
  });

  it("the investigation finds the children witnessed violence, which puts a task on the case and on Att göra", async () => {
    const { page, baseURL, problems } = browser();
    await login(page, baseURL, "handlaggare1", `${journey.casePath}/investigation`);
    const form = page
      .getByRole("region", { name: "Utredning", exact: true })
      .getByRole("form", { name: "Skriv utredningen" });
    await form.getByLabel("Akuta behov").fill("Skyddat boende i natt för henne och barnen.");
    await form
      .getByLabel("Våldets art och omfattning")
      .fill("Fysiskt och psykiskt våld från sambon i tre år.");
    await form.getByLabel("Barn i hushållet", { exact: true }).fill("Noa, 10 år, och Elsa, 7 år.");
    await form.getByRole("group", { name: "Har barnen bevittnat våld?" }).getByLabel("Ja").check();
    await form.getByRole("button", { name: "Spara" }).click();
    await expect.poll(() => statusText(page)).toContain("Utredningen är sparad.");

    // The panel appears without reloading the page, on the case's overview.
    await openSection(page, "Översikt");
    const tasks = page.getByRole("region", { name: "Uppgifter att göra", exact: true });
    const task = tasks.getByRole("article", {
      name: "Barnen har bevittnat våld – gör en orosanmälan till Barn och unga eller bedöm barnens situation",
    });
    await task.waitFor();
    const taskText = (await task.textContent()) ?? "";
    expect(taskText).toContain("Sista dag");
    expect(taskText).toContain(day());
    expect(taskText).toContain("Lina Ek");
    expect(await task.getByRole("button", { name: "Markera som klar" }).count()).toBe(1);
    await expectNoSeriousA11yViolations(page);

    await page.getByRole("link", { name: "Mina ärenden" }).first().click();
    await expect.poll(() => heading(page)).toBe("Mina ärenden");
    const row = page
      .getByRole("region", { name: "Att göra", exact: true })
      .getByRole("row", { name: new RegExp(`Barn har bevittnat våld.*${journey.reference}`) });
    await row.waitFor();
    expect(await row.textContent()).toContain(fullName(woman));
    await expectNoSeriousA11yViolations(page);
    expect(problems).toEqual([]);
  });

  it("the caseworker marks the task done with a note of what was done", async () => {
    const { page, baseURL, problems } = browser();
    await login(page, baseURL, "handlaggare1", journey.casePath);
    const tasks = page.getByRole("region", { name: "Uppgifter att göra", exact: true });
    const form = tasks.getByRole("form", { name: "Markera som klar" });
    // The form opens on demand.
    await tasks.getByRole("button", { name: "Markera som klar" }).click();
    await form.getByRole("button", { name: "Markera som klar" }).click();
    const note = form.getByLabel("Vad gjordes?");
    await expect.poll(() => note.getAttribute("aria-invalid")).toBe("true");
    expect(await tasks.getByRole("alert").textContent()).toContain(
      "Några uppgifter behöver rättas.",
    );
    await expectNoSeriousA11yViolations(page);

    await note.fill(taskNote);
    await form.getByRole("button", { name: "Markera som klar" }).click();
    await expect.poll(() => statusText(page)).toContain("Uppgiften är markerad som klar.");
    const task = tasks.getByRole("article");
    await expect.poll(() => hasFocus(task)).toBe(true);
    const text = (await task.textContent()) ?? "";
    expect(text).toContain("KlarLina Ek");
    expect(text).toContain(taskNote);
    expect(text).not.toContain("Försenad");
    expect(await tasks.getByRole("form").count()).toBe(0);
    await expectNoSeriousA11yViolations(page);
    expect(problems).toEqual([]);
  });

  it("the caseworker completes the investigation, grants sheltered housing and denies financial aid", async () => {
    const { page, baseURL, problems } = browser();
    await login(page, baseURL, "handlaggare1", journey.casePath);
    await completeInvestigation(
      page,
      {},
      "Våld av sambo i tre år; två barn som har bevittnat våldet.",
      "Behov av skyddat boende. Ekonomiskt bistånd behövs inte.",
    );

    await openSection(page, "Beslut och planer");
    const panel = page.getByRole("region", { name: "Beslut", exact: true });
    const form = panel.getByRole("form", { name: "Nytt beslut" });
    await panel.getByRole("button", { name: "Nytt beslut" }).click();
    await form.getByLabel("Insats").selectOption({ label: "Skyddat boende" });
    await form
      .getByRole("group", { name: "Beslut", exact: true })
      .getByLabel("Beviljas", { exact: true })
      .check();
    // An adult's housing: no child placement to record.
    expect(await form.getByRole("group", { name: "Barnets placering" }).count()).toBe(0);
    await fillDate(form, "Gäller från och med", day());
    await form.getByLabel("Motivering").fill(shelterReasoning);
    await form.getByRole("button", { name: "Registrera beslut" }).click();
    await expect.poll(() => statusText(page)).toContain("Beslutet är registrerat.");

    await form.getByLabel("Insats").selectOption({ label: "Ekonomiskt bistånd" });
    await form.getByRole("group", { name: "Beslut", exact: true }).getByLabel("Avslås").check();
    await form.getByLabel("Motivering").fill(aidReasoning);
    await form.getByRole("button", { name: "Registrera beslut" }).click();
    const list = panel.getByRole("list", { name: "Beslut, senaste först" });
    await list.getByRole("article", { name: "Ekonomiskt bistånd: Avslås" }).waitFor();

    // She said letters may go to a safe address: the letter goes there by post.
    const advice = panel.getByRole("region", { name: "Så når beslutsbrevet personen" });
    expect(await advice.textContent()).toContain(
      "Brevet skickas till den adress personen har angett som säker.",
    );
    await expectNoSeriousA11yViolations(page);
    expect(problems).toEqual([]);
  });

  it("the denial's letter says what was decided, how to appeal, and goes to the safe address", async () => {
    const { page, baseURL, problems } = browser();
    await login(page, baseURL, "handlaggare1", `${journey.casePath}/decisions`);
    const denied = page
      .getByRole("region", { name: "Beslut", exact: true })
      .getByRole("article", { name: "Ekonomiskt bistånd: Avslås" });
    const text = await letterText(page, denied);
    expect(text).toContain("Demokommun");
    expect(text).toContain("Beslut: Avslås");
    expect(text).toContain(aidReasoning);
    expect(text).toContain("Så här överklagar du");
    expect(text).toContain(safeAddress);
    expect(problems).toEqual([]);
  });

  it("once she says no letters, the advice is to hand the decision over and the letter has no address", async () => {
    const { page, baseURL, problems } = browser();
    await login(page, baseURL, "handlaggare1", journey.personPath);
    await expect.poll(() => heading(page)).toBe(fullName(woman));
    const form = await setLetters(page, "Nej");
    await form.getByRole("button", { name: "Spara" }).click();
    await expect.poll(() => statusText(page)).toContain("Uppgifterna är sparade.");

    await page.goto(`${baseURL}${journey.casePath}/decisions`);
    await page.reload();
    const panel = page.getByRole("region", { name: "Beslut", exact: true });
    const advice = panel.getByRole("region", { name: "Så når beslutsbrevet personen" });
    await advice.waitFor();
    expect(await advice.textContent()).toContain(
      "Lämna beslutet personligen – skicka inget brev. Personen har sagt att brev inte får skickas.",
    );
    await expectNoSeriousA11yViolations(page);

    const text = await letterText(
      page,
      panel.getByRole("article", { name: "Ekonomiskt bistånd: Avslås" }),
    );
    expect(text).toContain("Beslut: Avslås");
    expect(text).not.toContain(safeAddress);
    expect(text).not.toContain("Box 123");
    expect(problems).toEqual([]);
  });

  it("the caseworker writes the plan, follows it up without a next date and closes the case", async () => {
    const { page, baseURL, problems } = browser();
    await login(page, baseURL, "handlaggare1", `${journey.casePath}/decisions`);
    const plans = page.getByRole("region", { name: "Genomförandeplan och uppföljning" });
    const planForm = plans.getByRole("form", { name: "Genomförandeplan för Skyddat boende" });
    await planForm.getByLabel("Mål").fill("Bo tryggt med barnen.");
    await planForm
      .getByLabel("Vad görs, av vem och när")
      .fill("Lina Ek ordnar plats i dag och träffar Amra varje vecka.");
    await fillDate(planForm, "Datum för uppföljning", day(14));
    await planForm.getByRole("button", { name: "Spara genomförandeplan" }).click();
    await expect.poll(() => statusText(page)).toContain("Genomförandeplanen är sparad.");

    const plan = plans.getByRole("article", { name: "Genomförandeplan: Skyddat boende" });
    const followUp = plan.getByRole("form", { name: "Registrera uppföljning av Skyddat boende" });
    await followUp.getByRole("group", { name: "Resultat" }).getByLabel("Målet uppnått").check();
    await followUp.getByLabel("Anteckningar").fill("Familjen har fått eget boende.");
    await followUp.getByRole("button", { name: "Registrera uppföljning" }).click();
    await expect.poll(() => statusText(page)).toContain("Uppföljningen är registrerad.");
    expect(await plan.textContent()).toContain("Ingen uppföljning planerad");
    await expectNoSeriousA11yViolations(page);

    await moveTo(page, "Till genomförande", "Genomförande");
    await moveTo(page, "Till uppföljning", "Uppföljning");
    await closeCase(page, "Målet uppnått");
    expect(await currentStatus(page)).toBe("Avslutat");
    // A closed case: no new decisions, plans or follow-ups; what was done stays readable.
    await openSection(page, "Beslut och planer");
    const decisions = page.getByRole("region", { name: "Beslut", exact: true });
    expect(await decisions.getByRole("form", { name: "Nytt beslut" }).count()).toBe(0);
    expect(await decisions.getByRole("button", { name: "Nytt beslut" }).count()).toBe(0);
    expect(await decisions.getByRole("article").count()).toBe(2);
    expect(await plans.getByRole("form").count()).toBe(0);
    expect(await plan.textContent()).toContain("Familjen har fått eget boende.");
    await expectNoSeriousA11yViolations(page);
    expect(problems).toEqual([]);
  });

  it("the children's caseworker records a report of concern for each child", async () => {
    const { page, baseURL, problems } = browser();
    await login(page, baseURL, "barnhandlaggare");
    await reportConcern(page, childOne, journey.childOne);
    await expectNoSeriousA11yViolations(page);
    await reportConcern(page, childTwo, journey.childTwo);
    expect(journey.childTwo.reference).not.toBe(journey.childOne.reference);
    expect(problems).toEqual([]);
  });

  it("for each child, the protection assessment and the decision to investigate", async () => {
    const { page, baseURL, problems } = browser();
    await login(page, baseURL, "barnhandlaggare", journey.childOne.path);
    await assessAndOpenInvestigation(page);
    await expectNoSeriousA11yViolations(page);
    await page.goto(`${baseURL}${journey.childTwo.path}`);
    await expect.poll(() => heading(page)).toBe(`Ärende ${journey.childTwo.reference}`);
    await assessAndOpenInvestigation(page);
    expect(problems).toEqual([]);
  });

  it("the first child is placed on both custodians' consent; one consent is not enough", async () => {
    const { page, baseURL, problems } = browser();
    await login(page, baseURL, "barnhandlaggare", `${journey.childOne.path}/decisions`);
    const panel = page.getByRole("region", { name: "Beslut", exact: true });
    const form = panel.getByRole("form", { name: "Nytt beslut" });
    await panel.getByRole("button", { name: "Nytt beslut" }).click();
    await shelterGranted(form);
    const placement = form.getByRole("group", { name: "Barnets placering" });
    await placement.waitFor();
    // Denied: nothing to place.
    await form.getByRole("group", { name: "Beslut", exact: true }).getByLabel("Avslås").check();
    expect(await placement.count()).toBe(0);
    await form
      .getByRole("group", { name: "Beslut", exact: true })
      .getByLabel("Beviljas", { exact: true })
      .check();
    await expectNoSeriousA11yViolations(page);

    // Without a basis, the form says so by the question.
    await form.getByRole("button", { name: "Registrera beslut" }).click();
    const basis = placement.getByRole("group", { name: "Grund för placeringen" });
    await expect.poll(() => basis.textContent()).toContain("Välj grund för placeringen.");
    await basis.getByLabel("Båda vårdnadshavarna samtycker").check();
    const consents = placement.getByRole("group", { name: "Vårdnadshavarnas samtycke" });
    await fillConsent(
      consents.getByRole("group", { name: "Vårdnadshavare 1" }),
      fullName(woman),
      "Skriftligt",
    );
    await form.getByRole("button", { name: "Registrera beslut" }).click();
    // The server's rule, by the consents.
    await expect
      .poll(() => consents.textContent())
      .toContain("Båda vårdnadshavarna måste samtycka");
    await expectNoSeriousA11yViolations(page);

    await fillConsent(
      consents.getByRole("group", { name: "Vårdnadshavare 2" }),
      father,
      "Muntligt",
    );
    await form.getByRole("button", { name: "Registrera beslut" }).click();
    await expect.poll(() => statusText(page)).toContain("Beslutet är registrerat.");
    const decision = panel.getByRole("article", { name: "Skyddat boende: Beviljas" });
    await expect.poll(() => hasFocus(decision)).toBe(true);
    const facts = decision.getByRole("region", { name: "Barnets placering" });
    const text = (await facts.textContent()) ?? "";
    expect(text).toContain("Båda vårdnadshavarna samtycker");
    expect(text).toContain(`${fullName(woman)}, Skriftligt, ${day()}`);
    expect(text).toContain(`${father}, Muntligt, ${day()}`);
    // Consent: no court, no court forms.
    expect(text).not.toContain("förvaltningsrätten");
    expect(
      await decision
        .getByRole("form", { name: "Registrera att beslutet lämnats till förvaltningsrätten" })
        .count(),
    ).toBe(0);
    await expectNoSeriousA11yViolations(page);
    expect(problems).toEqual([]);
  });

  it("the second child is placed under lag (2024:79) by an immediate decision, with the court's deadline", async () => {
    const { page, baseURL, problems } = browser();
    await login(page, baseURL, "barnhandlaggare", `${journey.childTwo.path}/decisions`);
    const panel = page.getByRole("region", { name: "Beslut", exact: true });
    const form = panel.getByRole("form", { name: "Nytt beslut" });
    await panel.getByRole("button", { name: "Nytt beslut" }).click();
    await shelterGranted(form);
    const placement = form.getByRole("group", { name: "Barnets placering" });
    await placement
      .getByRole("group", { name: "Grund för placeringen" })
      .getByLabel("Utan samtycke – lag (2024:79)")
      .check();
    await placement.getByLabel("Omedelbart beslut").check();
    await fillConsent(
      placement.getByRole("group", { name: "Vårdnadshavare som samtycker (frivilligt)" }),
      fullName(woman),
      "Skriftligt",
    );
    await placement
      .getByLabel("Boendets adress hålls hemlig för den andra vårdnadshavaren")
      .check();
    await expectNoSeriousA11yViolations(page);
    await form.getByRole("button", { name: "Registrera beslut" }).click();
    await expect.poll(() => statusText(page)).toContain("Beslutet är registrerat.");

    const decision = panel.getByRole("article", { name: "Skyddat boende: Beviljas" });
    const facts = decision.getByRole("region", { name: "Barnets placering" });
    const text = (await facts.textContent()) ?? "";
    expect(text).toContain("Utan samtycke – lag (2024:79)");
    expect(text).toContain("Omedelbart beslutJa");
    expect(text).toContain("Adressen hemlig för den andra vårdnadshavarenJa");
    // A week on, or the next weekday when that is a day off (lag 1930:173).
    const inAWeek = lastDayUnderLaw(day(7)).last;
    expect(text).toContain(`Lämnas till förvaltningsrätten senast ${inAWeek}`);
    await decision
      .getByRole("form", { name: "Registrera att beslutet lämnats till förvaltningsrätten" })
      .waitFor();
    await expectNoSeriousA11yViolations(page);

    // Att göra: the caseworker's, and the unit manager's for the unit.
    await page.getByRole("link", { name: "Mina ärenden" }).first().click();
    const row = (region: string) =>
      page.getByRole("region", { name: region, exact: true }).getByRole("row", {
        name: new RegExp(
          `Omedelbart beslut till förvaltningsrätten.*${journey.childTwo.reference}`,
        ),
      });
    await row("Att göra").waitFor();
    expect(await row("Att göra").textContent()).toContain(`senast ${inAWeek}`);
    await expectNoSeriousA11yViolations(page);

    const manager = await browser().newPage();
    await login(manager, baseURL, "barnchef");
    await manager
      .getByRole("region", { name: "Att göra på enheten", exact: true })
      .getByRole("row", {
        name: new RegExp(
          `Omedelbart beslut till förvaltningsrätten.*${journey.childTwo.reference}`,
        ),
      })
      .waitFor();
    await expectNoSeriousA11yViolations(manager);
    expect(problems).toEqual([]);
  });

  it("the caseworker records the submission to the court and the court's approving ruling", async () => {
    const { page, baseURL, problems } = browser();
    await login(page, baseURL, "barnhandlaggare", `${journey.childTwo.path}/decisions`);
    const panel = page.getByRole("region", { name: "Beslut", exact: true });
    const decision = panel.getByRole("article", { name: "Skyddat boende: Beviljas" });
    const submission = decision.getByRole("form", {
      name: "Registrera att beslutet lämnats till förvaltningsrätten",
    });
    expect(await dateText(submission, "Dag då beslutet lämnades till förvaltningsrätten")).toBe(
      day(),
    );
    await submission.getByRole("button", { name: "Registrera inlämning" }).click();
    await expect
      .poll(() => statusText(page))
      .toContain("Inlämningen till förvaltningsrätten är registrerad.");
    const facts = decision.getByRole("region", { name: "Barnets placering" });
    expect(await facts.textContent()).toContain(`Lämnades till förvaltningsrätten ${day()}`);
    expect(await facts.textContent()).toContain(
      `Domstolen bör ha beslutat senast ${lastDayUnderLaw(day(7)).last}`,
    );
    expect(await submission.count()).toBe(0);

    const ruling = decision.getByRole("form", { name: "Registrera förvaltningsrättens beslut" });
    await ruling.getByRole("button", { name: "Registrera domstolens beslut" }).click();
    const outcome = ruling.getByRole("group", { name: "Domstolens beslut" });
    await expect.poll(() => outcome.textContent()).toContain("Välj bifall eller avslag.");
    await expectNoSeriousA11yViolations(page);
    await outcome.getByLabel("Bifall").check();
    await ruling.getByRole("button", { name: "Registrera domstolens beslut" }).click();
    await expect.poll(() => statusText(page)).toContain("Domstolens beslut är registrerat.");
    const text = (await facts.textContent()) ?? "";
    expect(text).toContain(`Förvaltningsrätten beslutade ${day()}: Bifall`);
    expect(text).not.toContain("Domstolen bör ha beslutat senast");
    expect(text).toMatch(/Nästa övervägande senast \d{4}-\d{2}-\d{2}/);
    expect(await decision.getByRole("form", { name: /förvaltningsrätt/ }).count()).toBe(0);
    // The six-monthly review stays possible until the placement ends.
    await decision.getByRole("form", { name: "Registrera övervägande" }).waitFor();
    await expectNoSeriousA11yViolations(page);
    expect(problems).toEqual([]);
  });

  it("the caseworker completes each child's investigation and closes both cases", async () => {
    const { page, baseURL, problems } = browser();
    await login(page, baseURL, "barnhandlaggare", journey.childOne.path);
    for (const [i, child] of [journey.childOne, journey.childTwo].entries()) {
      if (i > 0) {
        await page.goto(`${baseURL}${child.path}`);
        await expect.poll(() => heading(page)).toBe(`Ärende ${child.reference}`);
      }
      await completeInvestigation(
        page,
        { "Barnets egen berättelse": "Barnet berättar att pappa slog mamma." },
        "Barnet har bevittnat våld och bor nu med mamma på skyddat boende.",
        "Barnets behov tillgodoses genom placeringen tillsammans med mamma.",
      );
      await closeCase(page, "Behoven tillgodoses på annat sätt");
      await openSection(page, "Beslut och planer");
      const decisions = page.getByRole("region", { name: "Beslut", exact: true });
      expect(await decisions.getByRole("form").count()).toBe(0);
      expect(await decisions.getByRole("article").count()).toBe(1);
      await expectNoSeriousA11yViolations(page);
    }
    expect(problems).toEqual([]);
  });

  it("the children's unit manager sees the unit's cases and opens a child's case", async () => {
    const { page, baseURL, problems } = browser();
    await login(page, baseURL, "barnchef");
    await expect.poll(() => heading(page)).toBe("Mina ärenden");
    await page.getByRole("region", { name: "Att göra på enheten", exact: true }).waitFor();
    const all = page.getByRole("region", { name: "Alla ärenden på enheten" });
    for (const [child, person] of [
      [journey.childOne, childOne],
      [journey.childTwo, childTwo],
    ] as const) {
      const row = all.getByRole("row", { name: new RegExp(`${child.reference}`) });
      expect(await row.textContent()).toContain(fullName(person));
      expect(await row.textContent()).toContain("Avslutat");
    }
    await expectNoSeriousA11yViolations(page);

    await all.getByRole("link", { name: journey.childTwo.reference }).click();
    await expect.poll(() => heading(page)).toBe(`Ärende ${journey.childTwo.reference}`);
    await openSection(page, "Beslut och planer");
    const facts = page
      .getByRole("region", { name: "Beslut", exact: true })
      .getByRole("region", { name: "Barnets placering" });
    expect(await facts.textContent()).toContain(`Förvaltningsrätten beslutade ${day()}: Bifall`);
    await expectNoSeriousA11yViolations(page);
    expect(problems).toEqual([]);
  });

  it("the adults' caseworker cannot open a child's case by its address", async () => {
    const { page, baseURL, problems } = browser();
    await login(page, baseURL, "handlaggare1", journey.childTwo.path);
    await page.getByText("Ärendet finns inte eller så saknar du behörighet.").waitFor();
    const text = (await page.locator("main").textContent()) ?? "";
    expect(text).not.toContain(fullName(childTwo));
    expect(text).not.toContain(childTwo.number);
    await expectNoSeriousA11yViolations(page);
    expect(problems).toEqual([]);
  });
});
