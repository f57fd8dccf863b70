import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checklistItems } from "../../../shared/api/protection.ts";
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
 * The protection officer (issue 19, item 3): consulted on the record before her protection is
 * lowered; her cases carry the mail-and-payment routine until it is done, on Att göra.
 * (Disclosure without a consultation: disclosures/disclosures.test.ts.)
 */
describe.each(testDatabaseKinds)("the protection officer (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let w: Awaited<ReturnType<typeof buildWorkedCase>>;
  let officer: Session;
  let officerElsewhere: Session;
  let manager: Session;

  beforeAll(async () => {
    t = await buildTestApp(database());
    w = await buildWorkedCase(t.app, database().owner);
    const owner = database().owner;
    const elsewhere = await buildUnit(owner, w.orgId);
    const user = async (unitId: string, role: "protection_officer" | "unit_manager") =>
      login(t.app, (await buildUser(owner, w.orgId, [{ unitId, role }])).username);
    officer = await user(w.unitId, "protection_officer");
    officerElsewhere = await user(elsewhere.id, "protection_officer");
    manager = await user(w.unitId, "unit_manager");
  });
  afterAll(() => t?.close());

  const setLevel = (level: string) =>
    database()
      .owner.updateTable("person")
      .set({ protection_level: level as "none" })
      .where("id", "=", w.personId)
      .execute();
  const lower = (s: Session, level = "none") =>
    t.app.inject({
      method: "PATCH",
      url: `/api/persons/${w.personId}`,
      headers: as(s),
      payload: { protectionLevel: level },
    });
  const consult = (s: Session, payload: Record<string, unknown> = {}) =>
    t.app.inject({
      method: "POST",
      url: `/api/protection/persons/${w.personId}/consultations`,
      headers: as(s),
      payload: {
        caseId: w.caseId,
        kind: "lower_protection",
        outcome: "agreed",
        note: "Skatteverket har tagit bort markeringen; kontrollerat i folkbokföringen.",
        ...payload,
      },
    });

  it("refuses lowering without a consultation (409), allows it after the officer agreed", async () => {
    await setLevel("protected_registration");
    const refused = await lower(manager);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe("consultation_required");
    expect(refused.json().error.message).toContain("Samråd med skyddshandläggaren");
    // Raising needs nobody.
    expect((await lower(w.session, "fictitious_identity")).statusCode).toBe(200);
    await setLevel("protected_registration");

    const made = await consult(officer);
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json()).toMatchObject({ kind: "lower_protection", outcome: "agreed" });
    const lowered = await lower(manager, "confidentiality_marking");
    expect(lowered.statusCode, lowered.body).toBe(200);
    expect(lowered.json().protectionLevel).toBe("confidentiality_marking");
    const [event] = await database()
      .owner.selectFrom("audit_event")
      .select(["data", "reason"])
      .where("action", "=", "protection.consult")
      .where("person_id", "=", w.personId)
      .execute();
    expect(event?.data).toMatchObject({ kind: "lower_protection", outcome: "agreed" });
  });

  it("refuses lowering when the officer advised against it, or the consultation is too old", async () => {
    await setLevel("protected_registration");
    expect((await consult(officer, { outcome: "advised_against" })).statusCode).toBe(201);
    const advised = await lower(manager);
    expect(advised.statusCode).toBe(409);
    expect(advised.json().error.message).toContain("avrått");

    expect((await consult(officer)).statusCode).toBe(201);
    await database()
      .owner.updateTable("protection_consultation")
      .set({ consulted_at: sql`consulted_at - interval '31 days'` })
      .where("person_id", "=", w.personId)
      .execute();
    expect((await lower(manager)).statusCode).toBe(409);
  });

  it("takes a consultation only from an officer of her case's unit (404 and audited otherwise)", async () => {
    for (const s of [officerElsewhere, w.session]) {
      const res = await consult(s);
      expect(res.statusCode).toBe(404);
    }
    const denied = await database()
      .owner.selectFrom("audit_event")
      .select("id")
      .where("action", "=", "protection.consult")
      .where("outcome", "=", "denied")
      .where("person_id", "=", w.personId)
      .execute();
    expect(denied).toHaveLength(2);
    const bad = await consult(officer, { kind: "whatever", note: " " });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields).sort()).toEqual(["kind", "note"]);
  });

  it("puts the mail-and-payment routine on Att göra until every item is ticked off", async () => {
    const worklistKinds = async () => {
      const res = await t.app.inject({
        method: "GET",
        url: "/api/worklist?scope=mine",
        headers: as(w.session),
      });
      expect(res.statusCode, res.body).toBe(200);
      return res
        .json()
        .items.filter((i: { caseId: string }) => i.caseId === w.caseId)
        .map((i: { kind: string }) => i.kind);
    };
    const tick = (item: string, done = true) =>
      t.app.inject({
        method: "PUT",
        url: `/api/cases/${w.caseId}/protection-checklist/${item}`,
        headers: as(w.session),
        payload: { done },
      });

    await setLevel("none");
    expect(await worklistKinds()).not.toContain("protection_checklist");
    expect((await tick("mail_via_skatteverket")).statusCode).toBe(409);

    await setLevel("protected_registration");
    expect(await worklistKinds()).toContain("protection_checklist");
    const read = await t.app.inject({
      method: "GET",
      url: `/api/cases/${w.caseId}/protection-checklist`,
      headers: as(w.session),
    });
    expect(read.json()).toMatchObject({ applies: true });
    expect(read.json().items.map((i: { item: string }) => i.item)).toEqual([...checklistItems]);

    for (const item of checklistItems.slice(0, -1)) expect((await tick(item)).statusCode).toBe(200);
    expect(await worklistKinds()).toContain("protection_checklist");
    const last = await tick(checklistItems.at(-1) as string);
    expect(last.statusCode, last.body).toBe(200);
    expect(last.json().items.every((i: { doneAt: string | null }) => i.doneAt !== null)).toBe(true);
    expect(await worklistKinds()).not.toContain("protection_checklist");

    // A tick taken back puts the line back.
    expect((await tick("payments_without_address", false)).statusCode).toBe(200);
    expect(await worklistKinds()).toContain("protection_checklist");

    // Someone who does not work the case: 404.
    const other = await t.app.inject({
      method: "GET",
      url: `/api/cases/${w.caseId}/protection-checklist`,
      headers: as(officerElsewhere),
    });
    expect(other.statusCode).toBe(404);
    expect((await tick("nonsense")).statusCode).toBe(400);
  });
});
