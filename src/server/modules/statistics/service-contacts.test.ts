import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withReporting } from "../../access/transaction.ts";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import {
  as,
  buildOrg,
  buildPerson,
  buildUnit,
  buildUser,
  login,
  type Session,
} from "../../testing/factories.ts";
import { serviceContactFigures } from "./service-contacts.ts";

/*
 * Service contacts in figures (issue 17, item 7): March 2026 at a crisis centre, entered
 * through the API as its workers would, with contacts just outside the month and at another
 * unit that must not count. The expected figures are worked out by hand in the comments.
 */
describe.each(testDatabaseKinds)("service contacts in figures (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let orgId: string;
  let unitA: string;
  let unitB: string;
  let managerId: string;
  let s: Record<"one" | "two" | "other" | "manager" | "analyst", Session>;

  const post = (who: Session, url: string, payload: object) =>
    t.app.inject({ method: "POST", url, headers: as(who), payload });
  async function contact(
    who: Session,
    fields: Record<string, unknown>,
    course: Record<string, unknown> | string,
  ) {
    const res = await post(who, "/api/service-contacts", {
      kind: "phone_advice",
      channel: "phone",
      durationMinutes: 20,
      topic: "Råd",
      outcome: "advice_given",
      ...fields,
      ...(typeof course === "string" ? { courseId: course } : { course }),
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { contactId: string; course: { id: string } };
  }

  beforeAll(async () => {
    t = await buildTestApp(database());
    const { owner } = database();
    orgId = (await buildOrg(owner)).id;
    unitA = (await buildUnit(owner, orgId, "crisis_centre")).id;
    unitB = (await buildUnit(owner, orgId, "crisis_centre")).id;
    const one = await buildUser(owner, orgId, [{ unitId: unitA, role: "therapist" }]);
    const two = await buildUser(owner, orgId, [{ unitId: unitA, role: "caseworker" }]);
    const other = await buildUser(owner, orgId, [{ unitId: unitB, role: "therapist" }]);
    const manager = await buildUser(owner, orgId, [{ unitId: unitA, role: "unit_manager" }]);
    const analyst = await buildUser(owner, orgId, [{ unitId: null, role: "analyst" }]);
    managerId = manager.id;
    s = {
      one: await login(t.app, one.username),
      two: await login(t.app, two.username),
      other: await login(t.app, other.username),
      manager: await login(t.app, manager.username),
      analyst: await login(t.app, analyst.username),
    };
    const a = (subject: object, extra: object = {}) => ({ unitId: unitA, subject, ...extra });
    // 1. An anonymous woman's call at five past midnight on the first: 20 minutes.
    await contact(
      s.one,
      { occurredAt: "2026-03-01T00:05:00+01:00" },
      a({ kind: "anonymous" }, { sex: "female" }),
    );
    // 2. Amira, three counselling visits (60 + 45 + 45); the last referred on.
    const amira = await contact(
      s.one,
      {
        kind: "counselling_visit",
        channel: "visit",
        durationMinutes: 60,
        occurredAt: "2026-03-05T10:00:00+01:00",
      },
      a({ kind: "first_name", firstName: "Amira", birthYear: 1987 }, { sex: "female" }),
    );
    await contact(
      s.one,
      {
        kind: "counselling_visit",
        channel: "visit",
        durationMinutes: 45,
        occurredAt: "2026-03-12T10:00:00+01:00",
      },
      amira.course.id,
    );
    await contact(
      s.one,
      {
        kind: "counselling_visit",
        channel: "visit",
        durationMinutes: 45,
        occurredAt: "2026-03-19T10:00:00+01:00",
        outcome: "referred",
        referredTo: "Familjerätten",
      },
      amira.course.id,
    );
    // 3. An identified woman in two courses: support with an authority (90), a call (15).
    const her = await buildPerson(owner, orgId, two.id);
    const heard = a({ kind: "identified", personId: her.id }, { sex: "female" });
    await contact(
      s.two,
      {
        kind: "authority_support",
        channel: "visit",
        durationMinutes: 90,
        occurredAt: "2026-03-10T14:00:00+01:00",
      },
      heard,
    );
    await contact(s.two, { durationMinutes: 15, occurredAt: "2026-03-20T09:00:00+01:00" }, heard);
    // 4. A boy in a group session (60).
    await contact(
      s.two,
      {
        kind: "group_session",
        channel: "visit",
        durationMinutes: 60,
        occurredAt: "2026-03-25T15:00:00+01:00",
      },
      a({ kind: "anonymous" }, { sex: "male", isChild: true }),
    );
    // 5. Erik by video (30), which became an intake: his course is identified since.
    const erik = await contact(
      s.two,
      { channel: "video", durationMinutes: 30, occurredAt: "2026-03-26T11:00:00+01:00" },
      a({ kind: "first_name", firstName: "Erik", birthYear: 1975 }, { sex: "male" }),
    );
    const him = await buildPerson(owner, orgId, two.id);
    const intake = await post(s.two, `/api/service-contacts/${erik.contactId}/intake`, {
      personId: him.id,
      unitId: unitA,
      source: "the_person",
      kind: "application",
      askedAboutViolence: true,
    });
    expect(intake.statusCode, intake.body).toBe(201);
    // Outside: the evening before the month, the first minute after it (summer time), unit B.
    await contact(s.one, { occurredAt: "2026-02-28T23:50:00+01:00" }, a({ kind: "anonymous" }));
    await contact(s.one, { occurredAt: "2026-04-01T00:00:00+02:00" }, a({ kind: "anonymous" }));
    await contact(
      s.other,
      { occurredAt: "2026-03-15T12:00:00+01:00" },
      { unitId: unitB, subject: { kind: "anonymous" }, sex: "female" },
    );
  });
  afterAll(() => t?.close());

  const unitAMarch = {
    from: "2026-03-01",
    to: "2026-03-31",
    contacts: 8,
    byKind: { phone_advice: 3, counselling_visit: 3, authority_support: 1, group_session: 1 },
    byChannel: { phone: 2, visit: 5, video: 1, chat: 0, email: 0, other: 0 },
    bySubject: { identified: 3, first_name: 3, anonymous: 2 },
    courses: 6,
    // The identified woman's two courses are one person.
    persons: 5,
    women: 3,
    men: 1,
    children: 1,
    minutes: 365,
    referred: 1,
    intakesMade: 1,
  };

  it("counts the unit's month exactly, for the yearly report to call", async () => {
    const f = await withReporting(database().db, { userId: managerId, orgId }, (trx) =>
      serviceContactFigures(trx, { orgId, units: [unitA], from: "2026-03-01", to: "2026-03-31" }),
    );
    expect(f).toEqual(unitAMarch);
  });

  it("lets the reporting role count only the units the manager reports on", async () => {
    const f = await withReporting(database().db, { userId: managerId, orgId }, (trx) =>
      serviceContactFigures(trx, { orgId, units: null, from: "2026-03-01", to: "2026-03-31" }),
    );
    expect(f).toEqual(unitAMarch);
  });

  it("answers the unit's manager exactly; a worker is refused (403)", async () => {
    const url = `/api/statistics/service-contacts?from=2026-03-01&to=2026-03-31&unitId=${unitA}`;
    const res = await t.app.inject({ method: "GET", url, headers: as(s.manager) });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ ...unitAMarch, scope: "unit", suppressed: false });
    const worker = await t.app.inject({ method: "GET", url, headers: as(s.one) });
    expect(worker.statusCode).toBe(403);
  });

  it("gives an analyst the organisation's month with 1–4 suppressed", async () => {
    const url = "/api/statistics/service-contacts?from=2026-03-01&to=2026-03-31";
    const res = await t.app.inject({ method: "GET", url, headers: as(s.analyst) });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      scope: "organisation",
      suppressed: true,
      contacts: 9,
      courses: 7,
      persons: 6,
      women: null,
      men: null,
      minutes: 385,
      byChannel: { phone: null, visit: 5, video: null, chat: 0 },
    });
  });
});
