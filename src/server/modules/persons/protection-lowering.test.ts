import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import { as, buildUnit, buildUser, buildWorkedCase, login } from "../../testing/factories.ts";
import { buildConsultation } from "../../testing/protection.ts";

/**
 * Lowering a person's protection is for a unit manager or protection officer of a unit that
 * holds one of her cases (issue 19, item 3) — not for anyone who holds that role somewhere:
 * a caseworker on her case who is protection officer in another unit is a caseworker here.
 */
describe.each(testDatabaseKinds)("who may lower a person's protection (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let w: Awaited<ReturnType<typeof buildWorkedCase>>;

  beforeAll(async () => {
    t = await buildTestApp(database());
    w = await buildWorkedCase(t.app, database().owner);
  });
  afterAll(() => t?.close());

  /** A user with these roles, assigned to w's case, logged in. */
  async function onHerCase(roles: Parameters<typeof buildUser>[2]) {
    const user = await buildUser(database().owner, w.orgId, roles);
    await database()
      .owner.insertInto("case_assignment")
      .values({ org_id: w.orgId, case_id: w.caseId, user_id: user.id, assigned_by: w.userId })
      .execute();
    return login(t.app, user.username);
  }
  const patch = (session: Awaited<ReturnType<typeof login>>, level: string) =>
    t.app.inject({
      method: "PATCH",
      url: `/api/persons/${w.personId}`,
      headers: as(session),
      payload: { protectionLevel: level },
    });

  it("refuses an officer of another unit, and lets the officer of her case's unit", async () => {
    expect((await patch(w.session, "protected_registration")).statusCode).toBe(200);
    const elsewhere = await buildUnit(database().owner, w.orgId);
    const officerElsewhere = await onHerCase([
      { unitId: w.unitId, role: "caseworker" },
      { unitId: elsewhere.id, role: "protection_officer" },
    ]);
    const read = await t.app.inject({
      method: "GET",
      url: `/api/persons/${w.personId}`,
      headers: as(officerElsewhere),
    });
    expect(read.json().abilities).toMatchObject({ lowerProtection: false });
    const refused = await patch(officerElsewhere, "none");
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toContain("skyddshandläggare");

    // The consultation lowering needs (issue 19, item 3; protection/officer.test.ts).
    await buildConsultation(database().owner, { ...w, kind: "lower_protection" });
    const officerHere = await onHerCase([{ unitId: w.unitId, role: "protection_officer" }]);
    const lowered = await patch(officerHere, "confidentiality_marking");
    expect(lowered.statusCode, lowered.body).toBe(200);
    expect(lowered.json()).toMatchObject({
      protectionLevel: "confidentiality_marking",
      abilities: { lowerProtection: true },
    });
  });
});
