import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import { as, buildWorkedCase, type Session } from "../../testing/factories.ts";
import { pdfInfo, pdfText, unicodeNames } from "../../testing/pdf.ts";
import { maxPrintedEntries } from "./print.ts";

/*
 * The journal printed for a period (issue 15): the signed entries of the days asked for,
 * oldest first, with date, kind, author and text; drafts never; names in any script; a
 * period that is not one answered with what is wrong; every print audited.
 */
describe.each(testDatabaseKinds)("the journal as a PDF (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let worker: Session;
  let world: Awaited<ReturnType<typeof buildWorkedCase>>;
  const url = (query: string) => `/api/cases/${world.caseId}/journal/pdf?${query}`;

  beforeAll(async () => {
    t = await buildTestApp(database());
    world = await buildWorkedCase(t.app, database().owner);
    worker = world.session;
    const [given, family] = unicodeNames.polish.split(" ");
    await database()
      .owner.updateTable("person")
      .set({ given_name: given as string, family_name: family as string })
      .where("id", "=", world.personId)
      .execute();
    const write = async (occurredAt: string, body: string, sign = true) => {
      const entry = (
        await req("POST", `/api/cases/${world.caseId}/journal`, {
          entryType: "home_visit",
          occurredAt,
          body,
        })
      ).json();
      if (sign) await req("POST", `/api/journal/${entry.id}/sign`);
    };
    await write("2026-10-31T23:30:00+01:00", "Före perioden.");
    await write("2026-11-01T00:15:00+01:00", `Hembesök. Tolken ${unicodeNames.arabic} var med.`);
    await write("2026-11-20T09:30:00+01:00", `Samtal med ${unicodeNames.sami}.`);
    await write("2026-11-21T10:00:00+01:00", "Utkast som ingen annan ser.", false);
    await write("2026-12-01T08:00:00+01:00", "Efter perioden.");
  });
  afterAll(() => t?.close());

  function req(method: "GET" | "POST", path: string, payload?: object) {
    return t.app.inject({
      method,
      url: path,
      headers: as(worker),
      ...(payload ? { payload } : {}),
    });
  }
  const prints = async (outcome: "allowed" | "denied") =>
    (
      await database()
        .owner.selectFrom("audit_event")
        .select("data")
        .where("resource_id", "=", world.caseId)
        .where("action", "=", "journal.print")
        .where("outcome", "=", outcome)
        .execute()
    ).map((e) => e.data);

  it("answers 401 without a session", async () => {
    const res = await t.app.inject({ method: "GET", url: url("from=2026-11-01&to=2026-11-30") });
    expect(res.statusCode).toBe(401);
  });

  it("answers a period that is not one with 400 and says what is wrong", async () => {
    const reversed = await req("GET", url("from=2026-11-30&to=2026-11-01"));
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().error.fields).toEqual({
      to: "Slutdatum kan inte ligga före startdatum.",
    });
    const bad = await req("GET", url("from=2026-11-31&to=2026-12-01"));
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields)).toEqual(["from"]);
    const missing = await req("GET", url("from=2026-11-01"));
    expect(missing.statusCode).toBe(400);
    expect(Object.keys(missing.json().error.fields)).toEqual(["to"]);
  });

  it("prints the period's signed entries oldest first, with date, kind, author and text, and is audited", async () => {
    const res = await req("GET", url("from=2026-11-01&to=2026-11-30"));
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    expect(res.headers["content-disposition"]).toBe(
      `attachment; filename="journal-${await caseRef()}-2026-11-01-2026-11-30.pdf"`,
    );
    const text = await pdfText(res.rawPayload);
    expect(text).toContain(unicodeNames.polish);
    expect(text).toContain(unicodeNames.arabic);
    expect(text).toContain(`Samtal med ${unicodeNames.sami}.`);
    expect(text).toContain("Journal 2026-11-01 – 2026-11-30");
    expect(text).toContain("2 signerade anteckningar, äldst först.");
    // The day is Stockholm's: 00:15 on the first belongs to it, 23:30 the night before not.
    expect(text).toContain("2026-11-01 00:15, Hembesök");
    expect(text.indexOf("2026-11-01 00:15")).toBeLessThan(text.indexOf("2026-11-20 09:30"));
    expect(text).toMatch(/Skriven av Användare \S+\. Signerad \d{4}-\d\d-\d\d \d\d:\d\d\./);
    expect(text).not.toContain("Före perioden.");
    expect(text).not.toContain("Efter perioden.");
    expect(text).not.toContain("Utkast som ingen annan ser.");
    expect(await prints("allowed")).toContainEqual({
      from: "2026-11-01",
      to: "2026-11-30",
      entries: 2,
    });
  });

  it("under a fictitious identity names nobody and carries no case reference: page, metadata, file name", async () => {
    const reference = await caseRef();
    const res = await underFictitiousIdentity(() =>
      req("GET", url("from=2026-11-01&to=2026-11-30")),
    );
    expect(res.statusCode).toBe(200);
    // The reference beside the invented identity would tie it to the real file (shownReference).
    expect(res.headers["content-disposition"]).toBe(
      'attachment; filename="journal-2026-11-01-2026-11-30.pdf"',
    );
    const text = await pdfText(res.rawPayload);
    expect(text).toContain(`Samtal med ${unicodeNames.sami}.`);
    expect(text).not.toContain(reference);
    expect(text).not.toContain(unicodeNames.polish);
    expect(text).not.toContain("Diarienummer");
    expect((await pdfInfo(res.rawPayload)).subject).toBe("Journal");
  });

  it("refuses a period with more entries than one document holds, and says to choose a shorter one", async () => {
    const day = new Date("2025-03-01T10:00:00+01:00").getTime();
    await database()
      .owner.insertInto("journal_entry")
      .values(
        Array.from({ length: maxPrintedEntries + 1 }, (_, n) => ({
          id: randomUUID(),
          org_id: world.orgId,
          case_id: world.caseId,
          author_id: world.userId,
          entry_type: "phone",
          occurred_at: new Date(day + n * 60_000),
          body: `Samtal ${n}.`,
          signed_at: new Date(day + n * 60_000),
        })),
      )
      .execute();
    const res = await req("GET", url("from=2025-03-01&to=2025-03-31"));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe(
      "Perioden har fler än 1\u00a0000 signerade anteckningar. Välj en kortare period.",
    );
    const day1 = await req("GET", url("from=2025-03-01&to=2025-03-01"));
    expect(day1.statusCode).toBe(200);
  });

  it("answers someone else's case with 404 and records the attempt", async () => {
    const other = await buildWorkedCase(t.app, database().owner);
    const before = (await prints("denied")).length;
    const res = await t.app.inject({
      method: "GET",
      url: url("from=2026-11-01&to=2026-11-30"),
      headers: as(other.session),
    });
    expect(res.statusCode).toBe(404);
    expect(await prints("denied")).toHaveLength(before + 1);
  });

  /** Runs `read` while her protection level is fingerade personuppgifter, then restores it. */
  async function underFictitiousIdentity<T>(read: () => Promise<T>): Promise<T> {
    const level = (protection_level: "fictitious_identity" | "none") =>
      database()
        .owner.updateTable("person")
        .set({ protection_level })
        .where("id", "=", world.personId)
        .execute();
    await level("fictitious_identity");
    try {
      return await read();
    } finally {
      await level("none");
    }
  }

  async function caseRef() {
    const c = await database()
      .owner.selectFrom("case")
      .select("reference")
      .where("id", "=", world.caseId)
      .executeTakeFirstOrThrow();
    return c.reference;
  }
});
