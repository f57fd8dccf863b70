import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import {
  as,
  buildOrg,
  buildPerson,
  buildUnit,
  buildUser,
  fictionalIdentityNumber,
  login,
  type Session,
} from "../../testing/factories.ts";

/*
 * Service contacts (issue 17, item 1): a contact without a case, one person's contacts as one
 * course. Safety rules tested first: an anonymous or first-name contact never writes a person
 * row and refuses an identity number; a course is seen by its workers and its unit's managers
 * only, and a refusal is audited on the person it concerns.
 */
describe.each(testDatabaseKinds)("service contacts (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let unitId: string;
  let s: Record<"worker" | "colleague" | "manager" | "therapist" | "consultant", Session>;
  let ids: Record<"worker" | "colleague" | "therapist" | "otherUnitWorker", string>;

  beforeAll(async () => {
    t = await buildTestApp(database());
    const { owner } = database();
    const org = await buildOrg(owner);
    unitId = (await buildUnit(owner, org.id, "crisis_centre")).id;
    const otherUnit = (await buildUnit(owner, org.id)).id;
    const worker = await buildUser(owner, org.id, [{ unitId, role: "therapist" }]);
    const colleague = await buildUser(owner, org.id, [{ unitId, role: "therapist" }]);
    const therapist = await buildUser(owner, org.id, [{ unitId, role: "therapist" }]);
    const manager = await buildUser(owner, org.id, [{ unitId, role: "unit_manager" }]);
    const consultant = await buildUser(owner, org.id, [{ unitId, role: "consultant" }]);
    const otherUnitWorker = await buildUser(owner, org.id, [
      { unitId: otherUnit, role: "caseworker" },
    ]);
    ids = {
      worker: worker.id,
      colleague: colleague.id,
      therapist: therapist.id,
      otherUnitWorker: otherUnitWorker.id,
    };
    s = {
      worker: await login(t.app, worker.username),
      colleague: await login(t.app, colleague.username),
      manager: await login(t.app, manager.username),
      therapist: await login(t.app, therapist.username),
      consultant: await login(t.app, consultant.username),
    };
  });
  afterAll(() => t?.close());

  const call = (who: Session, method: "GET" | "POST" | "PUT", url: string, payload?: object) =>
    t.app.inject({ method, url, headers: as(who), ...(payload ? { payload } : {}) });
  const persons = async () =>
    Number(
      (
        await database()
          .owner.selectFrom("person")
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const contact = (extra: object = {}) => ({
    kind: "phone_advice",
    channel: "phone",
    occurredAt: "2026-03-02T09:15:00+01:00",
    durationMinutes: 25,
    violenceKinds: ["psychological"],
    topic: "Rädd för sin partner",
    summary: "Berättar om hot i hemmet. Fick råd om skyddsplanering.",
    outcome: "advice_given",
    ...extra,
  });
  const course = (subject: object, extra: object = {}) => ({
    course: { unitId, subject, sex: "female", ...extra },
  });
  const denied = (action: string, after: number) =>
    database()
      .owner.selectFrom("audit_event")
      .select(["actor_user_id", "resource_type", "resource_id", "person_id"])
      .where("action", "=", action)
      .where("outcome", "=", "denied")
      .where("id", ">", after)
      .execute();
  const lastAudit = async () =>
    Number(
      (
        await database()
          .owner.selectFrom("audit_event")
          .select((eb) => eb.fn.max("id").as("m"))
          .executeTakeFirstOrThrow()
      ).m ?? 0,
    );

  it("records an anonymous phone call without writing any person row", async () => {
    const before = await persons();
    const res = await call(s.worker, "POST", "/api/service-contacts", {
      ...contact(),
      ...course({ kind: "anonymous", birthYear: 1990 }),
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().course).toMatchObject({
      subject: { kind: "anonymous", birthYear: 1990 },
      contacts: 1,
      totalMinutes: 25,
      responsibleId: ids.worker,
    });
    expect(await persons()).toBe(before);
    const event = await database()
      .owner.selectFrom("audit_event")
      .select(["resource_type", "resource_id", "person_id", "outcome"])
      .where("action", "=", "service_contact.record")
      .where("resource_id", "=", res.json().course.id)
      .executeTakeFirstOrThrow();
    expect(event).toMatchObject({ resource_type: "service_course", person_id: null });
  });

  it("refuses a personal identity number in a first name, topic or referral (400, nothing kept)", async () => {
    const number = fictionalIdentityNumber();
    const before = await persons();
    const courses = await database().owner.selectFrom("service_course").select("id").execute();
    for (const [body, field] of [
      [
        { ...contact(), ...course({ kind: "first_name", firstName: number, birthYear: 1980 }) },
        "course.subject.firstName",
      ],
      [
        { ...contact({ topic: `Gäller ${number.slice(2)}` }), ...course({ kind: "anonymous" }) },
        "topic",
      ],
      [
        {
          ...contact({ outcome: "referred", referredTo: `Hänvisad, pnr ${number}` }),
          ...course({ kind: "anonymous" }),
        },
        "referredTo",
      ],
    ] as const) {
      const res = await call(s.worker, "POST", "/api/service-contacts", body);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.fields[field]).toMatch(/personnummer/);
    }
    expect(await persons()).toBe(before);
    expect(await database().owner.selectFrom("service_course").select("id").execute()).toHaveLength(
      courses.length,
    );
  });

  it("asks where a referral went, and for one course only", async () => {
    const res = await call(s.worker, "POST", "/api/service-contacts", {
      ...contact({ outcome: "referred" }),
      courseId: "00000000-0000-4000-8000-000000000000",
      ...course({ kind: "anonymous" }),
    });
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().error.fields).sort()).toEqual(["course", "referredTo"]);
  });

  it("keeps a series of counselling visits by first name and birth year as one course", async () => {
    const before = await persons();
    const first = await call(s.worker, "POST", "/api/service-contacts", {
      ...contact({ kind: "counselling_visit", channel: "visit", durationMinutes: 60 }),
      ...course({ kind: "first_name", firstName: "Amira", birthYear: 1987 }),
    });
    expect(first.statusCode, first.body).toBe(201);
    const courseId = first.json().course.id;
    for (const day of ["2026-03-09", "2026-03-16"]) {
      const next = await call(s.worker, "POST", "/api/service-contacts", {
        ...contact({
          kind: "counselling_visit",
          channel: "visit",
          durationMinutes: 45,
          occurredAt: `${day}T13:00:00+01:00`,
        }),
        courseId,
      });
      expect(next.statusCode, next.body).toBe(201);
    }
    const read = await call(s.worker, "GET", `/api/service-courses/${courseId}`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({
      subject: { kind: "first_name", firstName: "Amira", birthYear: 1987 },
      contacts: 3,
      totalMinutes: 150,
      firstAt: "2026-03-02T08:15:00.000Z",
      lastAt: "2026-03-16T12:00:00.000Z",
    });
    expect(read.json().contactList.map((c: { occurredAt: string }) => c.occurredAt)).toEqual([
      "2026-03-16T12:00:00.000Z",
      "2026-03-09T12:00:00.000Z",
      "2026-03-02T08:15:00.000Z",
    ]);
    expect(await persons()).toBe(before);
  });

  it("shows a course to its worker and the unit's manager; a colleague gets 404, audited", async () => {
    const made = await call(s.worker, "POST", "/api/service-contacts", {
      ...contact(),
      ...course({ kind: "anonymous" }),
    });
    const courseId = made.json().course.id;
    expect((await call(s.manager, "GET", `/api/service-courses/${courseId}`)).statusCode).toBe(200);
    const after = await lastAudit();
    for (const who of [s.colleague, s.consultant]) {
      const res = await call(who, "GET", `/api/service-courses/${courseId}`);
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain("Rädd");
    }
    const more = await call(s.colleague, "POST", "/api/service-contacts", {
      ...contact(),
      courseId,
    });
    expect(more.statusCode).toBe(404);
    const refusals = await denied("service_course.read", after);
    expect(refusals.map((r) => r.resource_id)).toEqual([courseId, courseId]);
    expect(await denied("service_contact.record", after)).toHaveLength(1);
    // A consultant gives no service: a new course is refused as bad input, nothing written.
    const consultant = await call(s.consultant, "POST", "/api/service-contacts", {
      ...contact(),
      ...course({ kind: "anonymous" }),
    });
    expect(consultant.statusCode).toBe(400);
  });

  it("lists my courses newest contact first, a page at a time, one audit event a page", async () => {
    const list = await call(s.worker, "GET", "/api/service-contacts?mine=true&limit=2&count=true");
    expect(list.statusCode, list.body).toBe(200);
    const page = list.json();
    expect(page.courses).toHaveLength(2);
    expect(page.total).toBeGreaterThanOrEqual(3);
    expect(page.courses[0].lastAt >= page.courses[1].lastAt).toBe(true);
    const next = await call(
      s.worker,
      "GET",
      `/api/service-contacts?mine=true&limit=2&before=${page.nextCursor}`,
    );
    expect(next.statusCode).toBe(200);
    const seen = [...page.courses, ...next.json().courses].map((c: { id: string }) => c.id);
    expect(new Set(seen).size).toBe(seen.length);
    const events = await database()
      .owner.selectFrom("audit_event")
      .select(["data"])
      .where("action", "=", "service_course.list")
      .where("actor_user_id", "=", ids.worker)
      .orderBy("id", "desc")
      .limit(2)
      .execute();
    const named = events.flatMap((e) => (e.data as { courseIds: string[] }).courseIds);
    expect(named.sort()).toEqual([...seen].sort());
    // The colleague has none of these.
    const theirs = await call(s.colleague, "GET", "/api/service-contacts");
    expect(theirs.json().courses).toEqual([]);
  });

  it("turns an anonymous phone call into an intake and a case once the person is identified", async () => {
    const made = await call(s.worker, "POST", "/api/service-contacts", {
      ...contact({ summary: "Vill ansöka om skyddat boende." }),
      ...course({ kind: "anonymous" }),
    });
    const courseId = made.json().course.id;
    const contactId = made.json().contactId;
    const intake = {
      unitId,
      source: "the_person",
      kind: "application",
      askedAboutViolence: true,
    };
    const unnamed = await call(
      s.worker,
      "POST",
      `/api/service-contacts/${contactId}/intake`,
      intake,
    );
    expect(unnamed.statusCode).toBe(400);
    expect(unnamed.json().error.fields.personId).toMatch(/Identifiera personen/);
    const person = await buildPerson(database().owner, (await orgOf()).org_id, ids.worker);
    const res = await call(s.worker, "POST", `/api/service-contacts/${contactId}/intake`, {
      ...intake,
      personId: person.id,
    });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body.intake).toMatchObject({
      personId: person.id,
      channel: "phone",
      receivedAt: "2026-03-02T08:15:00.000Z",
      reportText: "Rädd för sin partner\n\nVill ansöka om skyddat boende.",
    });
    expect(body.case.id).toBeTruthy();
    const read = await call(s.worker, "GET", `/api/service-courses/${courseId}`);
    expect(read.json().subject).toMatchObject({ kind: "identified", personId: person.id });
    expect(read.json().contactList[0]).toMatchObject({
      outcome: "intake_made",
      intakeId: body.intake.id,
      caseId: body.case.id,
    });
    const again = await call(s.worker, "POST", `/api/service-contacts/${contactId}/intake`, {
      ...intake,
      personId: person.id,
    });
    expect(again.statusCode).toBe(409);
    const mine = await call(s.worker, "GET", `/api/persons/${person.id}/service-courses`);
    expect(mine.statusCode).toBe(200);
    expect(mine.json().courses.map((c: { id: string }) => c.id)).toEqual([courseId]);
    // Someone who may not see her gets 404, and the look is audited on her.
    const after = await lastAudit();
    expect(
      (await call(s.colleague, "GET", `/api/persons/${person.id}/service-courses`)).statusCode,
    ).toBe(404);
    expect((await call(s.colleague, "GET", `/api/service-courses/${courseId}`)).statusCode).toBe(
      404,
    );
    const refusals = await denied("service_course.read", after);
    expect(refusals.map((r) => r.person_id)).toEqual([person.id]);
  });

  it("lets the unit's manager hand a course to another worker of the unit only", async () => {
    const made = await call(s.worker, "POST", "/api/service-contacts", {
      ...contact(),
      ...course({ kind: "anonymous" }),
    });
    const url = `/api/service-courses/${made.json().course.id}/responsible`;
    const after = await lastAudit();
    expect((await call(s.worker, "PUT", url, { userId: ids.therapist })).statusCode).toBe(403);
    expect(await denied("service_course.responsible", after)).toHaveLength(1);
    const elsewhere = await call(s.manager, "PUT", url, { userId: ids.otherUnitWorker });
    expect(elsewhere.statusCode).toBe(400);
    const handed = await call(s.manager, "PUT", url, { userId: ids.therapist });
    expect(handed.statusCode, handed.body).toBe(200);
    expect(handed.json().responsibleId).toBe(ids.therapist);
    // The new responsible sees it now.
    const read = await call(s.therapist, "GET", `/api/service-courses/${made.json().course.id}`);
    expect(read.statusCode).toBe(200);
  });

  it("closes a course; a further contact in it is refused (409)", async () => {
    const made = await call(s.worker, "POST", "/api/service-contacts", {
      ...contact(),
      ...course({ kind: "anonymous" }),
    });
    const courseId = made.json().course.id;
    const closed = await call(s.worker, "POST", `/api/service-courses/${courseId}/close`);
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json().closedAt).toBeTruthy();
    expect(
      (await call(s.worker, "POST", `/api/service-courses/${courseId}/close`)).statusCode,
    ).toBe(409);
    const more = await call(s.worker, "POST", "/api/service-contacts", { ...contact(), courseId });
    expect(more.statusCode).toBe(409);
  });

  const orgOf = () =>
    database()
      .owner.selectFrom("unit")
      .select("org_id")
      .where("id", "=", unitId)
      .executeTakeFirstOrThrow();
});
