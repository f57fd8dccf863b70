import { beforeAll, describe, expect, it } from "vitest";
import { stockholmDate } from "../../../shared/calendar.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import { buildUser, buildWorkedCase, login, type Session } from "../../testing/factories.ts";
import { type ConferenceWorker, useConferenceWorld } from "../../testing/risk-conference-world.ts";

/*
 * A risk conference's action plan and its refusals (issue 18, item 8): an action on its
 * owner's Att göra, naming the case only to one who may see it, done from the version seen;
 * another's conference or an unknown action answers 404, audited.
 */
describe.each(testDatabaseKinds)("a risk conference's actions and refusals (%s)", (kind) => {
  const database = useTestDatabase(kind);
  const today = stockholmDate(new Date());
  const world = useConferenceWorld(database, today);
  const { req, conference } = world;
  let w: ConferenceWorker;
  beforeAll(() => {
    w = world.worker();
  });

  it("puts an action on its owner's Att göra, naming the case only to one who may see it", async () => {
    const { id, caseId } = await conference();
    const owner = database().owner;
    const outsider = await buildUser(owner, w.orgId, [{ unitId: w.unitId, role: "caseworker" }]);
    const outsiderSession = await login(world.app(), outsider.username);
    const missingOwner = await req("POST", `/api/risk-conferences/${id}/actions`, {
      description: "Ring",
      dueOn: today,
    });
    expect(missingOwner.statusCode).toBe(400);
    const mine = await req("POST", `/api/risk-conferences/${id}/actions`, {
      description: "Ring henne",
      ownerUserId: w.userId,
      dueOn: today,
    });
    expect(mine.statusCode).toBe(201);
    await req("POST", `/api/risk-conferences/${id}/actions`, {
      description: "Kontakta skolan",
      ownerUserId: outsider.id,
      dueOn: "2026-01-02",
    });
    const lines = async (s: Session) =>
      (
        (await req("GET", "/api/worklist?scope=mine", undefined, s)).json().items as {
          kind: string;
          caseId: string | null;
          reference: string | null;
          personName: string | null;
          status: string;
          responsible: unknown[];
        }[]
      ).filter((i) => i.kind === "conference_action");
    const workerLines = await lines(w.session);
    const reference = (
      await owner
        .selectFrom("case")
        .select("reference")
        .where("id", "=", caseId)
        .executeTakeFirstOrThrow()
    ).reference;
    expect(workerLines.filter((l) => l.caseId === caseId)).toMatchObject([
      { reference, status: "due_soon" },
    ]);
    const outsiderLines = await lines(outsiderSession);
    expect(outsiderLines).toEqual([
      {
        kind: "conference_action",
        caseId: null,
        reference: null,
        personName: null,
        subject: {
          type: "conference_action",
          id: expect.any(String),
          title: `Åtgärd från riskkonferens ${today}`,
        },
        status: "overdue",
        responsible: [{ userId: outsider.id, displayName: expect.any(String) }],
        due: expect.any(String),
        dueDate: "2026-01-02",
        lastDay: null,
      },
    ]);
    expect(JSON.stringify(outsiderLines)).not.toContain("Kontakta skolan");
    expect(JSON.stringify(outsiderLines)).not.toContain(caseId);

    const action = mine
      .json()
      .actions.find((x: { description: string }) => x.description === "Ring henne");
    const done = await req("PATCH", `/api/risk-conference-actions/${action.id}`, {
      version: 1,
      done: true,
      notes: "Klart.",
    });
    expect(done.statusCode).toBe(200);
    expect(done.json().actions.find((x: { id: string }) => x.id === action.id)).toMatchObject({
      doneOn: today,
      notes: "Klart.",
      version: 2,
    });
    expect((await lines(w.session)).filter((l) => l.caseId === caseId)).toEqual([]);
    const stale = await req("PATCH", `/api/risk-conference-actions/${action.id}`, {
      version: 1,
      done: false,
    });
    expect(stale.statusCode).toBe(409);
  });

  it("answers another's conference and an unknown one with 404, audited", async () => {
    const { id } = await conference();
    const other = await buildWorkedCase(world.app(), database().owner);
    const theirs = await req("GET", `/api/risk-conferences/${id}`, undefined, other.session);
    expect(theirs.statusCode).toBe(404);
    const unknown = await req(
      "PATCH",
      `/api/risk-conference-actions/${crypto.randomUUID()}`,
      { version: 1, done: true },
      other.session,
    );
    expect(unknown.statusCode).toBe(404);
    const denied = await database()
      .owner.selectFrom("audit_event")
      .select("action")
      .where("actor_user_id", "=", other.userId)
      .where("outcome", "=", "denied")
      .execute();
    expect(denied.map((d) => d.action)).toEqual(
      expect.arrayContaining(["risk_conference.read", "risk_conference.action_update"]),
    );
    const read = await req("GET", `/api/risk-conferences/${id}`);
    expect(read.statusCode).toBe(200);
    const events = await database()
      .owner.selectFrom("audit_event")
      .select("data")
      .where("actor_user_id", "=", w.userId)
      .where("action", "=", "risk_conference.read")
      .execute();
    expect(events.some((e) => (e.data as { conferenceId?: string }).conferenceId === id)).toBe(
      true,
    );
  });
});
