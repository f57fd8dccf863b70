import { randomUUID } from "node:crypto";
import ExcelJS from "exceljs";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { YearlyReport, YearlyReportTable } from "../../../shared/api/yearly-report.ts";
import { stockholmDate } from "../../../shared/calendar.ts";
import { withReporting } from "../../access/transaction.ts";
import { actorOf } from "../../testing/access-world.ts";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { consultationBody } from "../../testing/consult.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import {
  as,
  buildCase,
  buildOrg,
  buildPerson,
  buildUnit,
  buildUser,
  login,
  type Session,
} from "../../testing/factories.ts";
import { buildPlace, buildStay } from "../../testing/housing.ts";
import { pdfWords } from "../../testing/pdf.ts";
import { buildEscalation } from "../../testing/risk-conferences.ts";

/*
 * The yearly report's risk conferences (Samverkan), consultations per unit (the crisis
 * centre's section) and stay costs per form of housing (the stays section), exact for the
 * manager of units A and C, hidden where small for an analyst of the organisation.
 *
 * Conferences, through the API (unit A): two held this year (3 actions, 2 done), one held
 * last year (1 action, done now), one referred without a meeting; and two actions recorded
 * straight into the table around New Year's Eve in Swedish time (23:30 on 31 December is last
 * year, 00:30 on 1 January this year). Unit B: one held this year, one action. Consultations,
 * through the API: six this year and one last year by crisis centre C, two by resource unit R.
 * Stays (factories, the costs module's prices): in A, a woman and a child ten nights at a flat
 * (1000 + 500 kr a night) then four at a shelter (1450.50 kr, children free); one adult at
 * another housing from 20 December last year to 5 January (four nights this year, 800 kr);
 * a cancelled stay. In B, one adult twenty nights at the shelter.
 */

const today = stockholmDate(new Date());
const year = Number(today.slice(0, 4));

describe.each(testDatabaseKinds)(
  "the yearly report's conferences, consultations and costs (%s)",
  (kind) => {
    const database = useTestDatabase(kind);
    let t: TestApp;
    let s: Record<"manager" | "analyst", Session>;
    const u = { a: "", b: "", c: "", r: "" };
    let managerId = "";

    beforeAll(async () => {
      t = await buildTestApp(database());
      const { owner } = database();
      const orgId = (await buildOrg(owner)).id;
      u.a = (await buildUnit(owner, orgId)).id;
      u.b = (await buildUnit(owner, orgId)).id;
      u.c = (await buildUnit(owner, orgId, "crisis_centre")).id;
      u.r = (await buildUnit(owner, orgId, "resource_function")).id;
      const user = (roles: { unitId: string | null; role: string }[]) =>
        buildUser(owner, orgId, roles as never);
      const workerA = await user([{ unitId: u.a, role: "caseworker" }]);
      const workerB = await user([{ unitId: u.b, role: "caseworker" }]);
      const manager = await user([
        { unitId: u.a, role: "unit_manager" },
        { unitId: u.c, role: "unit_manager" },
      ]);
      managerId = manager.id;
      s = {
        manager: await login(t.app, manager.username),
        analyst: await login(t.app, (await user([{ unitId: null, role: "analyst" }])).username),
      };
      const req = async (
        session: Session,
        method: "POST" | "PATCH",
        url: string,
        payload: object,
      ) => {
        const res = await t.app.inject({ method, url, headers: as(session), payload });
        if (res.statusCode >= 300) throw new Error(`${url}: ${res.body}`);
        return res.json();
      };
      const newCase = async (unitId: string, by: { id: string }) => {
        const personId = (await buildPerson(owner, orgId, by.id)).id;
        const c = await buildCase(owner, { orgId, unitId, personId, openedBy: by.id });
        return { caseId: c.id, personId };
      };

      /** A conference referred through the API, met on `meetingOn`, with actions, `done` done. */
      const conference = async (
        worker: { id: string; username: string },
        unitId: string,
        meetingOn: string | null,
        actions: number,
        done: number,
      ) => {
        const session = await login(t.app, worker.username);
        const { caseId } = await newCase(unitId, worker);
        await buildEscalation(owner, { orgId, caseId, recordedBy: worker.id, today });
        const referred = await req(session, "POST", `/api/cases/${caseId}/risk-conferences`, {
          secrecyRule: "serious_crime",
        });
        if (meetingOn)
          await req(session, "PATCH", `/api/risk-conferences/${referred.id}`, {
            version: 1,
            meetingOn,
          });
        let view = referred;
        for (let i = 0; i < actions; i++)
          view = await req(session, "POST", `/api/risk-conferences/${referred.id}/actions`, {
            description: `Åtgärd ${i + 1}`,
            ownerUserId: worker.id,
            dueOn: today,
          });
        for (const a of view.actions.slice(0, done))
          await req(session, "PATCH", `/api/risk-conference-actions/${a.id}`, {
            version: 1,
            done: true,
          });
        return { id: referred.id as string, caseId };
      };
      const first = await conference(workerA, u.a, `${year}-01-15`, 2, 1);
      await conference(workerA, u.a, `${year}-02-01`, 1, 1);
      await conference(workerA, u.a, `${year - 1}-12-01`, 1, 1);
      await conference(workerA, u.a, null, 0, 0);
      await conference(workerB, u.b, `${year}-03-01`, 1, 0);
      for (const createdAt of [`${year - 1}-12-31T22:30:00Z`, `${year - 1}-12-31T23:30:00Z`])
        await owner
          .insertInto("risk_conference_action")
          .values({
            id: randomUUID(),
            org_id: orgId,
            conference_id: first.id,
            case_id: first.caseId,
            description: "Inskriven vid årsskiftet",
            owner_user_id: workerA.id,
            due_on: `${year}-01-10`,
            created_by: workerA.id,
            created_at: new Date(createdAt),
          })
          .execute();

      const counsel = async (unitId: string, occurredAt: string[]) => {
        const staff = await user([{ unitId, role: "consultant" }]);
        const session = await login(t.app, staff.username);
        for (const at of occurredAt)
          await req(
            session,
            "POST",
            "/api/consultations",
            consultationBody(unitId, { occurredAt: at }),
          );
      };
      const months = ["01", "02", "03", "05", "08", "11"];
      await counsel(u.c, [
        ...months.map((m) => `${year}-${m}-10T09:30:00+01:00`),
        `${year - 1}-12-31T23:30:00+01:00`,
      ]);
      await counsel(u.r, [`${year}-04-10T09:30:00+02:00`, `${year}-06-10T09:30:00+02:00`]);

      const place = (
        kind: "emergency_flat" | "sheltered_housing" | "other_housing",
        adult: number,
        child: number,
      ) =>
        buildPlace(owner, {
          orgId,
          unitId: u.a,
          createdBy: workerA.id,
          kind,
          priceAdultOre: adult,
          priceChildOre: child,
        });
      const flat = (await place("emergency_flat", 100_000, 50_000)).id;
      const shelter = (await place("sheltered_housing", 145_050, 0)).id;
      const other = (await place("other_housing", 80_000, 40_000)).id;
      const stay = async (
        unitId: string,
        by: { id: string },
        children: number,
        segments: { placeId: string; fromOn: string; toOn: string | null; a: number; c: number }[],
        extra: { leftOn?: string; cancelled?: boolean },
      ) => {
        const c = await newCase(unitId, by);
        const childIds: string[] = [];
        for (let i = 0; i < children; i++) childIds.push((await buildPerson(owner, orgId)).id);
        await buildStay(owner, {
          orgId,
          caseId: c.caseId,
          adultId: c.personId,
          childIds,
          createdBy: by.id,
          segments: segments.map((g) => ({
            placeId: g.placeId,
            fromOn: g.fromOn,
            toOn: g.toOn,
            priceAdultOre: g.a,
            priceChildOre: g.c,
          })),
          ...extra,
        });
      };
      await stay(
        u.a,
        workerA,
        1,
        [
          { placeId: flat, fromOn: `${year}-03-01`, toOn: `${year}-03-11`, a: 100_000, c: 50_000 },
          { placeId: shelter, fromOn: `${year}-03-11`, toOn: null, a: 145_050, c: 0 },
        ],
        { leftOn: `${year}-03-15` },
      );
      await stay(
        u.a,
        workerA,
        0,
        [{ placeId: other, fromOn: `${year - 1}-12-20`, toOn: null, a: 80_000, c: 40_000 }],
        { leftOn: `${year}-01-05` },
      );
      await stay(
        u.a,
        workerA,
        2,
        [{ placeId: shelter, fromOn: `${year}-04-01`, toOn: null, a: 145_050, c: 0 }],
        { cancelled: true },
      );
      await stay(
        u.b,
        workerB,
        0,
        [{ placeId: shelter, fromOn: `${year}-05-01`, toOn: null, a: 145_050, c: 0 }],
        { leftOn: `${year}-05-21` },
      );
    });
    afterAll(() => t?.close());

    const report = async (session: Session, q: string) => {
      const res = await t.app.inject({
        method: "GET",
        url: `/api/reports/yearly?year=${year}${q}`,
        headers: as(session),
      });
      expect(res.statusCode, res.body).toBe(200);
      const tables = (res.json() as YearlyReport).sections.flatMap((x) =>
        x.tables.map((tb) => ({ section: x.id, ...tb })),
      );
      return (id: string) =>
        tables.find((x) => x.id === id) as YearlyReportTable & { section: string };
    };
    const values = (tb: YearlyReportTable) =>
      tb.rows.map((r) => [r.id, ...r.cells.map((c) => c.value)]);
    const inside = () => report(s.manager, `&unitId=${u.a},${u.c}`);

    it("counts the units' risk conferences held and actions agreed and done, exactly", async () => {
      const tb = (await inside())("risk-conferences");
      expect(tb.section).toBe("collaboration");
      expect(tb.rows.map((r) => [r.label, r.cells[0]?.value])).toEqual([
        ["Riskkonferenser hållna under året", 2],
        ["Åtgärder beslutade under året", 5],
        ["varav genomförda vid årets slut", 3],
      ]);
    });

    it("gives the consultations per unit of the report with a total, each unit's row linked to its log", async () => {
      const tb = (await inside())("consultations-per-unit");
      expect(tb.section).toBe("crisis-centre");
      expect(values(tb)).toEqual(
        expect.arrayContaining([
          [u.a, 0],
          [u.c, 6],
          ["total", 6],
        ]),
      );
      expect(tb.rows).toHaveLength(3);
      expect(tb.rows.find((r) => r.id === u.c)?.cells[0]?.link).toBe("/consultations");
      expect(tb.rows.find((r) => r.id === u.a)?.cells[0]?.link).toBeUndefined();
    });

    it("costs the year's stays per form of housing as the costs module does, nights as the stays table", async () => {
      const find = await inside();
      const tb = find("stay-costs");
      expect(tb.section).toBe("stays");
      expect(tb.columns.map((c) => [c.label, c.kind])).toEqual([
        ["Dygn, vuxna", "count"],
        ["Dygn, barn", "count"],
        ["Kostnad (kr)", "kronor"],
      ]);
      expect(values(tb)).toEqual([
        ["emergency_flat", 10, 10, 15000],
        ["sheltered_housing", 4, 4, 5802],
        ["other_housing", 4, 0, 3200],
        ["total", 18, 14, 24002],
      ]);
      expect(tb.rows[0]?.cells[2]?.link).toBe("/costs");
      const nights = find("stays-nights");
      expect(nights.rows.find((r) => r.id === "adult_nights")?.cells[0]?.value).toBe(18);
      expect(nights.rows.find((r) => r.id === "child_nights")?.cells[0]?.value).toBe(14);
    });

    it("hides 1–4 and their complements for an analyst, with no links, so no hidden cell comes back from totals", async () => {
      const find = await report(s.analyst, "");
      expect(find("risk-conferences").rows.map((r) => r.cells[0]?.value ?? null)).toEqual([
        null, // 3 held
        6,
        null, // 3 done
      ]);
      const consultations = find("consultations-per-unit");
      expect(consultations.rows.map((r) => r.id).sort()).toEqual(
        [u.a, u.b, u.c, u.r, "total"].sort(),
      );
      const costs = find("stay-costs");
      for (const tb of [consultations, costs]) {
        const cells = tb.rows.flatMap((r) => r.cells);
        expect(cells.every((c) => c.link === undefined)).toBe(true);
        for (const c of cells) if (c.suppressed) expect(c.value).toBeNull();
        // Each column shows all its cells or hides at least two: none is a total minus the rest.
        tb.columns.forEach((_, j) => {
          const hidden = tb.rows.filter((r) => r.cells[j]?.suppressed).length;
          expect(hidden === 0 || hidden >= 2).toBe(true);
        });
      }
      expect(consultations.rows.find((r) => r.id === u.r)?.cells[0]).toMatchObject({
        value: null,
        suppressed: true,
      });
      // Sheltered housing's four child nights and other housing's four adult nights are hidden,
      // and with them those rows' costs, which would give the nights back at a known price.
      const row = (id: string) => costs.rows.find((r) => r.id === id);
      expect(row("sheltered_housing")?.cells.map((c) => c.suppressed)).toEqual([
        expect.any(Boolean),
        true,
        true,
      ]);
      expect(row("other_housing")?.cells[0]?.suppressed).toBe(true);
      expect(row("other_housing")?.cells[2]?.suppressed).toBe(true);
      const shown = costs.rows.flatMap((r) => (r.cells[0]?.suppressed ? [] : [r.cells[0]?.value]));
      expect(shown).not.toContain(4);
    });

    it("puts the new tables in the PDF, the workbook (a sheet each) and a CSV each", async () => {
      const get = (session: Session, file: string) =>
        t.app.inject({
          method: "GET",
          url: `/api/reports/yearly/${file}`,
          headers: as(session),
        });
      const q = `year=${year}&unitId=${u.a},${u.c}`;
      const words = await pdfWords((await get(s.manager, `pdf?${q}`)).rawPayload);
      for (const title of [
        "Riskkonferenser och åtgärder",
        "Konsultationer per enhet",
        "Kostnad per boendeform",
      ])
        expect(words).toContain(title);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(
        (await get(s.manager, `xlsx?${q}`)).rawPayload as unknown as ArrayBuffer,
      );
      const sheet = book.getWorksheet("Kostnad per boendeform");
      const labels = sheet?.getColumn(1).values ?? [];
      const total = sheet?.getRow(labels.lastIndexOf("Totalt"));
      expect([2, 3, 4].map((i) => total?.getCell(i).value)).toEqual([18, 14, 24002]);
      const csv = await get(s.manager, `csv?${q}&table=risk-conferences`);
      expect(csv.body).toContain("\r\nRiskkonferenser hållna under året;2\r\n");
      const hidden = await get(s.analyst, `csv?year=${year}&table=risk-conferences`);
      expect(hidden.body).toContain("\r\nRiskkonferenser hållna under året;–\r\n");
      expect(hidden.body).toContain("\r\nÅtgärder beslutade under året;6\r\n");
    });
    it("lets the reporting role read the conferences' counted columns of the units reported on, no text", async () => {
      const actor = await actorOf(database().owner, managerId);
      const read = (statement: string) =>
        withReporting(
          database().db,
          actor,
          async (trx) => (await sql.raw(statement).execute(trx)).rows,
        );
      // Unit A's four conferences and six actions; unit B's are not the manager's to count.
      expect(await read("select count(*)::int as n from risk_conference")).toEqual([{ n: 4 }]);
      expect(await read("select count(*)::int as n from risk_conference_action")).toEqual([
        { n: 6 },
      ]);
      await expect(read("select agenda from risk_conference")).rejects.toThrow(/permission denied/);
      await expect(read("select description from risk_conference_action")).rejects.toThrow(
        /permission denied/,
      );
      await expect(read("select owner_user_id from risk_conference_action")).rejects.toThrow(
        /permission denied/,
      );
    });
  },
);
