import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stockholmDate } from "../../../shared/calendar.ts";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { buildAgency, buildSharingConsent } from "../../testing/collaboration.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import { disclosureBody, oralConsentBody } from "../../testing/disclosures.ts";
import { as, buildCase, buildWorkedCase } from "../../testing/factories.ts";
import { race } from "../../testing/race.ts";
import { buildAgencyWithUnit, buildReferralOut } from "../../testing/referrals.ts";

/**
 * Collaboration's once-only commands clicked at once (issue 18): a consent is revoked once
 * and a referral answered once, whoever of the case's workers sends it first. On PostgreSQL
 * the requests really run side by side: exactly one 200, the rest 409, one stored fact.
 */
describe.each(testDatabaseKinds)("collaboration's commands at once (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let w: Awaited<ReturnType<typeof buildWorkedCase>>;
  const today = stockholmDate(new Date());

  beforeAll(async () => {
    t = await buildTestApp(database());
    w = await buildWorkedCase(t.app, database().owner);
  });
  afterAll(() => t?.close());

  const post = (url: string, payload: object) =>
    t.app.inject({ method: "POST", url, headers: as(w.session), payload });

  it("revokes a consent once when six revocations arrive at once", async () => {
    const agencyId = await buildAgency(database().owner, { orgId: w.orgId, ownerId: w.userId });
    const made = await post(
      `/api/cases/${w.caseId}/sharing-consents`,
      oralConsentBody({ personId: w.personId, agencyId, heardBy: w.userId }),
    );
    expect(made.statusCode, made.body).toBe(201);
    const url = `/api/cases/${w.caseId}/sharing-consents/${made.json().id}/revoke`;
    const outcome = await race(6, (i) =>
      post(url, { revokedOn: today, reason: `Ångrade sig (${i + 1}).` }),
    );
    expect(outcome.counts).toEqual({ 200: 1, 409: 5 });
    const row = await database()
      .owner.selectFrom("consent")
      .select(["revoked_on", "revoked_reason"])
      .where("id", "=", made.json().id)
      .executeTakeFirstOrThrow();
    const winner = outcome.responses.find((r) => r.statusCode === 200);
    expect(row.revoked_reason).toBe(winner?.json().revokedReason);
  });

  it("answers a referral once when six answers arrive at once", async () => {
    const agency = await buildAgencyWithUnit(database().owner, {
      orgId: w.orgId,
      ownerId: w.userId,
      kind: "psychiatry",
    });
    const id = await buildReferralOut(database().owner, {
      orgId: w.orgId,
      caseId: w.caseId,
      createdBy: w.userId,
      sentOn: today,
      ...agency,
    });
    const url = `/api/cases/${w.caseId}/referrals/${id}/answer`;
    const outcome = await race(6, (i) =>
      post(url, {
        answer: i % 2 ? "accepted" : "declined",
        text: `Svar ${i + 1}.`,
        answeredOn: today,
      }),
    );
    expect(outcome.counts).toEqual({ 200: 1, 409: 5 });
    const row = await database()
      .owner.selectFrom("referral")
      .select(["answer", "answer_text"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    const winner = outcome.responses.find((r) => r.statusCode === 200)?.json();
    expect(row).toEqual({ answer: winner.answer, answer_text: winner.answerText });
  });

  it("lets a disclosure from another case of hers wait for a revocation under way, then refuses it", async () => {
    const agencyId = await buildAgency(database().owner, { orgId: w.orgId, ownerId: w.userId });
    const consentId = await buildSharingConsent(database().owner, {
      orgId: w.orgId,
      caseId: w.caseId,
      personId: w.personId,
      agencyId,
      recordedBy: w.userId,
    });
    const other = await buildCase(database().owner, {
      orgId: w.orgId,
      unitId: w.unitId,
      personId: w.personId,
      openedBy: w.userId,
    });
    const disclose = () =>
      post(
        `/api/cases/${other.id}/disclosures`,
        disclosureBody({
          personId: w.personId,
          agencyId,
          overrides: { ground: "consent", consentId, secrecyRule: null },
        }),
      );
    const revoke = (tx: Parameters<typeof buildSharingConsent>[0]) =>
      tx
        .updateTable("consent")
        .set({ revoked_on: today, revoked_reason: "Återkallat i telefon" })
        .where("id", "=", consentId)
        .execute();
    // On PostgreSQL the revocation holds the consent's case as the revoke command does, and
    // the disclosure starts meanwhile: it must wait, then see the revocation. (PGlite runs one
    // transaction at a time: there the disclosure simply comes after.)
    let disclosing: ReturnType<typeof disclose>;
    if (kind === "postgres") {
      await database()
        .owner.transaction()
        .execute(async (tx) => {
          await sql`select 1 from "case" where id = ${w.caseId} for no key update`.execute(tx);
          await revoke(tx);
          disclosing = disclose();
          await new Promise((resolve) => setTimeout(resolve, 400));
        });
    } else {
      await revoke(database().owner);
      disclosing = disclose();
    }
    const answer = await disclosing!;
    expect(answer.statusCode, answer.body).toBe(409);
    expect(answer.json().error.code).toBe("consent_not_valid");
    const stored = await database()
      .owner.selectFrom("disclosure")
      .select("id")
      .where("consent_id", "=", consentId)
      .execute();
    expect(stored).toEqual([]);
  });

  it("takes a child's second custodian once when two arrive at once", async () => {
    const agencyId = await buildAgency(database().owner, { orgId: w.orgId, ownerId: w.userId });
    const consentId = await buildSharingConsent(database().owner, {
      orgId: w.orgId,
      caseId: w.caseId,
      personId: w.personId,
      agencyId,
      recordedBy: w.userId,
      custodians: 1,
    });
    await database()
      .owner.updateTable("consent")
      .set({ custodians_required: 2 })
      .where("id", "=", consentId)
      .execute();
    const url = `/api/cases/${w.caseId}/sharing-consents/${consentId}/givers`;
    const outcome = await race(2, (i) =>
      post(url, {
        kind: "custodian",
        name: `Andra vårdnadshavaren ${i + 1}`,
        form: "oral",
        heardBy: w.userId,
        givenOn: today,
      }),
    );
    expect(outcome.counts).toEqual({ 201: 1, 409: 1 });
    const givers = await database()
      .owner.selectFrom("consent_giver")
      .select("name")
      .where("consent_id", "=", consentId)
      .execute();
    expect(givers).toHaveLength(2);
  });
});
