import { describe, expect, it } from "vitest";
import { expectNoSeriousA11yViolations, useBrowser } from "./fixtures/browser.ts";
import { heading, login } from "./fixtures/login.ts";

/*
 * Issue 15, item 2 (lists): a unit manager filters the unit's cases by the worker
 * responsible, sees who is responsible for each case and who has nobody, sorts by a column,
 * and the filtered list is a link (its filters are in the address).
 */
describe("the unit's cases, filtered by worker and sorted", () => {
  const browser = useBrowser();

  it("a unit manager filters the unit's cases by worker, then by nobody responsible, and sorts them", async () => {
    const { page, baseURL, problems } = browser();
    await login(page, baseURL, "enhetschef");
    await expect.poll(() => heading(page)).toBe("Mina ärenden");
    const section = page.getByRole("region", { name: "Alla ärenden på enheten" });
    const table = section.getByRole("table", {
      name: "Alla ärenden på de enheter du är chef för",
    });
    await table.waitFor();
    const bar = section.getByRole("group", {
      name: "Filtrera: Alla ärenden på de enheter du är chef för",
    });
    await bar.getByLabel("Ansvarig").selectOption({ label: "Lina Ek" });
    await expect.poll(() => new URL(page.url()).searchParams.get("all.worker")).not.toBeNull();
    await table.waitFor();
    // Every case shown names Lina Ek among those responsible.
    const cells = table.locator("tbody tr td:nth-of-type(5)");
    await expect.poll(async () => (await cells.allTextContents()).length).toBeGreaterThan(0);
    for (const text of await cells.allTextContents()) expect(text).toContain("Lina Ek");
    await expectNoSeriousA11yViolations(page);

    // The filtered list is a link: the same address shows the same filter.
    await page.reload();
    await expect.poll(() => heading(page)).toBe("Mina ärenden");
    // The choice shows once the unit's staff (its options) have arrived.
    await expect
      .poll(() =>
        page
          .getByRole("group", { name: "Filtrera: Alla ärenden på de enheter du är chef för" })
          .getByLabel("Ansvarig")
          .inputValue(),
      )
      .not.toBe("");

    // Sorted by reference: the header says so to assistive technology.
    const refHeader = page
      .getByRole("table", { name: "Alla ärenden på de enheter du är chef för" })
      .getByRole("columnheader", { name: /Ärendenummer/ });
    await refHeader.getByRole("button").click();
    await expect.poll(() => refHeader.getAttribute("aria-sort")).toBe("ascending");
    await refHeader.getByRole("button").click();
    await expect.poll(() => refHeader.getAttribute("aria-sort")).toBe("descending");
    expect(new URL(page.url()).searchParams.get("all.sort")).toBe("reference");

    // Nobody responsible: each case says so, or the list says none match.
    await page
      .getByRole("group", { name: "Filtrera: Alla ärenden på de enheter du är chef för" })
      .getByLabel("Ansvarig")
      .selectOption({ label: "Ingen ansvarig" });
    await expect.poll(() => new URL(page.url()).searchParams.get("all.worker")).toBe("none");
    const section2 = page.getByRole("region", { name: "Alla ärenden på enheten" });
    await expect
      .poll(
        async () =>
          (await section2.getByText("Inget i listan passar filtren", { exact: false }).count()) +
          (await section2.locator("tbody tr").count()),
      )
      .toBeGreaterThan(0);
    for (const text of await section2.locator("tbody tr td:nth-of-type(5)").allTextContents()) {
      expect(text).toBe("Ingen ansvarig");
    }
    await section2.getByRole("button", { name: "Rensa filter" }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get("all.worker")).toBeNull();
    await expectNoSeriousA11yViolations(page);
    expect(problems).toEqual([]);
  });
});
