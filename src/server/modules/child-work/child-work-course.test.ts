import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stockholmDate } from "../../../shared/calendar.ts";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { buildCrisisCentreWorld } from "../../testing/child-work.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import { as, buildPerson, type Session } from "../../testing/factories.ts";
import { addServiceContact, buildServiceCourse } from "../../testing/service-contacts.ts";

const today = stockholmDate(new Date());

/*
 * A child's work as a service (no needs assessment, no case): in the child's own service
 * course, seen as the course is — its responsible worker, a worker of one of its contacts,
 * the unit's managers — and by nobody else, not even the unit's other workers.
 */
describe.each(testDatabaseKinds)("a child's work as a service (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let w: Awaited<ReturnType<typeof buildCrisisCentreWorld>>;
  let courseId: string;
  let identifiedCourseId: string;
  let childId: string;

  beforeAll(async () => {
    t = await buildTestApp(database());
    w = await buildCrisisCentreWorld(t.app, database().owner);
    const { owner } = database();
    courseId = await buildServiceCourse(owner, {
      orgId: w.orgId,
      unitId: w.crisisId,
      responsibleId: w.therapistId,
      firstName: "Alva",
    });
    childId = (await buildPerson(owner, w.orgId, w.therapistId)).id;
    identifiedCourseId = await buildServiceCourse(owner, {
      orgId: w.orgId,
      unitId: w.crisisId,
      responsibleId: w.therapistId,
      personId: childId,
    });
  });
  afterAll(() => t?.close());

  const call = (session: Session | null, method: "GET" | "POST", url: string, payload?: object) =>
    t.app.inject({
      method,
      url,
      headers: session ? as(session) : {},
      ...(payload ? { payload } : {}),
    });
  const path = (id: string) => `/api/service-courses/${id}/child-work`;

  it("asks who is calling", async () => {
    expect((await call(null, "GET", path(courseId))).statusCode).toBe(401);
    expect((await call(null, "POST", path(courseId), { openedOn: today })).statusCode).toBe(401);
  });

  it("opens the work in the child's course once, named by first name and birth year", async () => {
    const before = await call(w.therapist, "GET", path(courseId));
    expect(before.statusCode).toBe(200);
    expect(before.json()).toEqual({ work: null, mayOpen: true });
    const opened = await call(w.therapist, "POST", path(courseId), { openedOn: today });
    expect(opened.statusCode, opened.body).toBe(201);
    expect(opened.json().work).toMatchObject({
      anchor: { kind: "course", courseId },
      childName: "Alva (2016)",
      mayChange: true,
    });
    const again = await call(w.crisisManager, "POST", path(courseId), { openedOn: today });
    expect(again.statusCode).toBe(409);
    const after = await call(w.crisisManager, "GET", path(courseId));
    expect(after.json().mayOpen).toBe(false);
    expect(after.json().work.id).toBe(opened.json().work.id);
  });

  it("records talks in the course's work for its workers and managers", async () => {
    const { work } = (await call(w.therapist, "GET", path(courseId))).json();
    const series = await call(
      w.therapist,
      "POST",
      `/api/child-work/${work.id}/crisis-talk-series`,
      {
        model: "trappan",
        plannedTalks: 2,
        startedOn: today,
      },
    );
    expect(series.statusCode, series.body).toBe(201);
    const seriesId = series.json().work.series[0].id;
    const talk = await call(w.crisisManager, "POST", `/api/crisis-talk-series/${seriesId}/talks`, {
      heldOn: today,
      childWords: "Det var läskigt.",
    });
    expect(talk.statusCode, talk.body).toBe(201);
    expect(talk.json().work.series[0].talks[0]).toMatchObject({ number: 1 });
  });

  it("refuses the unit's other workers and the case's workers: 404, traced on the course", async () => {
    const { work } = (await call(w.therapist, "GET", path(courseId))).json();
    for (const session of [w.colleague, w.caseworker, w.ifoManager]) {
      for (const [method, url, body] of [
        ["GET", path(courseId)],
        ["GET", `/api/child-work/${work.id}`],
        ["POST", `/api/child-work/${work.id}/close`, { closedOn: today }],
        ["POST", `/api/crisis-talk-series/${work.series[0].id}/talks`, { heldOn: today }],
      ] as const) {
        const res = await call(session, method, url, body);
        expect(res.statusCode, `${method} ${url}`).toBe(404);
        expect(res.body).not.toContain("Alva");
      }
    }
    const trace = await database()
      .owner.selectFrom("audit_event")
      .select(["resource_type", "resource_id"])
      .where("outcome", "=", "denied")
      .where("action", "like", "child_work.%")
      .execute();
    expect(trace).toHaveLength(12);
    for (const r of trace)
      expect(r).toEqual({ resource_type: "service_course", resource_id: courseId });
  });

  it("names an identified child's person in the trail, also on a refusal", async () => {
    const opened = await call(w.therapist, "POST", path(identifiedCourseId), { openedOn: today });
    expect(opened.statusCode, opened.body).toBe(201);
    const refused = await call(w.colleague, "GET", `/api/child-work/${opened.json().work.id}`);
    expect(refused.statusCode).toBe(404);
    const events = await database()
      .owner.selectFrom("audit_event")
      .select(["outcome", "person_id"])
      .where("resource_id", "=", identifiedCourseId)
      .orderBy("id")
      .execute();
    expect(events).toEqual([
      { outcome: "allowed", person_id: childId },
      { outcome: "denied", person_id: childId },
    ]);
  });

  it("opens no child's work in an adult's course, and none in a closed course", async () => {
    const adult = await buildServiceCourse(database().owner, {
      orgId: w.orgId,
      unitId: w.crisisId,
      responsibleId: w.therapistId,
      isChild: false,
    });
    const res = await call(w.therapist, "POST", path(adult), { openedOn: today });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.courseId).toContain("barns kontakt");
    const closed = await buildServiceCourse(database().owner, {
      orgId: w.orgId,
      unitId: w.crisisId,
      responsibleId: w.therapistId,
    });
    await database()
      .owner.updateTable("service_course")
      .set({ closed_at: new Date() })
      .where("id", "=", closed)
      .execute();
    expect((await call(w.therapist, "POST", path(closed), { openedOn: today })).statusCode).toBe(
      409,
    );
  });

  it("lets a worker of one of its contacts see the course, but open a child's work only at a unit where they give service", async () => {
    const { owner } = database();
    const course = await buildServiceCourse(owner, {
      orgId: w.orgId,
      unitId: w.crisisId,
      responsibleId: w.therapistId,
    });
    // The IFO caseworker took one of the course's calls: she sees the course (0056).
    await addServiceContact(owner, {
      orgId: w.orgId,
      courseId: course,
      workerId: w.caseworkerId,
      topic: "Råd om hur barnet kan få stöd",
    });
    const read = await call(w.caseworker, "GET", path(course));
    expect(read.statusCode).toBe(200);
    expect(read.json().mayOpen).toBe(false);
    const res = await call(w.caseworker, "POST", path(course), { openedOn: today });
    expect(res.statusCode).toBe(403);
    const trace = await owner
      .selectFrom("audit_event")
      .select(["outcome", "resource_type"])
      .where("resource_id", "=", course)
      .where("action", "=", "child_work.open")
      .execute();
    expect(trace).toEqual([{ outcome: "denied", resource_type: "service_course" }]);
  });
});
