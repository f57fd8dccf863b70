import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { addMonths } from "../../../shared/calendar.ts";
import { withActor } from "../../access/transaction.ts";
import { actorOf } from "../../testing/access-world.ts";
import { buildAgency } from "../../testing/collaboration.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import { buildOrg, buildUnit, buildUser } from "../../testing/factories.ts";
import { agreementFigures } from "./agreements.ts";

/*
 * The yearly figures of collaboration agreements (issue 18, item 2; the yearly report of
 * issue 20 calls them): agreements in force in the year, and Öppna jämförelser's "followed up
 * within 24 months" per kind — an agreement followed up 25 months before the year's end, or
 * one that has ended, does not count.
 */
describe.each(testDatabaseKinds)("agreement figures (%s)", (kind) => {
  const database = useTestDatabase(kind);

  it("counts agreements in force and says, per kind, whether one was followed up within 24 months", async () => {
    const { owner, db } = database();
    const orgId = (await buildOrg(owner)).id;
    const unitId = (await buildUnit(owner, orgId)).id;
    const manager = await buildUser(owner, orgId, [{ unitId, role: "unit_manager" }]);
    const police = await buildAgency(owner, {
      orgId,
      ownerId: manager.id,
      kind: "police",
      name: "Polisen",
    });
    const shelter = await buildAgency(owner, {
      orgId,
      ownerId: manager.id,
      kind: "voluntary_shelter",
      name: "Jouren",
    });
    const agreement = async (
      party: string,
      signedOn: string,
      endedOn: string | null,
      followUps: string[],
    ) => {
      const id = randomUUID();
      const last = followUps.at(-1) ?? null;
      await owner
        .insertInto("agreement")
        .values({
          id,
          org_id: orgId,
          unit_id: unitId,
          title: `Ö ${id.slice(0, 6)}`,
          areas: ["other"],
          goals: "Mål",
          signed_on: signedOn,
          last_followed_up_on: last,
          next_follow_up_on: addMonths(last ?? signedOn, 12),
          ended_on: endedOn,
          created_by: manager.id,
        })
        .execute();
      await owner
        .insertInto("agreement_party")
        .values({ agreement_id: id, agency_id: party, org_id: orgId })
        .execute();
      for (const on of followUps)
        await owner
          .insertInto("agreement_follow_up")
          .values({
            id: randomUUID(),
            org_id: orgId,
            agreement_id: id,
            followed_up_on: on,
            findings: "Fungerar.",
            next_follow_up_on: addMonths(on, 12),
            recorded_by: manager.id,
          })
          .execute();
    };
    // The police: followed up 25 months before the end of 2026 only — not within 24 months.
    await agreement(police, "2023-06-01", null, ["2024-11-30"]);
    // The shelter: followed up in 2025; another shelter agreement ended in 2025 (not in force in 2026).
    await agreement(shelter, "2024-02-01", null, ["2025-03-10"]);
    await agreement(shelter, "2022-01-01", "2025-06-30", ["2025-01-10"]);
    // Signed after 2026: not in force that year.
    await agreement(police, "2027-02-01", null, []);
    const actor = await actorOf(owner, manager.id);
    const figures = await withActor(db, actor, (trx) => agreementFigures(trx, 2026));
    expect(figures).toEqual({
      year: 2026,
      inForce: 2,
      followedUpWithin24Months: { voluntary_shelter: true, police: false },
    });
    const earlier = await withActor(db, actor, (trx) => agreementFigures(trx, 2025));
    expect(earlier).toEqual({
      year: 2025,
      inForce: 3,
      followedUpWithin24Months: { voluntary_shelter: true, police: true },
    });
  });
});
