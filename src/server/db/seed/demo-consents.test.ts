import { describe, expect, it } from "vitest";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import { seedDemo } from "./demo.ts";

/**
 * Sara Berg's Samverkan in the demo: one consent per recipient, and every disclosure and
 * SIP agency of hers resting on that one — not a consent of its own per demo part.
 */
describe.each(testDatabaseKinds)("the demo's consents to share (%s)", (kind) => {
  const database = useTestDatabase(kind);

  it("gives Sara Berg one consent per recipient, the one her disclosures and SIP rest on", async () => {
    const { owner } = database();
    await seedDemo(owner);
    const sara = await owner
      .selectFrom("case as c")
      .innerJoin("person as p", "p.id", "c.person_id")
      .select("c.id")
      .where("p.identity_number", "=", "198807049849")
      .executeTakeFirstOrThrow();
    const consents = await owner
      .selectFrom("consent as co")
      .innerJoin("agency as a", "a.id", "co.recipient_agency_id")
      .select(["co.id", "a.name"])
      .where("co.case_id", "=", sara.id)
      .where("co.scope", "=", "sharing")
      .orderBy("a.name")
      .execute();
    expect(consents.map((c) => c.name)).toEqual(["Vuxenpsykiatrin Demo", "Vårdcentralen Demo"]);
    const byAgency = new Map(consents.map((c) => [c.name, c.id]));

    const disclosures = await owner
      .selectFrom("disclosure as d")
      .innerJoin("agency as a", "a.id", "d.recipient_agency_id")
      .select(["a.name", "d.consent_id", "d.context_kind"])
      .where("d.case_id", "=", sara.id)
      .orderBy("a.name")
      .execute();
    expect(disclosures).toEqual([
      {
        name: "Vuxenpsykiatrin Demo",
        consent_id: byAgency.get("Vuxenpsykiatrin Demo"),
        context_kind: "referral",
      },
      {
        name: "Vårdcentralen Demo",
        consent_id: byAgency.get("Vårdcentralen Demo"),
        context_kind: "direct",
      },
    ]);

    const sipAgencies = await owner
      .selectFrom("coordinated_plan_agency as pa")
      .innerJoin("agency as a", "a.id", "pa.agency_id")
      .select(["a.name", "pa.consent_id"])
      .where("pa.case_id", "=", sara.id)
      .orderBy("a.name")
      .execute();
    expect(sipAgencies).toEqual([
      { name: "Vuxenpsykiatrin Demo", consent_id: byAgency.get("Vuxenpsykiatrin Demo") },
      { name: "Vårdcentralen Demo", consent_id: byAgency.get("Vårdcentralen Demo") },
    ]);
  });
});
