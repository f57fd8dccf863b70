import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { YearlyReport, YearlyReportTable } from "../../../shared/api/yearly-report.ts";
import { stockholmDate } from "../../../shared/calendar.ts";
import { safetyEmpowerment } from "../../../shared/instruments/builtin/outcome-measures.ts";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
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

/*
 * The yearly report's risk assessments, per instrument (its Swedish name) and per level the
 * professional judged, from assessments completed through the API. Unit A: six danger
 * assessments (five judged high, one low) and one screening; around them what must not count —
 * a draft, and an outcome measure (it follows change, not risk). Unit B: one danger assessment
 * judged very high, counted in the organisation's report only.
 */

const today = stockholmDate(new Date());
const year = Number(today.slice(0, 4));
const dangerNo = Object.fromEntries(
  [
    "more_often",
    "more_severe",
    "strangulation",
    "weapon_used",
    "threats_to_kill",
    "sexual_violence",
    "violence_in_pregnancy",
    "jealousy_control",
    "stalking",
    "separation",
    "contact_ban_broken",
    "access_to_weapons",
    "substance_use",
    "suicide_threats",
    "violent_to_others",
    "violence_against_children",
    "pregnant_now",
    "client_fears",
  ].map((id) => [id, "no"]),
);
const screeningNo = Object.fromEntries(
  ["afraid_of_someone", "hurt_by_someone", "threatened", "forced_sex", "children_exposed"].map(
    (id) => [id, "no"],
  ),
);
const outcomeAnswers = Object.fromEntries(
  safetyEmpowerment.sections.flatMap((s) => s.items).map((i) => [i.id, 3]),
);

describe.each(testDatabaseKinds)("the yearly report's risk assessments (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let s: Record<"manager" | "analyst", Session>;
  let unitA: string;

  const assess = async (
    session: Session,
    caseId: string,
    instrumentId: string,
    answers: object,
    judgements: Record<string, string> | null,
  ) => {
    const send = async (method: "POST" | "PUT", url: string, payload: object) => {
      const res = await t.app.inject({ method, url, headers: as(session), payload });
      if (res.statusCode >= 300) throw new Error(`${url}: ${res.body}`);
      return res.json();
    };
    const base = `/api/cases/${caseId}/assessments`;
    const a = await send("POST", base, { instrumentId });
    await send("PUT", `${base}/${a.id}`, { answers, assessedOn: today });
    // A draft stays a draft: not completed, not counted.
    if (judgements)
      await send("POST", `${base}/${a.id}/complete`, { judgements, reasons: "Skälen." });
  };

  beforeAll(async () => {
    t = await buildTestApp(database());
    const { owner } = database();
    const org = await buildOrg(owner);
    unitA = (await buildUnit(owner, org.id)).id;
    const unitB = (await buildUnit(owner, org.id)).id;
    const user = async (unitId: string | null, role: string) =>
      buildUser(owner, org.id, [{ unitId, role } as never]);
    const worker = await user(unitA, "caseworker");
    const workerB = await user(unitB, "caseworker");
    s = {
      manager: await login(t.app, (await user(unitA, "unit_manager")).username),
      analyst: await login(t.app, (await user(null, "analyst")).username),
    };
    const caseIn = async (unitId: string, by: { id: string }) =>
      (
        await buildCase(owner, {
          orgId: org.id,
          unitId,
          personId: (await buildPerson(owner, org.id, by.id)).id,
          openedBy: by.id,
        })
      ).id;
    const w = await login(t.app, worker.username);
    for (const level of ["high", "high", "high", "high", "high", "low"])
      await assess(w, await caseIn(unitA, worker), "danger_assessment", dangerNo, {
        risk: level,
      });
    const screened = await caseIn(unitA, worker);
    await assess(w, screened, "violence_screening", screeningNo, { risk: "further_assessment" });
    await assess(w, screened, "danger_assessment", dangerNo, null);
    await assess(w, screened, safetyEmpowerment.id, outcomeAnswers, { change: "better" });
    const wB = await login(t.app, workerB.username);
    await assess(wB, await caseIn(unitB, workerB), "danger_assessment", dangerNo, {
      risk: "very_high",
    });
  });
  afterAll(() => t?.close());

  const report = async (session: Session, q: string) => {
    const res = await t.app.inject({
      method: "GET",
      url: `/api/reports/yearly?year=${year}${q}`,
      headers: as(session),
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as YearlyReport;
  };
  const table = (r: YearlyReport, id: string) =>
    r.sections.flatMap((x) => x.tables).find((x) => x.id === id) as YearlyReportTable;
  const rowsOf = (tb: YearlyReportTable) =>
    tb.rows.map((r) => [r.label, r.cells[0]?.value ?? null, r.cells[0]?.suppressed ?? false]);

  it("counts the unit's completed assessments exactly, by instrument name and judged level", async () => {
    const r = await report(s.manager, `&unitId=${unitA}`);
    expect(r.suppressed).toBe(false);
    expect(rowsOf(table(r, "risk-assessments"))).toEqual([
      ["Farlighetsbedömning", 6, false],
      ["Frågor om våld", 1, false],
      ["Totalt", 7, false],
    ]);
    expect(rowsOf(table(r, "risk-levels"))).toEqual([
      ["Farlighetsbedömning: Låg", 1, false],
      ["Farlighetsbedömning: Medel", 0, false],
      ["Farlighetsbedömning: Hög", 5, false],
      ["Farlighetsbedömning: Mycket hög", 0, false],
      ["Frågor om våld: Inget som tyder på våld", 0, false],
      ["Frågor om våld: Behöver bedömas vidare", 1, false],
      ["Totalt", 7, false],
    ]);
  });

  it("hides 1–4 and their complements in the organisation's report for an analyst", async () => {
    const r = await report(s.analyst, "");
    expect(r.suppressed).toBe(true);
    expect(rowsOf(table(r, "risk-assessments"))).toEqual([
      ["Farlighetsbedömning", null, true],
      ["Frågor om våld", null, true],
      ["Totalt", 8, false],
    ]);
    expect(rowsOf(table(r, "risk-levels"))).toEqual([
      ["Farlighetsbedömning: Låg", null, true],
      ["Farlighetsbedömning: Medel", 0, false],
      ["Farlighetsbedömning: Hög", 5, false],
      ["Farlighetsbedömning: Mycket hög", null, true],
      ["Frågor om våld: Inget som tyder på våld", 0, false],
      ["Frågor om våld: Behöver bedömas vidare", null, true],
      ["Totalt", 8, false],
    ]);
  });
});
