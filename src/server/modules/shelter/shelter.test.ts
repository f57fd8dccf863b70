import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "../../../shared/calendar.ts";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import { as, type Session } from "../../testing/factories.ts";
import { buildShelterWorld, type ShelterWorld } from "../../testing/shelter-world.ts";

/** The stay commands of both sides (issue 16, item 6): the stay's own rules. */
describe.each(testDatabaseKinds)("checking a stay in and out, and its notes (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let w: ShelterWorld;

  beforeAll(async () => {
    t = await buildTestApp(database());
    w = await buildShelterWorld(t.app, database().owner);
  });
  afterAll(() => t?.close());

  const req = (who: Session, method: "GET" | "POST", url: string, payload?: object) =>
    t.app.inject({ method, url, headers: as(who), ...(payload ? { payload } : {}) });

  const segments = (stayId: string) =>
    database()
      .owner.selectFrom("stay_segment")
      .select(["from_on", "to_on"])
      .where("stay_id", "=", stayId)
      .orderBy("from_on")
      .execute();

  it("lets the shelter check her in once, on the day she came, which starts the stay's nights", async () => {
    const { staffA } = w.sessions;
    const s = await w.stay({});
    const arrivedOn = addDays(w.today, -1);
    const future = await req(staffA, "POST", `/api/stays/${s.id}/check-in`, {
      arrivedOn: addDays(w.today, 1),
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.fields.arrivedOn).toBe("Incheckningen kan inte ligga i framtiden.");
    const res = await req(staffA, "POST", `/api/stays/${s.id}/check-in`, { arrivedOn });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: s.id, arrivedOn, leftOn: null, version: 2 });
    expect(await segments(s.id)).toEqual([{ from_on: arrivedOn, to_on: null }]);
    const again = await req(w.sessions.worker, "POST", `/api/stays/${s.id}/check-in`, {
      arrivedOn,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe(`Vistelsen är redan incheckad (${arrivedOn}).`);
  });

  it("refuses to check in a cancelled stay", async () => {
    const s = await w.stay({});
    await database()
      .owner.updateTable("stay")
      .set({ cancelled_at: new Date() })
      .where("id", "=", s.id)
      .execute();
    const res = await req(w.sessions.worker, "POST", `/api/stays/${s.id}/check-in`, {
      arrivedOn: w.today,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe("Vistelsen är avbruten och kan inte checkas in.");
  });

  it("checks out only after check-in and not before it, and closes the open segment that day", async () => {
    const { staffA, worker } = w.sessions;
    const s = await w.stay({});
    const out = { leftOn: w.today, endReason: "own_housing" };
    const early = await req(staffA, "POST", `/api/stays/${s.id}/check-out`, out);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toBe("Vistelsen är inte incheckad ännu. Checka in först.");
    const arrivedOn = addDays(w.today, -2);
    await req(staffA, "POST", `/api/stays/${s.id}/check-in`, { arrivedOn });
    const before = await req(staffA, "POST", `/api/stays/${s.id}/check-out`, {
      ...out,
      leftOn: addDays(arrivedOn, -1),
    });
    expect(before.statusCode).toBe(400);
    expect(before.json().error.fields.leftOn).toBe(
      `Utcheckningen kan inte ligga före incheckningen (${arrivedOn}).`,
    );
    const badReason = await req(staffA, "POST", `/api/stays/${s.id}/check-out`, {
      ...out,
      endReason: "vanished",
    });
    expect(badReason.statusCode).toBe(400);
    // Where she went is the caseworker's to write: the shelter is told so, nothing is saved.
    const wentTo = await req(staffA, "POST", `/api/stays/${s.id}/check-out`, {
      ...out,
      wentTo: "Egen lägenhet i Göteborg",
    });
    expect(wentTo.statusCode).toBe(400);
    expect(wentTo.json().error.fields.wentTo).toBe(
      "Vart hon flyttade skriver handläggaren, inte boendet. Lämna fältet tomt.",
    );
    const done = await req(staffA, "POST", `/api/stays/${s.id}/check-out`, out);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ leftOn: w.today, endReason: "own_housing" });
    expect(await segments(s.id)).toEqual([{ from_on: arrivedOn, to_on: w.today }]);
    const twice = await req(worker, "POST", `/api/stays/${s.id}/check-out`, out);
    expect(twice.statusCode).toBe(409);
    const row = await database()
      .owner.selectFrom("stay")
      .select(["went_to", "end_reason"])
      .where("id", "=", s.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ went_to: null, end_reason: "own_housing" });
  });

  it("lets the caseworker write where she went, audited on her case as the placing side", async () => {
    const s = await w.stay({ arrivedOn: addDays(w.today, -5) });
    const res = await req(w.sessions.worker, "POST", `/api/stays/${s.id}/check-out`, {
      leftOn: w.today,
      endReason: "other_municipality",
      wentTo: "Skyddat boende i annan kommun",
    });
    expect(res.statusCode, res.body).toBe(200);
    const row = await database()
      .owner.selectFrom("stay")
      .select(["went_to", "org_id"])
      .where("id", "=", s.id)
      .executeTakeFirstOrThrow();
    // Sealed at rest (ADR 0022): stored as an envelope, opened to what she wrote.
    expect(row.went_to).toMatch(/^f1\./);
    expect(await database().cipher.open(row.org_id, "stay.went_to", row.went_to, s.id)).toBe(
      "Skyddat boende i annan kommun",
    );
    const event = await database()
      .owner.selectFrom("audit_event")
      .select(["resource_id", "person_id", "person_ids", "data"])
      .where("action", "=", "stay.check_out")
      .where("actor_user_id", "=", w.staffIds.worker)
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(event.resource_id).toBe(w.caseId);
    expect(event.person_id).toBe(w.adult.id);
    expect([...(event.person_ids ?? [])].sort()).toEqual(
      [w.adult.id, ...w.children.map((c) => c.id)].sort(),
    );
    expect(event.data).toEqual({ stayId: s.id, side: "case", endReason: "other_municipality" });
  });

  it("writes talks with a child about a child of the stay, read by both sides", async () => {
    const { staffA, worker } = w.sessions;
    const s = await w.stay({ arrivedOn: addDays(w.today, -3) });
    const url = `/api/stays/${s.id}/notes`;
    const talk = { kind: "child_talk", happenedOn: w.today, text: "Samtal med barnet om skolan." };
    const nobody = await req(staffA, "POST", url, talk);
    expect(nobody.statusCode).toBe(400);
    expect(nobody.json().error.fields.personId).toBe(
      "Välj vilket av barnen i vistelsen samtalet var med.",
    );
    const adult = await req(staffA, "POST", url, { ...talk, personId: w.adult.id });
    expect(adult.statusCode).toBe(400);
    const stranger = await req(staffA, "POST", url, {
      kind: "talk",
      personId: w.staffIds.worker,
      happenedOn: w.today,
      text: "Samtal.",
    });
    expect(stranger.json().error.fields.personId).toBe("Personen bor inte i den här vistelsen.");
    const child = w.children[0]!.id;
    const written = await req(staffA, "POST", url, { ...talk, personId: child });
    expect(written.statusCode, written.body).toBe(201);
    expect(written.json()).toMatchObject({
      kind: "child_talk",
      personId: child,
      happenedOn: w.today,
    });
    const incident = await req(worker, "POST", url, {
      kind: "incident",
      happenedOn: addDays(w.today, -1),
      text: "Okänd bil utanför på kvällen.",
    });
    expect(incident.statusCode, incident.body).toBe(201);
    for (const who of [staffA, worker]) {
      const list = await req(who, "GET", url);
      expect(list.statusCode).toBe(200);
      expect(list.json().notes.map((n: { kind: string }) => n.kind)).toEqual([
        "child_talk",
        "incident",
      ]);
    }
  });

  it("lets one of two check-outs sent at once win; the other is told it is done", async () => {
    const s = await w.stay({ arrivedOn: addDays(w.today, -4) });
    const out = { leftOn: w.today, endReason: "back_home" };
    const answers = await Promise.all([
      req(w.sessions.staffA, "POST", `/api/stays/${s.id}/check-out`, out),
      req(w.sessions.worker, "POST", `/api/stays/${s.id}/check-out`, out),
    ]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    expect(await segments(s.id)).toEqual([{ from_on: addDays(w.today, -4), to_on: w.today }]);
  });

  it("lets the shelter check her in and out after the placing case is closed; the caseworker must reopen it", async () => {
    const s = await w.stay({});
    const { owner } = database();
    const closed = await owner
      .selectFrom("case")
      .select(["status", "closed_reason"])
      .where("id", "=", w.caseId)
      .executeTakeFirstOrThrow();
    await owner
      .updateTable("case")
      .set({ status: "closed", closed_reason: "other" })
      .where("id", "=", w.caseId)
      .execute();
    try {
      const byWorker = await req(w.sessions.worker, "POST", `/api/stays/${s.id}/check-in`, {
        arrivedOn: w.today,
      });
      expect(byWorker.statusCode).toBe(409);
      expect(byWorker.json().error.message).toBe(
        "Ärendet är avslutat. Öppna det igen för att ändra vistelsen.",
      );
      const byShelter = await req(w.sessions.staffA, "POST", `/api/stays/${s.id}/check-in`, {
        arrivedOn: w.today,
      });
      expect(byShelter.statusCode, byShelter.body).toBe(200);
      // Reading the notes is no change: the caseworker still may.
      expect((await req(w.sessions.worker, "GET", `/api/stays/${s.id}/notes`)).statusCode).toBe(
        200,
      );
    } finally {
      await owner.updateTable("case").set(closed).where("id", "=", w.caseId).execute();
    }
  });
});
