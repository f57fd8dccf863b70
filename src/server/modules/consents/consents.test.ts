import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { buildAgency } from "../../testing/collaboration.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import { buildRelatedChild, oralConsentBody } from "../../testing/disclosures.ts";
import { as, buildWorkedCase, type Session } from "../../testing/factories.ts";

/** The consent registry's API (issue 18, item 3), on both databases. */
describe.each(testDatabaseKinds)("consents to share (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let worker: Session;
  let w: Awaited<ReturnType<typeof buildWorkedCase>>;
  let agencyId: string;

  beforeAll(async () => {
    t = await buildTestApp(database());
    w = await buildWorkedCase(t.app, database().owner);
    worker = w.session;
    agencyId = await buildAgency(database().owner, { orgId: w.orgId, ownerId: w.userId });
  });
  afterAll(() => t?.close());

  const post = (url: string, payload: unknown, session = worker) =>
    t.app.inject({ method: "POST", url, headers: as(session), payload: payload as object });
  const consents = (session = worker) =>
    t.app.inject({
      method: "GET",
      url: `/api/cases/${w.caseId}/sharing-consents`,
      headers: as(session),
    });
  const body = (overrides?: Record<string, unknown>) =>
    oralConsentBody({ personId: w.personId, agencyId, heardBy: w.userId, overrides });

  it("records her oral consent, valid today, and lists it on the case and on her page", async () => {
    const res = await post(`/api/cases/${w.caseId}/sharing-consents`, body());
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ state: "valid", givers: [{ kind: "self", form: "oral" }] });
    expect((await consents()).json().consents.map((c: { id: string }) => c.id)).toContain(
      res.json().id,
    );
    const page = await t.app.inject({
      method: "GET",
      url: `/api/persons/${w.personId}/sharing-consents`,
      headers: as(worker),
    });
    expect(page.json().consents.map((c: { id: string }) => c.id)).toContain(res.json().id);
  });

  it("says what to correct: no recipient, a custodian for an adult, a written form without its file", async () => {
    const noRecipient = await post(
      `/api/cases/${w.caseId}/sharing-consents`,
      body({ recipientAgencyId: null }),
    );
    expect(noRecipient.statusCode).toBe(400);
    expect(noRecipient.json().error.fields.recipientAgencyId).toContain("mottagare");
    const custodian = await post(
      `/api/cases/${w.caseId}/sharing-consents`,
      body({ custodiansRequired: 2 }),
    );
    expect(custodian.json().error.fields.custodiansRequired).toContain("vuxen");
    const written = await post(
      `/api/cases/${w.caseId}/sharing-consents`,
      body({ givers: [{ kind: "self", name: "Hon", form: "written", givenOn: "2026-11-01" }] }),
    );
    expect(written.statusCode).toBe(400);
    expect(written.json().error.fields["givers.0.documentId"]).toContain("blanketten");
  });

  it("records a written consent with the signed form uploaded to the case", async () => {
    const upload = await t.app.inject({
      method: "POST",
      url: `/api/cases/${w.caseId}/documents?kind=sharing_consent`,
      headers: { ...as(worker), "content-type": "application/pdf" },
      payload: Buffer.from("%PDF-1.4\n%fictional signed form\n"),
    });
    expect(upload.statusCode, upload.body).toBe(201);
    const documentId = upload.json().documents[0].id;
    const res = await post(
      `/api/cases/${w.caseId}/sharing-consents`,
      body({
        givers: [
          { kind: "self", name: "Hon själv", form: "written", documentId, givenOn: "2026-11-01" },
        ],
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().givers[0]).toMatchObject({ form: "written", documentId });
  });

  it("takes a child's consent from each custodian: incomplete with one, valid with the second", async () => {
    const childId = await buildRelatedChild(database().owner, {
      orgId: w.orgId,
      caseId: w.caseId,
      personId: w.personId,
      recordedBy: w.userId,
    });
    const giver = (name: string) => ({
      kind: "custodian",
      name,
      form: "oral",
      heardBy: w.userId,
      givenOn: "2026-11-02",
    });
    const res = await post(
      `/api/cases/${w.caseId}/sharing-consents`,
      body({ personId: childId, custodiansRequired: 2, givers: [giver("Mamma Fiktiv")] }),
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().state).toBe("incomplete");
    const url = `/api/cases/${w.caseId}/sharing-consents/${res.json().id}/givers`;
    // The same custodian twice is one custodian: refused, the consent stays incomplete.
    const again = await post(url, giver(" mamma fiktiv"));
    expect(again.statusCode).toBe(400);
    expect(again.json().error.fields["giver.name"]).toContain("andra vårdnadshavaren");
    const twice = await post(
      `/api/cases/${w.caseId}/sharing-consents`,
      body({
        personId: childId,
        custodiansRequired: 2,
        givers: [giver("Mamma Fiktiv"), giver("Mamma Fiktiv")],
      }),
    );
    expect(twice.statusCode).toBe(400);
    const second = await post(url, giver("Pappa Fiktiv"));
    expect(second.statusCode, second.body).toBe(201);
    expect(second.json().state).toBe("valid");
    const third = await post(url, giver("Ingen"));
    expect(third.statusCode).toBe(409);
  });

  it("is revoked once, with its date and reason", async () => {
    const made = (await post(`/api/cases/${w.caseId}/sharing-consents`, body())).json();
    const url = `/api/cases/${w.caseId}/sharing-consents/${made.id}/revoke`;
    const early = await post(url, { revokedOn: "2026-10-01", reason: "Ångrade sig." });
    expect(early.statusCode).toBe(400);
    const ok = await post(url, { revokedOn: "2026-11-20", reason: "Ångrade sig." });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ state: "revoked", revokedOn: "2026-11-20" });
    expect((await post(url, { revokedOn: "2026-11-21", reason: "Igen." })).statusCode).toBe(409);
  });

  it("is not reached by the placement consent's revocation (a consent to share has its own)", async () => {
    const made = (await post(`/api/cases/${w.caseId}/sharing-consents`, body())).json();
    const res = await post(`/api/cases/${w.caseId}/consents/${made.id}/revoke`, {
      revokedOn: "2026-11-20",
      reason: "Fel väg.",
    });
    expect(res.statusCode).toBe(404);
    expect(
      (await consents()).json().consents.find((c: { id: string }) => c.id === made.id).state,
    ).toBe("valid");
  });

  it("answers another's case with 404 and audits the attempt", async () => {
    const other = await buildWorkedCase(t.app, database().owner);
    const res = await consents(other.session);
    expect(res.statusCode).toBe(404);
    const denied = await database()
      .owner.selectFrom("audit_event")
      .select("action")
      .where("actor_user_id", "=", other.userId)
      .where("outcome", "=", "denied")
      .execute();
    expect(denied.map((d) => d.action)).toContain("sharing_consent.read");
  });
});
