import ExcelJS from "exceljs";
import { getDocument, OPS } from "pdfjs-dist/legacy/build/pdf.mjs";
import { describe, expect, it } from "vitest";
import { pdfInfo, pdfWords } from "../../../testing/pdf.ts";
import { tableCsv, tablesOf } from "./csv.ts";
import { yearlyReportPdf } from "./pdf.ts";
import { hiddenSentinel, reportFixture } from "./report-fixture.ts";
import { sheetNames, yearlyReportXlsx } from "./xlsx.ts";

/*
 * The yearly report's files read back as their readers read them: the PDF by pdf.js, the
 * workbook by ExcelJS, the CSV split as Swedish Excel splits it. The fixture's hidden cells
 * carry a sentinel value the API never sends; no file may show it.
 */

const organisation = "Ekerö kommun";

/** Per page, the shapes filled (bars and legend squares): pdfkit's rect + fill. */
async function filledShapesPerPage(bytes: Buffer): Promise<number[]> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
  const counts: number[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const ops = await (await pdf.getPage(n)).getOperatorList();
    counts.push(
      ops.fnArray.filter(
        (fn, i) => fn === OPS.constructPath && (ops.argsArray[i] as unknown[])[0] === OPS.fill,
      ).length,
    );
  }
  await pdf.destroy();
  return counts;
}

/** A CSV as Swedish Excel reads it: BOM, CRLF lines, semicolons, quoted fields. */
function parseCsv(bytes: Buffer): string[][] {
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.subarray(3).toString("utf8");
  expect(text.endsWith("\r\n")).toBe(true);
  return text
    .slice(0, -2)
    .split("\r\n")
    .map((line) =>
      [...line.matchAll(/("(?:[^"]|"")*"|[^;]*)(;|$)/g)]
        .filter((m, i, all) => i < all.length - 1 || m[0] !== "")
        .map((m) => m[1]!.replace(/^"|"$/g, "").replaceAll('""', '"')),
    );
}

describe("the yearly report as a PDF", () => {
  it("has a title page, every section's sentences and tables, in the Unicode font", async () => {
    const bytes = await yearlyReportPdf({ organisation, report: reportFixture() });
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(bytes.toString("latin1")).not.toMatch(/Helvetica/);
    const words = await pdfWords(bytes);
    expect(words).toContain("Årsrapport 2026");
    expect(words).toContain("Organisation: Ekerö kommun");
    expect(words).toContain("Enheter: IFO Vuxen, Kriscentrum Łódź–Čáhppes");
    expect(words).toContain("Period: 2026-01-01 – 2026-12-31");
    // 09:30 UTC is 10:30 in Stockholm in December.
    expect(words).toContain("Framställd: 2026-12-06 10:30");
    // Read from the reporting replica: the paper says how fresh its figures were.
    expect(words).toContain("Uppgifterna gäller per: 2026-12-06 10:29");
    expect(words).toContain(
      "Nio personer med 13 medföljande minderåriga barn har varit aktuella för utredning under året.",
    );
    expect(words).toContain("Beviljade insatser efter insats och kön");
    expect(words).toContain("Akutlägenhet 2 – –");
    expect(words).toContain("Annan boendeform 6 5 11");
    expect(words).toContain("Summa 51 23 74");
    expect(words).toContain("Orosanmälningar 1 234 ..");
    expect(words).toContain("87,5 %");
    expect(words).toContain("4 380 000 kr");
    expect(words).toContain("Avslutade med målet helt eller delvis uppnått 8,1");
    expect(words).toContain("Rutin för att upptäcka tecken på våld Ja 2026-03-01");
    expect(words).toContain("– = färre än 5");
    expect(words).toContain(".. = uppgift saknas.");
    expect(words).toContain("Handlingsplanens uppföljning: Handlingsplanen är inte upprättad");
    expect(words).not.toContain(String(hiddenSentinel));
    expect(await pdfInfo(bytes)).toEqual({
      title: "Årsrapport 2026 – Ekerö kommun",
      subject: "Arbetet mot våld i nära relationer: uppföljning till socialnämnden",
    });
  });

  it("draws a bar for each figure shown and none for a hidden one", async () => {
    const report = reportFixture();
    // The decisions alone: Kvinnor 2, 12, 6, 31 and Män –, –, 5, 9 stacked, two legend squares.
    const decisions = report.sections.filter((s) => s.id === "decisions");
    const bytes = await yearlyReportPdf({
      organisation,
      report: { ...report, sections: decisions },
    });
    expect(await filledShapesPerPage(bytes)).toEqual([0, 6 + 2, 0]);
  });

  it("says when the report holds no section", async () => {
    const bytes = await yearlyReportPdf({
      organisation,
      report: reportFixture({ sections: [], omitted: [] }),
    });
    const words = await pdfWords(bytes);
    expect(words).toContain("Årsrapport 2026");
    expect(words).not.toContain("Innehåll");
  });
});

describe("the yearly report as a workbook", () => {
  it("has one sheet per table, named within Excel's rules, with the figures as numbers", async () => {
    const report = reportFixture();
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await yearlyReportXlsx(report)) as unknown as ArrayBuffer);
    const names = book.worksheets.map((s) => s.name);
    expect(names).toEqual([
      "Personer som varit aktuella för",
      "Beviljade insatser efter insats",
      "Förhandsbedömningar",
      "Förhandsbedömningar (2)",
      "Kolada vuxna per 10 000 invånar",
      "Öppna jämförelser aktuella ruti",
    ]);
    const decisions = book.getWorksheet("Beviljade insatser efter insats")!;
    expect(decisions.getCell("A1").value).toBe("Beviljade insatser efter insats och kön");
    expect(decisions.getCell("A2").value).toBe(
      "Årsrapport 2026, 2026-01-01 – 2026-12-31. Enheter: IFO Vuxen, Kriscentrum Łódź–Čáhppes",
    );
    const row = (n: number) => (decisions.getRow(n).values as unknown[]).slice(1);
    expect(row(3).slice(1)).toEqual(["Kvinnor", "Män", "Summa"]);
    expect(row(4)).toEqual(["Akutlägenhet", 2, "–", "–"]);
    expect(row(6)).toEqual(["Annan boendeform", 6, 5, 11]);
    expect(row(8)).toEqual(["Summa", 51, 23, 74]);
    expect(decisions.getRow(8).font?.bold).toBe(true);
    expect(decisions.getCell("B4").numFmt).toBe("#,##0");
    expect(row(10)).toEqual(["Beslut fattade under året; en person kan ha fått flera insatser."]);
    expect(row(11)[0]).toContain("– = färre än 5");

    const childTrack = book.getWorksheet("Förhandsbedömningar")!;
    expect(childTrack.getCell("C5").value).toBe(87.5);
    expect(childTrack.getCell("C5").numFmt).toBe('0.0" %"');
    expect(childTrack.getCell("C4").value).toBe("..");
    const costs = book.getWorksheet("Förhandsbedömningar (2)")!;
    expect(costs.getCell("C4").value).toBe(4_380_000);
    expect(costs.getCell("C4").numFmt).toBe('#,##0" kr"');
    expect(book.getWorksheet("Öppna jämförelser aktuella ruti")!.getCell("B4").value).toBe("Ja");

    for (const sheet of book.worksheets)
      sheet.eachRow((r) =>
        r.eachCell((c) => {
          expect(String(c.value)).not.toContain(String(hiddenSentinel));
        }),
      );
  });

  it("names sheets uniquely without regard to case, within 31 characters and Excel's characters", () => {
    const names = sheetNames([
      "Kostnad: per plats / månad [kr]?",
      "KOSTNAD: PER PLATS / MÅNAD [KR]?",
      "'Citat'",
      "***",
      "a".repeat(40),
      "A".repeat(40),
    ]);
    expect(names).toEqual([
      "Kostnad per plats månad kr",
      "KOSTNAD PER PLATS MÅNAD KR (2)",
      "Citat",
      "Tabell",
      "a".repeat(31),
      `${"A".repeat(27)} (2)`,
    ]);
    for (const name of names) expect(name.length).toBeLessThanOrEqual(31);
  });
});

describe("a table of the yearly report as CSV", () => {
  it("is the table for Swedish Excel: header, a line per row, decimal comma, marks", () => {
    const report = reportFixture();
    const byId = new Map(tablesOf(report).map((t) => [t.id, t]));
    expect(parseCsv(tableCsv(byId.get("decisions-by-intervention")!))).toEqual([
      ["Beviljade insatser efter insats och kön", "Kvinnor", "Män", "Summa"],
      ["Akutlägenhet", "2", "–", "–"],
      ["Skyddat boende", "12", "–", "–"],
      ["Annan boendeform", "6", "5", "11"],
      ["Stödsamtal", "31", "9", "40"],
      ["Summa", "51", "23", "74"],
    ]);
    expect(parseCsv(tableCsv(byId.get("child-track")!))).toEqual([
      ["Förhandsbedömningar", "Antal", "Inom 14 dagar"],
      ["Orosanmälningar", "1234", ".."],
      ["Förhandsbedömningar", "118", "87,5"],
    ]);
    expect(parseCsv(tableCsv(byId.get("open-comparisons")!))[2]).toEqual([
      "Stödsamtal till våldsutövare",
      "Nej",
      "Saknas",
    ]);
    for (const table of tablesOf(report))
      expect(tableCsv(table).toString("utf8")).not.toContain(String(hiddenSentinel));
  });
});
