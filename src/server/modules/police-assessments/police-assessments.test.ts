import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import { as, buildWorkedCase, type Session } from "../../testing/factories.ts";

describe.each(testDatabaseKinds)("the police's risk assessment (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let worker: Session;
  let caseId: string;

  beforeAll(async () => {
    t = await buildTestApp(database());
    ({ caseId, session: worker } = await buildWorkedCase(t.app, database().owner));
  });
  afterAll(() => t?.close());

  const record = (body: object) =>
    t.app.inject({
      method: "POST",
      url: `/api/cases/${caseId}/police-assessments`,
      headers: as(worker),
      payload: body,
    });
  const valid = {
    assessedOn: "2026-11-10",
    level: "Hög risk (Patriark/SARA enligt polisen)",
    consentGivenOn: "2026-11-12",
    consentForm: "written",
    consentReference: "Samtyckesblankett 2026-11-12, journal",
  };

  it("is recorded only with the consent it rests on, beside Frid's own", async () => {
    const noConsent = await record({ ...valid, consentReference: " " });
    expect(noConsent.statusCode).toBe(400);
    expect(noConsent.json().error.fields.consentReference).toContain("samtycket");
    const future = await record({ ...valid, consentGivenOn: "2099-01-01" });
    expect(future.json().error.fields.consentGivenOn).toContain("Samtycket");
    const ok = await record(valid);
    expect(ok.statusCode).toBe(201);
    expect(ok.json().policeAssessments).toMatchObject([
      { level: valid.level, consentForm: "written", consentReference: valid.consentReference },
    ]);
    const list = await t.app.inject({
      method: "GET",
      url: `/api/cases/${caseId}/police-assessments`,
      headers: as(worker),
    });
    expect(list.json().policeAssessments).toHaveLength(1);
  });

  it("answers another's case with 404", async () => {
    const other = await buildWorkedCase(t.app, database().owner);
    const res = await t.app.inject({
      method: "GET",
      url: `/api/cases/${caseId}/police-assessments`,
      headers: as(other.session),
    });
    expect(res.statusCode).toBe(404);
  });
});
