import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import { as, buildWorkedCase, type Session } from "../../testing/factories.ts";

describe.each(testDatabaseKinds)("decisions on interventions (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let worker: Session;
  let caseId: string;

  beforeAll(async () => {
    t = await buildTestApp(database());
    ({ caseId, session: worker } = await buildWorkedCase(t.app, database().owner));
  });
  afterAll(() => t?.close());

  const decide = (body: object) =>
    t.app.inject({
      method: "POST",
      url: `/api/cases/${caseId}/decisions`,
      headers: as(worker),
      payload: body,
    });

  const mayDecide = async () =>
    (await t.app.inject({ method: "GET", url: `/api/cases/${caseId}`, headers: as(worker) })).json()
      .abilities.decide;

  it("is made once the case is under investigation, shows the legal basis, and a denial carries how to appeal", async () => {
    // The case page offers no decision before the matter is looked into, as the server refuses.
    expect(await mayDecide()).toBe(false);
    const early = await decide({
      interventionKind: "sheltered_housing",
      outcome: "granted",
      reasoning: "Akut skyddsbehov.",
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toBe(
      "Beslut fattas när ärendet är utrett eller under genomförande.",
    );
    await t.app.inject({
      method: "POST",
      url: `/api/cases/${caseId}/status`,
      headers: as(worker),
      payload: { to: "investigation" },
    });
    expect(await mayDecide()).toBe(true);

    const granted = await decide({
      interventionKind: "sheltered_housing",
      outcome: "granted",
      periodFrom: "2026-11-20",
      periodTo: "2026-12-20",
      reasoning: "Akut skyddsbehov.",
    });
    expect(granted.statusCode).toBe(201);
    expect(granted.json()).toMatchObject({
      interventionName: "Skyddat boende",
      legalReference: "SoL (2025:400) 9 kap. 6 §",
      oldLegalReference: "SoL (2001:453) 6 kap.",
      outcome: "granted",
      appealInfo: null,
    });
    const denied = await decide({
      interventionKind: "financial_aid",
      outcome: "denied",
      reasoning: "Inkomsten överstiger normen.",
    });
    expect(denied.json().appealInfo).toContain("förvaltningsrätten");
    expect(denied.json().appealInfo).toContain("inom tre veckor");

    const list = (
      await t.app.inject({
        method: "GET",
        url: `/api/cases/${caseId}/decisions`,
        headers: as(worker),
      })
    ).json().decisions;
    expect(list.map((d: { interventionKind: string }) => d.interventionKind)).toEqual([
      "financial_aid",
      "sheltered_housing",
    ]);
  });

  it("refuses a period that ends before it starts, and an unknown intervention", async () => {
    const backwards = await decide({
      interventionKind: "support_talks",
      outcome: "granted",
      periodFrom: "2026-12-01",
      periodTo: "2026-11-01",
      reasoning: "x",
    });
    expect(backwards.json().error.fields).toEqual({
      periodTo: "Slutdatum kan inte ligga före startdatum.",
    });
    const unknown = await decide({
      interventionKind: "teleport",
      outcome: "granted",
      reasoning: "x",
    });
    expect(unknown.json().error.fields.interventionKind).toBe("Välj ett av de tillåtna värdena.");
  });
});
