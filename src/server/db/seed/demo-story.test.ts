import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stockholmDate } from "../../../shared/calendar.ts";
import { withActor } from "../../access/transaction.ts";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import { as, login } from "../../testing/factories.ts";
import { seedDemo } from "./demo.ts";
import { demoCases, demoPassword } from "./demo-data.ts";
import { demoPlaces } from "./demo-housing.ts";

/**
 * Every dated thing the demo records about a case, by table: [table, case column, column].
 * A timestamp is compared as an instant, a date as a Swedish calendar day.
 */
const events = [
  ["case_status_change", "case_id", "changed_at"],
  ["case_assignment", "case_id", "assigned_at"],
  ["journal_entry", "case_id", "occurred_at"],
  ["journal_entry", "case_id", "signed_at"],
  ["assessment", "case_id", "assessed_on"],
  ["assessment", "case_id", "completed_at"],
  ["investigation", "case_id", "updated_at"],
  ["investigation", "case_id", "completed_at"],
  ["case_task", "case_id", "created_at"],
  ["case_task", "case_id", "done_at"],
  ["decision", "case_id", "decided_at"],
  ["implementation_plan", "case_id", "start_date"],
  ["protection_assessment", "case_id", "assessed_at"],
  ["intake", "case_id", "recorded_at"],
  ["relation", "case_id", "recorded_at"],
  ["treatment", "case_id", "referred_on"],
  ["treatment", "case_id", "recorded_at"],
  ["treatment_session", "case_id", "held_on"],
  ["consent", "case_id", "given_on"],
  ["partner", "case_id", "recorded_at"],
  ["partner_contact", "case_id", "created_at"],
  ["partner_contact_attempt", "case_id", "attempted_on"],
  ["barrier_event", "from_case_id", "created_at"],
  ["barrier_event", "to_case_id", "event_on"],
  ["stay", "case_id", "created_at"],
  ["stay", "case_id", "planned_from"],
  ["stay", "case_id", "arrived_on"],
  ["place_hold", "case_id", "held_at"],
  ["child_work", "case_id", "opened_on"],
] as const;

const riskLabel = /\b(Mycket hög|Hög|Medel|Låg) risk\b/;

/** The demo tells one story: in order in time, its risk recorded, its journals written. */
describe.each(testDatabaseKinds)("the demo's story (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let seededAt: number;
  let cases: { id: string; opened_at: Date; worker: string }[];

  beforeAll(async () => {
    const { owner } = database();
    await seedDemo(owner);
    seededAt = Date.now();
    t = await buildTestApp(database());
    cases = await owner
      .selectFrom("case as c")
      .innerJoin("case_assignment as a", "a.case_id", "c.id")
      .innerJoin("app_user as u", "u.id", "a.user_id")
      .select(["c.id", "c.opened_at", "u.username as worker"])
      // The case's own worker (who opened it); others may be assigned later (demo-child-work.ts).
      .whereRef("a.user_id", "=", "c.opened_by")
      .orderBy("c.reference")
      .execute();
  });
  afterAll(() => t?.close());

  it("opens every case after its intake came in and before anything else happened in it", async () => {
    const { owner } = database();
    expect(cases).toHaveLength(demoCases.length);
    const opened = new Map(cases.map((c) => [c.id, c.opened_at]));
    const late: string[] = [];
    for (const [table, caseColumn, column] of events) {
      const { rows } = await sql<{ case_id: string; at: Date | string | null }>`
        select ${sql.ref(caseColumn)} as case_id, ${sql.ref(column)} as at from ${sql.table(table)}
      `.execute(owner);
      expect(rows.length, `${table}.${column} has demo rows`).toBeGreaterThan(0);
      for (const { case_id, at } of rows) {
        const openedAt = opened.get(case_id) as Date;
        if (at === null) continue;
        const before =
          at instanceof Date
            ? at.getTime() < openedAt.getTime() || at.getTime() > seededAt
            : at.slice(0, 10) < stockholmDate(openedAt);
        if (before)
          late.push(`${table}.${column} ${String(at)} vs opened ${openedAt.toISOString()}`);
      }
    }
    expect(late).toEqual([]);
    const intakes = await owner.selectFrom("intake").select(["case_id", "received_at"]).execute();
    for (const i of intakes)
      expect(i.received_at.getTime()).toBeLessThanOrEqual(
        (opened.get(i.case_id as string) as Date).getTime(),
      );
  });

  it("records the risk each investigation speaks of as the case's current risk", async () => {
    const { owner } = database();
    const investigations = await owner
      .selectFrom("investigation as i")
      .innerJoin("case as c", "c.id", "i.case_id")
      .innerJoin("case_assignment as a", "a.case_id", "c.id")
      .innerJoin("app_user as u", "u.id", "a.user_id")
      .select(["i.case_id", "i.sections", "u.username"])
      .execute();
    const stated = investigations.map((i) => ({
      ...i,
      label: riskLabel.exec(Object.values(i.sections as Record<string, string>).join("\n"))?.[1],
    }));
    // Sara Berg's investigation says "Hög risk"; Anna Andersson's has no risk judged yet.
    expect(stated.map((s) => s.label ?? null).sort()).toEqual(["Hög", null]);
    for (const s of stated) {
      const session = await login(t.app, s.username, demoPassword);
      const res = await t.app.inject({
        method: "GET",
        url: `/api/cases/${s.case_id}`,
        headers: as(session),
      });
      expect(res.statusCode).toBe(200);
      expect(res.json().currentRisk?.levelLabel ?? null).toBe(s.label ?? null);
    }
  });

  it("gives every case a journal of signed entries by its worker, one of them findable by 'våld'", async () => {
    const { owner } = database();
    const entries = await owner
      .selectFrom("journal_entry")
      .select(["case_id", "author_id", "signed_at", "body"])
      .execute();
    const assigned = await owner
      .selectFrom("case_assignment")
      .select(["case_id", "user_id"])
      .execute();
    for (const c of cases) {
      const own = entries.filter((e) => e.case_id === c.id);
      expect(own.filter((e) => e.signed_at !== null).length, c.worker).toBeGreaterThanOrEqual(2);
      const workers = assigned.filter((a) => a.case_id === c.id).map((a) => a.user_id);
      for (const e of own) expect(workers).toContain(e.author_id);
    }
    expect(entries.some((e) => /\bvåld/.test(e.body))).toBe(true);
  });

  it("keeps the school's report about Leo as what was reported, with the school as reporter", async () => {
    const { owner } = database();
    const leo = await owner
      .selectFrom("intake as i")
      .innerJoin("person as p", "p.id", "i.person_id")
      .select([
        "i.kind",
        "i.source",
        "i.report_text",
        "i.reporter_organisation",
        "i.asked_about_violence",
      ])
      .where("p.identity_number", "=", "201506129814")
      .executeTakeFirstOrThrow();
    expect(leo).toMatchObject({
      kind: "report_of_concern",
      source: "school",
      reporter_organisation: "Demoskolan",
      asked_about_violence: null,
    });
    expect(leo.report_text).toContain("mentor");
  });

  it("houses Sara, Leo and Maja at Lärkan from her decision, each child on its own decision, their school arranged", async () => {
    const { owner } = database();
    const [stay, ...others] = await owner
      .selectFrom("stay as s")
      .innerJoin("decision as d", "d.id", "s.decision_id")
      .select(["s.id", "s.planned_from", "s.planned_to", "s.arrived_on"])
      .select(["d.period_from", "d.period_to", "d.intervention_kind", "d.outcome"])
      .execute();
    expect(others).toEqual([]);
    expect(stay).toMatchObject({ intervention_kind: "sheltered_housing", outcome: "granted" });
    expect(stay!.planned_from >= String(stay!.period_from)).toBe(true);
    expect(stay!.planned_to).toBe(stay!.period_to);
    expect(stay!.arrived_on).toBe(stay!.planned_from);
    const members = await owner
      .selectFrom("stay_member as m")
      .innerJoin("person as p", "p.id", "m.person_id")
      .leftJoin("decision as d", "d.id", "m.child_decision_id")
      .leftJoin("case as c", "c.id", "d.case_id")
      .select(["p.given_name", "m.role", "m.school_name", "m.school_arranged_on"])
      .select(["c.person_id as decision_about", "p.id as person_id", "d.intervention_kind"])
      .where("m.stay_id", "=", stay!.id)
      .orderBy("p.given_name")
      .execute();
    expect(members.map((m) => [m.given_name, m.role])).toEqual([
      ["Leo", "child"],
      ["Maja", "child"],
      ["Sara", "adult"],
    ]);
    for (const child of members.filter((m) => m.role === "child")) {
      // Each child's decision is its own: in the child's case, on sheltered housing.
      expect(child.decision_about).toBe(child.person_id);
      expect(child.intervention_kind).toBe("sheltered_housing");
      expect(child.school_name).toBe("Lärkskolan");
      expect(child.school_arranged_on).not.toBeNull();
    }
  });

  it("has one external shelter full on the vacancy board", async () => {
    const { owner } = database();
    const org = await owner.selectFrom("organisation").select("id").executeTakeFirstOrThrow();
    const worker = await owner
      .selectFrom("app_user")
      .select("id")
      .where("username", "=", "handlaggare1")
      .executeTakeFirstOrThrow();
    // As the caseworker looking at the board: the occupancy function counts stays and live holds.
    const { rows } = await withActor(database().db, { userId: worker.id, orgId: org.id }, (trx) =>
      sql<{ name: string; places: number; taken: number }>`
        select p.name, p.places, o.persons + o.held_persons as taken
          from frid_place_occupancy(current_date, now()) o join place p on p.id = o.place_id`.execute(
        trx,
      ),
    );
    expect(rows.map((r) => r.name).sort()).toEqual(demoPlaces.map((p) => p.name).sort());
    const full = rows.filter((r) => r.taken >= r.places).map((r) => r.name);
    expect(full).toEqual(["Skyddat boende Eken"]);
    expect(rows.find((r) => r.name === "Skyddat boende Lärkan")?.taken).toBe(3);
  });
});
