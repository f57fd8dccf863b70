import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import { as, buildWorkedCase, type Session } from "../../testing/factories.ts";

describe.each(testDatabaseKinds)("the investigation in sections (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let worker: Session;
  let caseId: string;

  beforeAll(async () => {
    t = await buildTestApp(database());
    ({ caseId, session: worker } = await buildWorkedCase(t.app, database().owner));
  });
  afterAll(() => t?.close());

  const req = (method: "GET" | "PUT" | "POST", url: string, payload?: object) =>
    t.app.inject({ method, url, headers: as(worker), ...(payload ? { payload } : {}) });

  it("is written only while the case is under investigation, in the adult's sections, and completed with a summary and an assessment", async () => {
    const empty = (await req("GET", `/api/cases/${caseId}/investigation`)).json();
    expect(empty).toMatchObject({ sections: {}, completedAt: null });
    expect(empty.sectionKeys).toEqual([
      "acute_needs",
      "short_and_long_term_needs",
      "nature_and_extent_of_violence",
      "risk_of_further_violence",
      "network",
      "children_in_household",
      "support_as_parent",
    ]);
    const early = await req("PUT", `/api/cases/${caseId}/investigation`, {
      sections: { acute_needs: "Behöver skyddat boende." },
    });
    expect(early.statusCode).toBe(409);

    await req("POST", `/api/cases/${caseId}/status`, { to: "investigation" });
    const wrong = await req("PUT", `/api/cases/${caseId}/investigation`, {
      sections: { childs_account: "x" },
    });
    expect(wrong.json().error.fields).toEqual({
      "sections.childs_account": "Avsnittet hör inte till den här typen av utredning.",
    });

    const saved = await req("PUT", `/api/cases/${caseId}/investigation`, {
      sections: {
        acute_needs: "Behöver skyddat boende i natt.",
        children_in_household: "Två barn, 5 och 8 år.",
      },
      childrenWitnessedViolence: true,
    });
    expect(saved.json()).toMatchObject({
      sections: { acute_needs: "Behöver skyddat boende i natt." },
      childrenWitnessedViolence: true,
    });

    const tooSoon = await req("POST", `/api/cases/${caseId}/investigation/complete`);
    expect(Object.keys(tooSoon.json().error.fields).sort()).toEqual(["assessment", "summary"]);
    await req("PUT", `/api/cases/${caseId}/investigation`, {
      sections: saved.json().sections,
      childrenWitnessedViolence: true,
      summary: "Våld av sambo sedan två år, eskalerande.",
      assessment: "Behov av skyddat boende och stödsamtal.",
    });
    const done = await req("POST", `/api/cases/${caseId}/investigation/complete`);
    expect(done.json().completedAt).toBeTruthy();
    expect(
      (await req("PUT", `/api/cases/${caseId}/investigation`, { sections: {} })).statusCode,
    ).toBe(409);
  });
});
