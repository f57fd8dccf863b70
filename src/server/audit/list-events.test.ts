import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../testing/databases.ts";
import {
  as,
  buildCase,
  buildChildUnitTeam,
  buildPerson,
  recordReportOfConcern,
  type Session,
} from "../testing/factories.ts";

/**
 * The rule for lists (issue 12, item 3): one audit event per request, naming every person
 * (and case) shown, and the person's log review still finds it under each of them. A list
 * that wrote one event per row flooded the trail (968 events for one work-list read).
 */
describe.each(testDatabaseKinds)("one audit event per list request (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let team: Awaited<ReturnType<typeof buildChildUnitTeam>>;
  const cases: { id: string; personId: string }[] = [];
  const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();

  beforeAll(async () => {
    t = await buildTestApp(database());
    team = await buildChildUnitTeam(t.app, database().owner);
    // Three children whose preliminary assessments are due: on the work list and case list.
    for (let i = 0; i < 3; i++) {
      const reported = await recordReportOfConcern(t.app, database().owner, team, daysAgo(10));
      const row = await database()
        .owner.selectFrom("case")
        .select(["id", "person_id"])
        .where("id", "=", reported.case.id)
        .executeTakeFirstOrThrow();
      cases.push({ id: row.id, personId: row.person_id });
    }
  });
  afterAll(() => t?.close());

  const call = (s: Session, method: "GET" | "POST", url: string, payload?: object) =>
    t.app.inject({ method, url, headers: as(s), ...(payload ? { payload } : {}) });

  /** Every event the request wrote (the request id is in each event and in the answer). */
  async function eventsOf(res: LightMyRequestResponse) {
    const requestId = String(res.headers["x-request-id"]);
    return database()
      .owner.selectFrom("audit_event")
      .select(["id", "action", "person_id", "person_ids", "case_ids"])
      .where("request_id", "=", requestId)
      .execute();
  }

  /** The one event of the request; it names exactly these persons and cases. */
  async function expectOneEvent(
    res: LightMyRequestResponse,
    shown: { persons: string[]; cases?: string[] },
  ) {
    expect(res.statusCode).toBe(200);
    const events = await eventsOf(res);
    expect(events).toHaveLength(1);
    const [event] = events as [(typeof events)[number]];
    expect([...(event.person_ids ?? [])].sort()).toEqual([...new Set(shown.persons)].sort());
    if (shown.cases) {
      expect([...(event.case_ids ?? [])].sort()).toEqual([...new Set(shown.cases)].sort());
    }
    return event;
  }

  /**
   * The unit manager's review of each person named finds the list event, and names her as
   * the event's person only where she is (`eventPersonId`); otherwise she stands among the
   * persons the list showed. Never the others the list showed.
   */
  async function expectReviewFinds(
    eventId: number,
    personIds: string[],
    eventPersonId: string | null = null,
  ) {
    for (const personId of personIds) {
      const review = await call(team.manager, "GET", `/api/audit/persons/${personId}`);
      expect(review.statusCode).toBe(200);
      const events = review.json().events as {
        id: number;
        person: { id: string } | null;
        persons: { id: string }[];
      }[];
      const found = events.find((e) => e.id === eventId);
      expect(found, `the review of ${personId} lists event ${eventId}`).toBeDefined();
      const asPerson = eventPersonId === personId;
      expect(found?.person?.id ?? null).toBe(asPerson ? personId : null);
      expect(found?.persons.map((p) => p.id)).toEqual(asPerson ? [] : [personId]);
    }
  }

  it("the case list: one event naming every person and case shown", async () => {
    const res = await call(team.worker, "GET", "/api/cases?scope=mine");
    const shown = res.json().cases as { id: string; person: { id: string } }[];
    expect(shown.length).toBeGreaterThanOrEqual(3);
    const event = await expectOneEvent(res, {
      persons: shown.map((c) => c.person.id),
      cases: shown.map((c) => c.id),
    });
    expect(event.action).toBe("case.list");
    await expectReviewFinds(
      event.id,
      shown.map((c) => c.person.id),
    );
  });

  it("the manager's list of the unit's cases: one event", async () => {
    const res = await call(team.manager, "GET", "/api/cases?scope=all");
    const shown = res.json().cases as { id: string; person: { id: string } }[];
    expect(shown.length).toBeGreaterThanOrEqual(3);
    await expectOneEvent(res, {
      persons: shown.map((c) => c.person.id),
      cases: shown.map((c) => c.id),
    });
  });

  it("an empty list still leaves one event: the look happened", async () => {
    const res = await call(team.colleague, "GET", "/api/cases?scope=mine");
    expect(res.json().cases).toEqual([]);
    const event = await expectOneEvent(res, { persons: [], cases: [] });
    expect(event.action).toBe("case.list");
  });

  it("the work list: one event naming every person and case shown", async () => {
    const res = await call(team.worker, "GET", "/api/worklist?scope=mine");
    const items = res.json().items as { caseId: string }[];
    const shownCases = new Set(items.map((i) => i.caseId));
    for (const c of cases) expect(shownCases.has(c.id)).toBe(true);
    const shownPersons = cases.filter((c) => shownCases.has(c.id)).map((c) => c.personId);
    const event = await expectOneEvent(res, { persons: shownPersons, cases: [...shownCases] });
    expect(event.action).toBe("worklist.read");
    await expectReviewFinds(event.id, shownPersons);
  });

  it("a person search: one event naming every person found", async () => {
    const res = await call(team.worker, "POST", "/api/persons/search", { query: "Förnamn" });
    const found = res.json().persons as { id: string }[];
    expect(found.length).toBeGreaterThanOrEqual(3);
    const event = await expectOneEvent(res, { persons: found.map((p) => p.id) });
    expect(event.action).toBe("person.search");
    await expectReviewFinds(
      event.id,
      found.map((p) => p.id),
    );
  });

  it("a case's relatives: one event naming the case, its person and every relative", async () => {
    const c = cases[0] as (typeof cases)[number];
    const relatives = [
      await buildPerson(database().owner, team.orgId, team.workerId),
      await buildPerson(database().owner, team.orgId, team.workerId),
    ];
    // Each relative has a case of their own at the unit, so the manager may review them.
    for (const r of relatives) {
      await buildCase(database().owner, {
        orgId: team.orgId,
        unitId: team.unitId,
        personId: r.id,
        openedBy: team.workerId,
      });
    }
    for (const r of relatives) {
      const added = await call(team.worker, "POST", `/api/cases/${c.id}/relations`, {
        otherPersonId: r.id,
        kind: "sibling",
      });
      expect(added.statusCode).toBe(200);
    }
    const res = await call(team.worker, "GET", `/api/cases/${c.id}/relations`);
    const event = await expectOneEvent(res, {
      persons: relatives.map((r) => r.id),
      cases: [c.id],
    });
    expect(event.person_id).toBe(c.personId);
    // Her review names the relative among those shown, not as the case's person.
    await expectReviewFinds(event.id, [...relatives.map((r) => r.id), c.personId], c.personId);
  });

  it("the log review of a user: one event naming every person the review shows", async () => {
    await call(team.worker, "GET", "/api/cases?scope=mine");
    const res = await call(team.manager, "GET", `/api/audit/users/${team.workerId}`);
    const shown = res.json().events as {
      person: { id: string } | null;
      persons: { id: string }[];
    }[];
    const named = shown.flatMap((e) => [
      ...(e.person ? [e.person.id] : []),
      ...e.persons.map((p) => p.id),
    ]);
    for (const c of cases) expect(named).toContain(c.personId);
    const event = await expectOneEvent(res, { persons: named });
    expect(event.action).toBe("audit.review");
  });
});
