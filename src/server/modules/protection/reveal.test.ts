import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openColumns, parseSafeContact } from "../../db/sealed-columns.ts";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import {
  as,
  buildUnit,
  buildUser,
  buildWorkedCase,
  login,
  type Session,
} from "../../testing/factories.ts";

/**
 * Reveal with a reason (issue 19, item 2): a protected person's address and contact details
 * are masked on her page until a worker of her case states why they need them; the reveal
 * lasts a few minutes, is audited with its reason, and her protection officer sees it.
 */
describe.each(testDatabaseKinds)("reveal with a reason (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let w: Awaited<ReturnType<typeof buildWorkedCase>>;
  let officer: Session;
  let officerElsewhere: Session;
  let colleague: Session;

  const safeContact = {
    mayCall: false,
    maySendLetters: true,
    letterAddress: "Box 17, 999 99 Hemligstad",
    codeWord: "Blåklint",
    notes: "Ring aldrig efter 17.",
    timesToAvoid: "Kvällar",
  };

  beforeAll(async () => {
    t = await buildTestApp(database());
    w = await buildWorkedCase(t.app, database().owner);
    await database()
      .owner.updateTable("person")
      .set({
        phone: "070-123 45 67",
        email: "hemlig@example.org",
        postal_address: "Hemligvägen 17\n999 99 Hemligstad",
        safe_contact: JSON.stringify(safeContact),
      })
      .where("id", "=", w.personId)
      .execute();
    const owner = database().owner;
    const elsewhere = await buildUnit(owner, w.orgId);
    const user = async (unitId: string, role: "protection_officer" | "caseworker") =>
      login(t.app, (await buildUser(owner, w.orgId, [{ unitId, role }])).username);
    officer = await user(w.unitId, "protection_officer");
    officerElsewhere = await user(elsewhere.id, "protection_officer");
    colleague = await user(w.unitId, "caseworker");
  });
  afterAll(() => t?.close());

  const setLevel = (level: string) =>
    database()
      .owner.updateTable("person")
      .set({ protection_level: level as "none" })
      .where("id", "=", w.personId)
      .execute();
  const read = async (s: Session = w.session) => {
    const res = await t.app.inject({
      method: "GET",
      url: `/api/persons/${w.personId}`,
      headers: as(s),
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const reveal = (payload: object, s: Session = w.session) =>
    t.app.inject({
      method: "POST",
      url: `/api/persons/${w.personId}/contact-reveal`,
      headers: as(s),
      payload,
    });
  const endReveals = () =>
    database()
      .owner.updateTable("person_reveal")
      // An hour back: ended, in the order they were made.
      .set({
        revealed_at: sql`revealed_at - interval '1 hour'`,
        expires_at: sql`expires_at - interval '1 hour'`,
      })
      .where("person_id", "=", w.personId)
      .where("expires_at", ">", sql<Date>`now()`)
      .execute();

  it("masks her address, phone, e-mail, code word, letter address and notes at every level of protection", async () => {
    await setLevel("none");
    const open = await read();
    expect(open.contactMasked).toBe(false);
    expect(open.details.phone).toBe("070-123 45 67");
    for (const level of [
      "confidentiality_marking",
      "protected_registration",
      "fictitious_identity",
    ]) {
      await setLevel(level);
      const person = await read();
      expect(person.contactMasked, level).toBe(true);
      expect(person.revealedUntil).toBeNull();
      expect(person.details).toMatchObject({
        phone: null,
        email: null,
        postalAddress: null,
        safeContact: {
          letterAddress: null,
          codeWord: null,
          notes: null,
          // Her instructions stay: they say how NOT to reach her.
          mayCall: false,
          timesToAvoid: "Kvällar",
        },
      });
      const body = JSON.stringify(person);
      for (const secret of [
        "Hemlig",
        "hemlig@",
        "070-123",
        "Blåklint",
        "Box 17",
        "17.00",
        "aldrig",
      ])
        expect(body, `${level}: ${secret}`).not.toContain(secret);
    }
  });

  it("refuses a reveal without a reason, and one that says 'other' without words", async () => {
    await setLevel("protected_registration");
    for (const payload of [{}, { reasonCode: "other" }, { reasonText: "  " }]) {
      const res = await reveal(payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error.fields.reasonText).toBe("Skriv varför du behöver se uppgifterna.");
    }
    const unknown = await reveal({ reasonCode: "curiosity" });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields.reasonCode).toBe("Välj ett skäl ur listan.");
  });

  it("shows them for five minutes with the reason audited, then hides them again", async () => {
    await setLevel("protected_registration");
    const before = Date.now();
    const res = await reveal({ reasonCode: "send_decision_via_skatteverket" });
    expect(res.statusCode, res.body).toBe(200);
    const { details, expiresAt } = res.json();
    expect(details.postalAddress).toBe("Hemligvägen 17\n999 99 Hemligstad");
    expect(details.safeContact.codeWord).toBe("Blåklint");
    const minutes = (new Date(expiresAt).getTime() - before) / 60_000;
    expect(minutes).toBeGreaterThan(4);
    expect(minutes).toBeLessThanOrEqual(5.5);
    const shown = await read();
    expect(shown.contactMasked).toBe(false);
    expect(shown.revealedUntil).toBe(expiresAt);
    expect(shown.details.phone).toBe("070-123 45 67");
    // Another worker of the case still sees them masked: a reveal is one person's.
    const owner = database().owner;
    const other = await buildUser(owner, w.orgId, [{ unitId: w.unitId, role: "caseworker" }]);
    await owner
      .insertInto("case_assignment")
      .values({ org_id: w.orgId, case_id: w.caseId, user_id: other.id, assigned_by: w.userId })
      .execute();
    expect((await read(await login(t.app, other.username))).contactMasked).toBe(true);

    const events = await owner
      .selectFrom("audit_event")
      .select(["reason", "data", "outcome", "unit_id"])
      .where("action", "=", "person.reveal")
      .where("actor_user_id", "=", w.userId)
      .execute();
    expect(events).toEqual([
      {
        reason: "send_decision_via_skatteverket",
        data: { reasonCode: "send_decision_via_skatteverket", expiresAt },
        outcome: "allowed",
        unit_id: w.unitId,
      },
    ]);

    await endReveals();
    const hidden = await read();
    expect(hidden.contactMasked).toBe(true);
    expect(hidden.details.phone).toBeNull();
  });

  it("records a reason in words as the event's reason", async () => {
    await setLevel("confidentiality_marking");
    const res = await reveal({ reasonText: "Ringa om tid hos tandläkaren" });
    expect(res.statusCode, res.body).toBe(200);
    const [event] = await database()
      .owner.selectFrom("audit_event")
      .select(["reason", "data"])
      .where("action", "=", "person.reveal")
      .where("reason", "=", "Ringa om tid hos tandläkaren")
      .execute();
    expect(event?.data).toMatchObject({ reasonCode: "other" });
    await endReveals();
  });

  it("answers 404 to someone who works none of her cases, and audits the attempt", async () => {
    await setLevel("protected_registration");
    for (const s of [colleague, officerElsewhere]) {
      const res = await reveal({ reasonCode: "payment" }, s);
      expect(res.statusCode).toBe(404);
    }
    const denied = await database()
      .owner.selectFrom("audit_event")
      .select("id")
      .where("action", "=", "person.reveal")
      .where("outcome", "=", "denied")
      .where("person_id", "=", w.personId)
      .execute();
    expect(denied).toHaveLength(2);
  });

  it("answers 409 for a person without protection: nothing is masked", async () => {
    await setLevel("none");
    const res = await reveal({ reasonCode: "payment" });
    expect(res.statusCode).toBe(409);
  });

  it("keeps what a masked form could not show when a worker saves it", async () => {
    await setLevel("protected_registration");
    const saved = await t.app.inject({
      method: "PATCH",
      url: `/api/persons/${w.personId}`,
      headers: as(w.session),
      payload: {
        phone: null,
        email: "ny@example.org",
        postalAddress: null,
        safeContact: { ...safeContact, letterAddress: null, codeWord: null, notes: null },
      },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const row = await database()
      .owner.selectFrom("person")
      .select(["org_id", "phone", "email", "postal_address", "safe_contact"])
      .where("id", "=", w.personId)
      .executeTakeFirstOrThrow();
    // Stored sealed (db/sealed-columns.ts): opened as the services open it.
    const stored = await openColumns(database().cipher, "person", row.org_id, w.personId, row);
    expect(stored).toMatchObject({
      phone: "070-123 45 67",
      email: "ny@example.org",
      postal_address: "Hemligvägen 17\n999 99 Hemligstad",
    });
    expect(parseSafeContact(stored.safe_contact)).toMatchObject({
      codeWord: "Blåklint",
      letterAddress: "Box 17, 999 99 Hemligstad",
    });
  });

  it("shows her protection officer every reveal with its reason; nobody else", async () => {
    await setLevel("fictitious_identity");
    expect((await reveal({ reasonCode: "payment" })).statusCode).toBe(200);
    const persons = await t.app.inject({
      method: "GET",
      url: "/api/protection/persons",
      headers: as(officer),
    });
    expect(persons.statusCode, persons.body).toBe(200);
    const listed = persons
      .json()
      .persons.find((p: { personId: string }) => p.personId === w.personId);
    // A list never names a fictitious identity's real person (shared/protection.ts).
    expect(listed).toMatchObject({
      name: "Skyddad identitet",
      identityNumber: null,
      protectionLevel: "fictitious_identity",
      cases: [{ id: w.caseId, reference: null }],
    });
    const reveals = await t.app.inject({
      method: "GET",
      url: `/api/protection/persons/${w.personId}/reveals`,
      headers: as(officer),
    });
    expect(reveals.statusCode, reveals.body).toBe(200);
    const codes = reveals.json().reveals.map((r: { reasonCode: string }) => r.reasonCode);
    expect(codes).toEqual(["payment", "other", "send_decision_via_skatteverket"]);
    expect(reveals.json().reveals[1].reasonText).toBe("Ringa om tid hos tandläkaren");

    for (const s of [officerElsewhere, colleague, w.session]) {
      const refused = await t.app.inject({
        method: "GET",
        url: `/api/protection/persons/${w.personId}/reveals`,
        headers: as(s),
      });
      expect(refused.statusCode).toBe(404);
    }
    const notOfficer = await t.app.inject({
      method: "GET",
      url: "/api/protection/persons",
      headers: as(colleague),
    });
    expect(notOfficer.statusCode).toBe(403);
    const elsewhereList = await t.app.inject({
      method: "GET",
      url: "/api/protection/persons",
      headers: as(officerElsewhere),
    });
    expect(elsewhereList.json().persons).toEqual([]);
    const denied = await database()
      .owner.selectFrom("audit_event")
      .select("id")
      .where("action", "=", "protection.reveals_read")
      .where("outcome", "=", "denied")
      .where("person_id", "=", w.personId)
      .execute();
    expect(denied).toHaveLength(3);
  });
});
