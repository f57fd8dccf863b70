import { stockholmDate } from "../../../shared/calendar.ts";
import { displayIdentityNumber } from "../../../shared/personal-identity-number.ts";
import { shownReference } from "../../../shared/protection.ts";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import { runCaseCommand } from "../../access/case-command.ts";
import type { Trx } from "../../access/transaction.ts";
import { listEntry } from "../../audit/record.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { letterIdentity } from "../../output/delivery.ts";
import { renderInvestigationReport } from "../../output/investigation-report.ts";
import { findVisibleCaseWithDetails } from "../cases/queries.ts";
import { caseView } from "../cases/service.ts";
import { deliveryFor, recipientOf } from "../decisions/service.ts";
import { investigationView } from "./service.ts";

/**
 * The investigation printed (issue 15): what the committee and the client receive. The
 * person and the children are printed as the decision letter prints a person (output/),
 * and the one event names everyone the report shows: the person and each child.
 */

/** The case's children as recorded in it (the name the recorder knew, as relations.ts shows). */
function childrenOf(trx: Trx, caseId: string) {
  return trx
    .selectFrom("relation as r")
    .innerJoin("person as p", "p.id", "r.other_person_id")
    .select((eb) => [
      "p.id",
      eb.fn.coalesce("r.given_name", "p.given_name").as("given_name"),
      eb.fn.coalesce("r.family_name", "p.family_name").as("family_name"),
      "p.identity_kind",
      "p.identity_number",
      "p.protection_level",
    ])
    .where("r.case_id", "=", caseId)
    .where("r.kind", "=", "child")
    .orderBy("r.recorded_at")
    .execute();
}

function caseHead(trx: Trx, caseId: string) {
  return trx
    .selectFrom("case as c")
    .innerJoin("organisation as o", "o.id", "c.org_id")
    .select(["o.name as org_name"])
    .where("c.id", "=", caseId)
    .executeTakeFirstOrThrow();
}

export function printInvestigation(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
) {
  return runCaseCommand(database, actor, meta, {
    caseId,
    action: "investigation.print",
    find: findVisibleCaseWithDetails,
    run: async ({ trx, case: c }) => {
      const details = caseView(actor, c);
      const investigation = await investigationView(trx, c);
      const children = await childrenOf(trx, caseId);
      const recipient = await recipientOf(trx, database.cipher, c.person_id);
      const { org_name } = await caseHead(trx, caseId);
      const day = (iso: string | null) => (iso ? stockholmDate(new Date(iso)) : null);
      // Under fingerade personuppgifter no reference: it would tie her identity to the file.
      const reference = shownReference(recipient.protectionLevel, c.reference);
      const pdf = await renderInvestigationReport({
        organisation: org_name,
        unit: c.unit_name,
        reference,
        caseType: c.case_type,
        printedOn: stockholmDate(new Date()),
        openedOn: stockholmDate(c.opened_at),
        recipient: letterIdentity({
          protectionLevel: recipient.protectionLevel,
          name: `${c.given_name} ${c.family_name}`,
          identityNumber: displayIdentityNumber(c.identity_kind, c.identity_number),
        }),
        delivery: await deliveryFor(trx, actor, c.person_id, recipient),
        responsible: details.assignees.map((a) => a.displayName),
        sectionKeys: investigation.sectionKeys,
        sections: investigation.sections,
        childrenWitnessedViolence: investigation.childrenWitnessedViolence,
        children: children.map((child) =>
          letterIdentity({
            protectionLevel: child.protection_level,
            name: `${child.given_name} ${child.family_name}`,
            identityNumber: displayIdentityNumber(child.identity_kind, child.identity_number),
          }),
        ),
        risk: details.currentRisk,
        summary: investigation.summary,
        assessment: investigation.assessment,
        completed: investigation.completedAt
          ? { on: day(investigation.completedAt) ?? "", by: investigation.completedBy }
          : null,
        updatedOn: day(investigation.updatedAt),
      });
      return { pdf, reference, childIds: children.map((child) => child.id) };
    },
    event: ({ childIds }, { case: c }) => [
      listEntry(
        "investigation.print",
        { resourceType: "case", personIds: childIds, caseIds: [c.id], unitIds: [c.unit_id] },
        { personId: c.person_id, resourceId: c.id, data: { children: childIds.length } },
      ),
    ],
  });
}
