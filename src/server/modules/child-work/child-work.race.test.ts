import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stockholmDate } from "../../../shared/calendar.ts";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { buildCrisisCentreWorld } from "../../testing/child-work.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import { as, type Session } from "../../testing/factories.ts";
import { race } from "../../testing/race.ts";
import { allowedEvents, losersSay } from "../../testing/race-counts.ts";
import { buildServiceCourse } from "../../testing/service-contacts.ts";

/*
 * A child's work under concurrent requests: the therapist and the crisis centre's manager
 * send their requests at once. Talks recorded at once are all kept and numbered 1…n with no
 * number twice (the series is locked before the next number is read), in a case and as a
 * service; a work is opened once; a talk racing the series' end is either numbered before it
 * or refused, never added to an ended series.
 */
const n = 12;
const today = stockholmDate(new Date());

describe.each(testDatabaseKinds)("a child's work under concurrent requests (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let w: Awaited<ReturnType<typeof buildCrisisCentreWorld>>;
  let users: Session[];

  beforeAll(async () => {
    t = await buildTestApp(database());
    w = await buildCrisisCentreWorld(t.app, database().owner);
    users = [w.therapist, w.caseworker];
  });
  afterAll(() => t?.close());

  const post = (session: Session, url: string, payload: object) =>
    t.app.inject({ method: "POST", url, headers: as(session), payload });
  const numbers = async (seriesId: string) =>
    (
      await database()
        .owner.selectFrom("crisis_talk")
        .select("number")
        .where("series_id", "=", seriesId)
        .orderBy("number")
        .execute()
    ).map((r) => r.number);
  const seriesOf = async (workId: string, session: Session) => {
    const res = await post(session, `/api/child-work/${workId}/crisis-talk-series`, {
      model: "trappan",
      plannedTalks: n,
      startedOn: today,
    });
    if (res.statusCode !== 201) throw new Error(res.body);
    return res.json().work.series.at(-1).id as string;
  };

  it("opens a child's work in a case once", async () => {
    const outcome = await race(n, (i) =>
      post(users[i % 2] as Session, `/api/cases/${w.caseId}/child-work`, {
        personId: w.child.id,
        openedOn: today,
      }),
    );
    expect(outcome.counts).toEqual({ 201: 1, 409: n - 1 });
    expect(losersSay(outcome)).toEqual([
      "conflict: Barnet har redan ett arbete hos kriscentrum i ärendet.",
    ]);
    expect(await allowedEvents(database().owner, "child_work.open", w.caseId)).toBe(1);
  });

  it("numbers talks recorded at once 1…n, none twice, in a case", async () => {
    const { id: workId } = await database()
      .owner.selectFrom("child_work")
      .select("id")
      .where("case_id", "=", w.caseId)
      .executeTakeFirstOrThrow();
    const seriesId = await seriesOf(workId, w.therapist);
    const outcome = await race(n, (i) =>
      post(users[i % 2] as Session, `/api/crisis-talk-series/${seriesId}/talks`, {
        heldOn: today,
      }),
    );
    expect(outcome.counts).toEqual({ 201: n });
    expect(await numbers(seriesId)).toEqual(Array.from({ length: n }, (_, i) => i + 1));
  });

  it("numbers talks recorded at once as a service too", async () => {
    const courseId = await buildServiceCourse(database().owner, {
      orgId: w.orgId,
      unitId: w.crisisId,
      responsibleId: w.therapistId,
    });
    const opened = await post(w.therapist, `/api/service-courses/${courseId}/child-work`, {
      openedOn: today,
    });
    const seriesId = await seriesOf(opened.json().work.id, w.therapist);
    const both = [w.therapist, w.crisisManager];
    const outcome = await race(n, (i) =>
      post(both[i % 2] as Session, `/api/crisis-talk-series/${seriesId}/talks`, { heldOn: today }),
    );
    expect(outcome.counts).toEqual({ 201: n });
    expect(await numbers(seriesId)).toEqual(Array.from({ length: n }, (_, i) => i + 1));
  });

  it("adds no talk to a series once its end has been recorded", async () => {
    const { id: workId } = await database()
      .owner.selectFrom("child_work")
      .select("id")
      .where("case_id", "=", w.caseId)
      .executeTakeFirstOrThrow();
    // The series of the test before is ended first: one series at a time.
    const going = await database()
      .owner.selectFrom("crisis_talk_series")
      .select("id")
      .where("child_work_id", "=", workId)
      .where("ended_on", "is", null)
      .executeTakeFirstOrThrow();
    await post(w.therapist, `/api/crisis-talk-series/${going.id}/end`, { endedOn: today });
    const seriesId = await seriesOf(workId, w.therapist);
    const outcome = await race(n, (i) =>
      i === n / 2
        ? post(w.therapist, `/api/crisis-talk-series/${seriesId}/end`, { endedOn: today })
        : post(users[i % 2] as Session, `/api/crisis-talk-series/${seriesId}/talks`, {
            heldOn: today,
          }),
    );
    const ended = await database()
      .owner.selectFrom("crisis_talk_series")
      .select("ended_on")
      .where("id", "=", seriesId)
      .executeTakeFirstOrThrow();
    expect(ended.ended_on).toBe(today);
    const kept = await numbers(seriesId);
    // Every talk answered 201 is kept, numbered without a gap; the rest were refused (409).
    expect(kept).toEqual(Array.from({ length: kept.length }, (_, i) => i + 1));
    expect((outcome.counts[201] ?? 0) - kept.length).toBe(0);
    expect(outcome.counts[200]).toBe(1);
    expect((outcome.counts[409] ?? 0) + kept.length).toBe(n - 1);
  });
});
