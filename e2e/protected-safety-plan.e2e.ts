import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { luhnCheckDigit } from "../src/shared/personal-identity-number.ts";
import { expectNoSeriousA11yViolations, useBrowser } from "./fixtures/browser.ts";
import { heading, login } from "./fixtures/login.ts";
import { day } from "./fixtures/page.ts";
import { fullName, recordApplication, registerPerson } from "./fixtures/persons.ts";

/*
 * A protected person's safety plan (review 19, finding 8): her safe place is withheld on the
 * plan's page like her address on her own, the plan can be neither changed nor printed until
 * her worker reveals her details with a reason on her person page; then it shows and prints.
 */

// Fictional: birth number 98x, used by this file only.
const nine = "830303982";
const person = {
  givenName: "Vera",
  familyName: "Planskydd",
  number: `19${nine.slice(0, 6)}-${nine.slice(6)}${luhnCheckDigit(nine)}`,
};
const safePlace = "Hos kusinen Britt, tredje huset efter kyrkan.";

/** The plan's first version, saved through the API as the signed-in worker. */
async function savePlan(page: Page, baseURL: string, caseId: string) {
  const me = await page.request.get(`${baseURL}/api/me`);
  const { csrfToken } = (await me.json()) as { csrfToken: string };
  const res = await page.request.put(`${baseURL}/api/cases/${caseId}/safety-plan`, {
    headers: { "x-csrf-token": csrfToken },
    data: {
      basedOnVersion: null,
      measures: [
        {
          kind: "safe_place",
          description: safePlace,
          forWhom: "Vera",
          responsible: "Vera",
          status: "in_place",
          reviewOn: day(14),
        },
      ],
    },
  });
  expect(res.ok(), `PUT safety-plan: ${res.status()}`).toBe(true);
}

describe("a protected person's safety plan", () => {
  const browser = useBrowser();

  it("withholds her safe place until her details are revealed with a reason", async () => {
    const { page, baseURL, problems } = browser();
    await login(page, baseURL, "handlaggare1");
    await registerPerson(page, person);
    const personPath = new URL(page.url()).pathname;
    await recordApplication(page, "Besök");
    const caseId = new URL(page.url()).pathname.split("/").at(-1) as string;
    await savePlan(page, baseURL, caseId);

    // Skyddad folkbokföring, as the register shows it.
    await page.goto(`${baseURL}${personPath}`);
    await expect.poll(() => heading(page)).toBe(fullName(person));
    await page.getByRole("button", { name: "Ändra uppgifter" }).click();
    const form = page.getByRole("form", {
      name: "Ändra säker kontakt, språk och kontaktuppgifter",
    });
    await form.getByLabel("Skyddsnivå").selectOption({ label: "Skyddad folkbokföring" });
    await form.getByRole("button", { name: "Spara" }).click();
    await page.getByText("Uppgifterna är sparade.").waitFor();

    await page.goto(`${baseURL}/cases/${caseId}/safety-plan`);
    await expect.poll(() => heading(page)).toBe("Säkerhetsplan");
    const shown = page.getByRole("region", { name: "Gällande plan" });
    await shown.getByText("Skyddad uppgift – visas med skäl på personsidan.").waitFor();
    expect(await page.getByText(safePlace).count()).toBe(0);
    expect(await shown.getByRole("button", { name: "Ändra planen" }).count()).toBe(0);
    expect(await page.getByRole("link", { name: "Skriv ut (PDF)" }).count()).toBe(0);
    await page
      .getByText("Planen skrivs ut när hennes skyddade uppgifter visas med skäl på personsidan.")
      .waitFor();
    await expectNoSeriousA11yViolations(page);

    await page.goto(`${baseURL}${personPath}`);
    await page.getByRole("button", { name: "Visa med skäl" }).click();
    const dialog = page.getByRole("dialog", { name: "Visa skyddade uppgifter" });
    await dialog.getByLabel("Kontakta henne på ett säkert sätt").check();
    await dialog.getByRole("button", { name: "Visa uppgifterna" }).click();
    await page.getByText(/De döljs igen om \d:\d\d/).waitFor();

    await page.goto(`${baseURL}/cases/${caseId}/safety-plan`);
    await page.getByText(safePlace).waitFor();
    await page
      .getByRole("region", { name: "Gällande plan" })
      .getByRole("button", {
        name: "Ändra planen",
      })
      .waitFor();
    await page.getByRole("link", { name: "Skriv ut (PDF)" }).waitFor();
    await expectNoSeriousA11yViolations(page);
    expect(problems).toEqual([]);
  });
});
