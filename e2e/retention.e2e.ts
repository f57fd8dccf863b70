import { describe, expect, it } from "vitest";
import { expectNoSeriousA11yViolations, useBrowser } from "./fixtures/browser.ts";
import { heading, login } from "./fixtures/login.ts";
import { statusText } from "./fixtures/page.ts";

/*
 * Gallring (issue 19, item 8). The demo's records are all recent (the story spans half a
 * year), so the crisis unit's manager finds nothing due: she makes the dry run, reads the
 * counts per rule, is stopped until she confirms she reviewed the list, decides, and reads
 * the decision and its (empty) receipts. The removal of due records with exact counts is
 * proven on generated data in modules/retention/retention.test.ts. The administrator sees
 * each rule flagged until its source is verified, and records the check.
 */
describe("gallring", () => {
  const browser = useBrowser();

  it("a unit manager makes a dry run, decides on it and reads the receipts", async () => {
    const { page, baseURL, problems } = browser();
    await login(page, baseURL, "krischef");
    await page.getByRole("navigation").getByRole("link", { name: "Gallring" }).click();
    await expect.poll(() => heading(page)).toBe("Gallring");
    await page
      .getByText("Källa ej verifierad – kontrollera mot gällande lag och er dokumenthanteringsplan")
      .first()
      .waitFor();
    await expectNoSeriousA11yViolations(page);

    await page.getByRole("button", { name: "Gör en provkörning" }).click();
    const counts = page.getByRole("table", { name: "Antal per regel" });
    await counts.waitFor();
    await counts.getByRole("rowheader", { name: "personakt_5_ar" }).waitFor();
    await page.getByText("Inget är förfallet till gallring.").waitFor();
    await expectNoSeriousA11yViolations(page);

    const decision = page.getByRole("form", { name: "Beslut" });
    await decision.getByRole("button", { name: "Gallra" }).click();
    await page.getByText("Kryssa i att du har granskat listan.").first().waitFor();
    await decision
      .getByRole("checkbox", { name: "Jag har granskat listan och beslutar om gallring." })
      .check();
    await decision.getByRole("button", { name: "Gallra" }).click();
    await page.getByText(/Beslutat .* av Jonas Berglund: 0 gallrade, 0 överhoppade\./).waitFor();
    await page.getByRole("heading", { name: "Kvitton" }).waitFor();
    await page.getByText("Inga kvitton.").waitFor();
    await expectNoSeriousA11yViolations(page);
    expect(problems).toEqual([]);
  });

  it("an administrator records that a rule's source was verified", async () => {
    const { page, baseURL, problems } = browser();
    await login(page, baseURL, "admin");
    await page.getByRole("navigation").getByRole("link", { name: "Gallring" }).click();
    await expect.poll(() => heading(page)).toBe("Gallring");
    // An administrator keeps the rules; the dry run is the managers'.
    expect(await page.getByRole("button", { name: "Gör en provkörning" }).count()).toBe(0);
    // Each rule is headed by what it removes, in Swedish; its code is shown beside.
    await page.getByRole("heading", { name: "Hela personakten", level: 3 }).waitFor();
    await page
      .getByRole("heading", { name: "Handlingar: samtycke till partnerkontakt", level: 3 })
      .waitFor();
    await page
      .getByRole("button", { name: "Markera samtycke_partnerkontakt som kontrollerad i dag" })
      .click();
    await expect.poll(() => statusText(page)).toContain("Regeln är markerad som kontrollerad.");
    expect(
      await page
        .getByRole("button", { name: "Markera samtycke_partnerkontakt som kontrollerad i dag" })
        .count(),
    ).toBe(0);
    await page.getByText(/av Systemförvaltare Demo/).waitFor();
    await expectNoSeriousA11yViolations(page);
    expect(problems).toEqual([]);
  });
});
