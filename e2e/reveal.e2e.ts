import { describe, expect, it } from "vitest";
import { luhnCheckDigit } from "../src/shared/personal-identity-number.ts";
import { expectNoSeriousA11yViolations, useBrowser } from "./fixtures/browser.ts";
import { heading, login } from "./fixtures/login.ts";
import { fullName, recordApplication, registerPerson } from "./fixtures/persons.ts";

/*
 * Reveal with a reason (issue 19, item 2): a caseworker records skyddad folkbokföring for a
 * person whose case she works; the person's phone and address are then masked on her page.
 * "Visa med skäl" opens a dialog that needs a reason; the details are shown with a countdown
 * and hidden again when it ends (the page's clock is moved on: the server's reveal lasts five
 * minutes by its own clock, the page hides them by the time it was given).
 */

// Fictional: birth number 98x, used by this file only.
const nine = "910707984";
const person = {
  givenName: "Rut",
  familyName: "Visasson",
  number: `19${nine.slice(0, 6)}-${nine.slice(6)}${luhnCheckDigit(nine)}`,
};
const phone = "070-555 12 34";
const address = "Dolda gatan 3";

describe("reveal a protected person's contact details with a reason", () => {
  const browser = useBrowser();

  it("masks them, shows them with a reason for a while, then hides them", async () => {
    const { page, baseURL, problems } = browser();
    await page.clock.install();
    await login(page, baseURL, "handlaggare1");
    await registerPerson(page, person);
    const personPath = new URL(page.url()).pathname;
    await recordApplication(page, "Telefon");
    await page.goto(`${baseURL}${personPath}`);
    await expect.poll(() => heading(page)).toBe(fullName(person));

    // Her phone and address, and skyddad folkbokföring, as the register shows it.
    await page.getByRole("button", { name: "Ändra uppgifter" }).click();
    const form = page.getByRole("form", {
      name: "Ändra säker kontakt, språk och kontaktuppgifter",
    });
    await form.getByLabel("Telefon").fill(phone);
    await form.getByLabel("Postadress").fill(address);
    await form.getByLabel("Skyddsnivå").selectOption({ label: "Skyddad folkbokföring" });
    await form.getByRole("button", { name: "Spara" }).click();
    await page.getByText("Uppgifterna är sparade.").waitFor();

    // Masked: the page says so and shows neither.
    await page.getByText("Skyddade uppgifter.").waitFor();
    expect(await page.getByText(phone).count()).toBe(0);
    expect(await page.getByText(address).count()).toBe(0);
    await expectNoSeriousA11yViolations(page);

    await page.getByRole("button", { name: "Visa med skäl" }).click();
    const dialog = page.getByRole("dialog", { name: "Visa skyddade uppgifter" });
    await dialog.waitFor();
    await expectNoSeriousA11yViolations(page);
    // No reason: refused, the message by the field.
    await dialog.getByRole("button", { name: "Visa uppgifterna" }).click();
    await dialog.getByText("Välj ett skäl eller skriv det med egna ord.").first().waitFor();
    await dialog.getByLabel("Utbetalning").check();
    await dialog.getByRole("button", { name: "Visa uppgifterna" }).click();

    await page.getByText(phone).waitFor();
    await page.getByText(address).waitFor();
    await page.getByText(/De döljs igen om \d:\d\d/).waitFor();
    await expectNoSeriousA11yViolations(page);

    // Five minutes on: hidden again.
    await page.clock.fastForward("05:02");
    await page.getByText("De skyddade uppgifterna är dolda igen.").waitFor();
    expect(await page.getByText(phone).count()).toBe(0);
    expect(await page.getByText(address).count()).toBe(0);
    expect(problems).toEqual([]);
  });
});
