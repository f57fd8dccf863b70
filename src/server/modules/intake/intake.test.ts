import { afterAll, beforeAll, describe, expect, it } from "vitest";
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

describe.each(testDatabaseKinds)("intake (aktualisering) (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let adult: { unitId: string; s: Session; userId: string };
  let child: { unitId: string; s: Session; colleague: Session; ids: string[] };
  let orgId: string;

  beforeAll(async () => {
    t = await buildTestApp(database());
    const { owner } = database();
    orgId = (await buildOrg(owner)).id;
    const adultUnit = (await buildUnit(owner, orgId)).id;
    const childUnit = (await buildUnit(owner, orgId, "child_services")).id;
    const a = await buildUser(owner, orgId, [{ unitId: adultUnit, role: "caseworker" }]);
    const c1 = await buildUser(owner, orgId, [{ unitId: childUnit, role: "caseworker" }]);
    const c2 = await buildUser(owner, orgId, [{ unitId: childUnit, role: "caseworker" }]);
    adult = { unitId: adultUnit, s: await login(t.app, a.username), userId: a.id };
    child = {
      unitId: childUnit,
      s: await login(t.app, c1.username),
      colleague: await login(t.app, c2.username),
      ids: [c1.id, c2.id],
    };
  });
  afterAll(() => t?.close());

  const record = (s: Session, body: object) =>
    t.app.inject({ method: "POST", url: "/api/intakes", headers: as(s), payload: body });
  const base = (personId: string, unitId: string) => ({
    personId,
    unitId,
    source: "the_person",
    channel: "phone",
    receivedAt: "2026-11-20T08:15:00+01:00",
    askedAboutViolence: true,
    violenceAnswer: "Berättar om hot och slag från sambon.",
    interpreterNeeded: true,
    interpreterLanguage: "arabiska",
    childrenInHousehold: 2,
  });

  it("treats a call as an application and opens an investigation", async () => {
    const person = await buildPerson(database().owner, orgId, adult.userId);
    const res = await record(adult.s, base(person.id, adult.unitId));
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.intake).toMatchObject({
      kind: "application",
      interpreterLanguage: "arabiska",
      childrenInHousehold: 2,
      receivedAt: "2026-11-20T07:15:00.000Z",
    });
    expect(body.case).toMatchObject({
      caseType: "adult_victim",
      status: "investigation",
      assignedToMe: true,
    });
    expect(body.case.statusHistory.items).toMatchObject([
      { from: "intake", to: "investigation", trigger: "intake_application", comment: null },
    ]);
    expect(body.joinedExistingCase).toBe(false);
    // The interpreter need is kept with the person, for all case work.
    const personView = await t.app.inject({
      method: "GET",
      url: `/api/persons/${person.id}`,
      headers: as(adult.s),
    });
    expect(personView.json().details).toMatchObject({
      interpreterNeeded: true,
      interpreterLanguage: "arabiska",
    });

    // A second call about the same person joins the open case.
    const again = (await record(adult.s, base(person.id, adult.unitId))).json();
    expect(again).toMatchObject({ joinedExistingCase: true, case: { id: body.case.id } });
    const list = await t.app.inject({
      method: "GET",
      url: `/api/cases/${body.case.id}/intakes`,
      headers: as(adult.s),
    });
    expect(list.json().intakes).toHaveLength(2);
  });

  it("leaves the violence screening waiting as a draft when the worker asked about violence", async () => {
    const asked = await buildPerson(database().owner, orgId, adult.userId);
    const opened = (await record(adult.s, base(asked.id, adult.unitId))).json().case.id;
    const drafts = (
      await t.app.inject({
        method: "GET",
        url: `/api/cases/${opened}/assessments`,
        headers: as(adult.s),
      })
    ).json().assessments;
    expect(drafts).toMatchObject([{ status: "draft", instrument: { id: "violence_screening" } }]);

    const notAsked = await buildPerson(database().owner, orgId, adult.userId);
    const other = (
      await record(adult.s, {
        ...base(notAsked.id, adult.unitId),
        askedAboutViolence: false,
        violenceAnswer: null,
      })
    ).json().case.id;
    const none = await t.app.inject({
      method: "GET",
      url: `/api/cases/${other}/assessments`,
      headers: as(adult.s),
    });
    expect(none.json().assessments).toEqual([]);
  });

  it("records a mere request for information without a case, only with a reason", async () => {
    const person = await buildPerson(database().owner, orgId, adult.userId);
    const noReason = await record(adult.s, {
      ...base(person.id, adult.unitId),
      kind: "request_for_information",
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields.informationOnlyReason).toContain("Skriv varför");
    const ok = await record(adult.s, {
      ...base(person.id, adult.unitId),
      kind: "request_for_information",
      informationOnlyReason: "Ville veta hur skyddat boende fungerar, vill inte ansöka nu.",
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({
      case: null,
      intake: { caseId: null, kind: "request_for_information" },
    });
  });

  it("starts a child's report of concern in the preliminary assessment, and attaches later reports to the open case", async () => {
    const kid = await buildPerson(database().owner, orgId, undefined);
    // Both caseworkers at Barn och unga know the child from the report they received.
    await database()
      .owner.insertInto("person_registration")
      .values(child.ids.map((user_id) => ({ org_id: orgId, person_id: kid.id, user_id })))
      .execute();
    const first = (
      await record(child.s, {
        ...base(kid.id, child.unitId),
        kind: "report_of_concern",
        source: "school",
        interpreterNeeded: false,
        // The child is not asked about violence at intake (intake-report.test.ts).
        askedAboutViolence: null,
        violenceAnswer: null,
      })
    ).json();
    expect(first.case).toMatchObject({ caseType: "child", status: "preliminary_assessment" });
    // The colleague's report about the same child joins the open case, which they cannot see.
    const second = (
      await record(child.colleague, {
        ...base(kid.id, child.unitId),
        kind: "report_of_concern",
        source: "police",
        interpreterNeeded: false,
        askedAboutViolence: null,
        violenceAnswer: null,
      })
    ).json();
    expect(second).toMatchObject({
      joinedExistingCase: true,
      case: null,
      intake: { caseId: first.case.id },
    });
    const list = await t.app.inject({
      method: "GET",
      url: `/api/cases/${first.case.id}/intakes`,
      headers: as(child.s),
    });
    expect(list.json().intakes.map((i: { source: string }) => i.source)).toEqual(
      ["police", "school"].sort().reverse().length === 2
        ? expect.arrayContaining(["police", "school"])
        : [],
    );
  });

  it("asks for the interpreter's language and refuses a time in the future", async () => {
    const person = await buildPerson(database().owner, orgId, adult.userId);
    const res = await record(adult.s, {
      ...base(person.id, adult.unitId),
      interpreterLanguage: null,
      receivedAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    expect(res.json().error.fields).toEqual({
      interpreterLanguage: "Ange vilket språk tolken ska tala.",
      receivedAt: "Tidpunkten kan inte ligga i framtiden.",
    });
  });
});
