import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RetentionRunView } from "../../../shared/api/retention.ts";
import { addDays, stockholmDate } from "../../../shared/calendar.ts";
import { withActor } from "../../access/transaction.ts";
import { actorOf } from "../../testing/access-world.ts";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import { as, type Session } from "../../testing/factories.ts";
import { buildPlace, buildStay } from "../../testing/housing.ts";
import { buildRetentionWorld } from "../../testing/retention.ts";
import { addServiceContact, buildServiceCourse } from "../../testing/service-contacts.ts";

/**
 * What gallring must never take (security review of issue 19, findings 4, 5 and 11): another
 * unit's recent service course of hers keeps her whole record; a child's membership of
 * another adult's stay, and the talk with her there, stay when her own case goes (and so
 * does her person row); a person the deciding manager is barred from is neither listed nor
 * removed, and in SQL no person goes while a document of hers still holds content (its key
 * would outlive the row). A rule's change clears its "verified" mark and says what changed,
 * and each receipt says which period applied.
 */
describe.each(testDatabaseKinds)("retention keeps (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let w: Awaited<ReturnType<typeof buildRetentionWorld>>;
  let run: RetentionRunView;
  const x = {
    courseB: "",
    child: "",
    childCase: "",
    stayId: "",
    noteId: "",
    barred: "",
    barredCase: "",
    barredForm: "",
  };

  const call = (s: Session, method: "GET" | "POST" | "PUT", url: string, payload?: object) =>
    t.app.inject({ method, url, headers: as(s), ...(payload ? { payload } : {}) });
  const itemsOf = (personId: string) => run.items.filter((i) => i.personId === personId);
  const yearsAgo = (years: number) => addDays(stockholmDate(new Date()), -Math.round(years * 365));

  beforeAll(async () => {
    t = await buildTestApp(database());
    w = await buildRetentionWorld(t.app, database());
    const { owner } = database();
    const org = w.org.id;

    // Finding 4: the old person (due in unit A) has a service course in unit B, last week.
    x.courseB = await buildServiceCourse(owner, {
      orgId: org,
      unitId: w.unitB.id,
      responsibleId: w.ids.managerB,
      personId: w.persons.old,
      isChild: false,
    });
    await addServiceContact(owner, {
      orgId: org,
      courseId: x.courseB,
      workerId: w.ids.managerB,
      occurredAt: new Date(Date.now() - 7 * 24 * 3600 * 1000),
    });

    // Finding 4: a child due in unit A who once stayed with another adult (whose case is
    // open), and a talk with her written there — the adult's records, not hers.
    const mother = await w.person("1972-02-02");
    const motherCase = await w.kase(mother, w.unitA.id, 9, null);
    x.child = await w.person("1991-03-03");
    x.childCase = await w.kase(x.child, w.unitA.id, 9, 7);
    const place = await buildPlace(owner, {
      orgId: org,
      unitId: w.unitA.id,
      createdBy: w.ids.worker,
    });
    const stay = await buildStay(owner, {
      orgId: org,
      caseId: motherCase,
      createdBy: w.ids.worker,
      adultId: mother,
      childIds: [x.child],
      segments: [
        {
          placeId: place.id,
          fromOn: yearsAgo(8.5),
          toOn: yearsAgo(8),
          priceAdultOre: 145_000,
          priceChildOre: 60_000,
        },
      ],
      leftOn: yearsAgo(8),
    });
    x.stayId = stay.id;
    const longAgo = new Date(`${yearsAgo(8)}T12:00:00Z`);
    await owner
      .updateTable("stay")
      .set({ created_at: longAgo })
      .where("id", "=", stay.id)
      .execute();
    x.noteId = randomUUID();
    await owner
      .insertInto("stay_note")
      .values({
        id: x.noteId,
        org_id: org,
        stay_id: stay.id,
        kind: "child_talk",
        person_id: x.child,
        happened_on: yearsAgo(8.2),
        text: "Samtal med barnet om skolan.",
        written_by: w.ids.worker,
        written_at: longAgo,
      })
      .execute();

    // Finding 5: a person due in unit A, behind a barrier from a unit-B case the manager
    // works, with a signed consent form sealed under its own key.
    x.barred = await w.person("1962-04-04");
    x.barredCase = await w.kase(x.barred, w.unitA.id, 9, 7);
    x.barredForm = await w.consentForm(x.barredCase, 8);
    const him = await w.person("1961-01-01");
    const hisCase = await w.kase(him, w.unitB.id, 3, null);
    await owner
      .insertInto("case_assignment")
      .values({
        org_id: org,
        case_id: hisCase,
        user_id: w.ids.manager,
        assigned_by: w.ids.managerB,
      })
      .execute();
    await owner
      .insertInto("barrier")
      .values({
        org_id: org,
        case_a_id: x.barredCase,
        case_b_id: hisCase,
        reason: "Partnerkontakt",
        purpose: "partner_contact",
        created_by: w.ids.managerB,
      })
      .execute();

    const res = await call(w.manager, "POST", "/api/retention/runs");
    expect(res.statusCode, res.body).toBe(201);
    run = res.json();
  });
  afterAll(() => t?.close());

  it("keeps her whole record while another unit's service course of hers is recent", () => {
    const whole = itemsOf(w.persons.old).find((i) => i.recordType === "person");
    expect(whole).toMatchObject({ action: "keep", keptBecause: "recent_entry" });
  });

  it("lists the child for removal: the stay she was in is old and in a managed unit", () => {
    const whole = itemsOf(x.child).find((i) => i.recordType === "person");
    expect(whole).toMatchObject({ action: "remove", keptBecause: null });
  });

  it("never lists a person the manager is barred from", () => {
    expect(itemsOf(x.barred)).toEqual([]);
    expect(run.items.map((i) => i.recordId)).not.toContain(x.barredForm);
  });

  it("on the decision, removes what is hers through her cases and nothing else", async () => {
    const { owner, recordKeys } = database();
    const barredKey = (
      await owner
        .selectFrom("document")
        .select("content_key_id")
        .where("id", "=", x.barredForm)
        .executeTakeFirstOrThrow()
    ).content_key_id as string;
    const res = await call(w.manager, "POST", `/api/retention/runs/${run.id}/decision`);
    expect(res.statusCode, res.body).toBe(200);

    // The service course in unit B, its contact, and all of the old person's record.
    const course = await owner
      .selectFrom("service_course")
      .select("id")
      .where("id", "=", x.courseB)
      .execute();
    expect(course).toHaveLength(1);
    const contacts = await owner
      .selectFrom("service_contact")
      .select("id")
      .where("course_id", "=", x.courseB)
      .execute();
    expect(contacts).toHaveLength(1);
    const old = await owner
      .selectFrom("case")
      .select("id")
      .where("id", "=", w.cases.oldCase)
      .execute();
    expect(old).toHaveLength(1);

    // The child's own case goes; her person row, her stay membership and the talk stay.
    const childCase = await owner
      .selectFrom("case")
      .select("id")
      .where("id", "=", x.childCase)
      .execute();
    expect(childCase).toEqual([]);
    const child = await owner.selectFrom("person").select("id").where("id", "=", x.child).execute();
    expect(child).toHaveLength(1);
    const member = await owner
      .selectFrom("stay_member")
      .select("person_id")
      .where("stay_id", "=", x.stayId)
      .where("person_id", "=", x.child)
      .execute();
    expect(member).toHaveLength(1);
    const note = await owner
      .selectFrom("stay_note")
      .select("id")
      .where("id", "=", x.noteId)
      .execute();
    expect(note).toHaveLength(1);

    // The barred person: her case, her form and its key all remain.
    const form = await owner
      .selectFrom("document")
      .select(["destroyed_at"])
      .where("id", "=", x.barredForm)
      .execute();
    expect(form).toEqual([{ destroyed_at: null }]);
    expect(await recordKeys.key(barredKey)).not.toBeNull();

    const receipts = (await call(w.manager, "GET", `/api/retention/runs/${run.id}/receipts`)).json()
      .receipts as { recordType: string; recordId: string }[];
    const ids = receipts.map((r) => r.recordId);
    expect(ids).toContain(x.childCase);
    expect(ids).not.toContain(x.child);
    expect(ids).not.toContain(x.barredCase);
    expect(ids).not.toContain(w.cases.oldCase);
  });

  it("says in each receipt which period of the rule applied", async () => {
    const receipts = (await call(w.manager, "GET", `/api/retention/runs/${run.id}/receipts`)).json()
      .receipts as { recordId: string; ruleYears: number | null; ruleAfterEvent: string | null }[];
    expect(receipts.find((r) => r.recordId === x.childCase)).toMatchObject({
      ruleYears: 5,
      ruleAfterEvent: "last_entry",
    });
  });

  it("refuses in SQL to remove a barred person, or one whose documents hold content", async () => {
    const actor = await actorOf(database().owner, w.ids.manager);
    const remove = (personId: string) =>
      withActor(database().db, actor, (trx) =>
        sql`select * from frid_retention_remove_person(${personId}::uuid)`.execute(trx),
      );
    await expect(remove(x.barred)).rejects.toThrow(/refused/);
    // The old person's cases are closed and in unit A (her first form went with the
    // decision), but a form filed since still holds content.
    const newForm = await w.consentForm(w.cases.oldCase, 0);
    await expect(remove(w.persons.old)).rejects.toThrow(/not destroyed/);
    const left = await database()
      .owner.selectFrom("document")
      .select("id")
      .where("id", "in", [x.barredForm, newForm])
      .execute();
    expect(left).toHaveLength(2);
    // Nobody deletes a document row whose content is still there, the owner included.
    await expect(
      database().owner.deleteFrom("document").where("id", "=", newForm).execute(),
    ).rejects.toThrow(/must be destroyed/);
  });

  it("clears a rule's verified mark when what it says changes, and audits from and to", async () => {
    const url = "/api/retention/rules/personakt_5_ar";
    const rule = (body: string) =>
      (JSON.parse(body).rules as { code: string; years: number; verified: unknown }[]).find(
        (r) => r.code === "personakt_5_ar",
      );
    const verified = await call(w.admin, "PUT", url, { verifiedOn: "2026-01-10" });
    expect(rule(verified.body)?.verified).not.toBeNull();
    const changed = await call(w.admin, "PUT", url, { years: 6 });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(rule(changed.body)).toMatchObject({ years: 6, verified: null });
    // The same value again is no change: a verified mark set since stays.
    await call(w.admin, "PUT", url, { verifiedOn: "2026-01-11" });
    const same = await call(w.admin, "PUT", url, { years: 6, active: true });
    expect(rule(same.body)?.verified).not.toBeNull();
    // A change and its verification in one request: verified by the one who changed it.
    const both = await call(w.admin, "PUT", url, { years: 5, verifiedOn: "2026-01-12" });
    expect(rule(both.body)?.verified).toMatchObject({ on: "2026-01-12" });

    const events = await database()
      .owner.selectFrom("audit_event")
      .select("data")
      .where("org_id", "=", w.org.id)
      .where("action", "=", "retention.rule_update")
      .orderBy("occurred_at")
      .orderBy("id")
      .execute();
    expect(events.map((e) => e.data)).toEqual([
      {
        ruleCode: "personakt_5_ar",
        changes: { verifiedOn: { from: null, to: "2026-01-10" } },
        verificationCleared: false,
      },
      {
        ruleCode: "personakt_5_ar",
        changes: { years: { from: 5, to: 6 }, verifiedOn: { from: "2026-01-10", to: null } },
        verificationCleared: true,
      },
      {
        ruleCode: "personakt_5_ar",
        changes: { verifiedOn: { from: null, to: "2026-01-11" } },
        verificationCleared: false,
      },
      { ruleCode: "personakt_5_ar", changes: {}, verificationCleared: false },
      {
        ruleCode: "personakt_5_ar",
        changes: {
          years: { from: 6, to: 5 },
          verifiedOn: { from: "2026-01-11", to: "2026-01-12" },
        },
        verificationCleared: false,
      },
    ]);
  });
});
