import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, stockholmDate } from "../../../shared/calendar.ts";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { addChildOf, buildCrisisCentreWorld } from "../../testing/child-work.ts";
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
 * Seed 001's table ("Statistik Kriscentrum för barn 2008": 102 current children, 87 police
 * reports, 13 medical examinations, crisis talks with 27 children, 67 consultations, 48 study
 * visits/trainings, 8 supervision sessions for staff groups), from a year entered through the
 * API as the crisis centre's therapist and the register's keeper (its manager) would enter it,
 * with records before and after the year, in another unit and in another organisation that
 * must not count.
 */
const year = Number(stockholmDate(new Date()).slice(0, 4)) - 1;
const y = (md: string) => `${year}-${md}`;
const prior = (md: string) => `${year - 1}-${md}`;
const next = (md: string) => `${year + 1}-${md}`;

/** Runs the tasks a few at a time: fast on PostgreSQL, harmless on the embedded database. */
async function inBatches<T>(tasks: (() => Promise<T>)[], size = 8): Promise<T[]> {
  const done: T[] = [];
  for (let i = 0; i < tasks.length; i += size)
    done.push(...(await Promise.all(tasks.slice(i, i + size).map((task) => task()))));
  return done;
}

describe.each(testDatabaseKinds)("seed 001's table of the crisis centre (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let w: Awaited<ReturnType<typeof buildCrisisCentreWorld>>;
  let analyst: Session;

  const post = async (session: Session, url: string, payload: object) => {
    const res = await t.app.inject({ method: "POST", url, headers: as(session), payload });
    if (res.statusCode >= 300) throw new Error(`${url}: ${res.body}`);
    return res.json();
  };
  /** A child's course at the crisis centre (a counselling visit) and its work, on one day. */
  const serviceWork = async (i: number, openedOn: string) => {
    const { course } = await post(w.therapist, "/api/service-contacts", {
      course: {
        unitId: w.crisisId,
        subject: { kind: "first_name", firstName: `Barn${i}`, birthYear: 2012 + (i % 8) },
        isChild: true,
      },
      kind: "counselling_visit",
      channel: "visit",
      occurredAt: `${openedOn}T10:00:00+01:00`,
      durationMinutes: 45,
      topic: "Krisstöd",
      outcome: "advice_given",
    });
    return (await post(w.therapist, `/api/service-courses/${course.id}/child-work`, { openedOn }))
      .work.id as string;
  };
  const inCase = async (session: Session, personId: string, openedOn: string) =>
    (await post(session, `/api/cases/${w.caseId}/child-work`, { personId, openedOn })).work
      .id as string;
  const report = (session: Session, workId: string, reportedOn: string) =>
    post(session, `/api/child-work/${workId}/police-reports`, {
      reportedOn,
      reporterKind: "own_unit",
      crimeCategory: "child_witness_crime",
    });
  const exam = (workId: string, examinedOn: string) =>
    post(w.therapist, `/api/child-work/${workId}/medical-exams`, {
      examinedOn,
      kind: "forensic",
      place: "Barnahus",
    });
  const consultation = (session: Session, workId: string, heldOn: string) =>
    post(session, `/api/child-work/${workId}/consultations`, {
      heldOn,
      agencies: ["police", "school"],
      participants: "Polis, skolkurator",
      basis: "anonymised",
    });
  /** A Trappan series started on the day, with `talks` talks a week apart. */
  const talks = async (workId: string, startedOn: string, count: number) => {
    const { work } = await post(w.therapist, `/api/child-work/${workId}/crisis-talk-series`, {
      model: "trappan",
      plannedTalks: 3,
      startedOn,
    });
    const seriesId = work.series.at(-1).id as string;
    for (let k = 0; k < count; k++)
      await post(w.therapist, `/api/crisis-talk-series/${seriesId}/talks`, {
        heldOn: addDays(startedOn, 7 * k),
      });
  };
  const keep = (session: Session, path: string, payload: object) =>
    post(session, `/api/competence/${path}`, payload);
  const visit = (session: Session, visitedOn: string) =>
    keep(session, "study-visits", { visitedOn, visitorsOrganisation: "Polisen", visitors: 6 });
  const training = (session: Session, startsOn: string) =>
    keep(session, "trainings", {
      kind: "joint_day",
      title: "Barn som bevittnat våld",
      startsOn,
      hours: 6,
      organiser: "Kriscentrum för barn",
      jointWith: ["police", "health_care"],
    });
  const supervision = (session: Session, heldOn: string) =>
    keep(session, "supervision", {
      heldOn,
      staffGroup: "Förskolans personal",
      hours: 2,
      givenBy: "Kriscentrum för barn",
    });

  beforeAll(async () => {
    t = await buildTestApp(database());
    w = await buildCrisisCentreWorld(t.app, database().owner);
    analyst = await login(
      t.app,
      (await buildUser(database().owner, w.orgId, [{ unitId: null, role: "analyst" }])).username,
    );
    await enterTheYear();
    await enterWhatMustNotCount();
  }, 240_000);
  afterAll(() => t?.close());

  /**
   * The 102 children: the two children of the mother's case (one since the year before), and
   * 100 in courses of their own — four opened the year before (two of them closed in
   * January), the rest through the year, the first on 1 January and the last on 31 December.
   * Each record is on its work's first day in the year (the 2nd of January for works opened
   * the year before).
   */
  async function enterTheYear() {
    const works: { id: string; day: string }[] = [
      { id: await inCase(w.therapist, w.child.id, y("01-01")), day: y("01-01") },
      { id: await inCase(w.therapist, w.sibling.id, prior("11-01")), day: y("01-02") },
    ];
    const opened = Array.from({ length: 100 }, (_, i) =>
      i < 4 ? prior(`10-0${i + 1}`) : i === 99 ? y("12-31") : addDays(y("01-01"), (i - 4) * 3),
    );
    const ids = await inBatches(opened.map((day, i) => () => serviceWork(i, day)));
    ids.forEach((id, i) => {
      works.push({ id, day: i < 4 ? y("01-02") : (opened[i] as string) });
    });
    const first = (n: number) => works.slice(0, n);
    await inBatches([
      ...first(87).map((x) => () => report(w.therapist, x.id, x.day)),
      ...first(13).map((x) => () => exam(x.id, x.day)),
      ...first(67).map((x) => () => consultation(w.therapist, x.id, x.day)),
      // 27 children in crisis talks: 20 with one talk, 7 with three (the last on 31
      // December has one talk: a series begun that day).
      ...works.slice(75, 102).map((x, k) => () => talks(x.id, x.day, k < 7 ? 3 : 1)),
    ]);
    // Two of the works opened the year before end in January, after their records.
    for (const x of works.slice(2, 4))
      await post(w.therapist, `/api/child-work/${x.id}/close`, { closedOn: y("01-15") });
    // The register: 40 study visits and 8 trainings (48), 8 supervision sessions.
    await inBatches([
      ...Array.from(
        { length: 40 },
        (_, i) => () => visit(w.crisisManager, addDays(y("01-01"), i * 9)),
      ),
      ...Array.from({ length: 8 }, (_, i) => () => training(w.crisisManager, y(`0${i + 1}-15`))),
      ...Array.from(
        { length: 8 },
        (_, i) => () => supervision(w.crisisManager, y(`1${i % 3}-0${i + 1}`)),
      ),
    ]);
  }

  /** Records before and after the year, IFO's work, and another organisation's register. */
  async function enterWhatMustNotCount() {
    const { owner } = database();
    const gone = await serviceWork(1000, prior("02-01"));
    await report(w.therapist, gone, prior("02-01"));
    await exam(gone, prior("02-02"));
    await consultation(w.therapist, gone, prior("02-03"));
    await talks(gone, prior("02-04"), 2);
    await post(w.therapist, `/api/child-work/${gone}/close`, { closedOn: prior("12-31") });
    const later = await serviceWork(1001, next("01-01"));
    await report(w.therapist, later, next("01-01"));
    await consultation(w.therapist, later, next("01-01"));
    // IFO's caseworker works a third child of the case: IFO's figure, not the crisis centre's.
    const third = await addChildOf(owner, {
      orgId: w.orgId,
      caseId: w.caseId,
      parentId: w.motherId,
      recordedBy: w.therapistId,
    });
    const ifoWork = await inCase(w.caseworker, third.id, y("03-01"));
    await report(w.caseworker, ifoWork, y("03-02"));
    await consultation(w.caseworker, ifoWork, y("03-03"));
    await visit(w.crisisManager, prior("12-31"));
    await training(w.crisisManager, next("01-01"));
    await supervision(w.crisisManager, next("01-01"));
    const otherOrg = (await buildOrg(owner)).id;
    const otherUnit = (await buildUnit(owner, otherOrg, "crisis_centre")).id;
    const otherKeeper = await login(
      t.app,
      (await buildUser(owner, otherOrg, [{ unitId: otherUnit, role: "unit_manager" }])).username,
    );
    await visit(otherKeeper, y("05-05"));
    await training(otherKeeper, y("05-06"));
    await supervision(otherKeeper, y("05-07"));
  }

  const table = (session: Session, query: string) =>
    t.app.inject({
      method: "GET",
      url: `/api/statistics/crisis-centre-year?${query}`,
      headers: as(session),
    });

  it("gives the crisis centre's manager seed 001's table exactly", async () => {
    const res = await table(w.crisisManager, `year=${year}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      year,
      scope: "unit",
      suppressed: false,
      currentChildren: 102,
      policeReports: 87,
      medicalExams: 13,
      childrenInCrisisTalks: 27,
      consultations: 67,
      studyVisitsAndTrainings: 48,
      supervisionSessions: 8,
      register: "organisation",
    });
    const named = await table(w.crisisManager, `year=${year}&unitId=${w.crisisId}`);
    expect(named.json()).toEqual(res.json());
  });

  it("the committee's yearly report carries the same table with the seed's figures", async () => {
    const res = await t.app.inject({
      method: "GET",
      url: `/api/reports/yearly?year=${year}&unitId=${w.crisisId}`,
      headers: as(w.crisisManager),
    });
    expect(res.statusCode, res.body).toBe(200);
    const found = res
      .json()
      .sections.flatMap((s: { tables: { id: string }[] }) => s.tables)
      .find((x: { id: string }) => x.id === "crisis-centre-children");
    expect(found.title).toBe("Statistik Kriscentrum för barn");
    expect(
      found.rows.map((r: { label: string; cells: { value: number }[] }) => [
        r.label,
        r.cells[0]?.value,
      ]),
    ).toEqual([
      ["Antal aktuella barn", 102],
      ["Polisanmälningar", 87],
      ["Läkarundersökningar", 13],
      ["Krissamtal (barn)", 27],
      ["Antal samråd", 67],
      ["Antal studiebesök/utbildningar", 48],
      ["Handledning till personalgrupper", 8],
    ]);
  });

  it("counts the year before by its own records", async () => {
    const res = await table(w.crisisManager, `year=${year - 1}`);
    // The sibling's and the four courses' works, and the one closed on 31 December; the
    // register's study visit of 31 December.
    expect(res.json()).toMatchObject({
      currentChildren: 6,
      policeReports: 1,
      medicalExams: 1,
      childrenInCrisisTalks: 1,
      consultations: 1,
      studyVisitsAndTrainings: 1,
      supervisionSessions: 0,
    });
  });

  it("counts the children's work for the unit that did it, the register for the organisation", async () => {
    const ifo = await table(w.ifoManager, `year=${year}`);
    expect(ifo.json()).toMatchObject({
      scope: "unit",
      currentChildren: 1,
      policeReports: 1,
      medicalExams: 0,
      childrenInCrisisTalks: 0,
      consultations: 1,
      studyVisitsAndTrainings: 48,
      supervisionSessions: 8,
    });
    const org = await table(analyst, `year=${year}`);
    expect(org.json()).toMatchObject({
      scope: "organisation",
      suppressed: true,
      currentChildren: 103,
      policeReports: 88,
      medicalExams: 13,
      consultations: 68,
      studyVisitsAndTrainings: 48,
      supervisionSessions: 8,
    });
    // The analyst's figures of IFO alone: a handful, suppressed; none is shown as 0.
    const small = await table(analyst, `year=${year}&unitId=${w.ifoId}`);
    expect(small.json()).toMatchObject({
      currentChildren: null,
      policeReports: null,
      medicalExams: 0,
      studyVisitsAndTrainings: 48,
    });
  });

  it("refuses a worker (403), another organisation's unit (404) and a year that is no year (400)", async () => {
    expect((await table(w.therapist, `year=${year}`)).statusCode).toBe(403);
    const stranger = await buildUnit(database().owner, (await buildOrg(database().owner)).id);
    expect((await table(w.crisisManager, `year=${year}&unitId=${stranger.id}`)).statusCode).toBe(
      404,
    );
    const bad = await table(w.crisisManager, "year=20x6");
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("Ange året");
  });
});
