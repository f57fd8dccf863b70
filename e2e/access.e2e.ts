import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { luhnCheckDigit, parseIdentityNumber } from "../src/shared/personal-identity-number.ts";
import { expectNoSeriousA11yViolations, useBrowser } from "./fixtures/browser.ts";
import { caseHeaderText, openSection } from "./fixtures/case.ts";
import { heading, login } from "./fixtures/login.ts";

/*
 * The access journey: a case is seen by those assigned to it and their unit manager, not by
 * a colleague in the same unit until the manager assigns them, and every access (and denied
 * attempt) shows up in the manager's Loggkontroll. Each step is one user in a browser context
 * of their own; the steps run in order and share the case they create.
 */

// A fictional person: born in the 1900s with a birth number in 980–989 (not given to real
// people, as in the demo data), with a valid check digit. Used by this file only.
const nineDigits = "710423984";
const identityNumber = `19${nineDigits.slice(0, 6)}-${nineDigits.slice(6)}${luhnCheckDigit(nineDigits)}`;
const wrongCheckDigit = `${identityNumber.slice(0, -1)}${(luhnCheckDigit(nineDigits) + 1) % 10}`;
const givenName = "Vilma";
const familyName = "Fridebo";
const fullName = `${givenName} ${familyName}`;
const grantReason = "Vikarierar för Lina Ek under hennes semester.";

const journey: { personId?: string; caseId?: string; reference?: string } = {};

function lastPathSegment(page: Page): string {
  return new URL(page.url()).pathname.split("/").at(-1) ?? "";
}

/** Waits until "Mina ärenden" shows its answer: a table, or the text that there is none. */
async function myCasesLoaded(page: Page) {
  await page
    .getByRole("table", { name: "Ärenden som är tilldelade dig" })
    .or(page.getByText("Du är inte tilldelad några ärenden just nu."))
    .waitFor();
}

/** Searches on the current page's person search and waits for its answer. */
async function searchPerson(page: Page, query: string) {
  const search = page.getByRole("search");
  await search.getByLabel("Personnummer eller namn").fill(query);
  const answered = page.waitForResponse((r) => r.url().endsWith("/api/persons/search"));
  await search.getByRole("button", { name: "Sök" }).click();
  await answered;
  await expect
    .poll(async () => (await page.getByRole("status").allTextContents()).join(" "))
    .toMatch(/Ingen person hittades|Antal träffar/);
}

describe("who may see a case", () => {
  const browser = useBrowser();

  it("a caseworker registers a new person and opens a case at IFO Vuxen", async () => {
    const { page, baseURL, problems } = browser();
    await login(page, baseURL, "handlaggare1");
    await expect.poll(() => heading(page)).toBe("Mina ärenden");
    await myCasesLoaded(page);
    await expectNoSeriousA11yViolations(page);

    await page.getByRole("link", { name: "Nytt ärende" }).click();
    await expect.poll(() => heading(page)).toBe("Sök person");
    await searchPerson(page, identityNumber);
    expect(await page.getByText("Ingen person hittades").count()).toBe(1);
    await expectNoSeriousA11yViolations(page);

    // A wrong check digit: the server's message stands next to the field, linked to it.
    const form = page.getByRole("form", { name: "Registrera ny person" });
    const number = form.getByLabel("Personnummer", { exact: true });
    await number.fill(wrongCheckDigit);
    await form.getByLabel("Förnamn").fill(givenName);
    await form.getByLabel("Efternamn").fill(familyName);
    await form.getByLabel("Kön").selectOption({ label: "Kvinna" });
    await form.getByRole("button", { name: "Registrera person" }).click();
    await page.getByRole("alert").waitFor();
    await expect.poll(() => number.getAttribute("aria-invalid")).toBe("true");
    const checksum = parseIdentityNumber(wrongCheckDigit);
    const expected = checksum.ok ? "" : checksum.message;
    const describedBy = (await number.getAttribute("aria-describedby")) ?? "";
    const description = await page.evaluate(
      (ids) => ids.map((id) => document.getElementById(id)?.textContent ?? "").join(" "),
      describedBy.split(" "),
    );
    expect(description).toContain(expected);
    await expectNoSeriousA11yViolations(page);

    await number.fill(identityNumber);
    await form.getByRole("button", { name: "Registrera person" }).click();
    await expect.poll(() => heading(page)).toBe(fullName);
    journey.personId = lastPathSegment(page);
    // The name is on the page, not in the document title (which the browser history keeps).
    expect(await page.title()).toBe("Person – Frid");
    expect(await page.getByText(identityNumber).count()).toBeGreaterThan(0);
    await expectNoSeriousA11yViolations(page);

    const open = page.getByRole("form", { name: "Öppna ärende" });
    await open.getByLabel("Enhet").selectOption({ label: "IFO Vuxen" });
    await open.getByLabel("Typ av ärende").selectOption({ label: "Våldsutsatt vuxen" });
    await open.getByRole("button", { name: "Öppna ärende" }).click();
    await expect.poll(() => heading(page)).toMatch(/^Ärende \S+/);
    journey.caseId = lastPathSegment(page);
    journey.reference = (await heading(page))?.replace(/^Ärende /, "");
    // The header says who is responsible and what kind of case it is.
    await expect.poll(() => caseHeaderText(page)).toContain("AnsvarigLina Ek");
    expect(await page.getByText("Våldsutsatt vuxen").count()).toBe(1);
    await expectNoSeriousA11yViolations(page);

    await page.getByRole("navigation").getByRole("link", { name: "Mina ärenden" }).click();
    const mine = page.getByRole("table", { name: "Ärenden som är tilldelade dig" });
    await mine.waitFor();
    expect(await mine.textContent()).toContain(journey.reference);
    expect(await mine.textContent()).toContain(fullName);
    await expectNoSeriousA11yViolations(page);
    expect(problems).toEqual([]);
  });

  it("a colleague in the same unit cannot find or open it", async () => {
    const { page, baseURL, problems } = browser();
    expect(journey.caseId).toBeTruthy();
    await login(page, baseURL, "handlaggare2");
    await expect.poll(() => heading(page)).toBe("Mina ärenden");
    await myCasesLoaded(page);
    expect(await page.getByText(journey.reference ?? "-").count()).toBe(0);

    await page.getByRole("navigation").getByRole("link", { name: "Sök person" }).click();
    await expect.poll(() => heading(page)).toBe("Sök person");
    await searchPerson(page, identityNumber);
    expect(await page.getByText("Ingen person hittades").count()).toBe(1);
    await searchPerson(page, familyName);
    expect(await page.getByText("Ingen person hittades").count()).toBe(1);
    expect(await page.getByText(fullName).count()).toBe(0);
    await expectNoSeriousA11yViolations(page);

    // The address of the case answers exactly as a case that does not exist.
    await page.goto(`${baseURL}/cases/${journey.caseId}`);
    await page.getByText("Ärendet finns inte eller så saknar du behörighet.").waitFor();
    expect(await page.getByText(fullName).count()).toBe(0);
    await expectNoSeriousA11yViolations(page);
    expect(problems).toEqual([]);
  });

  it("the unit manager sees it among the unit's cases and assigns the colleague", async () => {
    const { page, baseURL, problems } = browser();
    await login(page, baseURL, "enhetschef");
    await expect.poll(() => heading(page)).toBe("Mina ärenden");
    const all = page.getByRole("table", { name: "Alla ärenden på de enheter du är chef för" });
    await all.waitFor();
    await expectNoSeriousA11yViolations(page);
    await all.getByRole("link", { name: journey.reference ?? "-" }).click();
    await expect.poll(() => heading(page)).toBe(`Ärende ${journey.reference}`);
    await openSection(page, "Status och ansvar");

    const form = page.getByRole("form", { name: "Tilldela ärendet" });
    const select = form.getByLabel("Medarbetare");
    const omar = await select.locator("option", { hasText: "Omar Nilsson" }).getAttribute("value");
    await select.selectOption(omar ?? "");
    await form.getByRole("button", { name: "Tilldela" }).click();
    await page.getByText("Omar Nilsson är tilldelad ärendet.").waitFor();
    const assigned = page.getByRole("list", { name: "Tilldelade" });
    expect(await assigned.textContent()).toContain("Omar Nilsson");
    expect(await assigned.textContent()).toContain("Lina Ek");
    await expectNoSeriousA11yViolations(page);
    expect(problems).toEqual([]);
  });

  it("once assigned, the colleague sees it in Mina ärenden and can open it", async () => {
    const { page, baseURL, problems } = browser();
    await login(page, baseURL, "handlaggare2");
    const mine = page.getByRole("table", { name: "Ärenden som är tilldelade dig" });
    await mine.waitFor();
    await mine.getByRole("link", { name: journey.reference ?? "-" }).click();
    await expect.poll(() => heading(page)).toBe(`Ärende ${journey.reference}`);
    expect(await page.getByRole("link", { name: fullName }).count()).toBe(1);
    await expectNoSeriousA11yViolations(page);
    expect(problems).toEqual([]);
  });

  it("the unit manager can replace the assignment with time-limited access and a reason", async () => {
    const { page, baseURL, problems } = browser();
    await login(page, baseURL, "enhetschef", `/cases/${journey.caseId}/status`);
    await expect.poll(() => heading(page)).toBe(`Ärende ${journey.reference}`);
    await page.getByRole("button", { name: "Ta bort Omar Nilsson från ärendet" }).click();
    await page.getByText("Omar Nilsson är inte längre tilldelad ärendet.").waitFor();
    expect(await page.getByRole("list", { name: "Tilldelade" }).textContent()).not.toContain(
      "Omar Nilsson",
    );

    const form = page.getByRole("form", { name: "Ge tillfällig behörighet" });
    const select = form.getByLabel("Medarbetare");
    const omar = await select.locator("option", { hasText: "Omar Nilsson" }).getAttribute("value");
    await select.selectOption(omar ?? "");
    const reason = form.getByLabel("Skäl");
    await reason.fill("Kort");
    await form.getByRole("button", { name: "Ge behörighet" }).click();
    await expect.poll(() => reason.getAttribute("aria-invalid")).toBe("true");
    await expectNoSeriousA11yViolations(page);

    await reason.fill(grantReason);
    await form.getByRole("button", { name: "Ge behörighet" }).click();
    await page.getByText("Omar Nilsson har fått tillfällig behörighet.").waitFor();
    const grants = page.getByRole("list", { name: "Tillfälliga behörigheter" });
    expect(await grants.textContent()).toContain("Omar Nilsson");
    expect(await grants.textContent()).toContain(grantReason);
    await expectNoSeriousA11yViolations(page);
    expect(problems).toEqual([]);
  });

  it("with the grant the colleague can open the case, though it is not assigned to them", async () => {
    const { page, baseURL, problems } = browser();
    await login(page, baseURL, "handlaggare2");
    await myCasesLoaded(page);
    expect(
      await page
        .getByRole("table", { name: "Ärenden som är tilldelade dig" })
        .getByText(journey.reference ?? "-")
        .count(),
    ).toBe(0);
    await page.goto(`${baseURL}/cases/${journey.caseId}`);
    await expect.poll(() => heading(page)).toBe(`Ärende ${journey.reference}`);
    await expectNoSeriousA11yViolations(page);
    expect(problems).toEqual([]);
  });

  it("the unit manager's Loggkontroll shows both caseworkers' accesses and the denied attempt", async () => {
    const { page, baseURL, problems } = browser();
    await login(page, baseURL, "enhetschef");
    await page.getByRole("navigation").getByRole("link", { name: "Loggkontroll" }).click();
    await expect.poll(() => heading(page)).toBe("Loggkontroll");
    await expectNoSeriousA11yViolations(page);

    await searchPerson(page, identityNumber);
    await page.getByRole("button", { name: `Visa logg för ${fullName}` }).click();
    const log = page.getByRole("table", { name: `Loggposter för ${fullName}, senaste först` });
    await log.waitFor();
    const rows = log.getByRole("row");
    // Opening a case now reads (and logs) each Samverkan panel too (issue 18), so the
    // journey's log is longer than the first page: the reviewer loads the rest.
    const more = page.getByRole("button", { name: "Visa fler loggposter" });
    while ((await more.count()) > 0) {
      const shown = await rows.count();
      await more.click();
      await expect.poll(() => rows.count()).toBeGreaterThan(shown);
    }
    const lina = rows.filter({ hasText: "Lina Ek (handlaggare1)" });
    const omar = rows.filter({ hasText: "Omar Nilsson (handlaggare2)" });
    expect(await lina.filter({ hasText: "Tillåten" }).count()).toBeGreaterThan(0);
    expect(await omar.filter({ hasText: "Tillåten" }).count()).toBeGreaterThan(0);
    expect(await omar.filter({ hasText: "Nekad" }).count()).toBeGreaterThan(0);
    expect(await lina.filter({ hasText: "Öppnade ärende" }).count()).toBeGreaterThan(0);
    expect(await omar.filter({ hasText: "Läste ärende" }).count()).toBeGreaterThan(0);
    const maria = rows.filter({ hasText: "Maria Strand (enhetschef)" });
    expect(await maria.filter({ hasText: "Tilldelade ärende" }).count()).toBeGreaterThan(0);
    // The reason for the grant is in the log, for whoever reviews it later.
    const grant = maria.filter({ hasText: "Gav tillfällig behörighet" });
    expect(await grant.filter({ hasText: grantReason }).count()).toBe(1);
    await expectNoSeriousA11yViolations(page);
    expect(problems).toEqual([]);
  });
});
