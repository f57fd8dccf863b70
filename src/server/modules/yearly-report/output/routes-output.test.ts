import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stockholmDate } from "../../../../shared/calendar.ts";
import { buildTestApp, type TestApp } from "../../../testing/app.ts";
import { buildCrisisCentreWorld } from "../../../testing/child-work.ts";
import { testDatabaseKinds, useTestDatabase } from "../../../testing/databases.ts";
import {
  as,
  buildOrg,
  buildUnit,
  buildUser,
  login,
  type Session,
} from "../../../testing/factories.ts";
import { pdfWords } from "../../../testing/pdf.ts";

/*
 * The yearly report's files from the API: the crisis centre's therapist records a child's
 * work and three police reports in a year. Its manager (inside the unit) gets them exact in
 * the PDF, the workbook and the CSV; an analyst (the organisation) gets "–" in all three —
 * three is 1–4 — and no file of hers holds the 3. Each file is one audited read naming its
 * format; the query and rules are the report's.
 */
const year = Number(stockholmDate(new Date()).slice(0, 4)) - 1;
const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

describe.each(testDatabaseKinds)("the yearly report as files (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let w: Awaited<ReturnType<typeof buildCrisisCentreWorld>>;
  let analyst: Session;
  let stranger: { session: Session; unitId: string };

  const get = (session: Session | null, url: string) =>
    t.app.inject({ method: "GET", url, headers: session ? as(session) : {} });
  const post = async (session: Session, url: string, payload: object) => {
    const res = await t.app.inject({ method: "POST", url, headers: as(session), payload });
    if (res.statusCode >= 300) throw new Error(`${url}: ${res.body}`);
    return res.json();
  };
  const fileEvents = async () =>
    (
      await database()
        .owner.selectFrom("audit_event")
        .select(["outcome", "data"])
        .where("action", "=", "statistics.read")
        .orderBy("id")
        .execute()
    ).map((e) => ({ outcome: e.outcome, ...(e.data as { report: string; format?: string }) }));

  beforeAll(async () => {
    t = await buildTestApp(database());
    w = await buildCrisisCentreWorld(t.app, database().owner);
    const owner = database().owner;
    analyst = await login(
      t.app,
      (await buildUser(owner, w.orgId, [{ unitId: null, role: "analyst" }])).username,
    );
    const other = await buildOrg(owner);
    const otherUnit = await buildUnit(owner, other.id);
    stranger = {
      unitId: otherUnit.id,
      session: await login(
        t.app,
        (await buildUser(owner, other.id, [{ unitId: otherUnit.id, role: "unit_manager" }]))
          .username,
      ),
    };
    const { work } = await post(w.therapist, `/api/cases/${w.caseId}/child-work`, {
      personId: w.child.id,
      openedOn: `${year}-02-01`,
    });
    for (const reportedOn of ["02-02", "05-10", "11-30"])
      await post(w.therapist, `/api/child-work/${work.id}/police-reports`, {
        reportedOn: `${year}-${reportedOn}`,
        reporterKind: "own_unit",
        crimeCategory: "child_witness_crime",
      });
  }, 120_000);
  afterAll(() => t?.close());

  const crisis = () => `year=${year}&unitId=${w.crisisId}`;

  it("asks who is calling, explains a bad query, and refuses as the report does (audited)", async () => {
    for (const file of ["pdf?", "xlsx?", "csv?table=crisis-centre-children&"])
      expect((await get(null, `/api/reports/yearly/${file}year=${year}`)).statusCode).toBe(401);
    const badYear = await get(w.crisisManager, "/api/reports/yearly/pdf?year=förra");
    expect(badYear.statusCode).toBe(400);
    expect(badYear.json().error.fields.year).toBe("Ange året, t.ex. 2026.");
    const noTable = await get(w.crisisManager, `/api/reports/yearly/csv?${crisis()}`);
    expect(noTable.statusCode).toBe(400);
    expect(noTable.json().error.fields.table).toBe(
      "Ange tabellens id, t.ex. decisions-by-intervention.",
    );
    const unknown = await get(w.crisisManager, `/api/reports/yearly/csv?${crisis()}&table=ingen`);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields.table).toBe("Rapporten har ingen tabell med id ingen.");
    expect(
      (await get(w.crisisManager, `/api/reports/yearly/xlsx?${crisis()}&x=1`)).statusCode,
    ).toBe(400);

    const before = (await fileEvents()).length;
    expect((await get(w.therapist, `/api/reports/yearly/xlsx?${crisis()}`)).statusCode).toBe(403);
    const foreign = `/api/reports/yearly/pdf?year=${year}&unitId=${stranger.unitId}`;
    expect((await get(w.crisisManager, foreign)).statusCode).toBe(404);
    expect((await fileEvents()).slice(before).map((e) => e.outcome)).toEqual(["denied", "denied"]);
  });

  it("gives the unit's manager the exact figures in the PDF, the workbook and the CSV", async () => {
    const before = (await fileEvents()).length;
    const pdf = await get(w.crisisManager, `/api/reports/yearly/pdf?${crisis()}`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    expect(pdf.headers["content-disposition"]).toBe(
      `attachment; filename="arsrapport-${year}.pdf"`,
    );
    const words = await pdfWords(pdf.rawPayload);
    expect(words).toContain(`Årsrapport ${year}`);
    // Read from the primary: current, so no "as of" line, and the header says so.
    expect(pdf.headers["x-frid-data-as-of"]).toBe("primary");
    expect(words).not.toContain("Uppgifterna gäller per");
    expect(words).toContain("Statistik Kriscentrum för barn");
    expect(words).toContain("Antal aktuella barn 1 Polisanmälningar 3");

    const xlsx = await get(w.crisisManager, `/api/reports/yearly/xlsx?${crisis()}`);
    expect(xlsx.headers["content-type"]).toBe(xlsxType);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet("Statistik Kriscentrum för barn")!;
    const labels = sheet.getColumn(1).values;
    expect(sheet.getRow(labels.indexOf("Polisanmälningar")).getCell(2).value).toBe(3);

    const csv = await get(
      w.crisisManager,
      `/api/reports/yearly/csv?${crisis()}&table=crisis-centre-children`,
    );
    expect(csv.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(csv.headers["content-disposition"]).toBe(
      `attachment; filename="arsrapport-${year}-crisis-centre-children.csv"`,
    );
    expect(csv.body).toContain("\r\nPolisanmälningar;3\r\n");

    // One audited read per file, naming its format.
    expect((await fileEvents()).slice(before)).toEqual(
      ["pdf", "xlsx", "csv"].map((format) =>
        expect.objectContaining({ outcome: "allowed", report: "yearly", format }),
      ),
    );
  });

  it("never gives the analyst a hidden count, in any file", async () => {
    const q = `year=${year}`;
    const words = await pdfWords((await get(analyst, `/api/reports/yearly/pdf?${q}`)).rawPayload);
    expect(words).toContain("Antal aktuella barn – Polisanmälningar –");
    expect(words).toContain("– = färre än 5");

    const book = new ExcelJS.Workbook();
    await book.xlsx.load(
      (await get(analyst, `/api/reports/yearly/xlsx?${q}`)).rawPayload as unknown as ArrayBuffer,
    );
    const sheet = book.getWorksheet("Statistik Kriscentrum för barn")!;
    const labels = sheet.getColumn(1).values;
    expect(sheet.getRow(labels.indexOf("Polisanmälningar")).getCell(2).value).toBe("–");
    expect(sheet.getRow(labels.indexOf("Antal aktuella barn")).getCell(2).value).toBe("–");

    const csv = await get(analyst, `/api/reports/yearly/csv?${q}&table=crisis-centre-children`);
    expect(csv.body).toContain("\r\nPolisanmälningar;–\r\n");
    expect(csv.body).not.toMatch(/;3\r\n/);
  });
});
