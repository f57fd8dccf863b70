import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TrainingBody } from "../../../shared/api/competence.ts";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import {
  as,
  buildOrg,
  buildUnit,
  buildUser,
  login,
  type Session,
} from "../../testing/factories.ts";

/*
 * The competence register in figures (issue 17, item 5), entered as Trollhättan's
 * kvinnofridssamordnare would (seed 003): 12 instructors trained in 2006 and 12 in 2008,
 * each course six half-days; follow-up meetings; joint training days with the police and
 * health care; supervision of staff groups; study visits.
 */
describe.each(testDatabaseKinds)("the competence register in figures (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let keeper: Session;
  let reader: Session;

  const post = async (url: string, payload: object) => {
    const res = await t.app.inject({ method: "POST", url, headers: as(keeper), payload });
    if (res.statusCode !== 201) throw new Error(`${url}: ${res.body}`);
    return res.json() as { id: string };
  };
  const instructors = async (year: number, count: number) => {
    const made: string[] = [];
    for (let i = 1; i <= count; i++)
      made.push(
        (
          await post("/api/competence/instructors", {
            name: `Instruktör ${year}-${i}`,
            administration: ["Socialförvaltningen", "Barn- och utbildning", "Kultur och fritid"][
              i % 3
            ],
            trainedOn: `${year}-11-30`,
          })
        ).id,
      );
    return made;
  };
  const instructorCourse = (year: number, participants: number): TrainingBody => ({
    kind: "instructor_training",
    title: "Utbildning till kvinnofridsinstruktör",
    startsOn: `${year}-09-05`,
    endsOn: `${year}-11-30`,
    sessions: 6,
    hours: 21,
    organiser: "Kvinnofridssamordnaren",
    participants: [
      { organisation: "Trollhättans stad", role: "blivande instruktör", participants },
    ],
  });

  beforeAll(async () => {
    t = await buildTestApp(database());
    const { owner } = database();
    const orgId = (await buildOrg(owner)).id;
    const unit = (await buildUnit(owner, orgId, "crisis_centre")).id;
    keeper = await login(
      t.app,
      (await buildUser(owner, orgId, [{ unitId: unit, role: "unit_manager" }])).username,
    );
    reader = await login(
      t.app,
      (await buildUser(owner, orgId, [{ unitId: unit, role: "therapist" }])).username,
    );

    await post("/api/competence/trainings", instructorCourse(2006, 12));
    const of2006 = await instructors(2006, 12);
    await post("/api/competence/trainings", instructorCourse(2008, 12));
    const of2008 = await instructors(2008, 12);
    // 2008: two follow-up meetings (10 of 2006's instructors at one, 8 at the other, 6 both)
    await post("/api/competence/meetings", {
      heldOn: "2008-03-12",
      topic: "Uppföljning",
      attendeeIds: of2006.slice(0, 10),
    });
    await post("/api/competence/meetings", {
      heldOn: "2008-10-08",
      topic: "Uppföljning",
      hours: 3,
      attendeeIds: of2006.slice(4, 12),
    });
    // …a joint training day with the police and health care, led by two of 2008's new instructors
    await post("/api/competence/trainings", {
      kind: "joint_day",
      title: "Gemensam utbildningsdag om våld i nära relationer",
      startsOn: "2008-12-04",
      hours: 6,
      organiser: "Trollhättans stad, Polisen och NÄL",
      jointWith: ["police", "health_care"],
      participants: [
        { organisation: "Socialtjänsten", role: "socialsekreterare", participants: 12 },
        { organisation: "Polisen", role: null, participants: 9 },
        { organisation: "Hälso- och sjukvården", role: "sjuksköterska", participants: 14 },
      ],
      instructorIds: of2008.slice(0, 2),
    });
    // …eight supervision sessions of 1.5 hours and three study visits
    for (let i = 1; i <= 8; i++)
      await post("/api/competence/supervision", {
        heldOn: `2008-${String(i + 1).padStart(2, "0")}-15`,
        staffGroup: i % 2 ? "Förskolans personal" : "Fritidsgården",
        hours: 1.5,
        givenBy: "Kriscentrum",
      });
    for (const [day, visitors] of [
      ["2008-02-20", 6],
      ["2008-05-14", 14],
      ["2009-01-10", 3],
    ] as const)
      await post("/api/competence/study-visits", {
        visitedOn: day,
        visitorsOrganisation: "IFO i grannkommun",
        visitors,
      });
  });
  afterAll(() => t?.close());

  const figures = async (year: number) => {
    const res = await t.app.inject({
      method: "GET",
      url: `/api/competence/figures?year=${year}`,
      headers: as(reader),
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  it("counts 2006: one instructor course of six half-days, twelve instructors trained", async () => {
    expect(await figures(2006)).toEqual({
      year: 2006,
      trainings: 1,
      trainingHours: 21,
      participants: 12,
      jointTrainings: 0,
      instructorsTrained: 12,
      instructorsActive: 0,
      followUpMeetings: 0,
      supervisionSessions: 0,
      supervisionHours: 0,
      studyVisits: 0,
      studyVisitors: 0,
    });
  });

  it("counts 2008: instructors active by meetings or by leading a training, each once", async () => {
    expect(await figures(2008)).toEqual({
      year: 2008,
      trainings: 2,
      trainingHours: 27,
      participants: 12 + 35,
      jointTrainings: 1,
      instructorsTrained: 12,
      // all twelve of 2006 came to a meeting; two of 2008 led the joint day
      instructorsActive: 14,
      followUpMeetings: 2,
      supervisionSessions: 8,
      supervisionHours: 12,
      studyVisits: 2,
      studyVisitors: 20,
    });
  });

  it("shows the year's register to a reader, with every instructor", async () => {
    const res = await t.app.inject({
      method: "GET",
      url: "/api/competence?year=2008",
      headers: as(reader),
    });
    expect(res.statusCode, res.body).toBe(200);
    const register = res.json();
    expect(register.mayKeep).toBe(false);
    expect(register.trainings).toHaveLength(2);
    expect(register.instructors).toHaveLength(24);
    expect(register.meetings.map((m: { attendeeIds: string[] }) => m.attendeeIds.length)).toEqual([
      10, 8,
    ]);
    expect(register.supervision).toHaveLength(8);
    expect(register.studyVisits).toHaveLength(2);
  });
});
