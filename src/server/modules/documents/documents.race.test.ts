import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stockholmDate } from "../../../shared/calendar.ts";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import { as, buildTreatmentTeam, type Session } from "../../testing/factories.ts";
import { race } from "../../testing/race.ts";
import { allowedEvents, answered } from "../../testing/race-counts.ts";

/*
 * Documents under concurrent requests (issue 12): his therapist and the unit manager upload
 * his signed consent form twenty times at once — every upload is kept — and then upload
 * while the treatment ends: a form saved before the end is destroyed with the others (once,
 * one receipt each); a form arriving after it is refused; none survives the end.
 */
const n = 20;
const today = stockholmDate(new Date());
const scannedPdf = Buffer.from("%PDF-1.4\n% inskannad blankett\n%%EOF\n");

describe.each(testDatabaseKinds)("documents under concurrent requests (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let team: Awaited<ReturnType<typeof buildTreatmentTeam>>;
  let users: Session[];

  beforeAll(async () => {
    t = await buildTestApp(database());
    team = await buildTreatmentTeam(t.app, database().owner);
    users = [team.therapist, team.manager];
    const registered = await t.app.inject({
      method: "POST",
      url: `/api/cases/${team.caseId}/treatment`,
      headers: as(team.therapist),
      payload: { referralSource: "self", referredOn: "2026-09-01" },
    });
    if (registered.statusCode !== 201) throw new Error(registered.body);
  });
  afterAll(() => t?.close());

  const upload = (i: number) =>
    t.app.inject({
      method: "POST",
      url: `/api/cases/${team.caseId}/documents?kind=partner_contact_consent`,
      headers: { ...as(users[i % 2] as Session), "content-type": "application/pdf" },
      payload: scannedPdf,
    });
  const end = (i: number) =>
    t.app.inject({
      method: "POST",
      url: `/api/cases/${team.caseId}/treatment/end`,
      headers: as(users[i % 2] as Session),
      payload: {
        endedOn: today,
        kind: "completed",
        reason: "Behandlingen är klar.",
        outcome: { goalReached: "wholly" },
      },
    });
  const documents = () =>
    database()
      .owner.selectFrom("document")
      .select(["id", "destroyed_at", "content"])
      .where("case_id", "=", team.caseId)
      .execute();
  const events = (action: string) => allowedEvents(database().owner, action, team.caseId);

  it("keeps every upload", async () => {
    const outcome = await race(n, upload);
    expect(outcome.counts).toEqual({ 201: n });
    expect(await documents()).toHaveLength(n);
    expect(await events("document.upload")).toBe(n);
  });

  it("destroys each form once when the treatment ends, and refuses a form arriving after", async () => {
    const outcome = await race(n, (i) => (i % 5 === 0 ? end(i) : upload(i)));
    expect(answered(outcome, 500)).toBe(0);
    const ends = outcome.responses.filter((_, i) => i % 5 === 0);
    expect(ends.filter((r) => r.statusCode === 200)).toHaveLength(1);
    expect(ends.filter((r) => r.statusCode === 409)).toHaveLength(ends.length - 1);
    const uploads = outcome.responses.filter((_, i) => i % 5 !== 0);
    const kept = uploads.filter((r) => r.statusCode === 201).length;
    expect(kept + uploads.filter((r) => r.statusCode === 409).length).toBe(uploads.length);

    const all = await documents();
    expect(all).toHaveLength(n + kept);
    // Nothing survives the end: every form, however late it was saved, lost its bytes.
    expect(all.filter((d) => d.destroyed_at === null || d.content !== null)).toEqual([]);
    expect(await events("document.upload")).toBe(n + kept);
    expect(await events("document.destroy")).toBe(n + kept);
    expect(await events("treatment.end")).toBe(1);
  });
});
