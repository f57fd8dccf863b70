import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stockholmDate } from "../../../shared/calendar.ts";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { addChildOf, buildCrisisCentreWorld } from "../../testing/child-work.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import { as, buildUser, login, type Session } from "../../testing/factories.ts";
import { buildServiceCourse } from "../../testing/service-contacts.ts";

/*
 * The children's crisis centre's figures of a year, from records entered through the API as
 * the workers would enter them: each record counted once, by its own day, for the unit that
 * did the work (not the unit of the case it is in), the period's first and last days
 * included.
 */
const year = Number(stockholmDate(new Date()).slice(0, 4)) - 1;
const y = (md: string) => `${year}-${md}`;
const prior = (md: string) => `${year - 1}-${md}`;

describe.each(testDatabaseKinds)("the crisis centre's figures (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let w: Awaited<ReturnType<typeof buildCrisisCentreWorld>>;
  let analyst: Session;

  beforeAll(async () => {
    t = await buildTestApp(database());
    w = await buildCrisisCentreWorld(t.app, database().owner);
    analyst = await login(
      t.app,
      (await buildUser(database().owner, w.orgId, [{ unitId: null, role: "analyst" }])).username,
    );
    await enterTheYear();
  });
  afterAll(() => t?.close());

  const post = async (session: Session, url: string, payload: object) => {
    const res = await t.app.inject({ method: "POST", url, headers: as(session), payload });
    if (res.statusCode >= 300) throw new Error(`${url}: ${res.body}`);
    return res.json().work as { id: string; series: { id: string }[] };
  };
  const openInCase = (session: Session, personId: string, openedOn: string) =>
    post(session, `/api/cases/${w.caseId}/child-work`, { personId, openedOn });
  const series = async (workId: string, startedOn: string) =>
    (
      await post(w.therapist, `/api/child-work/${workId}/crisis-talk-series`, {
        model: "trappan",
        plannedTalks: 3,
        startedOn,
      })
    ).series.at(-1)!.id;
  const talk = (seriesId: string, heldOn: string) =>
    post(w.therapist, `/api/crisis-talk-series/${seriesId}/talks`, { heldOn });
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
  const consultation = (workId: string, heldOn: string) =>
    post(w.therapist, `/api/child-work/${workId}/consultations`, {
      heldOn,
      agencies: ["police", "school"],
      participants: "Polis, skolkurator",
      basis: "anonymised",
    });

  /** Five children: A, B and D in the mother's case, C as a service, E worked by IFO. */
  async function enterTheYear() {
    const { owner } = database();
    // A: the whole story within the year.
    const a = await openInCase(w.therapist, w.child.id, y("01-01"));
    await report(w.therapist, a.id, y("01-01"));
    await exam(a.id, y("01-13"));
    await consultation(a.id, y("01-20"));
    const aSeries = await series(a.id, y("01-15"));
    for (const day of ["01-15", "01-22", "01-29"]) await talk(aSeries, y(day));
    await post(w.therapist, `/api/crisis-talk-series/${aSeries}/end`, { endedOn: y("02-05") });
    // B: began the year before, one talk on each side of New Year, closed in February.
    const b = await openInCase(w.therapist, w.sibling.id, prior("11-01"));
    await report(w.therapist, b.id, prior("11-02"));
    const bSeries = await series(b.id, prior("11-05"));
    await talk(bSeries, prior("11-05"));
    await talk(bSeries, y("01-03"));
    await post(w.therapist, `/api/child-work/${b.id}/close`, { closedOn: y("02-01") });
    // C: a service in the child's own course, a series started on the year's last day.
    const courseId = await buildServiceCourse(owner, {
      orgId: w.orgId,
      unitId: w.crisisId,
      responsibleId: w.therapistId,
    });
    const c = await post(w.therapist, `/api/service-courses/${courseId}/child-work`, {
      openedOn: y("06-01"),
    });
    await consultation(c.id, y("12-31"));
    await exam(c.id, y("06-03"));
    await series(c.id, y("12-31"));
    // D: closed before the year began.
    const dChild = await addChildOf(owner, {
      orgId: w.orgId,
      caseId: w.caseId,
      parentId: w.motherId,
      recordedBy: w.therapistId,
    });
    const d = await openInCase(w.therapist, dChild.id, prior("03-01"));
    await post(w.therapist, `/api/child-work/${d.id}/close`, { closedOn: prior("12-31") });
    // E: worked by the IFO caseworker, whose unit is no crisis centre: IFO's figure.
    const eChild = await addChildOf(owner, {
      orgId: w.orgId,
      caseId: w.caseId,
      parentId: w.motherId,
      recordedBy: w.therapistId,
    });
    const e = await openInCase(w.caseworker, eChild.id, y("03-01"));
    await report(w.caseworker, e.id, y("03-02"));
  }

  const figures = (session: Session, query: string) =>
    t.app.inject({
      method: "GET",
      url: `/api/statistics/crisis-centre?${query}`,
      headers: as(session),
    });

  it("gives the crisis centre's manager exact figures for the year", async () => {
    const res = await figures(w.crisisManager, `from=${y("01-01")}&to=${y("12-31")}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      from: y("01-01"),
      to: y("12-31"),
      scope: "unit",
      suppressed: false,
      currentChildren: 3,
      policeReports: 1,
      medicalExams: 2,
      childrenInCrisisTalks: 2,
      consultations: 2,
      crisisTalks: 4,
      seriesStarted: 2,
      seriesEnded: 2,
    });
  });

  it("counts a period by its own days", async () => {
    const january = await figures(w.crisisManager, `from=${y("01-01")}&to=${y("01-31")}`);
    expect(january.json()).toMatchObject({
      currentChildren: 2,
      policeReports: 1,
      medicalExams: 1,
      childrenInCrisisTalks: 2,
      consultations: 1,
      crisisTalks: 4,
      seriesStarted: 1,
      seriesEnded: 0,
    });
    const lastYear = await figures(w.crisisManager, `from=${prior("01-01")}&to=${prior("12-31")}`);
    expect(lastYear.json()).toMatchObject({
      currentChildren: 2,
      policeReports: 1,
      crisisTalks: 1,
      seriesStarted: 1,
    });
  });

  it("counts a work for the unit that did it: IFO's manager sees E only", async () => {
    const res = await figures(w.ifoManager, `from=${y("01-01")}&to=${y("12-31")}`);
    expect(res.json()).toMatchObject({ currentChildren: 1, policeReports: 1, crisisTalks: 0 });
  });

  it("gives an analyst the organisation's figures with 1–4 suppressed, and refuses a worker", async () => {
    const res = await figures(analyst, `from=${y("01-05")}&to=${y("12-31")}`);
    expect(res.json()).toMatchObject({
      from: y("01-01"),
      scope: "organisation",
      suppressed: true,
      currentChildren: null,
      policeReports: null,
      crisisTalks: null,
    });
    expect((await figures(w.therapist, `from=${y("01-01")}&to=${y("12-31")}`)).statusCode).toBe(
      403,
    );
    const backwards = await figures(w.crisisManager, `from=${y("02-01")}&to=${y("01-01")}`);
    expect(backwards.statusCode).toBe(400);
  });
});
