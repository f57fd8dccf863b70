import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import { as, login } from "../../testing/factories.ts";
import { seedDemo } from "./demo.ts";
import { demoPassword } from "./demo-data.ts";

/**
 * The demo's referrals (issue 18, item 5) as Sara Berg's worker sees them: the police's
 * referral that became her intake, answered; and hers to Vuxenpsykiatrin Demo, with what was
 * disclosed for it, answered — nothing of hers left on Att göra for an answer.
 */
describe.each(testDatabaseKinds)("the demo's referrals (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;

  beforeAll(async () => {
    await seedDemo(database().owner);
    t = await buildTestApp(database());
  });
  afterAll(() => t?.close());

  it("shows Sara Berg's referral in from the police and out to psychiatry, both answered", async () => {
    const session = await login(t.app, "handlaggare2", demoPassword);
    const sara = await database()
      .owner.selectFrom("case as c")
      .innerJoin("person as p", "p.id", "c.person_id")
      .select("c.id")
      .where("p.identity_number", "=", "198807049849")
      .executeTakeFirstOrThrow();
    const res = await t.app.inject({
      method: "GET",
      url: `/api/cases/${sara.id}/referrals`,
      headers: as(session),
    });
    expect(res.statusCode, res.body).toBe(200);
    const referrals = res.json().referrals as {
      direction: string;
      agencyName: string;
      intakeId: string | null;
      answer: string | null;
      disclosures: { information: string }[];
    }[];
    expect(referrals.map((r) => [r.direction, r.agencyName, r.answer])).toEqual([
      ["out", "Vuxenpsykiatrin Demo", "accepted"],
      ["in", "Polisen, lokalpolisområde Demo", "accepted"],
    ]);
    expect(referrals[0]?.disclosures).toHaveLength(1);
    expect(referrals[1]?.intakeId).not.toBeNull();
  });
});
