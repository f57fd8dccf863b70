import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { identityNumberInAnonymised } from "../../../shared/api/child-work.ts";
import { addDays, stockholmDate } from "../../../shared/calendar.ts";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { buildCrisisCentreWorld } from "../../testing/child-work.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import { as, fictionalIdentityNumber, type Session } from "../../testing/factories.ts";

const today = stockholmDate(new Date());
const daysAgo = (n: number) => addDays(today, -n);

describe.each(testDatabaseKinds)("a child's work at the crisis centre, in a case (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let w: Awaited<ReturnType<typeof buildCrisisCentreWorld>>;
  let workId: string;
  let seriesId: string;

  beforeAll(async () => {
    t = await buildTestApp(database());
    w = await buildCrisisCentreWorld(t.app, database().owner);
  });
  afterAll(() => t?.close());

  const call = (session: Session | null, method: "GET" | "POST", url: string, payload?: object) =>
    t.app.inject({
      method,
      url,
      headers: session ? as(session) : {},
      ...(payload ? { payload } : {}),
    });
  const casePath = () => `/api/cases/${w.caseId}/child-work`;
  const denials = (action: string) =>
    database()
      .owner.selectFrom("audit_event")
      .select(["resource_type", "resource_id", "person_id"])
      .where("action", "=", action)
      .where("outcome", "=", "denied")
      .execute();

  it("asks who is calling", async () => {
    expect((await call(null, "GET", casePath())).statusCode).toBe(401);
    expect((await call(null, "POST", casePath(), {})).statusCode).toBe(401);
  });

  it("offers the case's children, and opens the work for one of them at the crisis centre", async () => {
    const list = await call(w.therapist, "GET", casePath());
    expect(list.statusCode).toBe(200);
    expect(list.json().works).toEqual([]);
    expect(list.json().mayOpen).toBe(true);
    expect(list.json().children.map((c: { personId: string }) => c.personId)).toEqual([
      w.child.id,
      w.sibling.id,
    ]);

    const opened = await call(w.therapist, "POST", casePath(), {
      personId: w.child.id,
      openedOn: daysAgo(30),
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const work = opened.json().work;
    workId = work.id;
    expect(work).toMatchObject({
      anchor: { kind: "case", caseId: w.caseId, personId: w.child.id },
      childName: `${w.child.given_name} ${w.child.family_name}`,
      openedOn: daysAgo(30),
      closedOn: null,
      mayChange: true,
      series: [],
    });
    // The work counts for the therapist's crisis centre, not for the case's unit.
    const row = await database()
      .owner.selectFrom("child_work")
      .select("unit_id")
      .where("id", "=", workId)
      .executeTakeFirstOrThrow();
    expect(row.unit_id).toBe(w.crisisId);
    const again = await call(w.caseworker, "POST", casePath(), {
      personId: w.child.id,
      openedOn: daysAgo(30),
    });
    expect(again.statusCode).toBe(409);
  });

  it("refuses someone who is not a child of the case, a day to come, and a missing field", async () => {
    const mother = await call(w.therapist, "POST", casePath(), {
      personId: w.motherId,
      openedOn: today,
    });
    expect(mother.statusCode).toBe(400);
    expect(mother.json().error.fields.personId).toContain("ärendets barn");
    const future = await call(w.therapist, "POST", casePath(), {
      personId: w.sibling.id,
      openedOn: addDays(today, 2),
    });
    expect(future.json().error.fields.openedOn).toBe("Datumet kan inte ligga i framtiden.");
    const empty = await call(w.therapist, "POST", casePath(), {});
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.fields).toMatchObject({
      personId: "Välj barnet.",
      openedOn: "Ange datumet då arbetet med barnet började.",
    });
  });

  it("answers a colleague not on the case with 404 and names the case's person in the trail", async () => {
    for (const [method, url] of [
      ["GET", casePath()],
      ["GET", `/api/child-work/${workId}`],
      ["POST", `/api/child-work/${workId}/police-reports`],
    ] as const) {
      const res = await call(w.colleague, method, url, {
        reportedOn: today,
        reporterKind: "own_unit",
        crimeCategory: "assault",
      });
      expect(res.statusCode, url).toBe(404);
      expect(res.body).not.toContain(w.child.family_name);
    }
    const refused = [
      ...(await denials("child_work.read")),
      ...(await denials("child_work.record")),
    ];
    expect(refused).toHaveLength(3);
    for (const r of refused)
      expect(r).toEqual({ resource_type: "case", resource_id: w.caseId, person_id: w.motherId });
  });

  it("numbers a series' talks and keeps the child's own words apart from the notes", async () => {
    const started = await call(
      w.therapist,
      "POST",
      `/api/child-work/${workId}/crisis-talk-series`,
      {
        model: "trappan",
        plannedTalks: 3,
        startedOn: daysAgo(20),
      },
    );
    expect(started.statusCode, started.body).toBe(201);
    seriesId = started.json().work.series[0].id;
    expect(started.json().work.series[0]).toMatchObject({ nextNumber: 1, talks: [] });
    const second = await call(w.therapist, "POST", `/api/child-work/${workId}/crisis-talk-series`, {
      model: "other",
      startedOn: daysAgo(20),
    });
    expect(second.statusCode).toBe(409);

    for (const [n, heldOn] of [daysAgo(20), daysAgo(13), daysAgo(6)].entries()) {
      const talk = await call(w.therapist, "POST", `/api/crisis-talk-series/${seriesId}/talks`, {
        heldOn,
        childWords: n === 0 ? "Jag blev rädd när pappa skrek." : null,
        notes: `Samtal ${n + 1} enligt Trappan.`,
      });
      expect(talk.statusCode, talk.body).toBe(201);
    }
    const read = await call(w.caseworker, "GET", `/api/child-work/${workId}`);
    expect(read.statusCode).toBe(200);
    const series = read.json().work.series[0];
    expect(series.talks.map((x: { number: number }) => x.number)).toEqual([1, 2, 3]);
    expect(series.talks[0]).toMatchObject({
      childWords: "Jag blev rädd när pappa skrek.",
      notes: "Samtal 1 enligt Trappan.",
    });
    expect(series.nextNumber).toBe(4);
  });

  it("refuses a talk before the series began or in the future, and after the series ended", async () => {
    const early = await call(w.therapist, "POST", `/api/crisis-talk-series/${seriesId}/talks`, {
      heldOn: daysAgo(25),
    });
    expect(early.json().error.fields.heldOn).toBe("Samtalet kan inte ligga före seriens början.");
    const future = await call(w.therapist, "POST", `/api/crisis-talk-series/${seriesId}/talks`, {
      heldOn: addDays(today, 1),
    });
    expect(future.json().error.fields.heldOn).toBe("Datumet kan inte ligga i framtiden.");
    const beforeLast = await call(w.therapist, "POST", `/api/crisis-talk-series/${seriesId}/end`, {
      endedOn: daysAgo(10),
    });
    expect(beforeLast.json().error.fields.endedOn).toContain("senaste samtal");
    const ended = await call(w.therapist, "POST", `/api/crisis-talk-series/${seriesId}/end`, {
      endedOn: daysAgo(5),
    });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json().work.series[0].endedOn).toBe(daysAgo(5));
    const late = await call(w.therapist, "POST", `/api/crisis-talk-series/${seriesId}/talks`, {
      heldOn: today,
    });
    expect(late.statusCode).toBe(409);
  });

  it("records police reports (the unit's own names its worker), examinations and consultations", async () => {
    const report = await call(w.therapist, "POST", `/api/child-work/${workId}/police-reports`, {
      reportedOn: daysAgo(19),
      reporterKind: "own_unit",
      crimeCategory: "child_witness_crime",
    });
    expect(report.statusCode, report.body).toBe(201);
    const therapist = await database()
      .owner.selectFrom("app_user")
      .select("display_name")
      .where("id", "=", w.therapistId)
      .executeTakeFirstOrThrow();
    expect(report.json().work.policeReports[0].reporter).toBe(therapist.display_name);
    const byOthers = await call(w.therapist, "POST", `/api/child-work/${workId}/police-reports`, {
      reportedOn: daysAgo(18),
      reporterKind: "school",
      crimeCategory: "assault",
    });
    expect(byOthers.json().work.policeReports[1].reporter).toBeNull();
    const exam = await call(w.therapist, "POST", `/api/child-work/${workId}/medical-exams`, {
      examinedOn: daysAgo(18),
      kind: "forensic",
      place: "Barnahus",
    });
    expect(exam.statusCode, exam.body).toBe(201);
    const beforeOpened = await call(
      w.therapist,
      "POST",
      `/api/child-work/${workId}/medical-exams`,
      {
        examinedOn: daysAgo(40),
        kind: "paediatric",
        place: "Barnmottagningen",
      },
    );
    expect(beforeOpened.json().error.fields.examinedOn).toContain("före den dag arbetet");

    const consult = (body: object) =>
      call(w.therapist, "POST", `/api/child-work/${workId}/consultations`, {
        heldOn: daysAgo(15),
        agencies: ["police", "barnahus"],
        participants: "Polisens förhörsledare, barnahus samordnare",
        ...body,
      });
    const number = fictionalIdentityNumber();
    const named = await consult({ basis: "anonymised", notes: `Gäller barn ${number}.` });
    expect(named.statusCode).toBe(400);
    expect(named.json().error.fields.notes).toBe(identityNumberInAnonymised);
    expect(named.body).not.toContain(number);
    const noNote = await consult({ basis: "consent" });
    expect(noNote.json().error.fields.consentNote).toBe("Skriv vem som samtyckt och hur.");
    const anonymised = await consult({ basis: "anonymised" });
    expect(anonymised.statusCode, anonymised.body).toBe(201);
    const consented = await consult({
      basis: "consent",
      consentNote: "Mamma samtyckte muntligt den dagen.",
    });
    expect(consented.statusCode).toBe(201);
    expect(consented.json().work.consultations).toHaveLength(2);
  });

  it("closes the work; afterwards nothing more is recorded in it", async () => {
    const beforeOpened = await call(w.therapist, "POST", `/api/child-work/${workId}/close`, {
      closedOn: daysAgo(31),
    });
    expect(beforeOpened.statusCode).toBe(400);
    const closed = await call(w.therapist, "POST", `/api/child-work/${workId}/close`, {
      closedOn: today,
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json().work).toMatchObject({ closedOn: today, mayChange: false });
    const after = await call(w.therapist, "POST", `/api/child-work/${workId}/medical-exams`, {
      examinedOn: today,
      kind: "other",
      place: "Vårdcentralen",
    });
    expect(after.statusCode).toBe(409);
    expect(after.json().error.message).toContain("avslutat");
  });

  it("writes each look and change in the trail, naming the child", async () => {
    const events = await database()
      .owner.selectFrom("audit_event")
      .select(["action", "person_id", "person_ids"])
      .where("resource_id", "=", w.caseId)
      .where("action", "like", "child_work.%")
      .where("outcome", "=", "allowed")
      .execute();
    expect(events.length).toBeGreaterThan(10);
    for (const e of events) expect(e.person_id).toBe(w.motherId);
    const named = events.filter((e) => e.action !== "child_work.read");
    for (const e of named) expect(e.person_ids).toEqual([w.child.id]);
  });
});
