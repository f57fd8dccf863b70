import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stockholmDate } from "../../../shared/calendar.ts";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { buildAgency, buildSharingConsent } from "../../testing/collaboration.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import { as, buildCase, buildPerson, buildWorkedCase } from "../../testing/factories.ts";

/**
 * A consent or a SIP named through a case it is not in answers 404 like a case the caller may
 * not see — and the attempt is audited, though the command's own transaction is rolled back
 * (security review of issue 18: the trace went with it).
 */
describe.each(testDatabaseKinds)("a collaboration record named in another case (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let w: Awaited<ReturnType<typeof buildWorkedCase>>;
  let otherCaseId: string;
  let otherPersonId: string;

  beforeAll(async () => {
    t = await buildTestApp(database());
    w = await buildWorkedCase(t.app, database().owner);
    const person = await buildPerson(database().owner, w.orgId, w.userId);
    otherPersonId = person.id;
    otherCaseId = (
      await buildCase(database().owner, {
        orgId: w.orgId,
        unitId: w.unitId,
        personId: person.id,
        openedBy: w.userId,
      })
    ).id;
  });
  afterAll(() => t?.close());

  const denied = (action: string) =>
    database()
      .owner.selectFrom("audit_event")
      .select(["outcome", "resource_id"])
      .where("actor_user_id", "=", w.userId)
      .where("action", "=", action)
      .where("outcome", "=", "denied")
      .execute();

  it("refuses another case's consent with 404 and audits the attempt", async () => {
    const agencyId = await buildAgency(database().owner, { orgId: w.orgId, ownerId: w.userId });
    const consentId = await buildSharingConsent(database().owner, {
      orgId: w.orgId,
      caseId: otherCaseId,
      personId: otherPersonId,
      agencyId,
      recordedBy: w.userId,
    });
    const res = await t.app.inject({
      method: "POST",
      url: `/api/cases/${w.caseId}/sharing-consents/${consentId}/revoke`,
      headers: as(w.session),
      payload: { revokedOn: stockholmDate(new Date()), reason: "Prövar fel ärende." },
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toBe("Samtycket finns inte i ärendet.");
    expect(await denied("consent.revoke")).toEqual([{ outcome: "denied", resource_id: w.caseId }]);
  });

  it("refuses another case's SIP with 404 and audits the attempt", async () => {
    const planId = randomUUID();
    await database()
      .owner.insertInto("coordinated_plan")
      .values({
        id: planId,
        org_id: w.orgId,
        case_id: otherCaseId,
        person_id: otherPersonId,
        opened_on: "2026-11-02",
        created_by: w.userId,
        updated_by: w.userId,
      })
      .execute();
    const res = await t.app.inject({
      method: "GET",
      url: `/api/cases/${w.caseId}/coordinated-plans/${planId}`,
      headers: as(w.session),
    });
    expect(res.statusCode).toBe(404);
    expect(await denied("coordinated_plan.read")).toEqual([
      { outcome: "denied", resource_id: w.caseId },
    ]);
  });

  it("keeps a consent's givers in the consent's own case, in the database too", async () => {
    const agencyId = await buildAgency(database().owner, { orgId: w.orgId, ownerId: w.userId });
    const consentId = await buildSharingConsent(database().owner, {
      orgId: w.orgId,
      caseId: otherCaseId,
      personId: otherPersonId,
      agencyId,
      recordedBy: w.userId,
    });
    await expect(
      database()
        .owner.insertInto("consent_giver")
        .values({
          id: randomUUID(),
          org_id: w.orgId,
          consent_id: consentId,
          case_id: w.caseId,
          kind: "self",
          name: "Fel ärende",
          form: "oral",
          heard_by: w.userId,
          given_on: "2026-11-01",
          recorded_by: w.userId,
        })
        .execute(),
    ).rejects.toThrow(/consent_giver_same_case/);
  });
});
