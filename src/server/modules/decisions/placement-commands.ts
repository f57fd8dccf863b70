import type { ChildPlacementView } from "../../../shared/api/child-placement.ts";
import { stockholmDate } from "../../../shared/calendar.ts";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import { runCaseCommand } from "../../access/case-command.ts";
import type { Trx } from "../../access/transaction.ts";
import { caseEntry } from "../../audit/record.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { AppError } from "../../http/errors.ts";
import { placementViews, today } from "./child-placement.ts";

/**
 * The commands on a child's placement after its decision (lag 2024:79): the court's two
 * steps, the six-monthly review, and a custodian withdrawing consent. Each runs through
 * runCaseCommand with the case locked; split from child-placement.ts (the facts and views).
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
  return runCaseCommand(database, actor, meta, {
    caseId,
    action: "placement.court",
    changes: true,
    requires: ["change"],
    run: async ({ trx }) => {
      const p = await placementOf(trx, caseId, decisionId);
      const submitted = checkCourtStep(p, await decisionDay(trx, decisionId), input);
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
      return (await placementViews(trx, caseId)).get(decisionId) as ChildPlacementView;
    },
    // One event per step recorded: submitted, ruled, or both at once.
    event: (_view, { case: c }) =>
      [
        ...(input.submittedOn ? (["submitted"] as const) : []),
        ...(input.ruledOn ? (["ruled"] as const) : []),
      ].map((step) => caseEntry(c, "placement.court", { data: { decisionId, step } })),
  });
}

type CourtStep = { submittedOn?: string; ruledOn?: string; outcome?: "approved" | "rejected" };

/** Whether the step may be recorded on the placement as it is now; answers the submission day. */
function checkCourtStep(
  p: Awaited<ReturnType<typeof placementOf>>,
  decidedOn: string,
  input: CourtStep,
) {
  if (p.basis !== "court_2024_79")
    throw new AppError(
      409,
      "conflict",
      "Placeringen bygger på samtycke och prövas inte av domstol.",
    );
  if (p.ended_on) throw new AppError(409, "conflict", "Placeringen har redan upphört.");
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
  return submitted;
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
  return runCaseCommand(database, actor, meta, {
    caseId,
    action: "placement.review",
    changes: true,
    requires: ["change"],
    run: async ({ trx }) => {
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
      return (await placementViews(trx, caseId)).get(decisionId) as ChildPlacementView;
    },
    event: () => ({ data: { decisionId, continues: input.continues } }),
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
  return runCaseCommand(database, actor, meta, {
    caseId,
    action: "consent.revoke",
    changes: true,
    requires: ["change"],
    run: async ({ trx }) => {
      const consent = await trx
        .selectFrom("consent")
        .select(["id", "decision_id", "revoked_on", "given_on"])
        .where("id", "=", consentId)
        .where("case_id", "=", caseId)
        // A consent to share has its own revocation (modules/consents).
        .where("scope", "=", "child_sheltered_housing")
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
      return (await placementViews(trx, caseId)).get(
        consent.decision_id as string,
      ) as ChildPlacementView;
    },
    event: () => ({ data: { consentId } }),
  });
}
