import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stockholmDate } from "../../../shared/calendar.ts";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import {
  as,
  buildTreatmentTeam,
  fictionalIdentityNumber,
  type Session,
} from "../../testing/factories.ts";

const today = stockholmDate(new Date());

/*
 * A barrier event to acknowledge (partner contact, modules/partner-contact): her worker is
 * told on her case, and the notification carries nothing of his side — not his case, not his
 * name. His therapist is told nothing of hers.
 */
describe.each(testDatabaseKinds)("notifications across the barrier (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let team: Awaited<ReturnType<typeof buildTreatmentTeam>>;
  let herCaseId: string;

  const call = (s: Session, method: "GET" | "POST", url: string, payload?: object) =>
    t.app.inject({ method, url, headers: as(s), ...(payload ? { payload } : {}) });
  const ok = async (s: Session, method: "GET" | "POST", url: string, payload?: object) => {
    const res = await call(s, method, url, payload);
    if (res.statusCode >= 300) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    return res;
  };
  const notices = async (s: Session) =>
    (await ok(s, "GET", "/api/notifications")).json().items as {
      id: string;
      category: string;
      kind: string | null;
      caseId: string;
    }[];

  beforeAll(async () => {
    t = await buildTestApp(database());
    team = await buildTreatmentTeam(t.app, database().owner);
    const his = `/api/cases/${team.caseId}`;
    await ok(team.therapist, "POST", `${his}/treatment`, {
      referralSource: "self",
      referredOn: "2026-10-01",
    });
    await ok(team.therapist, "POST", `${his}/partner-contact/information`, {
      informedOn: "2026-10-02",
    });
    await ok(team.therapist, "POST", `${his}/partner-contact/partners`, {
      relationship: "current",
      consent: { form: "written", givenOn: "2026-10-02" },
      partner: {
        givenName: "Sara",
        familyName: "Partnersson",
        identityNumber: fictionalIdentityNumber(),
        phone: "070-000 00 00",
      },
    });
    const herCase = await database()
      .owner.selectFrom("partner")
      .select("partner_case_id")
      .where("case_id", "=", team.caseId)
      .executeTakeFirstOrThrow();
    herCaseId = herCase.partner_case_id as string;
    await ok(team.manager, "POST", `/api/cases/${herCaseId}/assignments`, {
      userId: team.partnerWorkerId,
    });
    await ok(team.therapist, "POST", `${his}/treatment/start`, { startedOn: today });
  });
  afterAll(() => t?.close());

  it("tells her worker of the event to acknowledge, on her case only, and nothing of his", async () => {
    const res = await ok(team.partnerWorker, "GET", "/api/notifications");
    const items = res.json().items as { category: string; caseId: string; kind: string | null }[];
    expect(items).toContainEqual(
      expect.objectContaining({
        category: "barrier_event",
        kind: "barrier_notice",
        caseId: herCaseId,
      }),
    );
    expect(items).toContainEqual(
      expect.objectContaining({ category: "assigned", caseId: herCaseId }),
    );
    expect(res.body).not.toContain(team.caseId);
    const him = await database()
      .owner.selectFrom("person")
      .select(["given_name", "family_name"])
      .where("id", "=", team.personId)
      .executeTakeFirstOrThrow();
    expect(res.body).not.toContain(him.family_name);
    // His therapist hears nothing of her case.
    expect((await notices(team.therapist)).map((n) => n.caseId)).not.toContain(herCaseId);
  });

  it("lets the event's notification go once it is acknowledged", async () => {
    const events = (
      await ok(team.partnerWorker, "GET", `/api/cases/${herCaseId}/barrier-events`)
    ).json().unacknowledged as { id: string }[];
    expect(events.length).toBeGreaterThan(0);
    for (const e of events) {
      await ok(
        team.partnerWorker,
        "POST",
        `/api/cases/${herCaseId}/barrier-events/${e.id}/acknowledge`,
      );
    }
    expect((await notices(team.partnerWorker)).some((n) => n.category === "barrier_event")).toBe(
      false,
    );
  });
});
