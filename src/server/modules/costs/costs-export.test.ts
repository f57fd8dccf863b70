import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import { as } from "../../testing/factories.ts";
import { addresses, buildCostsWorld, type CostsWorld } from "./costs-world.ts";
import { costReportCsv } from "./export.ts";

/** Reads a CSV as Swedish Excel writes it: semicolons, double quotes, CRLF. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ";") {
      row.push(field);
      field = "";
    } else if (ch === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += ch;
  }
  return rows;
}

describe.each(testDatabaseKinds)("the cost report as files (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let w: CostsWorld;

  const get = (url: string) =>
    t.app.inject({ method: "GET", url, headers: as(w.sessions.manager) });

  beforeAll(async () => {
    t = await buildTestApp(database());
    w = await buildCostsWorld(t.app, database().owner);
    const invoice = await t.app.inject({
      method: "POST",
      url: `/api/stays/${w.stay}/invoices`,
      headers: as(w.sessions.worker),
      payload: { periodFrom: "2024-02-10", periodTo: "2024-02-29", amount: 29010.5 },
    });
    expect(invoice.statusCode, invoice.body).toBe(201);
  });
  afterAll(() => t.app.close());

  it("writes an XLSX that reads back cell by cell, one sheet per table", async () => {
    const res = await get("/api/costs.xlsx?month=2024-02");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    expect(res.headers["content-disposition"]).toBe(
      'attachment; filename="kostnader-2024-02.xlsx"',
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(["Enheter", "Boenden", "Utförare"]);
    const values = (sheet: string) =>
      book
        .getWorksheet(sheet)!
        .getSheetValues()
        .slice(1)
        .map((row) => (Array.isArray(row) ? row.slice(1) : []));
    const figures = [
      "Nätter vuxna",
      "Nätter barn",
      "Beräknad kostnad (kr)",
      "Fakturerat (kr)",
      "Skillnad (kr)",
    ];
    expect(values("Boenden")).toEqual([
      ["Kostnader 2024-02"],
      ["Boende", "Utförare", ...figures],
      ["Akutlägenhet Ek", "Testkommun", 9, 18, 18000, 0, -18000],
      ["Skyddat boende Lind", "Kvinnojouren Frid", 20, 40, 29010, 29010.5, 0.5],
      ["Summa", "", 29, 58, 47010, 29010.5, -17999.5],
    ]);
    expect(values("Utförare")).toEqual([
      ["Kostnader 2024-02"],
      ["Utförare", ...figures],
      ["Kvinnojouren Frid", 20, 40, 29010, 29010.5, 0.5],
      ["Testkommun", 9, 18, 18000, 0, -18000],
      ["Summa", 29, 58, 47010, 29010.5, -17999.5],
    ]);
    const units = values("Enheter");
    expect(units[2]?.slice(1)).toEqual([29, 58, 47010, 29010.5, -17999.5]);
    expect(book.getWorksheet("Boenden")!.getCell("E3").numFmt).toBe("#,##0.00");
    // No address anywhere in the workbook, nor any person.
    const text = book.worksheets.flatMap((s) => s.getSheetValues().flat()).join(" ");
    for (const a of addresses) expect(text).not.toContain(a);
  });

  it("writes a CSV for Swedish Excel: BOM, semicolons, decimal comma", async () => {
    const res = await get("/api/costs.csv?month=2024-02");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect([...res.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(res.rawPayload.subarray(3).toString("utf8"));
    const head = [
      "Nätter vuxna",
      "Nätter barn",
      "Beräknad kostnad (kr)",
      "Fakturerat (kr)",
      "Skillnad (kr)",
    ];
    expect(rows.filter((r) => r[0] === "Tabell")).toEqual([
      ["Tabell", "Placerande enhet", "", ...head],
      ["Tabell", "Boende", "Utförare", ...head],
      ["Tabell", "Utförare", "", ...head],
    ]);
    expect(rows.filter((r) => r[0] === "Boenden")).toEqual([
      ["Boenden", "Akutlägenhet Ek", "Testkommun", "9", "18", "18000", "0", "-18000"],
      [
        "Boenden",
        "Skyddat boende Lind",
        "Kvinnojouren Frid",
        "20",
        "40",
        "29010",
        "29010,5",
        "0,5",
      ],
      ["Boenden", "Summa", "", "29", "58", "47010", "29010,5", "-17999,5"],
    ]);
    expect(rows[0]?.[0]).toBe("Tabell");
    expect(rows.filter((r) => r[0] === "Utförare").map((r) => r[1])).toEqual([
      "Kvinnojouren Frid",
      "Testkommun",
      "Summa",
    ]);
    const text = res.rawPayload.toString("utf8");
    for (const a of addresses) expect(text).not.toContain(a);
  });

  it("audits each download as one read of the report", async () => {
    const formats = await database()
      .owner.selectFrom("audit_event")
      .select("data")
      .where("action", "=", "cost_report.read")
      .where("actor_user_id", "=", w.ids.manager)
      .orderBy("id")
      .execute();
    expect(formats.map((e) => (e.data as { format: string }).format)).toEqual(["xlsx", "csv"]);
  });
});

describe("a CSV field", () => {
  it("quotes separators and quotes, and keeps a name from being read as a formula", () => {
    const report = {
      month: "2024-02",
      unitId: null,
      stays: 0,
      units: [],
      places: [],
      operators: [
        {
          operatorName: '=HYPERLINK("x")',
          adultNights: 0,
          childNights: 0,
          computed: 0,
          invoiced: 0,
        },
        { operatorName: "Jour; Nord", adultNights: 0, childNights: 0, computed: 0, invoiced: 0 },
      ],
      totals: { adultNights: 0, childNights: 0, computed: 0, invoiced: 0 },
    };
    const rows = parseCsv(costReportCsv(report).subarray(3).toString("utf8"));
    expect(rows.filter((r) => r[0] === "Utförare").map((r) => r[1])).toEqual([
      '\'=HYPERLINK("x")',
      "Jour; Nord",
      "Summa",
    ]);
  });
});
