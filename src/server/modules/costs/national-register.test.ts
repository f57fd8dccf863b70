import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import { as, buildCase, type Session } from "../../testing/factories.ts";
import { buildHousingDecision } from "../../testing/housing.ts";
import { addresses, buildCostsWorld, type CostsWorld } from "./costs-world.ts";
import { registerColumns } from "./national-register.ts";

describe.each(testDatabaseKinds)(
  "children in sheltered housing for the national register (%s)",
  (kind) => {
    const database = useTestDatabase(kind);
    let t: TestApp;
    let w: CostsWorld;
    let child: { id: string; identity_number: string | null; birth_date: string | null };

    const file = (session: Session | null, year: string) =>
      t.app.inject({
        method: "GET",
        url: `/api/national-register/sheltered-housing-children.csv?year=${year}`,
        headers: session ? as(session) : {},
      });
    const rows = (body: Buffer) =>
      body
        .subarray(3)
        .toString("utf8")
        .split("\r\n")
        .filter(Boolean)
        .map((l) => l.split(";"));

    beforeAll(async () => {
      t = await buildTestApp(database());
      w = await buildCostsWorld(t.app, database().owner);
      const { owner } = database();
      // The first child has her own case and sheltered-housing decision under lag (2024:79);
      // the second has none recorded and is not reported.
      const childId = w.childIds[0] as string;
      child = await owner
        .selectFrom("person")
        .select(["id", "identity_number", "birth_date"])
        .where("id", "=", childId)
        .executeTakeFirstOrThrow();
      const childCase = await buildCase(owner, {
        orgId: w.orgId,
        unitId: w.unitA,
        personId: childId,
        openedBy: w.ids.worker,
      });
      const decision = await buildHousingDecision(owner, {
        orgId: w.orgId,
        caseId: childCase.id,
        decidedBy: w.ids.worker,
        decidedAt: "2024-01-29T09:00:00Z",
        placement: { basis: "court_2024_79" },
      });
      await owner
        .updateTable("stay_member")
        .set({ child_decision_id: decision.id })
        .where("stay_id", "=", w.stay)
        .where("person_id", "=", childId)
        .execute();
    });
    afterAll(() => t.app.close());

    it("answers 401 without a session and 400 for a year before the intervention existed", async () => {
      expect((await file(null, "2024")).statusCode).toBe(401);
      const early = await file(w.sessions.manager, "2023");
      expect(early.statusCode).toBe(400);
      expect(early.json().error.fields.year).toBe(
        "Ange ett år från 2024 (barn i skyddat boende som egen insats).",
      );
    });

    it("gives each placement of a child with her own decision, in the register's form", async () => {
      const res = await file(w.sessions.manager, "2024");
      expect(res.statusCode).toBe(200);
      expect(res.headers["content-type"]).toBe("text/csv; charset=utf-8");
      expect([...res.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const id = [child.identity_number, "personal_identity_number", child.birth_date];
      expect(rows(res.rawPayload)).toEqual([
        [...registerColumns],
        [
          ...id,
          "Skyddat boende",
          "Lag (2024:79)",
          "2024-01-29",
          "Skyddat boende",
          "Ideell organisation",
          "2024-01-30",
          "2024-02-10",
          "",
        ],
        [
          ...id,
          "Skyddat boende",
          "Lag (2024:79)",
          "2024-01-29",
          "Skyddat boende",
          "Ideell organisation",
          "2024-02-10",
          "2024-03-03",
          "Eget boende",
        ],
      ]);
      const text = res.rawPayload.toString("utf8");
      for (const secret of [...addresses, "Akutlägenhet Ek", "Skyddat boende Lind"])
        expect(text).not.toContain(secret);
      const [event] = await database()
        .owner.selectFrom("audit_event")
        .select(["person_ids", "data"])
        .where("action", "=", "national_register.export")
        .where("actor_user_id", "=", w.ids.manager)
        .execute();
      expect(event).toEqual({
        person_ids: [child.id],
        data: { year: 2024, rows: 2, reportedByHand: 0 },
      });
      expect(res.headers["x-frid-reported-by-hand"]).toBe("0");
    });

    it("gives nobody a child whose case they may not see, nor another year's", async () => {
      expect(rows((await file(w.sessions.workerB, "2024")).rawPayload)).toEqual([
        [...registerColumns],
      ]);
      expect(rows((await file(w.sessions.staff, "2024")).rawPayload)).toEqual([
        [...registerColumns],
      ]);
      expect(rows((await file(w.sessions.manager, "2025")).rawPayload)).toEqual([
        [...registerColumns],
      ]);
    });

    // Last: it gives the child fingerade personuppgifter.
    it("leaves out a child under fingerade personuppgifter and counts her placements for a report by hand", async () => {
      await database()
        .owner.updateTable("person")
        .set({ protection_level: "fictitious_identity" })
        .where("id", "=", child.id)
        .execute();
      const res = await file(w.sessions.manager, "2024");
      expect(res.statusCode).toBe(200);
      expect(rows(res.rawPayload)).toEqual([[...registerColumns]]);
      expect(res.rawPayload.toString("utf8")).not.toContain(child.identity_number as string);
      expect(res.headers["x-frid-reported-by-hand"]).toBe("2");
      const events = await database()
        .owner.selectFrom("audit_event")
        .select(["person_ids", "data"])
        .where("action", "=", "national_register.export")
        .where("actor_user_id", "=", w.ids.manager)
        .orderBy("id", "desc")
        .execute();
      expect(events[0]).toEqual({
        person_ids: [child.id],
        data: { year: 2024, rows: 0, reportedByHand: 2 },
      });
    });
  },
);
