import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../src/server/paths.ts";
import { luhnCheckDigit } from "../src/shared/personal-identity-number.ts";
import { expectNoSeriousA11yViolations, useBrowser } from "./fixtures/browser.ts";
import { fillDate } from "./fixtures/dates.ts";
import { heading, login } from "./fixtures/login.ts";
import { day, hasFocus, statusText } from "./fixtures/page.ts";
import { registerPerson } from "./fixtures/persons.ts";

/*
 * Issue 15, "Be told": a report of concern received today puts its protection assessment on
 * Att göra (due today), so the notification centre tells of it. The worker opens the centre
 * from the header by keyboard, follows the notification to the case (it is then read), and
 * marks the rest read. Axe on every state; screenshots at 1280 and 390 px.
 */

// A fictional child: birth numbers 980–989 are not given to real people. This file only.
const childNine = "160229987";
const childNumber = `20${childNine.slice(0, 6)}-${childNine.slice(6)}${luhnCheckDigit(childNine)}`;
const child = { givenName: "Nora", familyName: "Notisdotter" };
const shots = join(projectRoot, "test-results", "screenshots");
const unreadName = /^Notiser (\d+) olästa$/;

describe("the notification centre", () => {
  const browser = useBrowser();

  it("tells of a deadline today, leads to the case by keyboard, and marks read", async () => {
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
    const received = form.getByRole("group", { name: "Inkom" });
    await fillDate(received, "Datum", day(0));
    await received.getByLabel("Klockslag").fill("00:05");
    // A school's report about a child: the child is not asked about violence at intake.
    await form.getByLabel("Vad kom fram?").fill("Barnet berättade för sin lärare om bråk hemma.");
    await form.getByRole("button", { name: "Registrera aktualisering" }).click();
    await expect.poll(() => heading(page)).toMatch(/^Ärende \S+/);
    const casePath = new URL(page.url()).pathname;
    const reference = ((await heading(page)) ?? "").replace(/^Ärende /, "");

    // A fresh start page reads the notifications anew.
    await page.goto(`${baseURL}/`);
    await expect.poll(() => heading(page)).toBe("Mina ärenden");
    const button = page.getByRole("banner").getByRole("button", { name: unreadName });
    await button.waitFor();
    const before = Number(unreadName.exec((await button.getAttribute("aria-label")) ?? "")?.[1]);
    expect(before).toBeGreaterThan(0);

    await button.focus();
    await page.keyboard.press("Enter");
    expect(await button.getAttribute("aria-expanded")).toBe("true");
    const panel = page.getByRole("region", { name: "Notiser" });
    const link = panel.getByRole("link", {
      name: `Skyddsbedömning – ${reference}, sista dag ${day(0)}`,
    });
    await link.waitFor();
    // No person's name in the header's list.
    expect(await panel.textContent()).not.toContain(child.familyName);
    await expectNoSeriousA11yViolations(page);
    mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: join(shots, "notifications-1280.png") });
    await page.setViewportSize({ width: 390, height: 844 });
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: join(shots, "notifications-390.png") });
    await page.setViewportSize({ width: 1280, height: 800 });

    // Escape closes the panel and gives focus back to the button.
    await page.keyboard.press("Escape");
    await expect.poll(() => button.getAttribute("aria-expanded")).toBe("false");
    expect(await hasFocus(button)).toBe(true);

    // Open again, Tab to the notification, follow it with Enter.
    await page.keyboard.press("Enter");
    await link.waitFor();
    await link.focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => heading(page)).toBe(`Ärende ${reference}`);
    expect(new URL(page.url()).pathname).toBe(casePath);
    await expect
      .poll(async () =>
        page
          .getByRole("banner")
          .getByRole("button", { name: /^Notiser/ })
          .getAttribute("aria-label"),
      )
      .toBe(before - 1 === 0 ? "Notiser, inga olästa" : `Notiser ${before - 1} olästa`);

    // Mark the rest read.
    const centre = page.getByRole("banner").getByRole("button", { name: /^Notiser/ });
    await centre.click();
    const markAll = panel.getByRole("button", { name: "Markera alla som lästa" });
    if (before - 1 > 0) {
      await markAll.click();
      await expect.poll(() => statusText(page)).toContain("Alla notiser är markerade som lästa.");
    }
    await expect.poll(() => centre.getAttribute("aria-label")).toBe("Notiser, inga olästa");
    await expectNoSeriousA11yViolations(page);
    expect(problems).toEqual([]);
  });

  it("offers the daily e-mail digest on Mitt konto, off until chosen", async () => {
    const { page, baseURL, problems } = browser();
    await login(page, baseURL, "barnhandlaggare", "/account");
    const section = page.getByRole("region", { name: "Daglig sammanfattning per e-post" });
    await section.waitFor();
    expect(await section.getByLabel("Skicka mig en daglig sammanfattning").isChecked()).toBe(false);
    await section.getByLabel("Skicka mig en daglig sammanfattning").check();
    await section.getByRole("button", { name: "Spara" }).click();
    await expect
      .poll(() => section.textContent())
      .toContain("Ange en e-postadress för sammanfattningen, eller stäng av den.");
    await section.getByLabel("E-postadress").fill("handlaggare@exempel.se");
    await section.getByRole("button", { name: "Spara" }).click();
    await expect.poll(() => statusText(page)).toContain("Inställningen är sparad.");
    await expectNoSeriousA11yViolations(page);
    expect(problems).toEqual([]);
  });
});
