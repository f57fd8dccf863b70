import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stockholmDate } from "../../../shared/calendar.ts";
import { dangerAnswers } from "../../../shared/instruments/builtin/danger-assessment.ts";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import { as, buildPerson, buildWorkedCase, type Session } from "../../testing/factories.ts";
import { pdfInfo, pdfText, unicodeNames } from "../../testing/pdf.ts";

/*
 * The investigation printed (issue 15): the report the committee and the client receive,
 * with the sections, the children, the latest risk and the assessment; the person printed
 * by the decision letter's rules; names in any script; every print audited.
 */
describe.each(testDatabaseKinds)("the investigation as a PDF (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let worker: Session;
  let world: Awaited<ReturnType<typeof buildWorkedCase>>;
  let childId: string;
  const url = () => `/api/cases/${world.caseId}/investigation/pdf`;

  beforeAll(async () => {
    t = await buildTestApp(database());
    world = await buildWorkedCase(t.app, database().owner);
    worker = world.session;
    const owner = database().owner;
    const [given, family] = unicodeNames.arabic.split(" ");
    await owner
      .updateTable("person")
      .set({ given_name: given as string, family_name: family as string })
      .where("id", "=", world.personId)
      .execute();
    const child = await buildPerson(owner, world.orgId, world.userId);
    childId = child.id;
    await req("POST", `/api/cases/${world.caseId}/relations`, {
      otherPersonId: child.id,
      kind: "child",
    });
    // The report prints the child as the relation recorded her (relations.ts).
    await owner
      .updateTable("relation")
      .set({ given_name: "Łucja", family_name: "Śliwińska-Żak" })
      .where("other_person_id", "=", child.id)
      .execute();
    await req("POST", `/api/cases/${world.caseId}/status`, { to: "investigation" });
    await req("PUT", `/api/cases/${world.caseId}/investigation`, {
      sections: {
        acute_needs: "Behöver skyddat boende i natt.",
        network: `Systern ${unicodeNames.sami} bor i Kautokeino.`,
      },
      childrenWitnessedViolence: true,
      summary: "Våld av sambo sedan två år, eskalerande.",
      assessment: "Behov av skyddat boende och stödsamtal.",
    });
  });
  afterAll(() => t?.close());

  function req(method: "GET" | "POST" | "PUT", path: string, payload?: object) {
    return t.app.inject({
      method,
      url: path,
      headers: as(worker),
      ...(payload ? { payload } : {}),
    });
  }
  const prints = async (caseId: string, outcome: "allowed" | "denied") =>
    (
      await database()
        .owner.selectFrom("audit_event")
        .select("id")
        .where("resource_id", "=", caseId)
        .where("action", "=", "investigation.print")
        .where("outcome", "=", outcome)
        .execute()
    ).length;

  it("answers 401 without a session", async () => {
    const res = await t.app.inject({ method: "GET", url: url() });
    expect(res.statusCode).toBe(401);
  });

  it("prints the sections, the children, the risk and the assessment, names in any script, and is audited", async () => {
    const a = (
      await req("POST", `/api/cases/${world.caseId}/assessments`, {
        instrumentId: "danger_assessment",
      })
    ).json();
    const no = Object.fromEntries(
      ["more_often", "more_severe", "strangulation", "weapon_used", "threats_to_kill"].map((k) => [
        k,
        "no",
      ]),
    );
    await req("PUT", `/api/cases/${world.caseId}/assessments/${a.id}`, {
      answers: no,
      assessedOn: stockholmDate(new Date()),
    });
    const before = await prints(world.caseId, "allowed");
    const res = await req("GET", url());
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    expect(res.headers["content-disposition"]).toMatch(
      /^attachment; filename="utredning-.+\.pdf"$/,
    );
    const text = await pdfText(res.rawPayload);
    expect(text).toContain(unicodeNames.arabic);
    expect(text).toContain("Łucja Śliwińska-Żak");
    expect(text).toContain(unicodeNames.sami);
    expect(text).toContain("Akuta behov");
    expect(text).toContain("Behöver skyddat boende i natt.");
    expect(text).toContain("Har barnen bevittnat våld?\nJa");
    expect(text).toContain("Bedömning\nBehov av skyddat boende och stödsamtal.");
    expect(text).toContain("Utredningen pågår");
    // The draft assessment is not a risk assessment yet.
    expect(text).toContain("Ingen riskbedömning är gjord i ärendet.");
    // Nobody asked whether letters are safe: no address, handed over (the letter's rule).
    expect(text).toContain("Lämnas personligen.");
    expect(await prints(world.caseId, "allowed")).toBe(before + 1);
    // The one event names everyone the report shows: the person and the child.
    const event = await database()
      .owner.selectFrom("audit_event")
      .select(["person_id", "person_ids"])
      .where("resource_id", "=", world.caseId)
      .where("action", "=", "investigation.print")
      .executeTakeFirstOrThrow();
    expect(event).toEqual({ person_id: world.personId, person_ids: [childId] });
  });

  it("prints the latest completed risk assessment and names the responsible worker", async () => {
    const [a] = (await req("GET", `/api/cases/${world.caseId}/assessments`)).json().assessments;
    const answers = dangerAnswers();
    const assessment = `/api/cases/${world.caseId}/assessments/${a.id}`;
    await req("PUT", assessment, { answers, assessedOn: stockholmDate(new Date()) });
    const done = await req("POST", `${assessment}/complete`, {
      judgements: { risk: "low" },
      reasons: "Inga riskfaktorer; hon bor nu på skyddat boende.",
    });
    expect(done.json()).toMatchObject({ status: "completed" });
    const text = await pdfText((await req("GET", url())).rawPayload);
    expect(text).toContain(`Senaste bedömning ${stockholmDate(new Date())} (Farlighetsbedömning):`);
    expect(text).toContain("Låg");
    const me = await database()
      .owner.selectFrom("app_user")
      .select("display_name")
      .where("id", "=", world.userId)
      .executeTakeFirstOrThrow();
    expect(text).toContain(`Ansvarig handläggare: ${me.display_name}`);
  });

  it("prints no name, number nor case reference of a person living under a fictitious identity", async () => {
    await database()
      .owner.updateTable("person")
      .set({ protection_level: "fictitious_identity" })
      .where("id", "=", world.personId)
      .execute();
    const res = await req("GET", url());
    const text = await pdfText(res.rawPayload);
    expect(text).not.toContain(unicodeNames.arabic);
    expect(text).toContain("Lämnas personligen.");
    // Nor the case's reference beside the invented identity: it would tie her to the file.
    const { reference } = (await req("GET", `/api/cases/${world.caseId}`)).json();
    expect(text).toContain("Behöver skyddat boende i natt.");
    expect(text).not.toContain(reference);
    expect(text).not.toContain("Diarienummer");
    expect((await pdfInfo(res.rawPayload)).subject).toBe("Utredning");
    expect(res.headers["content-disposition"]).toBe('attachment; filename="utredning.pdf"');
    await database()
      .owner.updateTable("person")
      .set({ protection_level: "none" })
      .where("id", "=", world.personId)
      .execute();
  });

  it("answers someone else's case with 404 and records the attempt", async () => {
    const other = await buildWorkedCase(t.app, database().owner);
    const before = await prints(world.caseId, "denied");
    const res = await t.app.inject({ method: "GET", url: url(), headers: as(other.session) });
    expect(res.statusCode).toBe(404);
    expect(await prints(world.caseId, "denied")).toBe(before + 1);
  });
});
