import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectNoSeriousA11yViolations, useBrowser } from "./fixtures/browser.ts";
import { openSection } from "./fixtures/case.ts";
import { fillDate } from "./fixtures/dates.ts";
import { heading, login } from "./fixtures/login.ts";
import { day, statusText } from "./fixtures/page.ts";

/*
 * The children's crisis centre (issue 17, item 2). Eva Lund (behandlare2, Kriscentrum) works
 * Maja Berg's case for the crisis centre (demo-child-work.ts): Maja's Trappan series has had
 * its three talks. Eva records a fourth talk with Maja's own words, ends the series, starts a
 * new one whose first talk is number 1, and records a police report — after the form has
 * said what is missing. The demo data is shared with other journeys: this file looks for its
 * own texts and counts nothing it did not make.
 */

const words = "Jag vill bo kvar med mamma och Leo.";
const newWords = "Nu vågar jag sova i mitt eget rum.";

/** Opens the case of `person` from the table of the user's own cases. */
async function openCase(page: Page, person: string) {
  const mine = page.getByRole("table", { name: "Ärenden som är tilldelade dig" });
  await mine.waitFor();
  await mine.getByRole("row").filter({ hasText: person }).getByRole("link").first().click();
  await expect.poll(() => heading(page)).toMatch(/^Ärende \S+/);
}

describe("the children's crisis centre: a child's crisis talks and a police report", () => {
  const browser = useBrowser();

  it("a therapist records Maja's talks in a Trappan series, ends it, starts another and reports to the police", async () => {
    const { page, baseURL, problems } = browser();
    await login(page, baseURL, "behandlare2");
    await openCase(page, "Maja Berg");
    await openSection(page, "Behandling");

    const panel = page.getByRole("region", { name: "Barnkriscentrum" });
    const maja = panel.getByRole("article", { name: "Maja Berg" });
    await maja.getByText("Trappan, från", { exact: false }).first().waitFor();
    const first = maja.getByRole("table", { name: "Samtalen i serien" }).first();
    expect(await first.getByRole("row").count()).toBe(4); // the header and the demo's three talks
    expect(await first.textContent()).toContain("Jag gömde mig under täcket.");
    await expectNoSeriousA11yViolations(page);

    // The next talk: its number shown before it is sent, the child's words a field of their own.
    await maja.getByRole("button", { name: "Nytt samtal" }).click();
    const talk = maja.getByRole("form", { name: "Samtal nr 4" });
    await talk.getByLabel("Barnets egna ord").fill(words);
    await talk.getByLabel("Anteckningar").fill("Uppföljande samtal efter serien.");
    await expectNoSeriousA11yViolations(page);
    await talk.getByRole("button", { name: "Registrera samtalet" }).click();
    await expect.poll(() => statusText(page)).toContain("Samtalet är registrerat.");
    const row = first.getByRole("row").filter({ hasText: words });
    expect(await row.getByRole("cell").first().textContent()).toBe("4");
    await expectNoSeriousA11yViolations(page);

    // The series ends; a new one starts, and its first talk is number 1.
    await maja.getByRole("button", { name: "Avsluta serien" }).click();
    await maja
      .getByRole("form", { name: "Avsluta serien" })
      .getByRole("button", { name: "Avsluta serien" })
      .click();
    await expect.poll(() => statusText(page)).toContain("Samtalsserien är avslutad.");
    expect(await maja.getByRole("button", { name: "Nytt samtal" }).count()).toBe(0);
    await maja.getByRole("button", { name: "Ny krissamtalsserie" }).click();
    const series = maja.getByRole("form", { name: "Ny krissamtalsserie" });
    await series.getByLabel("Trappan").check();
    await series.getByLabel("Planerade samtal").fill("3");
    await fillDate(series, "Serien börjar", day());
    await expectNoSeriousA11yViolations(page);
    await series.getByRole("button", { name: "Starta serien" }).click();
    await expect.poll(() => statusText(page)).toContain("Samtalsserien är startad.");
    await maja.getByRole("button", { name: "Nytt samtal" }).click();
    const firstOfNew = maja.getByRole("form", { name: "Samtal nr 1" });
    await firstOfNew.getByLabel("Barnets egna ord").fill(newWords);
    await firstOfNew.getByRole("button", { name: "Registrera samtalet" }).click();
    await expect.poll(() => statusText(page)).toContain("Samtalet är registrerat.");
    const newTable = maja.getByRole("table", { name: "Samtalen i serien" }).last();
    expect(await newTable.textContent()).toContain(newWords);
    expect(await maja.textContent()).toContain("1 av 3 planerade samtal");
    await expectNoSeriousA11yViolations(page);

    // A police report: sent without a crime category, the form says what is missing.
    await maja.getByRole("button", { name: "Polisanmälan" }).click();
    const report = maja.getByRole("form", { name: "Polisanmälan" });
    await report.getByRole("button", { name: "Registrera polisanmälan" }).click();
    expect(await maja.getByRole("alert").textContent()).toContain(
      "Några uppgifter behöver rättas.",
    );
    expect(await report.textContent()).toContain("Välj brottskategori.");
    await expectNoSeriousA11yViolations(page);
    await report.getByLabel("Brottskategori").selectOption({ label: "Misshandel" });
    await report.getByRole("button", { name: "Registrera polisanmälan" }).click();
    await expect.poll(() => statusText(page)).toContain("Polisanmälan är registrerad.");
    const reports = maja.getByRole("table", { name: "Polisanmälningar om barnet" });
    const made = reports.getByRole("row").filter({ hasText: "Misshandel" });
    expect(await made.textContent()).toContain("Vi på enheten (Eva Lund)");
    await expectNoSeriousA11yViolations(page);
    expect(problems).toEqual([]);
  });
});
