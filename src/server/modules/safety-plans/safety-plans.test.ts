import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stockholmDate } from "../../../shared/calendar.ts";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import { as, buildWorkedCase, type Session } from "../../testing/factories.ts";
import { pdfText } from "../../testing/pdf.ts";

/*
 * The safety plan: measures for the client and each child with a responsible person, status
 * and review date; every save a version, none lost; printed to be handed over, never with an
 * address; at high risk, a plan reviewed within 30 days or a line on Att göra.
 */
describe.each(testDatabaseKinds)("safety plans (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let worker: Session;
  let caseId: string;
  let personId: string;

  beforeAll(async () => {
    t = await buildTestApp(database());
    ({ caseId, personId, session: worker } = await buildWorkedCase(t.app, database().owner));
    await req("POST", `/api/cases/${caseId}/status`, { to: "investigation" });
  });
  afterAll(() => t?.close());

  function req(method: "GET" | "POST" | "PUT" | "PATCH", url: string, payload?: object) {
    return t.app.inject({ method, url, headers: as(worker), ...(payload ? { payload } : {}) });
  }
  const inAMonth = stockholmDate(new Date(Date.now() + 30 * 86_400_000));
  const measures = [
    {
      kind: "safe_place",
      description: "Går till grannen på nummer 14 om det blir farligt.",
      forWhom: "Klienten och barnen",
      responsible: "Klienten",
      status: "in_place",
      reviewOn: inAMonth,
    },
    {
      kind: "school_informed",
      description: "Skolan vet att bara mamman och mormor får hämta Noa.",
      forWhom: "Noa",
      responsible: "Handläggaren",
      status: "planned",
      reviewOn: inAMonth,
    },
  ];
  const onList = async () =>
    ((await req("GET", "/api/worklist")).json().items as { kind: string; caseId: string }[]).some(
      (i) => i.kind === "safety_plan" && i.caseId === caseId,
    );

  it("wants a plan once a completed assessment judges the risk high", async () => {
    expect((await req("GET", `/api/cases/${caseId}/safety-plan`)).json()).toEqual({
      current: null,
      history: { items: [], nextCursor: null },
    });
    const a = (
      await req("POST", `/api/cases/${caseId}/assessments`, { instrumentId: "danger_assessment" })
    ).json();
    const answers: Record<string, string> = {};
    const definition = (await req("GET", "/api/instruments/danger_assessment/versions/1")).json();
    for (const section of definition.sections)
      for (const item of section.items)
        if (item.type === "yes_no_unknown")
          answers[item.id] = item.id === "threats_to_kill" ? "yes" : "no";
    const url = `/api/cases/${caseId}/assessments/${a.id}`;
    await req("PUT", url, { answers, assessedOn: stockholmDate(new Date()) });
    const done = await req("POST", `${url}/complete`, {
      judgements: { risk: "high" },
      reasons: "Dödshot i förra veckan.",
    });
    expect(done.statusCode).toBe(200);
    expect(await onList()).toBe(true);
  });

  it("saves versions made from the one seen, refuses a stale base, and keeps the history", async () => {
    const empty = await req("PUT", `/api/cases/${caseId}/safety-plan`, {
      measures: [],
      basedOnVersion: null,
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.fields.measures).toContain("minst en åtgärd");
    const noOne = await req("PUT", `/api/cases/${caseId}/safety-plan`, {
      measures: [{ ...measures[0], responsible: " " }],
      basedOnVersion: null,
    });
    expect(noOne.json().error.fields["measures.0.responsible"]).toContain("ansvarar");

    const first = await req("PUT", `/api/cases/${caseId}/safety-plan`, {
      measures,
      basedOnVersion: null,
    });
    expect(first.statusCode).toBe(200);
    expect(first.json().current).toMatchObject({ version: 1, measures });
    expect(await onList()).toBe(false);

    const stale = await req("PUT", `/api/cases/${caseId}/safety-plan`, {
      measures: [measures[0]],
      basedOnVersion: null,
    });
    expect(stale.statusCode).toBe(409);
    const second = await req("PUT", `/api/cases/${caseId}/safety-plan`, {
      measures: [{ ...measures[1], status: "in_place" }],
      basedOnVersion: 1,
    });
    expect(second.json().current.version).toBe(2);
    expect(second.json().history.items.map((h: { version: number }) => h.version)).toEqual([2, 1]);
    // Two saves from the same version at once: one is kept, the other told — never a 500.
    const [a, b] = await Promise.all([
      req("PUT", `/api/cases/${caseId}/safety-plan`, {
        measures,
        basedOnVersion: 2,
      }),
      req("PUT", `/api/cases/${caseId}/safety-plan`, {
        measures: [measures[1]],
        basedOnVersion: 2,
      }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const old = await req("GET", `/api/cases/${caseId}/safety-plan/versions/1`);
    expect(old.json().current.measures).toHaveLength(2);
    expect((await req("GET", `/api/cases/${caseId}/safety-plan/versions/9`)).statusCode).toBe(404);
  });

  it("prints the plan to hand over, without any address even when letters are allowed", async () => {
    await req("PATCH", `/api/persons/${personId}`, {
      postalAddress: "Hemgatan 1, 111 11 Demostad",
      safeContact: { maySendLetters: true, letterAddress: "Box 9, 222 22 Annanstad" },
    });
    const res = await req("GET", `/api/cases/${caseId}/safety-plan/pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    const text = await pdfText(res.rawPayload);
    expect(text).toContain("Säkerhetsplan för");
    expect(text).toContain("Skickas aldrig med post");
    expect(text).toContain("Skolan vet att bara mamman och mormor får hämta Noa.");
    expect(text).not.toContain("Hemgatan");
    expect(text).not.toContain("Box 9");
    expect(res.headers["content-disposition"]).toMatch(/sakerhetsplan-.+\.pdf/);

    // Under fingerade personuppgifter the paper names nobody and carries no case reference.
    await database()
      .owner.updateTable("person")
      .set({ protection_level: "fictitious_identity" })
      .where("id", "=", personId)
      .execute();
    // Her safe place on paper waits on a reveal with a reason, as her address does.
    const unrevealed = await req("GET", `/api/cases/${caseId}/safety-plan/pdf`);
    expect(unrevealed.statusCode).toBe(409);
    expect(unrevealed.json().error.code).toBe("reveal_required");
    const reveal = await req("POST", `/api/persons/${personId}/contact-reveal`, {
      reasonText: "Lämna säkerhetsplanen till henne.",
    });
    expect(reveal.statusCode, reveal.body).toBe(200);
    const hidden = await req("GET", `/api/cases/${caseId}/safety-plan/pdf`);
    await database()
      .owner.updateTable("person")
      .set({ protection_level: "none" })
      .where("id", "=", personId)
      .execute();
    expect(hidden.statusCode).toBe(200);
    expect(hidden.headers["content-disposition"]).toContain('"sakerhetsplan.pdf"');
    const paper = await pdfText(hidden.rawPayload);
    const { reference } = (await req("GET", `/api/cases/${caseId}`)).json();
    expect(paper).not.toContain("Säkerhetsplan för");
    expect(paper).not.toContain(reference);
    expect(paper).toContain("Skolan vet att bara mamman och mormor får hämta Noa.");
  });

  it("withholds a protected person's safe place and code word until a reveal with a reason", async () => {
    // Review 19, finding 8: the plan's secrets are masked as her contact details are.
    const level = (protection_level: "none" | "protected_registration") =>
      database().owner.updateTable("person").set({ protection_level }).where("id", "=", personId);
    await database()
      .owner.updateTable("person_reveal")
      .set({ revealed_at: sql`revealed_at - interval '1 hour'` })
      .set({ expires_at: sql`expires_at - interval '1 hour'` })
      .where("person_id", "=", personId)
      .execute();
    await level("protected_registration").execute();
    try {
      const plan = (await req("GET", `/api/cases/${caseId}/safety-plan`)).json().current;
      expect(plan.masked).toBe(true);
      expect(JSON.stringify(plan)).not.toContain("grannen på nummer 14");
      expect(plan.measures.map((m: { description: string }) => m.description)).toContain(
        "Skolan vet att bara mamman och mormor får hämta Noa.",
      );
      // A save from a plan whose secrets the worker could not see would lose them: 409.
      const save = await req("PUT", `/api/cases/${caseId}/safety-plan`, {
        measures: [measures[1]],
        basedOnVersion: plan.version,
      });
      expect(save.statusCode).toBe(409);
      expect(save.json().error.code).toBe("reveal_required");
      await req("POST", `/api/persons/${personId}/contact-reveal`, {
        reasonCode: "safety_contact",
      });
      const shown = (await req("GET", `/api/cases/${caseId}/safety-plan`)).json().current;
      expect(shown.masked).toBe(false);
      expect(JSON.stringify(shown)).toContain("grannen på nummer 14");
    } finally {
      await level("none").execute();
    }
  });

  it("answers another's case with 404", async () => {
    const other = await buildWorkedCase(t.app, database().owner);
    const res = await t.app.inject({
      method: "GET",
      url: `/api/cases/${caseId}/safety-plan`,
      headers: as(other.session),
    });
    expect(res.statusCode).toBe(404);
  });

  describe("a long history is paged", () => {
    // 45 versions, written straight into the table: the paging, not the saving, is tested.
    const count = 45;
    let long: Awaited<ReturnType<typeof buildWorkedCase>>;
    const get = (url: string, session = long.session) =>
      t.app.inject({ method: "GET", url, headers: as(session) });
    const reads = async (outcome: "allowed" | "denied") =>
      (
        await database()
          .owner.selectFrom("audit_event")
          .select("id")
          .where("resource_id", "=", long.caseId)
          .where("action", "=", "safety_plan.read")
          .where("outcome", "=", outcome)
          .execute()
      ).length;
    const versionsOf = (page: { items: { version: number }[] }) => page.items.map((h) => h.version);
    const range = (from: number, to: number) =>
      Array.from({ length: from - to + 1 }, (_, i) => from - i);

    beforeAll(async () => {
      long = await buildWorkedCase(t.app, database().owner);
      await database()
        .owner.insertInto("safety_plan_version")
        .values(
          range(count, 1).map((version) => ({
            org_id: long.orgId,
            case_id: long.caseId,
            version,
            measures: JSON.stringify([{ ...measures[0], description: `Version ${version}` }]),
            saved_by: long.userId,
          })),
        )
        .execute();
    });

    it("shows the current version and the newest 20 of the history, then pages back to the first", async () => {
      const before = await reads("allowed");
      const view = (await get(`/api/cases/${long.caseId}/safety-plan`)).json();
      expect(view.current).toMatchObject({ version: 45 });
      expect(view.current.measures[0].description).toBe("Version 45");
      expect(versionsOf(view.history)).toEqual(range(45, 26));
      expect(view.history.items[0]).toEqual({
        version: 45,
        savedAt: expect.any(String),
        savedBy: expect.any(String),
      });
      expect(view.history.nextCursor).toEqual(expect.any(String));

      const history = `/api/cases/${long.caseId}/safety-plan/history`;
      const second = await get(`${history}?before=${view.history.nextCursor}`);
      expect(second.statusCode).toBe(200);
      expect(versionsOf(second.json())).toEqual(range(25, 6));
      const last = (await get(`${history}?before=${second.json().nextCursor}`)).json();
      expect(last).toEqual({ items: expect.any(Array), nextCursor: null });
      expect(versionsOf(last)).toEqual(range(5, 1));
      // A page size of the caller's own, up to 100: all 45 fit in one page.
      const whole = (await get(`${history}?limit=100`)).json();
      expect(versionsOf(whole)).toEqual(range(45, 1));
      expect(whole.nextCursor).toBeNull();
      // Each request is one read in the trail.
      expect(await reads("allowed")).toBe(before + 4);
    });

    it("keeps reading one version, with the first page of the history beside it", async () => {
      const old = (await get(`/api/cases/${long.caseId}/safety-plan/versions/3`)).json();
      expect(old.current.measures[0].description).toBe("Version 3");
      expect(versionsOf(old.history)).toEqual(range(45, 26));
    });

    it("refuses a cursor or a page size it did not give, in words a person understands", async () => {
      const history = `/api/cases/${long.caseId}/safety-plan/history`;
      for (const before of ["abc", "0", "-1", "1.5", "2147483648", "99999999999"]) {
        const res = await get(`${history}?before=${before}`);
        expect(res.statusCode, before).toBe(400);
        expect(res.json().error.fields.before).toBe(
          "Listan kunde inte läsas vidare härifrån. Ladda om sidan och försök igen.",
        );
      }
      for (const limit of ["0", "101", "x"]) {
        const res = await get(`${history}?limit=${limit}`);
        expect(res.statusCode, limit).toBe(400);
        expect(res.json().error.fields.limit).toEqual(expect.any(String));
      }
    });

    it("answers 401 without a session, and 404 on another's case with the attempt in the trail", async () => {
      const history = `/api/cases/${long.caseId}/safety-plan/history`;
      expect((await t.app.inject({ method: "GET", url: history })).statusCode).toBe(401);
      const other = await buildWorkedCase(t.app, database().owner);
      const denied = await reads("denied");
      const res = await get(history, other.session);
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain("Version");
      expect(await reads("denied")).toBe(denied + 1);
    });
  });
});
