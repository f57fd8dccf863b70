import { randomUUID } from "node:crypto";
import type { CoordinatedPlanView } from "../../../shared/api/coordinated-plans.ts";
import { stockholmDate } from "../../../shared/calendar.ts";
import { shownReference } from "../../../shared/protection.ts";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import { type CaseContext, runCaseCommand } from "../../access/case-command.ts";
import type { Trx } from "../../access/transaction.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { renderCoordinatedPlan } from "../../output/coordinated-plan-pdf.ts";
import { requireConsultation } from "../protection/consultations.ts";
import { requireAgencyConsent } from "./references.ts";
import { onePlan } from "./service.ts";

/**
 * The SIP printed for its participants. The printed plan goes to the other agencies, so
 * printing it IS disclosing it (docs/adr/0020): only while every agency's consent holds (a
 * revoked or expired one refuses the print with 409 consent_not_valid — the plan stays
 * readable inside the case), and each print of a version not yet disclosed to an agency
 * records a disclosure to it: on her consent, context 'coordinated_plan', the secrecy review
 * being the consent check the printing worker made. A reprint of the same version adds none.
 */
export function printPlan(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
  planId: string,
) {
  return runCaseCommand(database, actor, meta, {
    caseId,
    action: "coordinated_plan.print",
    changes: true,
    // It records disclosures: nothing is disclosed from a closed case.
    requires: ["change"],
    closedMessage: "Ärendet är avslutat. Öppna det igen för att skriva ut planen till deltagarna.",
    run: (ctx) => printRun(ctx, planId),
    event: ({ plan, disclosures }) => ({
      resourceId: plan.id,
      data: { version: plan.version, disclosures },
    }),
  });
}

async function printRun(ctx: CaseContext, planId: string) {
  const { trx, case: c } = ctx;
  const today = stockholmDate(new Date());
  const plan = await onePlan(trx, c.id, planId, today);
  for (const a of plan.agencies)
    await requireAgencyConsent(trx, { ...a, personId: c.person_id, on: today });
  // Each print discloses her plan to the agencies: for a protected person her protection
  // officer is consulted first, as for any disclosure (issue 19, item 3; disclosures/checks.ts).
  if (c.protection_level !== "none") await requireConsultation(trx, c.person_id, "disclosure");
  const disclosures = await discloseToAgencies(ctx, plan, today);
  const head = await trx
    .selectFrom("organisation")
    .select("name")
    .where("id", "=", ctx.actor.orgId)
    .executeTakeFirstOrThrow();
  const pdf = await renderCoordinatedPlan({
    organisation: head.name,
    unit: c.unit_name,
    reference: c.reference,
    printedOn: today,
    person: {
      name: `${c.given_name} ${c.family_name}`,
      protectionLevel: c.protection_level,
    },
    plan,
  });
  // The file's name as the paper: no reference that ties a fictitious identity to the case.
  return { pdf, plan, reference: shownReference(c.protection_level, c.reference), disclosures };
}

/** What a SIP's disclosure says was disclosed: the plan's version, so a reprint adds none. */
const disclosed = (version: number) =>
  `Samordnad individuell plan (SIP), version ${version}: deltagare, mål, åtaganden, möten och uppföljning. Utan adress och personnummer.`;

async function discloseToAgencies(ctx: CaseContext, plan: CoordinatedPlanView, today: string) {
  const { trx, actor, case: c } = ctx;
  const information = disclosed(plan.version);
  const already = await alreadyDisclosed(trx, plan.id, information);
  const rows = plan.agencies
    .filter((a) => !already.has(a.agencyId))
    .map((a) => ({
      id: randomUUID(),
      org_id: actor.orgId,
      case_id: c.id,
      person_id: c.person_id,
      information,
      recipient_agency_id: a.agencyId,
      channel: "handed_over" as const,
      ground: "consent" as const,
      consent_id: a.consentId,
      // Her protection as it is, weighed: the plan is printed without address or number.
      person_protection: c.protection_level,
      protection_considered: true,
      reviewed_by: actor.userId,
      reviewed_at: new Date(),
      review_conclusion:
        "Personens samtycke till att dela uppgifter med myndigheten gällde vid utskriften; planen skrivs ut utan adress och personnummer.",
      disclosed_on: today,
      context_kind: "coordinated_plan" as const,
      context_id: plan.id,
      recorded_by: actor.userId,
    }));
  if (rows.length > 0) await trx.insertInto("disclosure").values(rows).execute();
  return rows.length;
}

async function alreadyDisclosed(trx: Trx, planId: string, information: string) {
  const rows = await trx
    .selectFrom("disclosure")
    .select("recipient_agency_id")
    .where("context_kind", "=", "coordinated_plan")
    .where("context_id", "=", planId)
    .where("information", "=", information)
    .execute();
  return new Set(rows.map((r) => r.recipient_agency_id));
}
