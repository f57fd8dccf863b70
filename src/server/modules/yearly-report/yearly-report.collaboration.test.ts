import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { YearlyReport, YearlyReportTable } from "../../../shared/api/yearly-report.ts";
import { stockholmDate } from "../../../shared/calendar.ts";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { buildAgency, buildSharingConsent } from "../../testing/collaboration.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import { disclosureBody } from "../../testing/disclosures.ts";
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
 * The yearly report's disclosures, per recipient kind and ground, from disclosures made
 * through the API. Unit A: five to the police on a secrecy-breaking rule, one to a health
 * centre on the person's consent, one on a court's request to a court outside the register,
 * and one last year (not counted). Unit B: one to the police — the organisation's report only.
 */

const today = stockholmDate(new Date());
const year = Number(today.slice(0, 4));

describe.each(testDatabaseKinds)("the yearly report's disclosures (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let s: Record<"manager" | "analyst", Session>;
  let unitA: string;

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
    const police = await buildAgency(owner, { orgId: org.id, ownerId: worker.id, kind: "police" });
    const centre = await buildAgency(owner, { orgId: org.id, ownerId: worker.id });
    const caseIn = async (unitId: string, by: { id: string }) => {
      const personId = (await buildPerson(owner, org.id, by.id)).id;
      const c = await buildCase(owner, { orgId: org.id, unitId, personId, openedBy: by.id });
      return { caseId: c.id, personId };
    };
    const disclose = async (
      session: Session,
      c: { caseId: string; personId: string },
      agencyId: string | null,
      overrides: Record<string, unknown> = {},
    ) => {
      const res = await t.app.inject({
        method: "POST",
        url: `/api/cases/${c.caseId}/disclosures`,
        headers: as(session),
        payload: disclosureBody({
          personId: c.personId,
          agencyId,
          overrides: {
            disclosedOn: today,
            review: { reviewedAt: new Date(Date.now() - 60_000).toISOString(), conclusion: "Ok." },
            ...overrides,
          },
        }),
      });
      if (res.statusCode >= 300) throw new Error(res.body);
    };
    const w = await login(t.app, worker.username);
    const a = await caseIn(unitA, worker);
    for (let i = 0; i < 5; i++) await disclose(w, a, police);
    const consentId = await buildSharingConsent(owner, {
      orgId: org.id,
      ...a,
      agencyId: centre,
      recordedBy: worker.id,
      givenOn: `${year}-01-01`,
    });
    await disclose(w, a, centre, { ground: "consent", consentId, secrecyRule: null });
    await disclose(w, a, null, {
      ground: "court_request",
      secrecyRule: null,
      courtReference: "T 123-26",
    });
    await disclose(w, a, police, {
      disclosedOn: `${year - 1}-12-31`,
      review: { reviewedAt: `${year - 1}-12-30T08:00:00Z`, conclusion: "Ok." },
    });
    const wB = await login(t.app, workerB.username);
    await disclose(wB, await caseIn(unitB, workerB), police);
  });
  afterAll(() => t?.close());

  const disclosures = async (session: Session, q: string) => {
    const res = await t.app.inject({
      method: "GET",
      url: `/api/reports/yearly?year=${year}${q}`,
      headers: as(session),
    });
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as YearlyReport).sections
      .flatMap((x) => x.tables)
      .find((x) => x.id === "disclosures") as YearlyReportTable;
  };

  it("counts the unit's disclosures of the year exactly, by recipient kind and ground", async () => {
    const tb = await disclosures(s.manager, `&unitId=${unitA}`);
    expect(tb.columns.map((c) => c.label)).toEqual([
      "Samtycke",
      "Sekretessbrytande bestämmelse",
      "Begäran från domstol",
      "Totalt",
    ]);
    expect(tb.rows.map((r) => [r.label, ...r.cells.map((c) => c.value)])).toEqual([
      ["Polisen", 0, 5, 0, 5],
      ["Vårdcentral", 1, 0, 0, 1],
      ["Mottagare utanför aktörsregistret", 0, 0, 1, 1],
      ["Totalt", 1, 5, 1, 7],
    ]);
  });

  it("hides 1–4 and their complements in the organisation's report for an analyst", async () => {
    const tb = await disclosures(s.analyst, "");
    expect(tb.rows.map((r) => r.label)).toEqual([
      "Polisen",
      "Vårdcentral",
      "Mottagare utanför aktörsregistret",
      "Totalt",
    ]);
    const cells = tb.rows.flatMap((r) => r.cells);
    expect(cells.filter((c) => c.suppressed).length).toBeGreaterThanOrEqual(2);
    for (const c of cells) {
      if (c.suppressed) expect(c.value).toBeNull();
      else expect(c.value === null || c.value === 0 || (c.value as number) >= 5).toBe(true);
    }
    // The one unit B disclosure is in: the police's secrecy-rule count is six where shown.
    const police = tb.rows[0]?.cells[1];
    expect(police?.suppressed ? null : police?.value).toBe(police?.suppressed ? null : 6);
    for (const r of tb.rows) {
      const hidden = r.cells.filter((c) => c.suppressed).length;
      expect(hidden === 0 || hidden >= 2).toBe(true);
    }
  });
});
