import { stockholmDate } from "../../../shared/calendar.ts";
import { shownReference } from "../../../shared/protection.ts";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import { runCaseCommand } from "../../access/case-command.ts";
import type { Trx } from "../../access/transaction.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { AppError } from "../../http/errors.ts";
import { renderDecisionLetter } from "../../output/decision-letter.ts";
import { letterIdentity } from "../../output/delivery.ts";
import { deliveryFor, recipientOf } from "./service.ts";

/**
 * The decision letter for one decision. Its address block follows the delivery plan, so a
 * letter is never addressed somewhere the person said is unsafe; each letter made is in the
 * audit trail with how it may be delivered.
 */

/** The decision with what its letter says: the case's, the unit's and the person's. */
function letterContents(trx: Trx, caseId: string, decisionId: string) {
  return trx
    .selectFrom("decision as d")
    .innerJoin("intervention_kind as k", "k.code", "d.intervention_kind")
    .innerJoin("app_user as u", "u.id", "d.decided_by")
    .innerJoin("case as c", "c.id", "d.case_id")
    .innerJoin("unit as un", "un.id", "c.unit_id")
    .innerJoin("organisation as o", "o.id", "c.org_id")
    .innerJoin("person as p", "p.id", "c.person_id")
    .leftJoin("child_placement as cp", "cp.decision_id", "d.id")
    .select([
      "d.outcome",
      "d.period_from",
      "d.period_to",
      "d.reasoning",
      "d.appeal_info",
      "d.decided_at",
      "k.name_sv",
      "k.legal_ref",
      "u.display_name",
      "c.reference",
      "un.name as unit_name",
      "o.name as org_name",
      "p.given_name",
      "p.family_name",
      "p.identity_number",
      "cp.basis",
      "cp.location_withheld",
    ])
    .where("d.id", "=", decisionId)
    .where("d.case_id", "=", caseId)
    .executeTakeFirst();
}

export function decisionLetter(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
  decisionId: string,
) {
  return runCaseCommand(database, actor, meta, {
    caseId,
    action: "decision.letter",
    run: async ({ trx, case: c }) => {
      const d = await letterContents(trx, caseId, decisionId);
      if (!d) throw new AppError(404, "not_found", "Beslutet finns inte i ärendet.");
      const recipient = await recipientOf(trx, database.cipher, c.person_id);
      const delivery = await deliveryFor(trx, actor, c.person_id, recipient, {
        ...(d.basis
          ? { childPlacement: { basis: d.basis, locationWithheld: Boolean(d.location_withheld) } }
          : {}),
      });
      // Under fingerade personuppgifter no reference: it would tie her identity to the file.
      const reference = shownReference(recipient.protectionLevel, d.reference);
      const pdf = await renderDecisionLetter({
        organisation: d.org_name,
        unit: d.unit_name,
        reference,
        decidedOn: stockholmDate(d.decided_at),
        recipient: letterIdentity({
          protectionLevel: recipient.protectionLevel,
          name: `${d.given_name} ${d.family_name}`,
          identityNumber: d.identity_number,
        }),
        delivery,
        interventionName: d.name_sv,
        legalReference: d.legal_ref,
        outcome: d.outcome,
        periodFrom: d.period_from,
        periodTo: d.period_to,
        reasoning: d.reasoning,
        appealInfo: d.appeal_info,
        decidedBy: d.display_name,
        placementBasis: d.basis ?? null,
      });
      return { pdf, reference, delivery: delivery.method, warning: delivery.warning };
    },
    event: ({ delivery }) => ({ data: { decisionId, delivery } }),
  });
}
