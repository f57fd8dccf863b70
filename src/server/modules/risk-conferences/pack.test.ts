import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stockholmDate } from "../../../shared/calendar.ts";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { buildAgency, buildDisclosure, buildSharingConsent } from "../../testing/collaboration.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import { as, buildWorkedCase } from "../../testing/factories.ts";
import { buildEscalation } from "../../testing/risk-conferences.ts";

/**
 * An agency's conference pack shows what was disclosed to it, and only while the ground
 * holds (security review of issue 18): not the agenda, which is the workers' own text and
 * no disclosure, and not what was disclosed on a consent she has since revoked.
 */
describe.each(testDatabaseKinds)("a conference pack (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let w: Awaited<ReturnType<typeof buildWorkedCase>>;
  const today = stockholmDate(new Date());

  beforeAll(async () => {
    t = await buildTestApp(database());
    w = await buildWorkedCase(t.app, database().owner);
  });
  afterAll(() => t?.close());

  const req = (method: "GET" | "POST" | "PATCH" | "PUT", url: string, payload?: object) =>
    t.app.inject({ method, url, headers: as(w.session), ...(payload ? { payload } : {}) });

  it("leaves out the agenda, and a disclosure once its consent is revoked", async () => {
    const owner = database().owner;
    await buildEscalation(owner, { orgId: w.orgId, caseId: w.caseId, recordedBy: w.userId, today });
    const made = await req("POST", `/api/cases/${w.caseId}/risk-conferences`, {
      secrecyRule: "serious_crime",
    });
    expect(made.statusCode, made.body).toBe(201);
    const id = made.json().id as string;
    await req("PATCH", `/api/risk-conferences/${id}`, {
      version: 1,
      agenda: "Hon bor nu hos sin syster i Ekerö",
    });
    const agencyId = await buildAgency(owner, { orgId: w.orgId, ownerId: w.userId });
    expect(
      (await req("PUT", `/api/risk-conferences/${id}/agencies/${agencyId}`, {})).statusCode,
    ).toBe(200);
    const consentId = await buildSharingConsent(owner, {
      orgId: w.orgId,
      caseId: w.caseId,
      personId: w.personId,
      agencyId,
      recordedBy: w.userId,
    });
    const common = { orgId: w.orgId, caseId: w.caseId, personId: w.personId, agencyId };
    await buildDisclosure(owner, {
      ...common,
      recordedBy: w.userId,
      consentId,
      information: "Behov av samtalskontakt",
      context: { kind: "risk_conference", id },
    });
    await buildDisclosure(owner, {
      ...common,
      recordedBy: w.userId,
      information: "Polisanmälda händelser (grov brottslighet)",
      context: { kind: "risk_conference", id },
    });
    const pack = async () => {
      const res = await req("GET", `/api/risk-conferences/${id}/agencies/${agencyId}/pack`);
      expect(res.statusCode).toBe(200);
      return res.json();
    };
    const before = await pack();
    expect(JSON.stringify(before)).not.toContain("Ekerö");
    expect(before).not.toHaveProperty("agenda");
    expect(before.disclosures.map((d: { information: string }) => d.information).sort()).toEqual([
      "Behov av samtalskontakt",
      "Polisanmälda händelser (grov brottslighet)",
    ]);

    const revoked = await req(
      "POST",
      `/api/cases/${w.caseId}/sharing-consents/${consentId}/revoke`,
      {
        revokedOn: today,
        reason: "Vill inte att vården får veta mer.",
      },
    );
    expect(revoked.statusCode, revoked.body).toBe(200);
    const after = await pack();
    expect(after.disclosures.map((d: { information: string }) => d.information)).toEqual([
      "Polisanmälda händelser (grov brottslighet)",
    ]);
  });
});
