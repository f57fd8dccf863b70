import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import {
  as,
  buildOrg,
  buildPerson,
  buildUnit,
  buildUser,
  login,
  type Session,
} from "../../testing/factories.ts";
import { race } from "../../testing/race.ts";

/*
 * "Gör aktualisering" clicked twice at once (two tabs, a double click): the contact row is
 * locked before its outcome is read, so one click makes the intake and the others get 409 —
 * never two intakes, two cases or a contact pointing at one of two.
 */
describe.each(testDatabaseKinds)("a contact made into an intake at once (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let unitId: string;
  let orgId: string;
  let worker: Session;
  let workerId: string;

  beforeAll(async () => {
    t = await buildTestApp(database());
    const { owner } = database();
    orgId = (await buildOrg(owner)).id;
    unitId = (await buildUnit(owner, orgId, "crisis_centre")).id;
    const user = await buildUser(owner, orgId, [{ unitId, role: "therapist" }]);
    workerId = user.id;
    worker = await login(t.app, user.username);
  });
  afterAll(() => t?.close());

  it("makes one intake: one 201, the rest 409", async () => {
    const made = await t.app.inject({
      method: "POST",
      url: "/api/service-contacts",
      headers: as(worker),
      payload: {
        kind: "phone_advice",
        channel: "phone",
        occurredAt: "2026-03-02T09:15:00+01:00",
        durationMinutes: 20,
        violenceKinds: ["physical"],
        topic: "Vill ha hjälp att flytta",
        summary: "Ringde och ville ansöka om skyddat boende.",
        outcome: "advice_given",
        course: { unitId, subject: { kind: "anonymous" }, sex: "female" },
      },
    });
    expect(made.statusCode, made.body).toBe(201);
    const contactId = made.json().contactId as string;
    const person = await buildPerson(database().owner, orgId, workerId);

    const outcome = await race(6, () =>
      t.app.inject({
        method: "POST",
        url: `/api/service-contacts/${contactId}/intake`,
        headers: as(worker),
        payload: {
          unitId,
          source: "the_person",
          kind: "application",
          askedAboutViolence: true,
          personId: person.id,
        },
      }),
    );
    expect(outcome.counts).toEqual({ 201: 1, 409: 5 });
    for (const lost of outcome.responses.filter((r) => r.statusCode === 409))
      expect(lost.json().error.message).toBe("Kontakten har redan blivit en aktualisering.");

    const { owner } = database();
    const intakes = await owner
      .selectFrom("intake")
      .select("id")
      .where("person_id", "=", person.id)
      .execute();
    expect(intakes).toHaveLength(1);
    const row = await owner
      .selectFrom("service_contact")
      .select(["outcome", "intake_id"])
      .where("id", "=", contactId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ outcome: "intake_made", intake_id: intakes[0]?.id });
  });
});
