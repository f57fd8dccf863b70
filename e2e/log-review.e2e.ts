import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { expectNoSeriousA11yViolations, useBrowser } from "./fixtures/browser.ts";
import { fillDate } from "./fixtures/dates.ts";
import { heading, login } from "./fixtures/login.ts";
import { day, description, statusText } from "./fixtures/page.ts";

/*
 * Systematic log review (issue 19, item 7): a caseworker's refused attempt becomes an
 * anomaly on her unit manager's list; the manager reviews it with a conclusion and sees it
 * reviewed, and filtered among the reviewed ones. Then the manager plans the unit's reviews.
 */

describe("the log review's anomalies", () => {
  const browser = useBrowser();

  it("a caseworker tries to open a case that is not hers", async () => {
    const { page, baseURL, problems } = browser();
    await login(page, baseURL, "handlaggare2");
    const refused = page.waitForResponse(
      (r) => r.url().includes("/api/cases/") && r.status() === 404,
    );
    await page.goto(`${baseURL}/cases/${randomUUID()}`);
    await refused;
    expect(problems).toEqual([]);
  });

  it("the unit manager reviews the refused attempt and sees it reviewed", async () => {
    const { page, baseURL, problems } = browser();
    await login(page, baseURL, "enhetschef");
    await page.getByRole("navigation").getByRole("link", { name: "Loggkontroll" }).click();
    await expect.poll(() => heading(page)).toBe("Loggkontroll");
    await page
      .getByRole("navigation", { name: "Loggkontrollens delar" })
      .getByRole("link", { name: "Avvikelser" })
      .click();
    const table = page.getByRole("table", { name: "Avvikelser, senaste dagen först" });
    await table.waitFor();
    await expectNoSeriousA11yViolations(page);

    await page.getByLabel("Avvikelse", { exact: true }).selectOption({ label: "Nekade försök" });
    await page.getByRole("button", { name: "Visa avvikelser" }).click();
    const omar = table.getByRole("row").filter({ hasText: "Omar Nilsson" });
    await expect.poll(() => omar.count()).toBe(1);
    await omar.getByRole("button", { name: /^Granska: avvikelsen Nekade försök/ }).click();

    const form = page.getByRole("heading", { name: /^Granska: Nekade försök, Omar Nilsson/ });
    await form.waitFor();
    await page.getByRole("radio", { name: "Befogad", exact: true }).check();
    await page
      .getByLabel("Anteckning")
      .fill("Fel länk i ett mejl; ärendet fanns inte. Inget att följa upp.");
    await expectNoSeriousA11yViolations(page);
    await page.getByRole("button", { name: "Spara granskningen" }).click();
    await expect.poll(() => statusText(page)).toContain("Avvikelsen (Nekade försök) är granskad.");
    await expect.poll(() => omar.filter({ hasText: "Befogad" }).count()).toBe(1);

    // Among the reviewed ones, and not among those still to review.
    await page.getByLabel("Visa", { exact: true }).selectOption({ label: "Ej granskade" });
    await page.getByRole("button", { name: "Visa avvikelser" }).click();
    await expect.poll(() => omar.count()).toBe(0);
    await page.getByLabel("Visa", { exact: true }).selectOption({ label: "Granskade" });
    await page.getByRole("button", { name: "Visa avvikelser" }).click();
    await expect.poll(() => omar.filter({ hasText: "Befogad" }).count()).toBe(1);
    await expectNoSeriousA11yViolations(page);
    expect(problems).toEqual([]);
  });

  it("the unit manager sets the threshold of many persons in a day, within its bounds", async () => {
    const { page, baseURL, problems } = browser();
    await login(page, baseURL, "enhetschef", "/audit/anomalies");
    const form = page.getByRole("form", { name: "Gräns för många personer samma dag" });
    await form.waitFor();
    const field = form.getByLabel("Antal olika personer per dag");
    await expect.poll(() => description(page, field)).toContain("Standard är 30.");
    await field.fill("2");
    await form.getByRole("button", { name: "Spara gränsen" }).click();
    await page.getByRole("alert").waitFor();
    await expect
      .poll(() => description(page, field))
      .toContain("Ange ett heltal från 5 till 1000.");
    await expectNoSeriousA11yViolations(page);
    await field.fill("25");
    await form.getByRole("button", { name: "Spara gränsen" }).click();
    await expect
      .poll(() => statusText(page))
      .toContain("Gränsen är sparad: 25 olika personer samma dag.");
    // The list counts with it at once.
    await expect
      .poll(() =>
        page.getByText("Många personer betyder minst 25 olika personer samma dag.").count(),
      )
      .toBe(1);
    await expect.poll(() => page.getByText(/^Senast ändrad av /).count()).toBe(1);
    await expectNoSeriousA11yViolations(page);
    // Back to the default, for the journeys after this one.
    await field.fill("30");
    await form.getByRole("button", { name: "Spara gränsen" }).click();
    await expect
      .poll(() => statusText(page))
      .toContain("Gränsen är sparad: 30 olika personer samma dag.");
    expect(problems).toEqual([]);
  });

  it("the unit manager plans the unit's log reviews and records one done", async () => {
    const { page, baseURL, problems } = browser();
    await login(page, baseURL, "enhetschef", "/audit/plans");
    await page.getByRole("heading", { level: 2, name: "Granskningsplan" }).waitFor();
    await expectNoSeriousA11yViolations(page);
    const form = page.getByRole("form", { name: "Ny granskningsplan" });
    await form.getByLabel("Granskare").selectOption({ label: "Maria Strand" });
    await form.getByLabel("Vad granskas").selectOption({ label: "Hela loggen" });
    await form.getByLabel("Hur ofta, i dagar").fill("30");
    await form.getByRole("button", { name: "Spara planen" }).click();
    // No first day: the summary says so, and the field.
    await page.getByRole("alert").waitFor();
    await expectNoSeriousA11yViolations(page);
    // The first review 40 days ago: overdue at once.
    await fillDate(form, "Första granskningen", day(-40));
    await form.getByRole("button", { name: "Spara planen" }).click();
    await expect.poll(() => statusText(page)).toMatch(/Granskningsplanen för .+ är sparad\./);
    const plans = page.getByRole("table", {
      name: "Granskningsplaner, den som ska göras först överst",
    });
    const mine = plans.getByRole("row").filter({ hasText: "Maria Strand" });
    await expect.poll(() => mine.filter({ hasText: "Försenad" }).count()).toBeGreaterThan(0);
    await mine
      .filter({ hasText: "Försenad" })
      .first()
      .getByRole("button", { name: /^Granskning gjord för/ })
      .click();
    await expect.poll(() => statusText(page)).toMatch(/Granskningen för .+ är registrerad\./);
    await expectNoSeriousA11yViolations(page);
    expect(problems).toEqual([]);
  });
});
