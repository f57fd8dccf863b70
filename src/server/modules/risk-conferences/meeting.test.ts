import { beforeAll, describe, expect, it } from "vitest";
import { stockholmDate } from "../../../shared/calendar.ts";
import { buildAgency, buildAgencyContact, buildDisclosure } from "../../testing/collaboration.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import { type ConferenceWorker, useConferenceWorld } from "../../testing/risk-conference-world.ts";

/*
 * The risk conference itself (issue 18, item 8): the meeting recorded from the version seen,
 * each agency's participants and research, and an agency's pack holding only what was
 * disclosed to that agency and its own actions.
 */
describe.each(testDatabaseKinds)("a risk conference's meeting and agencies (%s)", (kind) => {
  const database = useTestDatabase(kind);
  const today = stockholmDate(new Date());
  const world = useConferenceWorld(database, today);
  const { req, conference } = world;
  let w: ConferenceWorker;
  beforeAll(() => {
    w = world.worker();
  });

  it("records the meeting from the version seen: a stale change is 409", async () => {
    const { id } = await conference();
    const patch = await req("PATCH", `/api/risk-conferences/${id}`, {
      version: 1,
      meetingOn: "2026-12-10",
      chairId: w.userId,
      staffIds: [w.userId],
      agenda: "1. Risk\n2. Åtgärder",
    });
    expect(patch.statusCode).toBe(200);
    expect(patch.json()).toMatchObject({
      version: 2,
      meetingOn: "2026-12-10",
      chair: { id: w.userId },
      agenda: "1. Risk\n2. Åtgärder",
    });
    const stale = await req("PATCH", `/api/risk-conferences/${id}`, {
      version: 1,
      agenda: "Gammal",
    });
    expect(stale.statusCode).toBe(409);
    const bad = await req("PATCH", `/api/risk-conferences/${id}`, {
      version: 2,
      meetingOn: "10/12",
    });
    expect(bad.statusCode).toBe(400);
    const followUp = await req("PATCH", `/api/risk-conferences/${id}`, {
      version: 2,
      followUpOn: "2027-01-10",
      followUpNotes: "Larmet är på plats.",
    });
    expect(followUp.json()).toMatchObject({
      version: 3,
      followUpOn: "2027-01-10",
      followUpNotes: "Larmet är på plats.",
    });
  });

  it("gives an agency's pack only what was disclosed to that agency, and its own actions", async () => {
    const { id, caseId, personId } = await conference();
    const owner = database().owner;
    const a = await buildAgency(owner, { orgId: w.orgId, ownerId: w.userId, kind: "police" });
    const b = await buildAgency(owner, {
      orgId: w.orgId,
      ownerId: w.userId,
      kind: "health_centre",
    });
    const contactA = await buildAgencyContact(owner, {
      orgId: w.orgId,
      agencyId: a,
      confirmedBy: w.userId,
    });
    const contactB = await buildAgencyContact(owner, {
      orgId: w.orgId,
      agencyId: b,
      confirmedBy: w.userId,
      name: "Bo Vård",
    });
    for (const [agencyId, contact] of [
      [a, contactA],
      [b, contactB],
    ] as const) {
      const r = await req("PUT", `/api/risk-conferences/${id}/agencies/${agencyId}`, {
        contactIds: [contact],
        research: "Två tidigare anmälningar.",
      });
      expect(r.statusCode).toBe(200);
    }
    const wrongContact = await req("PUT", `/api/risk-conferences/${id}/agencies/${a}`, {
      contactIds: [contactB],
    });
    expect(wrongContact.statusCode).toBe(400);
    await buildDisclosure(owner, {
      orgId: w.orgId,
      caseId,
      personId,
      agencyId: a,
      recordedBy: w.userId,
      information: "Riskbedömningen (hög) till polisen",
      context: { kind: "risk_conference", id },
    });
    await buildDisclosure(owner, {
      orgId: w.orgId,
      caseId,
      personId,
      agencyId: b,
      recordedBy: w.userId,
      information: "Behov av samtalskontakt",
      context: { kind: "risk_conference", id },
    });
    await buildDisclosure(owner, {
      orgId: w.orgId,
      caseId,
      personId,
      agencyId: b,
      recordedBy: w.userId,
      information: "Utlämnat utan konferens",
    });
    await req("POST", `/api/risk-conferences/${id}/actions`, {
      description: "Se över larm",
      ownerContactId: contactA,
      dueOn: today,
    });
    await req("POST", `/api/risk-conferences/${id}/actions`, {
      description: "Erbjud samtal",
      ownerContactId: contactB,
      dueOn: today,
    });

    const pack = await req("GET", `/api/risk-conferences/${id}/agencies/${b}/pack`);
    expect(pack.statusCode).toBe(200);
    const body = pack.json();
    expect(body.disclosures.map((d: { information: string }) => d.information)).toEqual([
      "Behov av samtalskontakt",
    ]);
    expect(body.actions.map((x: { description: string }) => x.description)).toEqual([
      "Erbjud samtal",
    ]);
    const text = JSON.stringify(body);
    for (const hidden of [
      "Riskbedömningen",
      "Se över larm",
      "Utlämnat utan konferens",
      "Två tidigare",
      "serious_crime",
    ])
      expect(text).not.toContain(hidden);
    expect(body).not.toHaveProperty("assessment");
    const other = await buildAgency(owner, { orgId: w.orgId, ownerId: w.userId });
    expect(
      (await req("GET", `/api/risk-conferences/${id}/agencies/${other}/pack`)).statusCode,
    ).toBe(409);
  });
});
