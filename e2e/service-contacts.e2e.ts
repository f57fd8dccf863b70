import { describe, expect, it } from "vitest";
import { luhnCheckDigit } from "../src/shared/personal-identity-number.ts";
import { expectNoSeriousA11yViolations, useBrowser } from "./fixtures/browser.ts";
import { heading, login } from "./fixtures/login.ts";
import { fullName } from "./fixtures/persons.ts";

/*
 * Issue 17, item 1, end to end: a woman calls Kriscentrum and gives only her first name and
 * birth year. Per Holm (behandlare1) gives advice and records the call as a service contact
 * — no person is registered for it. She wants to apply for support: with her consent he
 * registers her and makes the intake from the contact in one step, the intake form already
 * holding what she said; the case opens, and the contact shows that it became an intake.
 * The person is this file's own, so the demo's story is untouched.
 */

// Fictional: birth numbers 980–989 are not given to real people; valid check digits.
const nine = "910317985";
const caller = {
  givenName: "Lejla",
  familyName: "Fjärilsdal",
  number: `19${nine.slice(0, 6)}-${nine.slice(6)}${luhnCheckDigit(nine)}`,
};
const topic = "Vill ansöka om stöd";
const said = "Partnern hotar henne. Hon vill ha hjälp att flytta med barnen.";
const journey: { coursePath?: string } = {};

describe("a phone advice that becomes an intake", () => {
  const browser = useBrowser();

  it("records a call by first name and birth year, with no person registered", async () => {
    const { page, baseURL, problems } = browser();
    await login(page, baseURL, "behandlare1", "/service-contacts");
    await expect.poll(() => heading(page)).toBe("Serviceinsatser");
    await expectNoSeriousA11yViolations(page);

    await page.getByRole("link", { name: "Ny kontakt" }).click();
    await expect.poll(() => heading(page)).toBe("Ny kontakt");
    await page.getByLabel("Förnamn och födelseår").check();
    const form = page.getByRole("form", { name: "Kontakten", exact: true });
    await form.getByLabel("Förnamn", { exact: true }).fill(caller.givenName);
    await form.getByLabel("Födelseår", { exact: true }).fill("1991");
    await form.getByLabel("Kön (för statistiken)").selectOption({ label: "Kvinna" });
    await form.getByLabel("Typ av kontakt").selectOption({ label: "Rådgivning per telefon" });
    await form.getByLabel("Tid i minuter").fill("20");
    await form.getByRole("group", { name: "Våld som togs upp" }).getByLabel("Psykiskt").check();
    await form.getByLabel("Ämne").fill(topic);
    await form.getByLabel("Vad som sades").fill(said);
    await expectNoSeriousA11yViolations(page);
    await form.getByRole("button", { name: "Spara kontakten" }).click();

    await expect.poll(() => heading(page)).toBe("Serviceinsatser: Lejla, född 1991");
    journey.coursePath = new URL(page.url()).pathname;
    const contacts = page.getByRole("region", { name: "Kontakter", exact: true });
    await contacts.getByText(topic).waitFor();
    expect(await contacts.textContent()).toContain("Råd och stöd gavs");
    await expectNoSeriousA11yViolations(page);
    expect(problems).toEqual([]);
  });

  it("registers her with her consent and makes the intake from the contact", async () => {
    const { page, baseURL, problems } = browser();
    await login(page, baseURL, "behandlare1", journey.coursePath);
    await page.getByRole("button", { name: "Gör aktualisering" }).click();
    const intake = page.getByRole("region", { name: "Gör aktualisering av kontakten" });
    await intake.getByRole("search").waitFor();
    await expectNoSeriousA11yViolations(page);

    const register = intake.getByRole("form", { name: "Registrera personen" });
    await register.getByLabel("Personnummer", { exact: true }).fill(caller.number);
    await register.getByLabel("Förnamn").fill(caller.givenName);
    await register.getByLabel("Efternamn").fill(caller.familyName);
    await register.getByRole("button", { name: "Registrera person" }).click();

    // The intake form, holding what the contact says: the words, and that she was asked.
    const form = intake.getByRole("form", { name: "Ny aktualisering" });
    await form.waitFor();
    expect(await intake.textContent()).toContain(`Aktualiseringen gäller ${fullName(caller)}.`);
    expect(await form.getByLabel("Vad kom fram?").inputValue()).toBe(`${topic}\n\n${said}`);
    expect(
      await form
        .getByRole("group", { name: "Har personen fått frågan om våld?" })
        .getByLabel("Ja")
        .isChecked(),
    ).toBe(true);
    await expectNoSeriousA11yViolations(page);
    await form.getByRole("button", { name: "Registrera aktualisering" }).click();
    await expect.poll(() => heading(page)).toMatch(/^Ärende \S+/);
    await expectNoSeriousA11yViolations(page);
    expect(problems).toEqual([]);
  });

  it("shows the contact as an intake made, and the course as hers", async () => {
    const { page, baseURL, problems } = browser();
    await login(page, baseURL, "behandlare1", journey.coursePath);
    await expect.poll(() => heading(page)).toBe(`Serviceinsatser: ${fullName(caller)}`);
    const contacts = page.getByRole("region", { name: "Kontakter", exact: true });
    await contacts.getByText("Aktualisering gjord").waitFor();
    expect(await contacts.getByRole("link", { name: "Till ärendet" }).count()).toBe(1);
    expect(await page.getByRole("button", { name: "Gör aktualisering" }).count()).toBe(0);
    await expectNoSeriousA11yViolations(page);
    expect(problems).toEqual([]);
  });
});
