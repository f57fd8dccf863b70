import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { dangerAssessment } from "../../shared/instruments/builtin/danger-assessment.ts";
import type { Database } from "../db/types.ts";
import { buildCase, buildPerson, buildUser } from "./factories.ts";
import { buildHousingDecision, buildPlace, buildStay } from "./housing.ts";

/**
 * The records in case X of the authorization suite's world (authorization-world.ts), one of
 * each that a route acts on, made outside the API so every actor meets the same ones.
 */

/** The organisation's unit and the things made in it, for the steps below. */
export interface Made {
  owner: Kysely<Database>;
  orgId: string;
  unitId: string;
  caseId: string;
  /** The id of an actor's user. */
  id: (a: "assigned" | "barrierSide" | "manager") => string;
}

/** A document kept in X. */
export async function addDocument({ owner, orgId, caseId, id }: Made) {
  const documentId = randomUUID();
  await owner
    .insertInto("document")
    .values({
      id: documentId,
      org_id: orgId,
      case_id: caseId,
      kind: "partner_contact_consent",
      filename: "samtycke.pdf",
      media_type: "application/pdf",
      size_bytes: 9,
      sha256: "0".repeat(64),
      content: new Uint8Array(Buffer.from("%PDF-1.4\n")),
      uploaded_by: id("assigned"),
    })
    .execute();
  return documentId;
}

/** A risk alert from Y's side, waiting in X for acknowledgement. */
export async function addRiskAlert(
  { owner, orgId, caseId, id }: Made,
  fromCaseId: string,
  barrierId: string,
) {
  const eventId = randomUUID();
  await owner
    .insertInto("barrier_event")
    .values({
      id: eventId,
      org_id: orgId,
      barrier_id: barrierId,
      from_case_id: fromCaseId,
      to_case_id: caseId,
      kind: "risk_alert",
      event_on: "2026-11-01",
      level: "high",
      created_by: id("barrierSide"),
    })
    .execute();
  return eventId;
}

/** A third case in X's unit, another worker's; and the spare worker assigned to X. */
export async function addThirdCaseAndSpare(
  { owner, orgId, unitId, caseId, id }: Made,
  spareId: string,
) {
  const thirdWorker = await buildUser(owner, orgId, [{ unitId, role: "caseworker" }]);
  const third = await buildCase(owner, {
    orgId,
    unitId,
    personId: (await buildPerson(owner, orgId)).id,
    openedBy: thirdWorker.id,
  });
  // The spare worker is assigned to X at the start, so unassigning has something to undo.
  await owner
    .insertInto("case_assignment")
    .values({ org_id: orgId, case_id: caseId, user_id: spareId, assigned_by: id("manager") })
    .execute();
  return third.id;
}

/** A child of X's person, known to the assigned worker and the manager. */
export async function addRelative({ owner, orgId, id }: Made) {
  const relative = await buildPerson(owner, orgId, id("assigned"));
  await owner
    .insertInto("person_registration")
    .values({ org_id: orgId, person_id: relative.id, user_id: id("manager") })
    .execute();
  return relative.id;
}

/** The assigned worker's journal draft in X. */
export async function addDraft({ owner, orgId, caseId, id }: Made) {
  const draftId = randomUUID();
  await owner
    .insertInto("journal_entry")
    .values({
      id: draftId,
      org_id: orgId,
      case_id: caseId,
      author_id: id("assigned"),
      entry_type: "conversation",
      occurred_at: new Date(),
      body: "Utkast om samtalet.",
    })
    .execute();
  return draftId;
}

/** A decision and a task in X, made outside the API so every actor meets the same ones. */
export async function addDecisionAndTask({ owner, orgId, caseId, id }: Made) {
  const decisionId = randomUUID();
  await owner
    .insertInto("decision")
    .values({
      id: decisionId,
      org_id: orgId,
      case_id: caseId,
      intervention_kind: "support_talks",
      outcome: "granted",
      reasoning: "Behov av stödsamtal.",
      decided_by: id("assigned"),
    })
    .execute();
  const task = await owner
    .insertInto("case_task")
    .values({
      org_id: orgId,
      case_id: caseId,
      kind: "assess_children_witnessed_violence",
      created_by: id("assigned"),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { decisionId, taskId: task.id };
}

/** A consent in X, given to a placement on X's decision. */
export async function addPlacementConsent({ owner, orgId, caseId, id }: Made, decisionId: string) {
  await owner
    .insertInto("child_placement")
    .values({
      decision_id: decisionId,
      org_id: orgId,
      case_id: caseId,
      basis: "custodians_consent",
      sole_custody: false,
      immediate: false,
      location_withheld: false,
      court_submitted_on: null,
      court_ruled_on: null,
      court_outcome: null,
      ended_on: null,
    })
    .execute();
  const consent = await owner
    .insertInto("consent")
    .values({
      org_id: orgId,
      case_id: caseId,
      decision_id: decisionId,
      scope: "child_sheltered_housing",
      given_by_name: "Vårdnadshavare Ett",
      form: "written",
      given_on: "2026-11-01",
      recorded_by: id("assigned"),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return consent.id;
}

/** A draft danger assessment in X. */
export async function addDraftAssessment({ owner, orgId, caseId, id }: Made) {
  await owner
    .insertInto("instrument_version")
    .values({
      org_id: orgId,
      instrument_id: dangerAssessment.id,
      version: dangerAssessment.version,
      definition: JSON.stringify(dangerAssessment),
    })
    .execute();
  const assessmentId = randomUUID();
  await owner
    .insertInto("assessment")
    .values({
      id: assessmentId,
      org_id: orgId,
      case_id: caseId,
      instrument_id: dangerAssessment.id,
      instrument_version: dangerAssessment.version,
      assessed_on: "2026-11-01",
      created_by: id("assigned"),
    })
    .execute();
  return assessmentId;
}

/** A place of X's unit and a planned stay in it on X's granted sheltered-housing decision. */
export async function addStay({ owner, orgId, unitId, caseId, id }: Made) {
  const place = await buildPlace(owner, {
    orgId,
    unitId,
    createdBy: id("manager"),
    name: "Skyddat boende Norr",
    places: 10,
    priceChildOre: 50_000,
    address: null,
  });
  const decision = await buildHousingDecision(owner, { orgId, caseId, decidedBy: id("assigned") });
  const { person_id } = await owner
    .selectFrom("case")
    .select("person_id")
    .where("id", "=", caseId)
    .executeTakeFirstOrThrow();
  // Two stays on the decision: the first is cancelled by the suite; the second serves the
  // shelter's commands (check-in, notes, check-out), as a checked-in stay could not be.
  const planned = () =>
    buildStay(owner, {
      orgId,
      caseId,
      decisionId: decision.id,
      placeId: place.id,
      createdBy: id("assigned"),
      adultId: person_id,
      plannedFrom: "2026-11-01",
      priceChildOre: 50_000,
    });
  const stay = await planned();
  const shelterStay = await planned();
  return {
    stayId: stay.id,
    stayPlaceId: place.id,
    housingDecisionId: decision.id,
    shelterStayId: shelterStay.id,
  };
}

/** A user with one role and nothing else, for the administrator's routes to act on. */
export async function addLeaver({ owner, orgId, unitId }: Made) {
  const leaver = await buildUser(owner, orgId, [{ unitId, role: "consultant" }]);
  const leaverRole = await owner
    .selectFrom("role_assignment")
    .select("id")
    .where("user_id", "=", leaver.id)
    .executeTakeFirstOrThrow();
  return { leaverId: leaver.id, leaverRoleId: leaverRole.id };
}

/** X's records that a route acts on, made in the order the suite has always made them. */
export async function buildRecordsOfX(
  made: Made,
  c: { yId: string; barrierId: string; spareId: string },
) {
  const documentId = await addDocument(made);
  const eventId = await addRiskAlert(made, c.yId, c.barrierId);
  const otherCaseId = await addThirdCaseAndSpare(made, c.spareId);
  const relativeId = await addRelative(made);
  const draftId = await addDraft(made);
  const { decisionId, taskId } = await addDecisionAndTask(made);
  const consentId = await addPlacementConsent(made, decisionId);
  const assessmentId = await addDraftAssessment(made);
  const stay = await addStay(made);
  const costStayId = await addCostStay(made, stay.housingDecisionId);
  return {
    ...stay,
    costStayId,
    documentId,
    eventId,
    otherCaseId,
    relativeId,
    draftId,
    decisionId,
    taskId,
    consentId,
    assessmentId,
  };
}

/**
 * An ended stay in X in January 2026 with a night's price, for the costs routes, on X's
 * housing decision (a stay on any other decision is one the stays' lists cannot show).
 */
export async function addCostStay({ owner, orgId, unitId, caseId, id }: Made, decisionId: string) {
  const place = await buildPlace(owner, {
    orgId,
    unitId,
    createdBy: id("manager"),
    operatorKind: "voluntary_shelter",
    operatorName: "Kvinnojouren Test",
  });
  const { person_id } = await owner
    .selectFrom("case")
    .select("person_id")
    .where("id", "=", caseId)
    .executeTakeFirstOrThrow();
  const stay = await buildStay(owner, {
    orgId,
    caseId,
    adultId: person_id,
    createdBy: id("assigned"),
    decisionId,
    segments: [
      {
        placeId: place.id,
        fromOn: "2026-01-10",
        toOn: "2026-01-20",
        priceAdultOre: 150_000,
        priceChildOre: 0,
      },
    ],
    leftOn: "2026-01-20",
  });
  return stay.id;
}
