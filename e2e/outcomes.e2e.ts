import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { luhnCheckDigit } from "../src/shared/personal-identity-number.ts";
import { expectNoSeriousA11yViolations, useBrowser } from "./fixtures/browser.ts";
import { openSection } from "./fixtures/case.ts";
import { heading, login } from "./fixtures/login.ts";
import { closeGivingOutcome } from "./fixtures/outcome.ts";
import { day, hasFocus, statusText } from "./fixtures/page.ts";
import { recordApplication, registerPerson } from "./fixtures/persons.ts";

/*
 * Issue 20, item 3: a caseworker's case in Utredning has two follow-up measures (taken through
 * the API: the assessment form is assessment.e2e.ts's journey), is closed with its outcome —
 * the close form asks for it and says so when it is missing — and the person page shows the
 * change over time as a chart, with the same figures in a table opened by keyboard. The closed
 * case shows the outcome recorded, and the caseworker changes it (the earlier one is kept); a
 * save made from an outcome someone changed meanwhile is refused, said so, and theirs shown;
 * a save once the case was reopened elsewhere is refused, said so, and the case read again.
 */

// A fictional person: birth numbers 980–989 are not given to real people. This file only.
const personNine = "791123984";
const personNumber = `19${personNine.slice(0, 6)}-${personNine.slice(6)}${luhnCheckDigit(personNine)}`;
const person = { givenName: "Vera", familyName: "Målgren" };
const instrumentId = "outcome_safety_empowerment";
const instrumentName = "Uppföljning: trygghet och egenmakt";

/** A completed measure with every statement answered `step` (six statements, 1–5). */
async function takeMeasure(
  page: Page,
  baseURL: string,
  casePath: string,
  step: number,
  on: string,
) {
  const me = await page.request.get(`${baseURL}/api/me`);
  const headers = { "x-csrf-token": ((await me.json()) as { csrfToken: string }).csrfToken };
  const base = `${baseURL}/api${casePath}/assessments`;
  const started = await page.request.post(base, { data: { instrumentId }, headers });
  expect(started.status()).toBe(201);
  const { id } = (await started.json()) as { id: string };
  const ids = [
    "feels_safe_home",
    "feels_safe_outside",
    "controls_own_life",
    "knows_where_help",
    "has_support",
    "plans_ahead",
  ];
  const answers = Object.fromEntries(ids.map((i) => [i, step]));
  const saved = await page.request.put(`${base}/${id}`, {
    data: { answers, assessedOn: on },
    headers,
  });
  expect(saved.status()).toBe(200);
  const done = await page.request.post(`${base}/${id}/complete`, {
    data: { judgements: { change: "better" } },
    headers,
  });
  expect(done.status()).toBe(200);
}

/** The closed case shows the outcome recorded at closing; a correction keeps the one it replaces. */
async function changeRecordedOutcome(page: Page) {
  const panel = page.getByRole("region", { name: "Måluppfyllelse vid avslut" });
  await expect.poll(() => panel.locator("dl").textContent()).toContain("Delvis");
  expect(await panel.locator("dl").textContent()).toContain("Jag känner mig tryggare nu.");
  await panel.getByRole("button", { name: "Ändra måluppfyllelse" }).click();
  const form = panel.getByRole("form", { name: "Ändra måluppfyllelse" });
  await form
    .getByRole("group", { name: "Har målet med insatsen nåtts?" })
    .getByLabel("Helt")
    .check();
  await expectNoSeriousA11yViolations(page);
  await form.getByRole("button", { name: "Spara måluppfyllelse" }).click();
  await expect.poll(() => statusText(page)).toContain("Måluppfyllelsen är sparad.");
  expect(await panel.locator("dl").textContent()).toContain("Helt");
  const earlier = panel.getByRole("list", { name: "Tidigare bedömningar" });
  expect(await earlier.getByRole("listitem").allTextContents()).toEqual([
    expect.stringMatching(/^Delvis, registrerad .* av .*, ersatt .*Jag känner mig tryggare nu\.$/),
  ]);
  await expectNoSeriousA11yViolations(page);
}

/**
 * Someone else changed the outcome meanwhile (another tab, from the same version): the save
 * is refused and said so, the form closes and the outcome shown is theirs, read again.
 */
async function refusedOnceChangedMeanwhile(page: Page, baseURL: string, casePath: string) {
  const panel = page.getByRole("region", { name: "Måluppfyllelse vid avslut" });
  await panel.getByRole("button", { name: "Ändra måluppfyllelse" }).click();
  const me = await page.request.get(`${baseURL}/api/me`);
  const headers = { "x-csrf-token": ((await me.json()) as { csrfToken: string }).csrfToken };
  const url = `${baseURL}/api${casePath}/outcome`;
  const read = (await (await page.request.get(url)).json()) as { current: { version: number } };
  const theirs = await page.request.put(url, {
    data: {
      goalReached: "not",
      ownView: "Ändrat i en annan flik.",
      basedOnVersion: read.current.version,
    },
    headers,
  });
  expect(theirs.status()).toBe(200);
  const form = panel.getByRole("form", { name: "Ändra måluppfyllelse" });
  await form
    .getByRole("group", { name: "Har målet med insatsen nåtts?" })
    .getByLabel("Delvis")
    .check();
  await form.getByRole("button", { name: "Spara måluppfyllelse" }).click();
  await expect
    .poll(() => panel.getByRole("alert").textContent())
    .toContain("Någon annan har ändrat måluppfyllelsen under tiden.");
  await expect.poll(() => panel.locator("dl").textContent()).toContain("Ändrat i en annan flik.");
  expect(await panel.locator("dl").textContent()).toContain("Inte alls");
  expect(await panel.getByRole("form").count()).toBe(0);
  await expectNoSeriousA11yViolations(page);
}

/** A case reopened meanwhile (another tab): the save is refused, said so, and the case read again. */
async function refusedOnceReopened(page: Page, baseURL: string, casePath: string) {
  const panel = page.getByRole("region", { name: "Måluppfyllelse vid avslut" });
  await panel.getByRole("button", { name: "Ändra måluppfyllelse" }).click();
  const me = await page.request.get(`${baseURL}/api/me`);
  const headers = { "x-csrf-token": ((await me.json()) as { csrfToken: string }).csrfToken };
  const reopened = await page.request.post(`${baseURL}/api${casePath}/status`, {
    data: { to: "intake", reason: null, comment: "Ny anmälan." },
    headers,
  });
  expect(reopened.status()).toBe(200);
  const form = panel.getByRole("form", { name: "Ändra måluppfyllelse" });
  await form.getByRole("button", { name: "Spara måluppfyllelse" }).click();
  await expect
    .poll(() => panel.getByRole("alert").textContent())
    .toContain("Ärendet är inte avslutat.");
  const status = page.getByRole("region", { name: "Status", exact: true });
  await expect.poll(() => status.locator("dl").textContent()).toContain("Aktualisering");
  expect(await panel.getByRole("form").count()).toBe(0);
  await expectNoSeriousA11yViolations(page);
}

describe("the outcome at closing and change over time", () => {
  const browser = useBrowser();

  it("closes a case with its outcome and shows the measures as a chart and a table", async () => {
    const { page, baseURL, problems } = browser();
    await login(page, baseURL, "handlaggare1");
    await registerPerson(page, { ...person, number: personNumber });
    const personPath = new URL(page.url()).pathname;
    await recordApplication(page);
    const casePath = new URL(page.url()).pathname.replace(/\/$/, "");
    await takeMeasure(page, baseURL, casePath, 2, day(-60));
    await takeMeasure(page, baseURL, casePath, 4, day());

    await openSection(page, "Status och ansvar");
    const status = page.getByRole("region", { name: "Status", exact: true });
    await status.getByRole("button", { name: "Avsluta ärendet" }).click();
    const form = status.getByRole("form", { name: "Avsluta ärendet" });
    await form.getByLabel("Skäl för avslut").selectOption({ label: "Målet uppnått" });
    // Without the outcome the form says what is missing, by the question itself.
    await closeGivingOutcome(page, form, "Avsluta ärendet", "Jag känner mig tryggare nu.");
    await expect.poll(() => statusText(page)).toContain("Ärendet har nu status Avslutat.");
    await expectNoSeriousA11yViolations(page);
    await changeRecordedOutcome(page);
    await refusedOnceChangedMeanwhile(page, baseURL, casePath);
    await refusedOnceReopened(page, baseURL, casePath);

    await page.goto(`${baseURL}${personPath}`);
    await expect.poll(() => heading(page)).toBe(`${person.givenName} ${person.familyName}`);
    const panel = page.getByRole("region", { name: "Uppföljning över tid" });
    const series = panel.getByRole("region", { name: instrumentName });
    await series.locator("svg.recharts-surface").first().waitFor();
    // The table behind the chart, opened with the keyboard.
    const summary = series.getByText(`Visa som tabell: ${instrumentName}`);
    await summary.focus();
    expect(await hasFocus(summary)).toBe(true);
    await page.keyboard.press("Enter");
    const table = series.getByRole("table", { name: `${instrumentName}: totalpoäng per datum` });
    await table.waitFor();
    const rows = table.getByRole("row");
    expect(await rows.count()).toBe(3);
    expect(await rows.nth(1).getByRole("cell").allTextContents()).toEqual([
      "12 av 30",
      "Första mätningen",
      expect.any(String),
    ]);
    expect((await rows.nth(2).getByRole("cell").allTextContents()).slice(0, 2)).toEqual([
      "24 av 30",
      "+12",
    ]);
    await expectNoSeriousA11yViolations(page);
    expect(problems).toEqual([]);
  });
});
