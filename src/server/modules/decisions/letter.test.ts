import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import { as, buildUser, buildWorkedCase, login, type Session } from "../../testing/factories.ts";
import { pdfInfo, pdfWords } from "../../testing/pdf.ts";
import { buildConsultation } from "../../testing/protection.ts";

/*
 * The decision letter: a real PDF in Swedish with the organisation, the decision, the
 * reasoning and, when not everything was granted, how to appeal; addressed only where the
 * person said letters are safe.
 */
describe.each(testDatabaseKinds)("the decision letter (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let worker: Session;
  let caseId: string;
  let personId: string;
  let granted: string;
  let denied: string;
  let world: Awaited<ReturnType<typeof buildWorkedCase>>;

  beforeAll(async () => {
    t = await buildTestApp(database());
    world = await buildWorkedCase(t.app, database().owner);
    ({ caseId, personId, session: worker } = world);
    await req("POST", `/api/cases/${caseId}/status`, { to: "investigation" });
    const decide = async (body: object) =>
      (await req("POST", `/api/cases/${caseId}/decisions`, body)).json().id as string;
    granted = await decide({
      interventionKind: "sheltered_housing",
      outcome: "granted",
      periodFrom: "2026-11-20",
      periodTo: "2027-02-20",
      reasoning: "Du behöver skydd mot fortsatt våld från din tidigare partner.",
    });
    denied = await decide({
      interventionKind: "financial_aid",
      outcome: "denied",
      reasoning: "Din inkomst räcker till din försörjning enligt riksnormen.",
    });
  });
  afterAll(() => t?.close());

  function req(method: "GET" | "POST" | "PATCH", url: string, payload?: object) {
    return t.app.inject({ method, url, headers: as(worker), ...(payload ? { payload } : {}) });
  }
  const letter = async (decisionId: string) => {
    const res = await req("GET", `/api/cases/${caseId}/decisions/${decisionId}/letter`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    expect(res.headers["content-disposition"]).toMatch(
      /^attachment; filename="beslut(-.+)?\.pdf"$/,
    );
    return {
      text: await pdfWords(res.rawPayload),
      delivery: res.headers["x-frid-letter-delivery"],
      res,
    };
  };
  const safeContact = (maySendLetters: boolean | null, letterAddress: string | null = null) =>
    req("PATCH", `/api/persons/${personId}`, {
      postalAddress: "Hemgatan 1, 111 11 Demostad",
      safeContact: { maySendLetters, letterAddress },
    });

  it("says in Swedish what was decided, on what basis and why, by whom, and how to appeal a denial", async () => {
    const { text: yes } = await letter(granted);
    expect(yes).toContain("Beslut om skyddat boende");
    expect(yes).toContain("Beslut: Beviljas");
    expect(yes).toContain("Period: 2026-11-20 till 2027-02-20");
    expect(yes).toContain("SoL (2025:400) 9 kap. 6 §");
    expect(yes).toContain("Du behöver skydd mot fortsatt våld");
    expect(yes).not.toContain("Så här överklagar du");
    const { text: no } = await letter(denied);
    expect(no).toContain("Beslut: Avslås");
    expect(no).toContain("Så här överklagar du");
    expect(no).toContain("förvaltningsrätten");
    expect(no).toContain("inom tre veckor");
  });

  it("is never addressed before anyone asked whether letters are safe, nor when the person said no", async () => {
    // The factory's person has no safe-contact answers yet.
    const unasked = await letter(granted);
    expect(unasked.delivery).toBe("hand_over");
    expect(unasked.text).toContain("Lämnas personligen");
    const list = (await req("GET", `/api/cases/${caseId}/decisions`)).json();
    expect(list.letterDelivery).toEqual({
      method: "hand_over",
      reason: "not_asked",
      warning: null,
    });

    await safeContact(false, "Box 5, 222 22 Annanstad");
    const refused = await letter(granted);
    expect(refused.delivery).toBe("hand_over");
    expect(refused.text).not.toContain("Hemgatan");
    expect(refused.text).not.toContain("Box 5");
    expect((await req("GET", `/api/cases/${caseId}/decisions`)).json().letterDelivery.reason).toBe(
      "letters_not_allowed",
    );
  });

  it("goes by post to the safe address the person gave, never the registered one", async () => {
    await safeContact(true, "Box 5, 222 22 Annanstad");
    const posted = await letter(granted);
    expect(posted.delivery).toBe("post");
    expect(posted.text).toContain("Box 5, 222 22 Annanstad");
    expect(posted.text).not.toContain("Hemgatan");
  });

  it("prints a protected person's address only while her worker has revealed it with a reason", async () => {
    // Review 19, finding 9: one rule for every letter (persons/reveal.ts requireReveal).
    await safeContact(true, "Box 5, 222 22 Annanstad");
    const level = (protection_level: "none" | "confidentiality_marking") =>
      database().owner.updateTable("person").set({ protection_level }).where("id", "=", personId);
    await level("confidentiality_marking").execute();
    try {
      const url = `/api/cases/${caseId}/decisions/${granted}/letter`;
      const refused = await req("GET", url);
      expect(refused.statusCode, refused.body).toBe(409);
      expect(refused.json().error.code).toBe("reveal_required");
      expect(refused.body).not.toContain("Box 5");
      const revealed = await req("POST", `/api/persons/${personId}/contact-reveal`, {
        reasonText: "Skicka beslutet med post.",
      });
      expect(revealed.statusCode, revealed.body).toBe(200);
      const posted = await letter(granted);
      expect(posted.delivery).toBe("post");
      expect(posted.text).toContain("Box 5, 222 22 Annanstad");
    } finally {
      await level("none").execute();
    }
  });

  it("carries no address at all under protected registration", async () => {
    const set = await req("PATCH", `/api/persons/${personId}`, {
      protectionLevel: "protected_registration",
    });
    expect(set.statusCode).toBe(200);
    expect(set.json().protectionLevel).toBe("protected_registration");
    // The page offers the worker only this level and higher ones: she may not lower it.
    expect(set.json().abilities).toMatchObject({ lowerProtection: false });
    const forwarded = await letter(granted);
    expect(forwarded.delivery).toBe("forwarding");
    expect(forwarded.text).not.toContain("Box 5");
    expect(forwarded.text).not.toContain("Hemgatan");
    // Lowering it again is not a single worker's call; the unit manager may, and it is logged.
    const lowered = await req("PATCH", `/api/persons/${personId}`, { protectionLevel: "none" });
    expect(lowered.statusCode).toBe(403);
    expect(lowered.json().error.message).toContain("enhetschef");
    const manager = await buildUser(database().owner, world.orgId, [
      { unitId: world.unitId, role: "unit_manager" },
    ]);
    // …after the protection officer agreed (issue 19, item 3).
    await buildConsultation(database().owner, { ...world, kind: "lower_protection" });
    const byManager = await t.app.inject({
      method: "PATCH",
      url: `/api/persons/${personId}`,
      headers: as(await login(t.app, manager.username)),
      payload: { protectionLevel: "none" },
    });
    expect(byManager.statusCode).toBe(200);
    expect(byManager.json().abilities).toMatchObject({ lowerProtection: true });
    const [event] = await database()
      .owner.selectFrom("audit_event")
      .select("data")
      .where("action", "=", "person.update")
      .where("actor_user_id", "=", manager.id)
      .execute();
    expect(event?.data).toMatchObject({
      protectionLevel: { from: "protected_registration", to: "none" },
    });
  });

  it("never prints the identity a person with fingerade personuppgifter is protected under, nor the case reference", async () => {
    const person = (await req("GET", `/api/persons/${personId}`)).json();
    const set = await req("PATCH", `/api/persons/${personId}`, {
      protectionLevel: "fictitious_identity",
    });
    expect(set.statusCode).toBe(200);
    const { text, delivery, res } = await letter(granted);
    expect(delivery).toBe("hand_over");
    expect(text).toContain("Beslut om skyddat boende");
    expect(text).toContain("Lämnas personligen");
    expect(text).not.toContain(person.givenName);
    expect(text).not.toContain(person.familyName);
    const digits = text.replace(/\D/g, "");
    expect(digits).not.toContain(person.identityNumber.replace(/\D/g, "").slice(-10));
    // Nor the case's reference beside the invented identity: it would tie her to the file.
    const { reference } = (await req("GET", `/api/cases/${caseId}`)).json();
    expect(res.headers["content-disposition"]).toBe('attachment; filename="beslut.pdf"');
    expect(text).not.toContain(reference);
    expect(text).not.toContain("Diarienummer");
    expect((await pdfInfo(res.rawPayload)).subject).toBe("Beslut");
  });

  it("leaves a trace of every letter made, with how it may be delivered", async () => {
    await letter(denied);
    const events = await database()
      .owner.selectFrom("audit_event")
      .select(["action", "data"])
      .where("action", "=", "decision.letter")
      .where("resource_id", "=", caseId)
      .orderBy("id")
      .execute();
    // Two in the first test, two in the second, one each in the next four (a letter refused
    // for want of a reveal is no letter made), and this one.
    expect(events).toHaveLength(9);
    expect(events.at(-1)?.data).toMatchObject({ decisionId: denied });
  });

  it("answers a decision of another case with 404", async () => {
    const other = await buildWorkedCase(t.app, database().owner);
    const res = await t.app.inject({
      method: "GET",
      url: `/api/cases/${other.caseId}/decisions/${granted}/letter`,
      headers: as(other.session),
    });
    expect(res.statusCode).toBe(404);
  });
});
