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
import type { Actor } from "../../access/actor.ts";
import type { Trx } from "../../access/transaction.ts";
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
  const { placements, consents, reviews } = await placementRows(trx, caseId);
  const views = new Map<string, ChildPlacementView>();
  for (const p of placements) {
    const own = consents.filter((c) => c.decision_id === p.decision_id);
    const ownReviews = reviews.filter((r) => r.decision_id === p.decision_id);
    views.set(p.decision_id, placementView(p, own, ownReviews));
  }
  return views;
}

/** The case's placements, custodians' consents and reviews, read at once. */
async function placementRows(trx: Trx, caseId: string) {
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
  return { placements, consents, reviews };
}

type PlacementRows = Awaited<ReturnType<typeof placementRows>>;
type PlacementRow = PlacementRows["placements"][number];

/** One decision's placement, from its own consents and reviews. */
function placementView(
  p: PlacementRow,
  own: PlacementRows["consents"],
  ownReviews: PlacementRows["reviews"],
): ChildPlacementView {
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
  return {
    basis: p.basis,
    consents: own.map((c) => ({
      id: c.id,
      // A placement's consent always names its giver and form (consent_giver_shape, 0063).
      custodianName: c.given_by_name ?? "",
      form: c.form ?? "written",
      givenOn: c.given_on,
      revokedOn: c.revoked_on,
      revokedReason: c.revoked_reason,
    })),
    consentRevoked: !courtTrack && !p.ended_on && own.some((c) => c.revoked_on !== null),
    soleCustody: p.sole_custody,
    immediate: p.immediate,
    locationWithheld: p.location_withheld,
    ...courtClocks(p, courtTrack),
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
  };
}

/** Where the placement stands with the administrative court, and its deadlines. */
function courtClocks(p: PlacementRow, courtTrack: boolean) {
  return {
    courtSubmittedOn: p.court_submitted_on,
    courtSubmissionDue: courtTrack ? stockholmDate(courtSubmissionDue(p.decided_at)) : null,
    // Statutory (lag 1930:173 applies) for an immediate decision only.
    courtSubmissionLastDay: courtTrack && p.immediate ? courtSubmissionLastDay(p.decided_at) : null,
    courtRuledOn: p.court_ruled_on,
    courtOutcome: p.court_outcome,
    courtRulingDue:
      p.immediate && p.court_submitted_on
        ? stockholmDate(courtRulingDue(p.court_submitted_on))
        : null,
    courtRulingLastDay:
      p.immediate && p.court_submitted_on ? courtRulingLastDay(p.court_submitted_on) : null,
  };
}

export function today() {
  return stockholmDate(new Date());
}
