import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import { as, buildUser, buildWorkedCase, login, type Session } from "../../testing/factories.ts";

/*
 * An organisation licensed for an official instrument loads it as JSON; its workers then
 * assess with it. A broken definition is refused with what is wrong; a published version
 * never changes.
 */
describe.each(testDatabaseKinds)("importing instruments (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let worker: Session;
  let admin: Session;
  let caseId: string;

  beforeAll(async () => {
    t = await buildTestApp(database());
    const world = await buildWorkedCase(t.app, database().owner);
    ({ caseId, session: worker } = world);
    const a = await buildUser(database().owner, world.orgId, [
      { unitId: null, role: "administrator" },
    ]);
    admin = await login(t.app, a.username);
  });
  afterAll(() => t?.close());

  const stalking = {
    id: "stalking_check",
    version: 1,
    name: "Förföljelse – kontrollfrågor",
    kind: "spj",
    caseTypes: ["adult_victim"],
    sourceNote: "Organisationens egen checklista för förföljelse, version 1.",
    sections: [
      {
        id: "pattern",
        title: "Mönster",
        items: [
          { id: "follows", type: "yes_no_unknown", label: "Följer efter?", required: true },
          { id: "messages", type: "yes_no_unknown", label: "Många meddelanden?", required: true },
        ],
      },
    ],
    scoring: [{ id: "yes", label: "Antal ja", kind: "count_yes" }],
    thresholds: [{ rule: "yes", atLeast: 2, level: "high" }],
    judgement: {
      levels: [
        { value: "low", label: "Låg" },
        { value: "high", label: "Hög" },
      ],
    },
  };
  const load = (session: Session, body: object) =>
    t.app.inject({
      method: "POST",
      url: "/api/admin/instruments",
      headers: as(session),
      payload: body,
    });

  it("refuses anyone but the administrator, and a broken definition with what is wrong in it", async () => {
    expect((await load(worker, stalking)).statusCode).toBe(403);
    const broken = await load(admin, {
      ...stalking,
      thresholds: [{ rule: "yes", atLeast: 2, level: "extreme" }],
    });
    expect(broken.statusCode).toBe(400);
    expect(JSON.stringify(broken.json().error)).toContain(
      "Tröskeln föreslår nivån extreme, som inte finns i bedömningen.",
    );
  });

  it("loads a definition its workers can then assess with; a published version never changes", async () => {
    const loaded = await load(admin, stalking);
    expect(loaded.statusCode).toBe(201);
    expect(loaded.json().outcome).toBe("stored");
    expect(loaded.json().instruments.map((i: { id: string }) => i.id)).toContain("stalking_check");
    const again = await load(admin, stalking);
    expect(again.statusCode).toBe(201);
    expect(again.json().outcome).toBe("already_there");
    const changed = await load(admin, { ...stalking, name: "Annat namn" });
    expect(changed.statusCode).toBe(409);
    expect(changed.json().error.message).toContain("högre versionsnummer");

    const offered = await t.app.inject({
      method: "GET",
      url: "/api/instruments?caseType=adult_victim",
      headers: as(worker),
    });
    expect(offered.json().instruments.map((i: { id: string }) => i.id)).toContain("stalking_check");
    const started = await t.app.inject({
      method: "POST",
      url: `/api/cases/${caseId}/assessments`,
      headers: as(worker),
      payload: { instrumentId: "stalking_check" },
    });
    expect(started.statusCode).toBe(201);
    expect(started.json().instrument).toEqual({
      id: "stalking_check",
      version: 1,
      name: "Förföljelse – kontrollfrågor",
    });
    // Version 2 is offered from now on; the assessment started on version 1 keeps it.
    const second = await load(admin, {
      ...stalking,
      version: 2,
      name: "Förföljelse – kontrollfrågor 2",
    });
    expect(second.statusCode).toBe(201);
    expect(second.json().outcome).toBe("stored");
    const now = await t.app.inject({
      method: "GET",
      url: "/api/instruments?caseType=adult_victim",
      headers: as(worker),
    });
    expect(
      now.json().instruments.find((i: { id: string }) => i.id === "stalking_check"),
    ).toMatchObject({ version: 2, name: "Förföljelse – kontrollfrågor 2" });
    const list = await t.app.inject({
      method: "GET",
      url: `/api/cases/${caseId}/assessments`,
      headers: as(worker),
    });
    expect(list.json().assessments).toHaveLength(1);
    expect(list.json().assessments[0].instrument).toEqual({
      id: "stalking_check",
      version: 1,
      name: "Förföljelse – kontrollfrågor",
    });
  });
});
