import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { YearlyReport, YearlyReportTable } from "../../../shared/api/yearly-report.ts";
import { stockholmDate } from "../../../shared/calendar.ts";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import {
  as,
  buildOrg,
  buildPerson,
  buildUnit,
  buildUser,
  login,
  type Session,
} from "../../testing/factories.ts";

/*
 * Seed 003 (Ekerö's yearly report to its committee): "Nio personer med 13 medföljande
 * minderåriga barn har varit aktuella för utredning under året. Två av personerna har
 * beviljats boende i akutlägenhet, två personer i skyddat boende respektive annan
 * boendeform genom socialkontoret." — from records entered as the office's workers enter
 * them: an intake (an application, which opens the investigation) per person with the
 * children in the household, then the decisions. "respektive" is read as two in each
 * (summary.ts). Around them, what must not count: a request for information (no case), a
 * denial, other interventions, and a person of another unit.
 */

const year = Number(stockholmDate(new Date()).slice(0, 4));
const childrenPerPerson = [3, 2, 2, 1, 1, 1, 1, 1, 1]; // 13
const granted = [
  "emergency_flat",
  "emergency_flat",
  "sheltered_housing",
  "sheltered_housing",
  "other_housing",
  "other_housing",
  "support_talks",
];

describe.each(testDatabaseKinds)("Ekerö's sentence from the API up (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let s: Record<"worker" | "manager" | "analyst" | "workerB" | "admin" | "stranger", Session>;
  let ids: { unitA: string; unitB: string; foreignUnit: string; worker: string; manager: string };

  const call = async (
    session: Session | null,
    method: "GET" | "PUT" | "POST",
    url: string,
    payload?: object,
  ) =>
    t.app.inject({
      method,
      url,
      headers: session ? as(session) : {},
      ...(payload ? { payload } : {}),
    });
  const ok = async (session: Session, url: string, payload: object) => {
    const res = await call(session, "POST", url, payload);
    if (res.statusCode >= 300) throw new Error(`${url}: ${res.body}`);
    return res.json();
  };
  const intake = (
    session: Session,
    personId: string,
    unitId: string,
    children: number,
    kind = "application",
  ) =>
    ok(session, "/api/intakes", {
      personId,
      unitId,
      source: "the_person",
      channel: "phone",
      receivedAt: new Date(Date.now() - 60_000).toISOString(),
      askedAboutViolence: true,
      violenceAnswer: "Berättar om hot och slag.",
      interpreterNeeded: false,
      childrenInHousehold: children,
      ...(kind === "request_for_information"
        ? { kind, informationOnlyReason: "Ville bara ha information." }
        : {}),
    });
  const decide = (
    session: Session,
    caseId: string,
    interventionKind: string,
    outcome = "granted",
  ) =>
    ok(session, `/api/cases/${caseId}/decisions`, {
      interventionKind,
      outcome,
      reasoning: "Behovet är utrett.",
    });

  beforeAll(async () => {
    t = await buildTestApp(database());
    const { owner } = database();
    const org = await buildOrg(owner, "Ekerö kommun");
    const unitA = (await buildUnit(owner, org.id)).id;
    const unitB = (await buildUnit(owner, org.id)).id;
    const other = await buildOrg(owner);
    const foreignUnit = (await buildUnit(owner, other.id)).id;
    const user = async (unitId: string | null, role: string, orgId = org.id) =>
      buildUser(owner, orgId, [{ unitId, role } as never]);
    const worker = await user(unitA, "caseworker");
    const manager = await user(unitA, "unit_manager");
    const analyst = await user(null, "analyst");
    const workerB = await user(unitB, "caseworker");
    const admin = await user(null, "administrator");
    const stranger = await user(foreignUnit, "unit_manager", other.id);
    s = {
      worker: await login(t.app, worker.username),
      manager: await login(t.app, manager.username),
      analyst: await login(t.app, analyst.username),
      workerB: await login(t.app, workerB.username),
      admin: await login(t.app, admin.username),
      stranger: await login(t.app, stranger.username),
    };
    ids = { unitA, unitB, foreignUnit, worker: worker.id, manager: manager.id };
    const cases: string[] = [];
    for (const children of childrenPerPerson) {
      const person = await buildPerson(owner, org.id, worker.id);
      cases.push((await intake(s.worker, person.id, unitA, children)).case.id);
    }
    for (const [i, kind] of granted.entries()) await decide(s.worker, cases[i] as string, kind);
    await decide(s.worker, cases[7] as string, "financial_aid", "denied");
    await decide(s.worker, cases[2] as string, "emergency_flat", "denied");
    // Not investigated: a request for information opens no case.
    const asking = await buildPerson(owner, org.id, worker.id);
    await intake(s.worker, asking.id, unitA, 4, "request_for_information");
    // Another unit's person: not in unit A's report, in the organisation's.
    const elsewhere = await buildPerson(owner, org.id, workerB.id);
    const caseB = (await intake(s.workerB, elsewhere.id, unitB, 2)).case.id;
    await decide(s.workerB, caseB, "emergency_flat");
  });
  afterAll(() => t?.close());

  const report = async (session: Session, q: string) => {
    const res = await call(session, "GET", `/api/reports/yearly?year=${year}${q}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as YearlyReport;
  };
  const table = (r: YearlyReport, id: string) =>
    r.sections.flatMap((x) => x.tables).find((x) => x.id === id) as YearlyReportTable;
  const cell = (tb: YearlyReportTable, row: string, column: string) =>
    tb.rows.find((r) => r.id === row)?.cells[tb.columns.findIndex((c) => c.id === column)];

  it("gives Ekerö's sentence, word for word, for the unit's year", async () => {
    const r = await report(s.manager, `&unitId=${ids.unitA}`);
    expect(r.summary).toEqual([
      "Nio personer med 13 medföljande minderåriga barn har varit aktuella för utredning under året.",
      "Två av personerna har beviljats boende i akutlägenhet, två personer i skyddat boende respektive annan boendeform genom socialkontoret.",
    ]);
    expect(r).toMatchObject({ scope: "unit", suppressed: false, units: [{ id: ids.unitA }] });
    const persons = table(r, "persons-investigated");
    expect(persons.rows.map((x) => x.cells[0]?.value)).toEqual([9, 13]);
    expect(cell(persons, "persons", "count")?.link).toBe(
      "/?type=adult_victim&status=investigation",
    );
    const decisions = table(r, "decisions-by-intervention");
    expect(
      decisions.rows.find((x) => x.id === "emergency_flat")?.cells.map((c) => c.value),
    ).toEqual([2, 0, 1, 3]);
    expect(decisions.rows.find((x) => x.id === "total")?.cells.map((c) => c.value)).toEqual([
      7, 0, 2, 9,
    ]);
    const housing = table(r, "persons-granted-housing");
    expect(housing.rows.map((x) => [x.id, x.cells[0]?.value])).toEqual([
      ["emergency_flat", 2],
      ["sheltered_housing", 2],
      ["other_housing", 2],
    ]);
    // Her own units are the default: the same report without naming one.
    expect((await report(s.manager, "")).summary).toEqual(r.summary);
  });

  it("outside the unit hides 1–4 and a complement in every line with totals, and links nothing", async () => {
    const r = await report(s.analyst, "");
    expect(r).toMatchObject({ scope: "organisation", suppressed: true });
    expect(r.summary[0]).toBe(
      "Tio personer med 15 medföljande minderåriga barn har varit aktuella för utredning under året.",
    );
    expect(r.summary[1]).toBe(
      "Färre än fem av personerna har beviljats boende i akutlägenhet, färre än fem personer i skyddat boende och färre än fem i annan boendeform genom socialkontoret.",
    );
    const decisions = table(r, "decisions-by-intervention");
    const flat = decisions.rows.find((x) => x.id === "emergency_flat");
    expect(flat?.cells.map((c) => c.value)).toEqual([null, 0, null, null]);
    for (const row of decisions.rows) {
      const hidden = row.cells.filter((c) => c.suppressed).length;
      expect(hidden === 0 || hidden >= 2).toBe(true);
    }
    expect(
      r.sections
        .flatMap((x) => x.tables)
        .flatMap((x) => x.rows)
        .flatMap((x) => x.cells)
        .some((c) => c.link),
    ).toBe(false);
  });

  it("answers 401, 400, 403 and 404 as every endpoint does, each refusal audited", async () => {
    expect((await call(null, "GET", `/api/reports/yearly?year=${year}`)).statusCode).toBe(401);
    const bad = await call(s.manager, "GET", "/api/reports/yearly?year=tjugo&unitId=x");
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.year).toBe("Ange året, t.ex. 2026.");
    const denied = async (session: Session, q: string, status: number) => {
      const res = await call(session, "GET", `/api/reports/yearly?year=${year}${q}`);
      expect(res.statusCode, res.body).toBe(status);
    };
    await denied(s.worker, "", 403);
    await denied(s.manager, `&unitId=${ids.unitB}`, 403);
    await denied(s.manager, `&unitId=${ids.foreignUnit}`, 404);
    await denied(s.manager, `&unitId=${ids.unitA},${ids.foreignUnit}`, 404);
    const events = await database()
      .owner.selectFrom("audit_event")
      .select(["actor_user_id", "outcome", "resource_id", "data"])
      .where("action", "=", "statistics.read")
      .where("actor_user_id", "in", [ids.worker, ids.manager])
      .orderBy("id")
      .execute();
    const denials = events.filter((e) => e.outcome === "denied");
    expect(denials.map((e) => [e.actor_user_id, e.resource_id])).toEqual([
      [ids.worker, null],
      [ids.manager, ids.unitB],
      [ids.manager, ids.foreignUnit],
      [ids.manager, ids.foreignUnit],
    ]);
    expect(events.find((e) => e.outcome === "allowed")?.data).toEqual({
      report: "yearly",
      from: `${year}-01-01`,
      to: `${year}-12-31`,
      units: [ids.unitA],
    });
  });

  it("divides Kolada's figures by the adult population an administrator enters", async () => {
    const url = `/api/reports/adult-population/${year}`;
    expect((await call(s.manager, "PUT", url, { adults: 20000 })).statusCode).toBe(403);
    const zero = await call(s.admin, "PUT", url, { adults: 0 });
    expect(zero.statusCode).toBe(400);
    expect(zero.json().error.fields.adults).toBe("Antalet vuxna invånare måste vara minst 1.");
    expect((await call(s.admin, "PUT", url, { adults: 20000 })).json()).toMatchObject({
      year,
      adults: 20000,
    });
    expect((await call(s.manager, "GET", url)).json()).toMatchObject({ adults: 20000 });
    expect((await call(s.worker, "GET", url)).statusCode).toBe(403);
    const kolada = table(await report(s.manager, ""), "kolada");
    expect(kolada.rows.map((x) => x.cells.map((c) => c.value))).toEqual([
      [9, 4.5],
      [7, 3.5],
    ]);
  });
});
