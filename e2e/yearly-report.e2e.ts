import { readFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { pdfWords } from "../src/server/testing/pdf.ts";
import { expectNoSeriousA11yViolations, useBrowser } from "./fixtures/browser.ts";
import { heading, login } from "./fixtures/login.ts";
import { day, description, hasFocus } from "./fixtures/page.ts";

/*
 * Årsrapport (issue 20, item 4): the unit manager (enhetschef) runs the year's report for the
 * committee, is told by the field when the year is not one, reads a chart by keyboard — tabs
 * to it, hears what it is and where its figures are, tabs on to the table that is its
 * alternative — and downloads the PDF and the workbook, whose first bytes say what they are.
 */

/** The file a link downloads, as bytes. */
async function downloaded(page: Page, link: ReturnType<Page["getByRole"]>) {
  const download = page.waitForEvent("download");
  await link.click();
  const file = await download;
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}

describe("the committee's yearly report", () => {
  const browser = useBrowser();

  it("a unit manager runs the year's report, reads a chart by keyboard and downloads it", async () => {
    const { page, baseURL, problems } = browser();
    const year = day().slice(0, 4);
    await login(page, baseURL, "enhetschef");
    await page.getByRole("navigation").getByRole("link", { name: "Årsrapport" }).click();
    await expect.poll(() => heading(page)).toBe("Årsrapport");
    const form = page.getByRole("form", { name: "Välj år och enheter" });
    const field = form.getByRole("textbox", { name: "År" });
    await page.getByRole("heading", { name: /^Årsrapport \d{4}$/ }).waitFor();
    await expectNoSeriousA11yViolations(page);

    // Not a year: said by the field, before anything is asked of the server.
    await field.fill("20x6");
    await form.getByRole("button", { name: "Visa årsrapporten" }).click();
    await expect.poll(() => description(page, field)).toContain("Ange året med fyra siffror");
    await expectNoSeriousA11yViolations(page);

    await field.fill(year);
    await form.getByRole("button", { name: "Visa årsrapporten" }).click();
    await page.getByRole("heading", { name: `Årsrapport ${year}` }).waitFor();
    await expectNoSeriousA11yViolations(page);

    // A chart by keyboard: from the download links, Tab until the first chart has focus.
    const chart = page.getByRole("figure", { name: /^Diagram: / }).first();
    await chart.waitFor();
    const title = ((await chart.getAttribute("aria-label")) ?? "").replace(/^Diagram: /, "");
    await page.getByRole("link", { name: "Ladda ner XLSX" }).focus();
    for (let i = 0; i < 40 && !(await hasFocus(chart)); i++) await page.keyboard.press("Tab");
    expect(await hasFocus(chart)).toBe(true);
    expect(await description(page, chart)).toBe("Samma siffror finns i tabellen under diagrammet.");
    // The next stop is its table: the same figures in words, row by row.
    await page.keyboard.press("Tab");
    const region = page.getByRole("region", { name: `Tabell: ${title}` });
    expect(await hasFocus(region)).toBe(true);
    const rows = region.getByRole("table").getByRole("rowheader");
    expect(await rows.count()).toBeGreaterThan(0);
    await expectNoSeriousA11yViolations(page);

    const pdf = await downloaded(page, page.getByRole("link", { name: "Ladda ner PDF" }));
    expect(pdf.name).toBe(`arsrapport-${year}.pdf`);
    expect(pdf.bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const words = await pdfWords(new Uint8Array(pdf.bytes));
    expect(words).toContain(`Årsrapport ${year}`);
    expect(words).toContain(title);

    const xlsx = await downloaded(page, page.getByRole("link", { name: "Ladda ner XLSX" }));
    expect(xlsx.name).toBe(`arsrapport-${year}.xlsx`);
    // An XLSX is a zip: its first bytes are the local file header "PK\3\4".
    expect([...xlsx.bytes.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    expect(book.worksheets.length).toBeGreaterThan(0);
    expect(book.worksheets[0]!.getCell("A2").value).toContain(`Årsrapport ${year}`);
    expect(problems).toEqual([]);
  });
});
