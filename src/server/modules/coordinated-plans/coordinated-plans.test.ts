import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, stockholmDate } from "../../../shared/calendar.ts";
import { withActor } from "../../access/transaction.ts";
import { actorOf } from "../../testing/access-world.ts";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import {
  buildAgency,
  buildAgencyContact,
  buildSharingConsent,
} from "../../testing/collaboration.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import { as, buildWorkedCase } from "../../testing/factories.ts";
import { pdfWords } from "../../testing/pdf.ts";
import { buildConsultation } from "../../testing/protection.ts";
import { contextCases } from "../disclosures/contexts.ts";

/*
 * SIP, the coordinated individual plan (issue 18, item 6): made with the region only on her
 * consent to share with it; every agency joins on its own consent; saved whole from the
 * version seen; printed for the participants only while every consent holds — each print of
 * a new version a disclosure to each agency — and never with her address or number.
 */
describe.each(testDatabaseKinds)("coordinated plans (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let w: Awaited<ReturnType<typeof buildWorkedCase>>;
  let health: string;
  let psychiatry: string;
  let school: string;
  let contact: string;
  const today = stockholmDate(new Date());
  const address = "Hemliga vägen 7, 123 45 Demostad";

  beforeAll(async () => {
    t = await buildTestApp(database());
    const { owner } = database();
    w = await buildWorkedCase(t.app, owner);
    await owner
      .updateTable("person")
      .set({ postal_address: address })
      .where("id", "=", w.personId)
      .execute();
    const agency = (kind: "health_centre" | "psychiatry" | "school") =>
      buildAgency(owner, { orgId: w.orgId, ownerId: w.userId, kind });
    [health, psychiatry, school] = [
      await agency("health_centre"),
      await agency("psychiatry"),
      await agency("school"),
    ];
    contact = await buildAgencyContact(owner, {
      orgId: w.orgId,
      agencyId: psychiatry,
      confirmedBy: w.userId,
      name: "Psykolog Fiktiv",
    });
  });
  afterAll(() => t?.close());

  const req = (
    method: "GET" | "POST" | "PUT",
    url: string,
    payload?: object,
    session = w.session,
  ) => t.app.inject({ method, url, headers: as(session), ...(payload ? { payload } : {}) });
  const plans = () => `/api/cases/${w.caseId}/coordinated-plans`;
  const consent = (agencyId: string, extra: { expiresOn?: string; revokedOn?: string } = {}) =>
    buildSharingConsent(database().owner, {
      orgId: w.orgId,
      caseId: w.caseId,
      personId: w.personId,
      agencyId,
      recordedBy: w.userId,
      givenOn: addDays(today, -10),
      ...extra,
    });
  const audited = async (action: string, outcome: "allowed" | "denied") =>
    (
      await database()
        .owner.selectFrom("audit_event")
        .select("id")
        .where("action", "=", action as "coordinated_plan.open")
        .where("outcome", "=", outcome)
        .execute()
    ).length;

  const saved = (plan: { version: number }, extra: object = {}) => ({
    version: plan.version,
    goals: ["Jag vill ha ett eget boende till sommaren.", "Jag vill sova bättre."],
    participants: [
      {
        key: "her",
        kind: "person",
        agencyId: null,
        contactId: null,
        userId: null,
        name: "Hon själv",
        role: "",
      },
      {
        key: "soc",
        kind: "social_services",
        agencyId: null,
        contactId: null,
        userId: w.userId,
        name: "Handläggare Fiktiv",
        role: "Socialsekreterare",
      },
      {
        key: "vc",
        kind: "agency",
        agencyId: health,
        contactId: null,
        userId: null,
        name: "Distriktssköterska Demo",
        role: "Sjuksköterska",
      },
    ],
    responsibilities: [
      {
        key: "r1",
        participantKey: "vc",
        what: "Remiss till sömnmottagningen.",
        dueOn: addDays(today, -1),
        doneOn: null,
      },
      {
        key: "r2",
        participantKey: "soc",
        what: "Ansökan om boendestöd.",
        dueOn: addDays(today, 20),
        doneOn: null,
      },
    ],
    meetings: [{ plannedOn: addDays(today, 14), heldOn: null, notes: "" }],
    coordinatorKey: "soc",
    followUpOn: addDays(today, 60),
    followedUpOn: null,
    followUpFindings: "",
    newAgencies: [],
    ...extra,
  });

  it("opens a SIP only on her valid consent to share with the region's agency", async () => {
    expect((await t.app.inject({ method: "GET", url: plans() })).statusCode).toBe(401);
    const bad = await req("POST", plans(), { agencyId: health, consentId: "ingen" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.consentId).toEqual(expect.any(String));

    const toSchool = await consent(school);
    const notRegion = await req("POST", plans(), { agencyId: school, consentId: toSchool });
    expect(notRegion.statusCode).toBe(400);
    expect(notRegion.json().error.fields.agencyId).toContain("regionen");

    // A consent to another agency, a revoked one, an expired one: no SIP.
    const revoked = await consent(health, { revokedOn: addDays(today, -1) });
    const expired = await consent(health, { expiresOn: addDays(today, -2) });
    for (const consentId of [toSchool, revoked, expired]) {
      const res = await req("POST", plans(), { agencyId: health, consentId });
      expect(res.statusCode, consentId).toBe(409);
      expect(res.json().error.code).toBe("consent_not_valid");
    }
    expect((await req("GET", plans())).json().plans).toEqual([]);

    const before = await audited("coordinated_plan.open", "allowed");
    const opened = await req("POST", plans(), {
      agencyId: health,
      consentId: await consent(health),
    });
    expect(opened.statusCode).toBe(201);
    expect(opened.json()).toMatchObject({
      version: 1,
      openedOn: today,
      agencies: [{ agencyId: health, consentValid: true }],
      goals: [],
    });
    expect(await audited("coordinated_plan.open", "allowed")).toBe(before + 1);
  });

  it("answers 404 on another's case and records the attempt", async () => {
    const other = await buildWorkedCase(t.app, database().owner);
    const before = await audited("coordinated_plan.read", "denied");
    const res = await req("GET", plans(), undefined, other.session);
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain("eget boende");
    expect(await audited("coordinated_plan.read", "denied")).toBe(before + 1);
  });

  it("saves the plan whole from the version seen; a new agency joins only on its own consent", async () => {
    const [plan] = (await req("GET", plans())).json().plans;
    const url = `${plans()}/${plan.id}`;
    const first = await req("PUT", url, saved(plan));
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ version: 2, coordinatorKey: "soc" });
    const stale = await req("PUT", url, saved(plan));
    expect(stale.statusCode).toBe(409);

    const current = first.json();
    const psych = {
      key: "psy",
      kind: "agency",
      agencyId: psychiatry,
      contactId: contact,
      userId: null,
      name: "Psykolog Fiktiv",
      role: "Psykolog",
    };
    const withPsych = (extra: object) =>
      saved(current, { participants: [...saved(current).participants, psych], ...extra });
    const noConsent = await req("PUT", url, withPsych({}));
    expect(noConsent.statusCode).toBe(400);
    expect(noConsent.json().error.fields["participants.3.agencyId"]).toContain("samtycket");
    const wrongConsent = await req(
      "PUT",
      url,
      withPsych({ newAgencies: [{ agencyId: psychiatry, consentId: await consent(school) }] }),
    );
    expect(wrongConsent.json().error.code).toBe("consent_not_valid");
    const unknownLead = await req("PUT", url, saved(current, { coordinatorKey: "nobody" }));
    expect(unknownLead.json().error.fields.coordinatorKey).toContain("deltagarna");

    const joined = await req(
      "PUT",
      url,
      withPsych({ newAgencies: [{ agencyId: psychiatry, consentId: await consent(psychiatry) }] }),
    );
    expect(joined.statusCode, joined.body).toBe(200);
    expect(joined.json().agencies.map((a: { agencyId: string }) => a.agencyId)).toEqual([
      health,
      psychiatry,
    ]);
  });

  it("puts a plan with an overdue responsibility on Att göra, once, until it is done", async () => {
    const lines = async () =>
      (
        (await req("GET", "/api/worklist")).json().items as {
          kind: string;
          caseId: string;
          dueDate: string;
          status: string;
        }[]
      ).filter((i) => i.kind === "coordinated_plan_due" && i.caseId === w.caseId);
    // r1 was due yesterday; r2 (in 20 days) and the follow-up (in 60) are beyond the week ahead.
    expect(await lines()).toEqual([
      expect.objectContaining({ dueDate: addDays(today, -1), status: "overdue" }),
    ]);
    const [plan] = (await req("GET", plans())).json().plans;
    const done = plan.responsibilities.map((r: { key: string }) =>
      r.key === "r1" ? { ...r, doneOn: today } : r,
    );
    const res = await req("PUT", `${plans()}/${plan.id}`, {
      ...saved(plan),
      participants: plan.participants,
      responsibilities: done,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(await lines()).toEqual([]);
    // The follow-up's day coming near brings the plan back.
    const soon = await req("PUT", `${plans()}/${plan.id}`, {
      ...saved(res.json()),
      participants: plan.participants,
      responsibilities: done,
      followUpOn: addDays(today, 3),
    });
    expect(soon.statusCode, soon.body).toBe(200);
    expect(await lines()).toEqual([
      expect.objectContaining({ dueDate: addDays(today, 3), status: "due_soon" }),
    ]);
  });

  it("prints the goals and responsibilities without her address or number, as a disclosure to each agency", async () => {
    const [plan] = (await req("GET", plans())).json().plans;
    const protect = (level: "none" | "confidentiality_marking") =>
      database()
        .owner.updateTable("person")
        .set({ protection_level: level })
        .where("id", "=", w.personId)
        .execute();
    await protect("confidentiality_marking");
    // A protected person's plan leaves only after her protection officer was consulted
    // (issue 19, item 3), as any disclosure about her: 409, and nothing recorded as disclosed.
    const unconsulted = await req("GET", `${plans()}/${plan.id}/pdf`);
    expect(unconsulted.statusCode, unconsulted.body).toBe(409);
    expect(unconsulted.json().error.code).toBe("consultation_required");
    const none = database().owner.selectFrom("disclosure").select("id");
    expect(await none.where("context_id", "=", plan.id).execute()).toEqual([]);
    await buildConsultation(database().owner, { ...w, kind: "disclosure" });
    const res = await req("GET", `${plans()}/${plan.id}/pdf`);
    await protect("none");
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    const text = await pdfWords(res.rawPayload);
    expect(text).toContain("Jag vill ha ett eget boende till sommaren.");
    expect(text).toContain("Remiss till sömnmottagningen.");
    expect(text).toContain("Psykolog Fiktiv");
    expect(text).toContain("huvudansvarig");
    const person = await database()
      .owner.selectFrom("person")
      .select(["identity_number", "given_name"])
      .where("id", "=", w.personId)
      .executeTakeFirstOrThrow();
    expect(text).toContain(person.given_name);
    expect(text).not.toContain("Hemliga vägen");
    expect(text).not.toContain(String(person.identity_number).slice(0, 8));

    const disclosures = () =>
      database()
        .owner.selectFrom("disclosure")
        .select(["recipient_agency_id", "ground", "person_protection", "protection_considered"])
        .where("context_kind", "=", "coordinated_plan")
        .where("context_id", "=", plan.id)
        .execute();
    expect((await disclosures()).map((d) => d.recipient_agency_id).sort()).toEqual(
      [health, psychiatry].sort(),
    );
    // Her protection as it was at the print, weighed, on each disclosure the print made.
    for (const d of await disclosures())
      expect(d).toMatchObject({
        person_protection: "confidentiality_marking",
        protection_considered: true,
      });
    expect(text).toContain("SEKRETESSPRÖVAD UPPGIFT");
    // The same version printed again discloses nothing new.
    await req("GET", `${plans()}/${plan.id}/pdf`);
    expect(await disclosures()).toHaveLength(2);
    // The disclosures module finds the plan's case through its one resolver line.
    const found = await withActor(database().db, await actorOf(database().owner, w.userId), (trx) =>
      contextCases.coordinated_plan!(trx, plan.id),
    );
    expect(found).toBe(w.caseId);
  });

  it("refuses the print once a consent is revoked or expired, while the plan stays readable", async () => {
    const [plan] = (await req("GET", plans())).json().plans;
    const psychConsent = plan.agencies[1].consentId;
    const { owner } = database();
    await owner
      .updateTable("consent")
      .set({ revoked_on: today, revoked_reason: "Återkallat" })
      .where("id", "=", psychConsent)
      .execute();
    const revoked = await req("GET", `${plans()}/${plan.id}/pdf`);
    expect(revoked.statusCode).toBe(409);
    expect(revoked.json().error).toMatchObject({
      code: "consent_not_valid",
      message: expect.stringContaining("återkallat"),
    });
    const read = (await req("GET", `${plans()}/${plan.id}`)).json();
    expect(read.goals).toHaveLength(2);
    expect(read.agencies[1]).toMatchObject({ agencyId: psychiatry, consentValid: false });

    await owner
      .updateTable("consent")
      .set({ revoked_on: null, revoked_reason: null, expires_on: addDays(today, -1) })
      .where("id", "=", psychConsent)
      .execute();
    const expired = await req("GET", `${plans()}/${plan.id}/pdf`);
    expect(expired.statusCode).toBe(409);
    expect(expired.json().error.message).toContain("gått ut");

    // Printing discloses: nothing leaves a closed case.
    await owner
      .updateTable("case")
      .set({ status: "closed", closed_reason: "other" })
      .where("id", "=", w.caseId)
      .execute();
    const closed = await req("GET", `${plans()}/${plan.id}/pdf`);
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.message).toMatch(/^Ärendet är avslutat\./);
  });
});
