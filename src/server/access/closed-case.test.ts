import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../testing/databases.ts";
import { as, buildTreatmentTeam, buildWorkedCase, type Session } from "../testing/factories.ts";

/*
 * Nothing changes in a closed case (issue 13): the server refuses, with 409 and words a
 * person understands, what a closed case's page no longer offers — and the case's
 * abilities say so, so the page shows what the server allows. Reopened, it takes changes
 * again (so the refusal is about the state, not the command).
 */

const scannedPdf = Buffer.from("%PDF-1.4\n% inskannad blankett\n%%EOF\n");

describe.each(testDatabaseKinds)("a closed case takes no changes (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let worker: Session;
  let caseId: string;

  beforeAll(async () => {
    t = await buildTestApp(database());
    ({ caseId, session: worker } = await buildWorkedCase(t.app, database().owner));
  });
  afterAll(() => t?.close());

  const req = (method: "GET" | "PUT" | "POST", url: string, payload?: object) =>
    t.app.inject({ method, url, headers: as(worker), ...(payload ? { payload } : {}) });
  const close = () =>
    req("POST", `/api/cases/${caseId}/status`, {
      to: "closed",
      reason: "client_declined",
      comment: "Avböjer fortsatt stöd.",
      // A case under investigation closes with its outcome (issue 20).
      outcome: { goalReached: "not" },
    });
  const expectClosedRefusal = (res: { statusCode: number; json: () => unknown }) => {
    expect(res.statusCode).toBe(409);
    expect((res.json() as { error: { code: string; message: string } }).error).toMatchObject({
      code: "conflict",
      message: expect.stringMatching(/^Ärendet är avslutat\./),
    });
  };

  it("refuses a plan, a follow-up and a journal entry, and says so in the case's abilities", async () => {
    await req("POST", `/api/cases/${caseId}/status`, { to: "investigation" });
    const decision = (
      await req("POST", `/api/cases/${caseId}/decisions`, {
        interventionKind: "support_talks",
        outcome: "granted",
        reasoning: "Behov av stöd.",
      })
    ).json();
    const planUrl = `/api/cases/${caseId}/decisions/${decision.id}/plan`;
    const plan = {
      goals: "Trygghet.",
      activities: "Stödsamtal.",
      startDate: "2026-10-01",
      followUpDate: "2026-12-01",
    };
    const saved = await req("PUT", planUrl, { ...plan, basedOnVersion: null });
    expect(saved.statusCode).toBe(200);
    const planId = saved.json().plans[0].id as string;
    const open = (await req("GET", `/api/cases/${caseId}`)).json();
    expect(open.abilities.writeJournal).toBe(true);
    expect(open.abilities.change).toBe(true);
    expect(open.abilities.decide).toBe(true);

    expect((await close()).statusCode).toBe(200);
    const closed = (await req("GET", `/api/cases/${caseId}`)).json();
    expect(closed.abilities).toMatchObject({ writeJournal: false, change: false, decide: false });

    expectClosedRefusal(await req("PUT", planUrl, { ...plan, goals: "Nytt.", basedOnVersion: 1 }));
    expectClosedRefusal(
      await req("POST", `/api/cases/${caseId}/plans/${planId}/follow-ups`, {
        outcome: "goal_reached",
        notes: "Målet nått.",
        nextFollowUpDate: null,
      }),
    );
    expectClosedRefusal(
      await req("POST", `/api/cases/${caseId}/journal`, {
        entryType: "phone",
        occurredAt: new Date().toISOString(),
        body: "Skrivet efter avslut.",
      }),
    );
    // Decisions refused a closed case before issue 13, in their own words (kept).
    const decided = await req("POST", `/api/cases/${caseId}/decisions`, {
      interventionKind: "support_talks",
      outcome: "granted",
      reasoning: "Efter avslut.",
    });
    expect(decided.statusCode).toBe(409);
    // Nothing of it was kept.
    const after = (await req("GET", `/api/cases/${caseId}/plans`)).json().plans;
    expect(after[0]).toMatchObject({ goals: "Trygghet.", version: 1, followUps: [] });

    // Reopened, the same plan change is taken.
    const reopen = await req("POST", `/api/cases/${caseId}/status`, {
      to: "intake",
      comment: "Hon hör av sig igen.",
    });
    expect(reopen.statusCode).toBe(200);
    const reopened = await req("PUT", planUrl, { ...plan, goals: "Nytt.", basedOnVersion: 1 });
    expect(reopened.statusCode).toBe(200);
  });

  it("refuses a new relation on a closed case, and keeps none", async () => {
    const own = await buildWorkedCase(t.app, database().owner);
    const post = (url: string, payload: object) =>
      t.app.inject({ method: "POST", url, headers: as(own.session), payload });
    const child = (
      await post("/api/persons", {
        identityNumber: null,
        givenName: "Liten",
        familyName: "Exempel",
      })
    ).json();
    const closed = await post(`/api/cases/${own.caseId}/status`, {
      to: "closed",
      reason: "client_declined",
      comment: "Avböjer fortsatt stöd.",
    });
    expect(closed.statusCode).toBe(200);
    expectClosedRefusal(
      await post(`/api/cases/${own.caseId}/relations`, { otherPersonId: child.id, kind: "child" }),
    );
    const kept = await database()
      .owner.selectFrom("relation")
      .select("id")
      .where("case_id", "=", own.caseId)
      .execute();
    expect(kept).toHaveLength(0);
  });

  it("refuses a document uploaded into a closed case", async () => {
    const team = await buildTreatmentTeam(t.app, database().owner);
    const his = `/api/cases/${team.caseId}`;
    const registered = await t.app.inject({
      method: "POST",
      url: `${his}/treatment`,
      headers: as(team.therapist),
      payload: { referralSource: "self", referredOn: "2026-10-01" },
    });
    expect(registered.statusCode).toBeLessThan(300);
    const upload = () =>
      t.app.inject({
        method: "POST",
        url: `${his}/documents?kind=partner_contact_consent`,
        headers: { ...as(team.therapist), "content-type": "application/pdf" },
        payload: scannedPdf,
      });
    expect((await upload()).statusCode).toBe(201);
    // Closed while the treatment is still registered (a case closed by any path).
    await database()
      .owner.updateTable("case")
      .set({ status: "closed", closed_at: new Date(), closed_reason: "other" })
      .where("id", "=", team.caseId)
      .execute();
    expectClosedRefusal(await upload());
    const kept = await database()
      .owner.selectFrom("document")
      .select("id")
      .where("case_id", "=", team.caseId)
      .execute();
    expect(kept).toHaveLength(1);
  });
});
