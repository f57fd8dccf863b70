import { randomUUID } from "node:crypto";
import type { DatabaseHandle } from "../db/connection.ts";
import type { App } from "../http/context.ts";
import { sealedContent } from "../modules/documents/content.ts";
import { buildOrg, buildUnit, buildUser, fictionalIdentityNumber, login } from "./factories.ts";

/**
 * Generated records for the retention tests (issue 19, item 8): an organisation whose unit A
 * holds persons of every kind the rules tell apart, and whose unit B holds one of its own
 * and shares one with A. Written as the owner with dates in the past, as years of work
 * would have left them. Names and numbers are fictional.
 */
const yearsAgo = (years: number, days = 0) =>
  new Date(Date.now() - (years * 365.25 + days) * 24 * 3600 * 1000);

export async function buildRetentionWorld(
  app: App,
  { owner, recordKeys }: Pick<DatabaseHandle, "owner" | "recordKeys">,
) {
  const org = await buildOrg(owner);
  const unitA = await buildUnit(owner, org.id);
  const unitB = await buildUnit(owner, org.id);
  const manager = await buildUser(owner, org.id, [{ unitId: unitA.id, role: "unit_manager" }]);
  const managerB = await buildUser(owner, org.id, [{ unitId: unitB.id, role: "unit_manager" }]);
  const worker = await buildUser(owner, org.id, [{ unitId: unitA.id, role: "caseworker" }]);
  const admin = await buildUser(owner, org.id, [{ unitId: null, role: "administrator" }]);

  async function person(
    birth: string,
    level: "none" | "fictitious_identity" = "none",
    given = `Testperson${randomUUID().slice(0, 6)}`,
  ) {
    const id = randomUUID();
    await owner
      .insertInto("person")
      .values({
        id,
        org_id: org.id,
        identity_kind: "personal_identity_number",
        identity_number: fictionalIdentityNumber(),
        given_name: given,
        family_name: "Gallringsson",
        birth_date: birth,
        protection_level: level,
      })
      .execute();
    return id;
  }

  /** A case opened `opened` and closed `closed` years ago (null: still open). */
  async function kase(personId: string, unitId: string, opened: number, closed: number | null) {
    const id = randomUUID();
    const openedAt = yearsAgo(opened);
    const closedAt = closed === null ? null : yearsAgo(closed);
    await owner
      .insertInto("case")
      .values({
        id,
        org_id: org.id,
        unit_id: unitId,
        person_id: personId,
        case_type: "adult_victim",
        reference: `G-${id.slice(0, 8)}`,
        opened_by: worker.id,
        opened_at: openedAt,
        status: closedAt ? "closed" : "intake",
        status_changed_at: closedAt ?? openedAt,
        closed_at: closedAt,
        closed_reason: closedAt ? "goal_reached" : null,
      })
      .execute();
    return id;
  }

  async function entry(caseId: string, age: number, body = "Samtal om läget.") {
    const at = yearsAgo(age);
    const id = randomUUID();
    await owner
      .insertInto("journal_entry")
      .values({
        id,
        org_id: org.id,
        case_id: caseId,
        author_id: worker.id,
        entry_type: "conversation",
        occurred_at: at,
        written_at: at,
        updated_at: at,
        body,
        signed_at: at,
      })
      .execute();
    return id;
  }

  async function consentForm(caseId: string, age: number) {
    const id = randomUUID();
    await owner
      .insertInto("document")
      .values({
        id,
        org_id: org.id,
        case_id: caseId,
        kind: "partner_contact_consent",
        filename: "samtycke-partnerkontakt.pdf",
        media_type: "application/pdf",
        size_bytes: 8,
        sha256: "0".repeat(64),
        // Sealed under a key of its own, as every stored document is (documents/content.ts).
        ...(await sealedContent(recordKeys, id, new TextEncoder().encode("%PDF-1.4"))),
        uploaded_by: worker.id,
        uploaded_at: yearsAgo(age),
      })
      .execute();
    return id;
  }

  // A sheltered-housing decision for her while she was a child: kept under 12:2.
  async function placedAsChild(caseId: string, age: number) {
    await owner
      .insertInto("decision")
      .values({
        id: randomUUID(),
        org_id: org.id,
        case_id: caseId,
        intervention_kind: "sheltered_housing",
        outcome: "granted",
        reasoning: "Skyddat boende för barnet.",
        appeal_info: "",
        decided_by: worker.id,
        decided_at: yearsAgo(age),
      })
      .execute();
  }

  // Unit A: two to remove, six kept, one not yet due.
  const old = await person("1960-04-03");
  const oldCase = await kase(old, unitA.id, 9, 7);
  const oldEntry = await entry(oldCase, 7.1);
  const oldForm = await consentForm(oldCase, 8);
  const hidden = await person("1970-06-10", "fictitious_identity", "Hemlignamn");
  const hiddenCase = await kase(hidden, unitA.id, 9, 7);
  const born15 = await person("1965-02-15");
  const born15Case = await kase(born15, unitA.id, 9, 7);
  const born15Entry = await entry(born15Case, 7.1);
  const born15Form = await consentForm(born15Case, 8);
  const placed = await person("1998-03-02");
  const placedCase = await kase(placed, unitA.id, 14, 12);
  await placedAsChild(placedCase, 13);
  const young = await person("2004-05-02");
  await kase(young, unitA.id, 13, 10);
  const mixed = await person("1980-01-08");
  const mixedOld = await kase(mixed, unitA.id, 10, 8);
  const mixedEntry = await entry(mixedOld, 8.1);
  await kase(mixed, unitA.id, 2, 1);
  const open = await person("1975-07-04");
  await kase(open, unitA.id, 6, null);
  const recent = await person("1985-09-09");
  await kase(recent, unitA.id, 3, 2);
  // Unit B: one of its own, one shared with A.
  const onlyB = await person("1955-11-11");
  await kase(onlyB, unitB.id, 9, 7);
  const shared = await person("1950-12-12");
  await kase(shared, unitA.id, 9, 7);
  await kase(shared, unitB.id, 9, 7);

  // A rule for the journal's narrative, as an administrator could add it (rules are data).
  await owner
    .insertInto("retention_rule")
    .values({
      org_id: org.id,
      code: "berattelse_5_ar",
      subject: "journal_narrative",
      years: 5,
      after_event: "case_closed",
      exceptions: JSON.stringify({ birthDays: [5, 15, 25] }),
      legal_source: "Test: partiell gallring av journalens berättelse.",
    })
    .execute();

  return {
    org,
    unitA,
    unitB,
    persons: { old, hidden, born15, placed, young, mixed, open, recent, onlyB, shared },
    cases: { oldCase, hiddenCase, born15Case },
    entries: { oldEntry, born15Entry, mixedEntry },
    forms: { oldForm, born15Form },
    entry,
    // For tests that add records of their own (other units' service courses, stays, barriers).
    person,
    kase,
    consentForm,
    ids: { manager: manager.id, managerB: managerB.id, worker: worker.id },
    manager: await login(app, manager.username),
    managerB: await login(app, managerB.username),
    worker: await login(app, worker.username),
    admin: await login(app, admin.username),
  };
}
