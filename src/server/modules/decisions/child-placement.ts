import type {
  ChildPlacementBody,
  ChildPlacementView,
} from "../../../shared/api/child-placement.ts";
import { stockholmDate } from "../../../shared/calendar.ts";
import {
  courtRulingDue,
  courtRulingLastDay,
  courtSubmissionDue,
  courtSubmissionLastDay,
  placementReviewDue,
  placementReviewLastDay,
} from "../../../shared/deadlines.ts";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import { withCaseForChange } from "../../access/case-guard.ts";
import type { Trx } from "../../access/transaction.ts";
import { auditContext, recordAudit } from "../../audit/record.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { AppError } from "../../http/errors.ts";

/**
 * A child's own sheltered-housing decision: on both custodians' consent (one, with sole
 * custody), or on lag (2024:79) — the administrative court decides without the other
 * custodian's consent; an immediate decision goes to the court within a week, the court rules
 * within a week, and the committee reviews the placement at least every six months until it
 * ends. Clocks come from shared/deadlines.ts; only the facts (days) are stored here.
 */

const invalid = (fields: Record<string, string>) =>
  new AppError(400, "validation_failed", "Några uppgifter behöver rättas.", fields);

/** Two people recorded the same step at once: the first one counts, the second is told. */
const raced = () =>
  new AppError(
    409,
    "conflict",
    "Någon annan registrerade just detta. Ladda om sidan och se efter.",
  );

/** Each command changes a row only from the state it checked; a lost race changes nothing. */
function changedOne(result: { numUpdatedRows: bigint }) {
  if (result.numUpdatedRows !== 1n) throw raced();
}

/** Which decisions need placement facts, and whether the ones given make a lawful basis. */
export function checkPlacement(
  caseType: string,
  input: { interventionKind: string; outcome: string; childPlacement: ChildPlacementBody | null },
) {
  const needed =
    caseType === "child" &&
    input.interventionKind === "sheltered_housing" &&
    input.outcome !== "denied";
  const p = input.childPlacement;
  if (!needed) {
    if (p)
      throw invalid({
        childPlacement:
          "Uppgifter om samtycke och lag (2024:79) hör bara till beslut om skyddat boende för ett barn.",
      });
    return;
  }
  if (!p)
    throw invalid({
      childPlacement:
        "Ett barn i skyddat boende behöver ett eget beslut med båda vårdnadshavarnas samtycke eller enligt lag (2024:79).",
    });
  const names = p.consents.map((c) => c.custodianName.trim().toLocaleLowerCase("sv"));
  if (new Set(names).size < names.length)
    throw invalid({ "childPlacement.consents": "Samma vårdnadshavare står två gånger." });
  const future = p.consents.findIndex((c) => c.givenOn > today());
  if (future >= 0)
    throw invalid({
      [`childPlacement.consents.${future}.givenOn`]:
        "Ett samtycke kan inte vara givet i framtiden.",
    });
  if (p.soleCustody && p.consents.length !== 1)
    throw invalid({
      "childPlacement.soleCustody": "Vid ensam vårdnad är det en vårdnadshavare som samtycker.",
    });
  if (p.basis === "custodians_consent") {
    if (p.immediate)
      throw invalid({
        "childPlacement.immediate": "Omedelbart beslut finns bara enligt lag (2024:79).",
      });
    const enough = p.consents.length === 2 || (p.consents.length === 1 && p.soleCustody);
    if (!enough)
      throw invalid({
        "childPlacement.consents":
          "Båda vårdnadshavarna måste samtycka (en räcker bara vid ensam vårdnad). Annars prövas placeringen enligt lag (2024:79).",
      });
  } else if (p.consents.length > 1) {
    throw invalid({
      "childPlacement.consents":
        "När båda vårdnadshavarna samtycker behövs inte lag (2024:79) — välj samtycke.",
    });
  }
}

export async function insertPlacement(
  trx: Trx,
  actor: Actor,
  caseId: string,
  decisionId: string,
  p: ChildPlacementBody,
) {
  await trx
    .insertInto("child_placement")
    .values({
      decision_id: decisionId,
      org_id: actor.orgId,
      case_id: caseId,
      basis: p.basis,
      sole_custody: p.soleCustody,
      immediate: p.immediate,
      location_withheld: p.locationWithheld,
      court_submitted_on: null,
      court_ruled_on: null,
      court_outcome: null,
      ended_on: null,
    })
    .execute();
  if (p.consents.length > 0)
    await trx
      .insertInto("consent")
      .values(
        p.consents.map((c) => ({
          org_id: actor.orgId,
          case_id: caseId,
          decision_id: decisionId,
          scope: "child_sheltered_housing" as const,
          given_by_name: c.custodianName,
          form: c.form,
          given_on: c.givenOn,
          expires_on: null,
          revoked_on: null,
          revoked_reason: null,
          recorded_by: actor.userId,
        })),
      )
      .execute();
}

/** The placement views of a case's decisions, with their clocks computed. */
export async function placementViews(
  trx: Trx,
  caseId: string,
): Promise<Map<string, ChildPlacementView>> {
  const [placements, consents, reviews] = await Promise.all([
    trx
      .selectFrom("child_placement as cp")
      .innerJoin("decision as d", "d.id", "cp.decision_id")
      .selectAll("cp")
      .select(["d.decided_at", "d.period_from"])
      .where("cp.case_id", "=", caseId)
      .execute(),
    trx
      .selectFrom("consent")
      .select([
        "id",
        "decision_id",
        "given_by_name",
        "form",
        "given_on",
        "revoked_on",
        "revoked_reason",
      ])
      .where("case_id", "=", caseId)
      .where("scope", "=", "child_sheltered_housing")
      .orderBy("given_on")
      .execute(),
    trx
      .selectFrom("placement_review as r")
      .innerJoin("app_user as u", "u.id", "r.recorded_by")
      .select(["r.decision_id", "r.reviewed_on", "r.continues", "r.notes", "u.display_name"])
      .where("r.case_id", "=", caseId)
      .orderBy("r.reviewed_on")
      .execute(),
  ]);
  const views = new Map<string, ChildPlacementView>();
  for (const p of placements) {
    const ownReviews = reviews.filter((r) => r.decision_id === p.decision_id);
    // An application under lag (2024:79) waits for the court; an immediate decision applies
    // at once, until the court rejects it.
    const inForce =
      !p.ended_on &&
      (p.basis === "custodians_consent" || p.immediate || p.court_outcome === "approved");
    const start = p.period_from ?? stockholmDate(p.decided_at);
    const lastReview = ownReviews.at(-1)?.reviewed_on;
    const courtTrack = p.basis === "court_2024_79";
    const reviewFrom =
      courtTrack && inForce
        ? (lastReview ?? (p.immediate ? start : (p.court_ruled_on ?? start)))
        : null;
    const own = consents.filter((c) => c.decision_id === p.decision_id);
    views.set(p.decision_id, {
      basis: p.basis,
      consents: own.map((c) => ({
        id: c.id,
        custodianName: c.given_by_name,
        form: c.form,
        givenOn: c.given_on,
        revokedOn: c.revoked_on,
        revokedReason: c.revoked_reason,
      })),
      consentRevoked: !courtTrack && !p.ended_on && own.some((c) => c.revoked_on !== null),
      soleCustody: p.sole_custody,
      immediate: p.immediate,
      locationWithheld: p.location_withheld,
      courtSubmittedOn: p.court_submitted_on,
      courtSubmissionDue: courtTrack ? stockholmDate(courtSubmissionDue(p.decided_at)) : null,
      // Statutory (lag 1930:173 applies) for an immediate decision only.
      courtSubmissionLastDay:
        courtTrack && p.immediate ? courtSubmissionLastDay(p.decided_at) : null,
      courtRuledOn: p.court_ruled_on,
      courtOutcome: p.court_outcome,
      courtRulingDue:
        p.immediate && p.court_submitted_on
          ? stockholmDate(courtRulingDue(p.court_submitted_on))
          : null,
      courtRulingLastDay:
        p.immediate && p.court_submitted_on ? courtRulingLastDay(p.court_submitted_on) : null,
      reviews: ownReviews.map((r) => ({
        reviewedOn: r.reviewed_on,
        continues: r.continues,
        notes: r.notes,
        recordedBy: r.display_name,
      })),
      inForce,
      nextReviewDue: reviewFrom ? stockholmDate(placementReviewDue(reviewFrom)) : null,
      nextReviewLastDay: reviewFrom ? placementReviewLastDay(reviewFrom) : null,
      endedOn: p.ended_on,
    });
  }
  return views;
}

async function placementOf(trx: Trx, caseId: string, decisionId: string) {
  const p = await trx
    .selectFrom("child_placement")
    .selectAll()
    .where("case_id", "=", caseId)
    .where("decision_id", "=", decisionId)
    .executeTakeFirst();
  if (p) return p;
  const decision = await trx
    .selectFrom("decision")
    .select("id")
    .where("case_id", "=", caseId)
    .where("id", "=", decisionId)
    .executeTakeFirst();
  if (decision)
    throw new AppError(
      409,
      "conflict",
      "Beslutet gäller inte ett barns placering i skyddat boende.",
    );
  throw new AppError(404, "not_found", "Beslutet finns inte i ärendet.");
}

/** The Swedish day a decision was made: nothing about its placement happened before it. */
async function decisionDay(trx: Trx, decisionId: string) {
  const d = await trx
    .selectFrom("decision")
    .select("decided_at")
    .where("id", "=", decisionId)
    .executeTakeFirstOrThrow();
  return stockholmDate(d.decided_at);
}

function today() {
  return stockholmDate(new Date());
}

/** Submission to the court, then its ruling; each recorded once, in that order. */
export function recordCourtStep(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
  decisionId: string,
  input: { submittedOn?: string; ruledOn?: string; outcome?: "approved" | "rejected" },
) {
  if (!input.submittedOn && !input.ruledOn)
    throw invalid({
      submittedOn: "Ange när beslutet lämnades till domstolen eller när den beslutade.",
    });
  if (input.ruledOn && !input.outcome) throw invalid({ outcome: "Ange vad domstolen beslutade." });
  if (!input.ruledOn && input.outcome)
    throw invalid({ ruledOn: "Ange dagen då domstolen beslutade." });
  for (const [field, day] of [
    ["submittedOn", input.submittedOn],
    ["ruledOn", input.ruledOn],
  ] as const)
    if (day && day > today()) throw invalid({ [field]: "Datumet kan inte ligga i framtiden." });
  return withCaseForChange(database, actor, meta, caseId, "placement.court", async (trx, c) => {
    const p = await placementOf(trx, caseId, decisionId);
    if (p.basis !== "court_2024_79")
      throw new AppError(
        409,
        "conflict",
        "Placeringen bygger på samtycke och prövas inte av domstol.",
      );
    if (p.ended_on) throw new AppError(409, "conflict", "Placeringen har redan upphört.");
    const decidedOn = await decisionDay(trx, decisionId);
    if (input.submittedOn && input.submittedOn < decidedOn)
      throw invalid({
        submittedOn: "Beslutet kan inte ha lämnats till domstolen innan det fattades.",
      });
    if (input.submittedOn && p.court_submitted_on)
      throw new AppError(
        409,
        "conflict",
        "Det är redan registrerat när beslutet lämnades till domstolen.",
      );
    if (input.ruledOn && p.court_ruled_on)
      throw new AppError(409, "conflict", "Domstolens beslut är redan registrerat.");
    const submitted = input.submittedOn ?? p.court_submitted_on;
    if (input.ruledOn && !submitted)
      throw invalid({ ruledOn: "Registrera först när beslutet lämnades till domstolen." });
    if (input.ruledOn && submitted && input.ruledOn < submitted)
      throw invalid({ ruledOn: "Domstolen kan inte ha beslutat innan den fick ärendet." });
    let update = trx
      .updateTable("child_placement")
      .set({
        court_submitted_on: submitted,
        ...(input.ruledOn
          ? {
              court_ruled_on: input.ruledOn,
              court_outcome: input.outcome,
              // A rejected placement ends the day the court ruled.
              ...(input.outcome === "rejected" ? { ended_on: input.ruledOn } : {}),
            }
          : {}),
      })
      .where("decision_id", "=", decisionId)
      .where("ended_on", "is", null);
    if (input.submittedOn) update = update.where("court_submitted_on", "is", null);
    if (input.ruledOn) update = update.where("court_ruled_on", "is", null);
    changedOne(await update.executeTakeFirstOrThrow());
    const steps = [
      ...(input.submittedOn ? (["submitted"] as const) : []),
      ...(input.ruledOn ? (["ruled"] as const) : []),
    ];
    await recordAudit(
      trx,
      auditContext(actor, meta),
      steps.map((step) => ({
        action: "placement.court" as const,
        resourceType: "case" as const,
        resourceId: caseId,
        personId: c.person_id,
        unitId: c.unit_id,
        data: { decisionId, step },
      })),
    );
    return (await placementViews(trx, caseId)).get(decisionId) as ChildPlacementView;
  });
}

/** The six-monthly review (lag 2024:79): continue, or end the placement. */
export function recordPlacementReview(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
  decisionId: string,
  input: { reviewedOn: string; continues: boolean; notes: string },
) {
  if (input.reviewedOn > today())
    throw invalid({ reviewedOn: "Datumet kan inte ligga i framtiden." });
  return withCaseForChange(database, actor, meta, caseId, "placement.review", async (trx, c) => {
    const p = await placementOf(trx, caseId, decisionId);
    if (p.ended_on) throw new AppError(409, "conflict", "Placeringen har redan upphört.");
    if (input.reviewedOn < (await decisionDay(trx, decisionId)))
      throw invalid({ reviewedOn: "Övervägandet kan inte ligga före beslutet om placeringen." });
    await trx
      .insertInto("placement_review")
      .values({
        org_id: actor.orgId,
        decision_id: decisionId,
        case_id: caseId,
        reviewed_on: input.reviewedOn,
        continues: input.continues,
        notes: input.notes,
        recorded_by: actor.userId,
      })
      .execute();
    if (!input.continues)
      changedOne(
        await trx
          .updateTable("child_placement")
          .set({ ended_on: input.reviewedOn })
          .where("decision_id", "=", decisionId)
          .where("ended_on", "is", null)
          .executeTakeFirstOrThrow(),
      );
    await recordAudit(trx, auditContext(actor, meta), [
      {
        action: "placement.review",
        resourceType: "case",
        resourceId: caseId,
        personId: c.person_id,
        unitId: c.unit_id,
        data: { decisionId, continues: input.continues },
      },
    ]);
    return (await placementViews(trx, caseId)).get(decisionId) as ChildPlacementView;
  });
}

/**
 * A custodian withdraws consent. A placement resting on consent then has no basis: it shows
 * on Att göra until the committee ends it (a review) — and, if the child must stay, decides
 * anew under lag (2024:79).
 */
export function revokeConsent(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
  consentId: string,
  input: { revokedOn: string; reason: string },
) {
  if (input.revokedOn > today())
    throw invalid({ revokedOn: "Datumet kan inte ligga i framtiden." });
  return withCaseForChange(database, actor, meta, caseId, "consent.revoke", async (trx, c) => {
    const consent = await trx
      .selectFrom("consent")
      .select(["id", "decision_id", "revoked_on", "given_on"])
      .where("id", "=", consentId)
      .where("case_id", "=", caseId)
      .executeTakeFirst();
    if (!consent) throw new AppError(404, "not_found", "Samtycket finns inte i ärendet.");
    if (consent.revoked_on) throw new AppError(409, "conflict", "Samtycket är redan återkallat.");
    if (input.revokedOn < consent.given_on)
      throw invalid({ revokedOn: "Samtycket kan inte återkallas innan det gavs." });
    changedOne(
      await trx
        .updateTable("consent")
        .set({ revoked_on: input.revokedOn, revoked_reason: input.reason })
        .where("id", "=", consentId)
        .where("revoked_on", "is", null)
        .executeTakeFirstOrThrow(),
    );
    await recordAudit(trx, auditContext(actor, meta), [
      {
        action: "consent.revoke",
        resourceType: "case",
        resourceId: caseId,
        personId: c.person_id,
        unitId: c.unit_id,
        data: { consentId },
      },
    ]);
    return (await placementViews(trx, caseId)).get(
      consent.decision_id as string,
    ) as ChildPlacementView;
  });
}
