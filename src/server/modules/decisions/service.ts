import { randomUUID } from "node:crypto";
import type { ChildPlacementBody } from "../../../shared/api/child-placement.ts";
import type { DecisionView } from "../../../shared/api/decisions.ts";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import { runCaseCommand } from "../../access/case-command.ts";
import type { Trx } from "../../access/transaction.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { type Cipher, openColumns, parseSafeContact } from "../../db/sealed-columns.ts";
import {
  type DeliveryPlan,
  type LetterSubject,
  planLetterDelivery,
  type Recipient,
} from "../../output/delivery.ts";
import { requireReveal } from "../persons/reveal.ts";
import { checkPlacement, insertPlacement, placementViews } from "./child-placement.ts";

/**
 * Decisions on interventions: granted, partly granted or denied, for a period, with
 * reasoning and the decision maker. A decision that does not grant everything carries how
 * to appeal (förvaltningsrätten, within three weeks, via the committee), in plain Swedish.
 * Decisions are final records: a new decision replaces an old one, nothing is edited.
 */
export const appealInformation =
  "Du kan överklaga beslutet till förvaltningsrätten. Skriv till socialnämnden inom tre veckor från den dag du fick del av beslutet. " +
  "Ange vilket beslut du överklagar, hur du vill att det ska ändras och varför. Nämnden hjälper dig gärna.";

async function list(
  trx: Trx,
  cipher: Cipher,
  caseId: string,
  personId: string,
): Promise<DecisionView[]> {
  const [placements, recipient] = await Promise.all([
    placementViews(trx, caseId),
    recipientOf(trx, cipher, personId),
  ]);
  const rows = await trx
    .selectFrom("decision as d")
    .innerJoin("intervention_kind as k", "k.code", "d.intervention_kind")
    .innerJoin("app_user as u", "u.id", "d.decided_by")
    .select([
      "d.id",
      "d.case_id",
      "d.intervention_kind",
      "k.name_sv",
      "k.legal_ref",
      "k.old_ref",
      "d.outcome",
      "d.period_from",
      "d.period_to",
      "d.reasoning",
      "d.appeal_info",
      "u.display_name",
      "d.decided_at",
    ])
    .where("d.case_id", "=", caseId)
    .orderBy("d.decided_at", "desc")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    caseId: r.case_id,
    interventionKind: r.intervention_kind as DecisionView["interventionKind"],
    interventionName: r.name_sv,
    legalReference: r.legal_ref,
    oldLegalReference: r.old_ref,
    outcome: r.outcome,
    periodFrom: r.period_from,
    periodTo: r.period_to,
    reasoning: r.reasoning,
    appealInfo: r.appeal_info,
    decidedBy: r.display_name,
    decidedAt: r.decided_at.toISOString(),
    childPlacement: placements.get(r.id) ?? null,
    letterDelivery: withoutAddress(
      planLetterDelivery(recipient, { childPlacement: placements.get(r.id) }),
    ),
  }));
}

export async function readDecisions(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
) {
  return runCaseCommand(database, actor, meta, {
    caseId,
    action: "decision.read",
    run: async ({ trx, case: c }) => {
      const decisions = await list(trx, database.cipher, caseId, c.person_id);
      const recipient = await recipientOf(trx, database.cipher, c.person_id);
      return { decisions, letterDelivery: withoutAddress(planLetterDelivery(recipient)) };
    },
  });
}

/** The plan as the worker sees it in lists: the address itself only ever goes into the letter. */
const withoutAddress = ({ address: _never, ...plan }: DeliveryPlan) => plan;

/**
 * What the output rules need to know about the person a letter is for, opened: the flags in
 * her safe-contact instructions decide how the letter goes (output/delivery.ts).
 */
export async function recipientOf(trx: Trx, cipher: Cipher, personId: string) {
  const row = await trx
    .selectFrom("person")
    .select(["org_id", "protection_level", "safe_contact", "postal_address"])
    .where("id", "=", personId)
    .executeTakeFirstOrThrow();
  const p = await openColumns(cipher, "person", row.org_id, personId, row);
  return {
    protectionLevel: p.protection_level,
    safeContact: parseSafeContact(p.safe_contact),
    postalAddress: p.postal_address,
  };
}

/**
 * How a letter or document to her goes, as every one Frid prints plans it: her address is
 * printed only when the plan is to post it, and for a protected person only while the maker
 * has revealed her details with a reason (review 19, finding 9; docs/security.md): else 409.
 */
export async function deliveryFor(
  trx: Trx,
  actor: Actor,
  personId: string,
  recipient: Recipient,
  subject?: LetterSubject,
): Promise<DeliveryPlan> {
  const delivery = planLetterDelivery(recipient, subject);
  if (delivery.address) await requireReveal(trx, actor, personId, recipient.protectionLevel);
  return delivery;
}

const notDecidable = "Beslut fattas när ärendet är utrett eller under genomförande.";

export async function recordDecision(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
  input: {
    interventionKind: string;
    outcome: DecisionView["outcome"];
    periodFrom: string | null;
    periodTo: string | null;
    reasoning: string;
    childPlacement: ChildPlacementBody | null;
  },
) {
  const id = randomUUID();
  return runCaseCommand(database, actor, meta, {
    caseId,
    action: "decision.record",
    changes: true,
    requires: ["decide"],
    closedMessage: notDecidable,
    run: async ({ trx, case: c }) => {
      checkPlacement(c.case_type, input);
      await trx
        .insertInto("decision")
        .values({
          id,
          org_id: actor.orgId,
          case_id: caseId,
          intervention_kind: input.interventionKind,
          outcome: input.outcome,
          period_from: input.periodFrom,
          period_to: input.periodTo,
          reasoning: input.reasoning,
          appeal_info: input.outcome === "granted" ? null : appealInformation,
          decided_by: actor.userId,
        })
        .execute();
      if (input.childPlacement) await insertPlacement(trx, actor, caseId, id, input.childPlacement);
      return (await list(trx, database.cipher, caseId, c.person_id)).find(
        (d) => d.id === id,
      ) as DecisionView;
    },
    event: () => ({
      data: { decisionId: id, interventionKind: input.interventionKind, outcome: input.outcome },
    }),
  });
}
